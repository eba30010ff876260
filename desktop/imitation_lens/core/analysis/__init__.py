"""Analysis: the figures of a session's report and how far evaluators agree."""
