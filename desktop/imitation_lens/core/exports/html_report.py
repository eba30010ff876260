"""A self-contained HTML report of a session: one file that opens offline in any browser.

The page carries no script at all and a Content-Security-Policy that forbids every script, so
even text that slipped past escaping could not run. Model output is untrusted: it reaches the
page through Jinja2's autoescaping (text and attribute values alike), with one exception built
for speed: each answer's marked-up text and its numbered list of marks, which
core/exports/html_markup.py assembles from our own tags and values passed through the same
escaping (markupsafe.escape) before they are marked safe. Nothing else is marked safe.

What the page holds is core/exports/html_page.py's; this module renders it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import jinja2
from markupsafe import Markup

from imitation_lens.core.analysis.evidence import Table
from imitation_lens.core.analysis.session_report import Chart
from imitation_lens.core.exports.html_markup import plain
from imitation_lens.core.exports.html_page import report_page
from imitation_lens.core.exports.session_json import write_atomically
from imitation_lens.core.housekeeping.paths import resource_path

TEMPLATE = "report.html.j2"


def _finalize(value: Any) -> Any:
    """Applied to every value the template prints, before autoescaping."""
    if type(value) is str or (isinstance(value, str) and not isinstance(value, Markup)):
        return plain(value)
    if value is None:
        return ""
    return value


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_path("reports")),
        autoescape=True,  # every value, text and attributes alike (and "HTML built in Python")
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(
    document: dict[str, Any],
    summary_rows: list[dict[str, str]] | None = None,
    charts: list[Chart] | None = None,
    tables: Sequence[Table] | None = None,
) -> str:
    """The report page for a format-3 session document, as one string of HTML. `tables`: more
    tables, each shown under the summary on its own, with its note."""
    view = report_page(document, summary_rows, charts, tables)
    return _environment().get_template(TEMPLATE).render(report=view)


def write_html(
    document: dict[str, Any],
    target: Path,
    summary_rows: list[dict[str, str]] | None = None,
    charts: list[Chart] | None = None,
    tables: Sequence[Table] | None = None,
) -> Path:
    page = render_html(document, summary_rows, charts, tables)

    def write(stream: IO[str]) -> None:
        stream.write(page)

    return write_atomically(target, write)
