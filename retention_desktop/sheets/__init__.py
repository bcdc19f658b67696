"""Spreadsheets in and out: xlsx/csv import and xlsx export (openpyxl)."""
