"""Spreadsheets in and out: xlsx/csv import and xlsx export (openpyxl).

openpyxl parses with lxml whenever lxml is installed, and then no longer through
defusedxml: a workbook with XML entities would be read instead of refused
(tests/sheets/test_bad_files.py). lxml is no dependency of ours, but another package on the
owner's machine may bring it; openpyxl reads these two settings when it is first imported,
which is here, before any module of this package imports it."""

import os

os.environ["OPENPYXL_LXML"] = "False"
os.environ["OPENPYXL_DEFUSEDXML"] = "True"
