"""Housekeeping: the data folder, the log, one window per data folder, About, plain words for faults,
and the registry that export formats and kinds of server add themselves to."""
