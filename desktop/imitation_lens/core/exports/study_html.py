"""The study's table as one self-contained HTML page (core/analysis/study.py's `Study`).

Like the session report (core/exports/html_report.py) the page loads no file, carries no
script and forbids every script in its Content-Security-Policy; every value reaches it through
Jinja2's autoescaping and nothing is marked safe. It reuses the report's style sheet.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import jinja2

from imitation_lens import __version__
from imitation_lens.core.analysis.study import Study
from imitation_lens.core.analysis.study_table import column_meanings, session_rows, study_rows
from imitation_lens.core.exports.html_markup import plain
from imitation_lens.core.exports.html_page import CONTENT_SECURITY_POLICY
from imitation_lens.core.exports.html_report import report_environment
from imitation_lens.core.exports.session_json import write_atomically
from imitation_lens.core.housekeeping.translation import _, current_language

TEMPLATE = "study.html.j2"


def _finalize(value: Any) -> Any:
    if isinstance(value, str):
        return plain(value)
    return "" if value is None else value


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # The report's environment (words in the chosen language), with this page's clean-up.
    return report_environment(_finalize)


def study_title(result: Study) -> str:
    sessions = " + ".join(session.title for session in result.sessions)
    return _("Study: {sessions}").format(sessions=sessions)


def render_study_html(result: Study) -> str:
    rows = study_rows(result)
    sessions = session_rows(result)
    page = {
        "title": study_title(result),
        "csp": CONTENT_SECURITY_POLICY,
        "version": __version__,
        "teacher": result.teacher or "",
        "columns": list(rows[0]) if rows else [],
        "rows": [list(row.values()) for row in rows],
        "session_columns": list(sessions[0]) if sessions else [],
        "sessions": [list(row.values()) for row in sessions],
        "meanings": column_meanings(result),
        "notes": list(result.notes),
        "resamples": result.resamples,
        "language": current_language(),
    }
    return _environment().get_template(TEMPLATE).render(page=page)


def write_study_html(result: Study, target: Path) -> Path:
    page = render_study_html(result)

    def write(stream: IO[str]) -> None:
        stream.write(page)

    return write_atomically(target, write)
