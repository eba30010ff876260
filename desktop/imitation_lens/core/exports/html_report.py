"""A self-contained HTML report of a session: one file that opens offline in any browser.

A session of up to PAGED_ABOVE questions gets a page with no script at all and a
Content-Security-Policy that forbids every script, so even text that slipped past escaping
could not run.

Long sessions: a benchmark's 10,000 questions make 120 MB of HTML, which took Chromium 9 s
just to parse. Above PAGED_ABOVE questions the summary, tables and charts stay HTML (read at
once, with or without JavaScript), and the questions travel as JSON: pages of PAGE_SIZE, each
a list of the questions' HTML exactly as a short session's page holds it inline, in a
<script type="application/json"> block (raw text the browser only scans). One fixed script
(resources/reports/report-pager.js) puts the page asked for into the page, with buttons and a
"Go to question" box; links to #question-N still work. The CSP allows that script by its
SHA-256 and no other, so text that slipped past escaping still could not run; the JSON is
written with every "<" escaped (html_markup.json_block), so no answer can end its
block. Without JavaScript a <noscript> note says the questions need it. Model output is untrusted: it reaches the
page through Jinja2's autoescaping (text and attribute values alike), with one exception built
for speed: each answer's marked-up text and its numbered list of marks, which
core/exports/html_markup.py assembles from our own tags and values passed through the same
escaping (markupsafe.escape) before they are marked safe. Nothing else is marked safe.

What the page holds is core/exports/html_page.py's; this module renders it.

The page's words are in the chosen language (core/housekeeping/translation.py): the templates
mark them with _()/ngettext() (Jinja2's i18n extension, new style: named %(placeholders)s,
values escaped as they are filled in). The environment is made once; its _() reads the language
each time it is called, so a page rendered after a change of language speaks the new one.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import IO, Any

import jinja2
from markupsafe import Markup

from imitation_lens.core.analysis.evidence import Table
from imitation_lens.core.analysis.session_report import Chart
from imitation_lens.core.exports.html_markup import json_block, plain
from imitation_lens.core.exports.html_page import (
    CONTENT_SECURITY_POLICY,
    HtmlReportPage,
    ItemHtml,
    question_number,
    report_page,
)
from imitation_lens.core.exports.session_json import write_atomically
from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.paths import resource_path

TEMPLATE = "report.html.j2"
ITEM_TEMPLATE = "report_item.html.j2"
PAGER_SCRIPT = "report-pager.js"
PAGED_ABOVE = 500  # questions: up to this many, every one is HTML in the page (no script)
PAGE_SIZE = 100  # questions a page when paged: about 1.2 MB of JSON, shown at once


def _finalize(value: Any) -> Any:
    """Applied to every value the template prints, before autoescaping."""
    if type(value) is str or (isinstance(value, str) and not isinstance(value, Markup)):
        return plain(value)
    if value is None:
        return ""
    return value


def report_environment(finalize: Any) -> jinja2.Environment:
    """The report templates' environment (the study page's too), words in the chosen language."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_path("reports")),
        autoescape=True,  # every value, text and attributes alike (and "HTML built in Python")
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    # The callables read the language when called: the cached environment follows a change.
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        translation._, translation.ngettext, newstyle=True
    )
    # A value filled into a translated message skips `finalize`: the template cleans it itself.
    environment.filters["plain"] = plain
    environment.globals["number"] = translation.number
    environment.globals["percent"] = translation.percent
    return environment


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return report_environment(_finalize)


@lru_cache(maxsize=1)
def pager_script() -> tuple[Markup, str]:
    """The long page's script, and the CSP that allows it and nothing else."""
    text = resource_path("reports", PAGER_SCRIPT).read_text("utf-8")
    # Our own file, with nothing that could end the <script> element it stands in.
    assert "</" not in text and "<!--" not in text
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    policy = CONTENT_SECURITY_POLICY.replace(
        "; base-uri", f"; script-src 'sha256-{digest}'; base-uri"
    )
    assert policy != CONTENT_SECURITY_POLICY
    return Markup(text), policy


def _pages(items: Iterable[ItemHtml], page_size: int) -> Iterator[Markup]:
    """Each page of questions as a JSON list of their HTML, made as the page is written."""
    article = _environment().get_template(ITEM_TEMPLATE).module.article  # type: ignore[attr-defined]
    questions = iter(items)
    while page := list(islice(questions, page_size)):
        yield json_block([str(article(item)) for item in page])


def _paged(view: HtmlReportPage, document: dict[str, Any], page_size: int) -> HtmlReportPage:
    script, policy = pager_script()
    items = document.get("items") or []
    numbers = [question_number(item, index) for index, item in enumerate(items)]
    return replace(
        view,
        paged=True,
        page_size=page_size,
        pages=_pages(view.items, page_size),
        positions=json_block(numbers),
        script=script,
        csp=policy,
    )


def render_html(
    document: dict[str, Any],
    summary_rows: list[dict[str, str]] | None = None,
    charts: list[Chart] | None = None,
    tables: Sequence[Table] | None = None,
    *,
    paged_above: int = PAGED_ABOVE,
    page_size: int = PAGE_SIZE,
) -> str:
    """The report page for a format-3 session document, as one string of HTML. `tables`: more
    tables, each shown under the summary on its own, with its note. A session of more than
    `paged_above` questions shows them `page_size` at a time (the module's docstring)."""
    view = report_page(document, summary_rows, charts, tables)
    if view.question_count > paged_above:
        view = _paged(view, document, max(1, page_size))
    return _environment().get_template(TEMPLATE).render(report=view)


def write_html(
    document: dict[str, Any],
    target: Path,
    summary_rows: list[dict[str, str]] | None = None,
    charts: list[Chart] | None = None,
    tables: Sequence[Table] | None = None,
    *,
    paged_above: int = PAGED_ABOVE,
    page_size: int = PAGE_SIZE,
) -> Path:
    page = render_html(
        document, summary_rows, charts, tables, paged_above=paged_above, page_size=page_size
    )

    def write(stream: IO[str]) -> None:
        stream.write(page)

    return write_atomically(target, write)
