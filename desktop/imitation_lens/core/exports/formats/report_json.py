"""JSON figures: the report's numbers (per model, head to head, paired differences, topics,
agreement, and the figures beyond the study), for other programs: the local evaluator's and, with several evaluators, everyone's
pooled (core/analysis/evidence.py). Not a session document: it cannot be imported back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from imitation_lens.core.exports.formats import ExportFormat

REPORT_FORMAT = "imitation-lens-report"
REPORT_VERSION = 1


def report_document(document: dict[str, Any]) -> dict[str, Any]:
    """The report of a format-3 session document as JSON-able numbers."""
    from imitation_lens.core.analysis.session_report import build_session_report
    from imitation_lens.core.housekeeping.translation import in_english

    # Data for other programs: the same keys and words in every language (the agreement rows
    # and the evaluators' names in words are the readable table's).
    with in_english():
        built = build_session_report(document)
    return {
        "format": REPORT_FORMAT,
        "format_version": REPORT_VERSION,
        "session": built.title,
        "exported_at": document.get("exported_at"),
        "evaluator": built.evaluator,
        "evaluators": built.evaluators,
        "resamples": built.report.resamples,
        "seed": built.report.seed,
        "figures": [result.as_dict() for result in built.evidence],
        "agreement": built.agreement_rows,
        # Beyond the study: phases, position bias, revealing answers, style (session_report.py).
        "beyond": built.beyond,
    }


def _write(document: dict[str, Any], target: Path) -> Path:
    from imitation_lens.core.exports.session_json import write_json

    return write_json(report_document(document), target)


FORMAT = ExportFormat(
    "report-json", "JSON figures (the report's numbers)", ".report.json", _write, order=70
)
