"""The SQLite file: its schema and migrations, the one writer, and the session list's work."""
