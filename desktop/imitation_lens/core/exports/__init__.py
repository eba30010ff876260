"""Exports and imports: every format a session leaves the app in, and bringing an export back in."""
