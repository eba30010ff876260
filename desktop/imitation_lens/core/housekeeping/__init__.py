"""Housekeeping: the data folder, the log, one window per data folder, About, plain words for faults,
the registry that export formats and kinds of server add themselves to, and bulk_work (the
cycle collector held off while a long session is read, reported or written)."""
