"""Analysis: the figures of a session's report and how far evaluators agree.

- evaluator_view.py: which of an evaluator's marks, judgements and verdicts count (used by
  everything below and by the readable exports).
- text_style.py: words, lists and hedging in an answer's text.
- estimates.py: figures with bootstrap intervals, and how they are written.
- metrics.py: the per-model report; agreement.py: agreement between evaluators;
  session_report.py: both for one session, with the charts, for the window and the exports.
"""
