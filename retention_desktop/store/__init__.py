"""The SQLite file: connection, schema and migrations, backups, queries and writes."""
