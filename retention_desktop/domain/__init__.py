"""Plain-Python core: records, validation rules, the built-in catalog and turnover metrics."""
