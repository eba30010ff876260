"""Housekeeping: the data folder, the log, one window per data folder, About, plain words for faults."""
