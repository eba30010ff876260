"""Judging: error marks, judgements and verdicts, the taxonomy, the blind protocol, the answer check,
and how an answer's Markdown is shown and marked."""
