"""The HTML report: hostile model output stays text, the page keeps its shape, browsers agree."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.analysis.evaluator_view import counted_marks, final_phase
from imitation_lens.core.analysis.session_report import Chart
from imitation_lens.core.exports.html_report import render_html, write_html
from imitation_lens.core.exports.session_json import EVALUATOR_SETTING, session_document
from imitation_lens.core.exports.shown_answer import describe_mark, shown_answer
from imitation_lens.core.exports.wording import clean_text
from imitation_lens.core.judging import annotations as notes
from imitation_lens.core.judging.annotations import Judgement, Mark, Verdict
from imitation_lens.core.judging.taxonomy import category_label, severity_label
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.store import Store
from test_exporters import build_document

PWNED = "PWNED"
HOSTILE = (
    "Intro <script>alert(1)</script> then <script>document.title='PWNED'</script>\r\n"
    "<img src=x onerror=alert(1)> and <img src=x onerror=\"document.title='PWNED'\">\r\n"
    '</div></section></main></body></html> "><svg onload=alert(1)> <b>unclosed bold '
    "<!-- open comment <style>*{display:none}</style> {{ 7*7 }} {% if x %}\r\n"
    "emoji 🇦🇺😀 & &amp; &lt;b&gt; end."
)
# Where the hostile marks sit: across tags, line breaks, emoji; overlapping and nested.
HOSTILE_MARKS = (
    # quote start, quote end (exclusive, found in HOSTILE), category, severity
    ("<script>document", "<img src=x onerror=alert(1)>", "invented", "major"),
    ("<img src=x onerror=alert(1)>", '"><svg', "wrong_claim", "minor"),  # overlaps the first
    ("onerror", "onerror=", "reasoning", "minor"),  # nested in both
    ("🇦🇺", "😀", "wrong_detail", "major"),
    ('"><svg', " <b>", 'x answer" onmouseover="alert(1)', "major"),  # a crafted category
)
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "dl", "dt",
    "dd", "div", "section", "ul", "ol", "li", "span", "strong", "em", "p", "table", "thead",
    "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "line", "g", "text", "rect",
    "main", "article", "sup", "footer",
}  # fmt: skip
TEMPLATE_ATTRIBUTES = {
    "charset", "http-equiv", "content", "name", "lang", "class", "id", "title", "style",
    "data-marks", "value", "aria-hidden", "aria-labelledby", "role", "scope", "xmlns",
    "viewbox", "x", "y", "x1", "x2", "y1", "y2", "width", "height", "fill", "stroke",
    "stroke-width", "rx", "text-anchor",
}  # fmt: skip
VOID = {"meta", "br", "img", "input", "link", "hr", "source", "wbr"}


def _span(text: str, start_quote: str, end_quote: str) -> tuple[int, int]:
    start = text.index(start_quote)
    end = text.index(end_quote, start) + len(end_quote)
    return start, end


def hostile_document(tmp_path: Path) -> dict[str, Any]:
    """A session whose every free-text field is hostile, built through the real store."""
    store = Store(tmp_path / "db.sqlite3")
    store.set_setting(EVALUATOR_SETTING, '<b>eve</b>" onclick="x')
    store.create_session("Title </title><b>bold</b> & “quotes”", [], session_id="S")
    roles = ("<i>Base</i>", 'Imitator" onmouseover="alert(1)', "Teacher")
    for item_id, prompt in (
        ("I1", "Prompt <script>alert('p')</script>\r\nsecond line"),
        ("I2", "Plain question?"),
    ):
        store.add_item(
            "S",
            item_id,
            prompt,
            [
                {"id": f"{item_id}-{i}", "slot_index": i, "role": role, "kind": "local"}
                for i, role in enumerate(roles)
            ],
            reference="</p><script>alert('ref')</script>" if item_id == "I1" else "",
            reference_source="<a href=javascript:alert(1)>src</a>" if item_id == "I1" else "",
        )
        for i in range(len(roles)):
            text = HOSTILE if i < 2 else "Canberra.\nNo marks here."
            facts = {"model_name": "<svg onload=alert(1)>model"}
            if f"{item_id}-{i}" == "I2-2":
                error = "<script>alert('error')</script>"
                store.finish_response("I2-2", Status.FAILED, "", error, facts)
            else:
                store.finish_response(f"{item_id}-{i}", Status.DONE, text, "", facts)
    for response_id in ("I1-0", "I1-1", "I2-1"):
        for n, (first, last, category, severity) in enumerate(HOSTILE_MARKS):
            start, end = _span(HOSTILE, first, last)
            mark = Mark(
                f"{response_id}-m{n}",
                response_id,
                start,
                end,
                HOSTILE[start:end],
                category,
                severity,
                note="<script>alert('note')</script> \" onmouseover=\"x",
                correction="'><img src=x onerror=alert(2)>",
                unsure=n == 2,
            )
            notes.insert_mark(store, mark)
    notes.save_judgement(store, "I1", Judgement("I1-2", 1, checked_clean=True))
    notes.submit_verdict(
        store, Verdict("I1", 1, "answer", "I1-1", 2, "</p><script>alert('why')</script>", [0, 1, 2])
    )
    document = session_document(store, "S")
    store.close()
    return document


CHARTS = [
    Chart(
        "Error score per answer <script>alert(1)</script>",
        "points",
        [("<b>Base</b>", 6.5, 3.0, 9.25), ("Imitator", 2.0, None, None), ("Teacher", 0.0, 0, 1)],
    ),
    Chart(
        "Share with an error", "%", [("A label far too long to fit in the chart " * 3, 42, 30, 55)]
    ),
    Chart("Nothing measured", "", [("Empty", float("nan"), None, None)]),
]
SUMMARY = [
    {"Model": "<b>Base</b>", "Errors per 100 words": "3.2 (1.1–5.0)"},
    {"Model": "Imitator", "Win rate": "=1+1"},
]


class Page(HTMLParser):
    """The page as a tree of start tags; fails on any end tag that doesn't close the open one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.problems: list[str] = []
        self.title = ""
        self.answers: list[dict[int, str]] = []  # per answer: mark number -> marked text
        self.order: list[str] = []  # "article" and "footer" in document order
        self.footer_parent = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {name: value or "" for name, value in attrs}
        self.tags.append((tag, named))
        classes = named.get("class", "").split()
        if tag == "section" and "answer" in classes:
            self.answers.append({})
        if tag in ("article", "footer"):
            self.order.append(tag)
        if tag == "footer":
            self.footer_parent = self.stack[-1][0] if self.stack else ""
        if tag not in VOID:
            self.stack.append((tag, named))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> while {[t for t, _ in self.stack[-3:]]} open")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "title" and len(self.stack) == 3:
            self.title += data
        for tag, attrs in self.stack:
            if tag == "span" and "data-marks" in attrs and self.answers:
                for number in attrs["data-marks"].split():
                    marked = self.answers[-1]
                    marked[int(number)] = marked.get(int(number), "") + data

    def handle_comment(self, data: str) -> None:
        self.problems.append(f"comment {data!r}")


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def expected_quotes(document: dict[str, Any]) -> list[dict[int, str]]:
    me = document["evaluator"]
    out = []
    for item in document["items"]:
        for response in item["responses"]:
            marks = counted_marks(response, me, final_phase(item, me, me), me)
            out.append({n: m["quote"].replace("\r\n", "\n") for n, m in enumerate(marks, start=1)})
    return out


def check_page(page: str, document: dict[str, Any]) -> Page:
    parsed = parse(page)
    assert parsed.problems == []
    assert parsed.stack == []  # every element closed
    names = [tag for tag, _ in parsed.tags]
    assert "script" not in names
    assert set(names) <= TEMPLATE_TAGS, set(names) - TEMPLATE_TAGS
    for tag, attrs in parsed.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert set(attrs) <= TEMPLATE_ATTRIBUTES, (tag, set(attrs) - TEMPLATE_ATTRIBUTES)
        if "style" in attrs and tag == "span":
            assert attrs["style"].startswith("background-image: repeating-linear-gradient(")
        for value in attrs.values():
            assert "alert" not in value or attrs.get("title", "") == value, (tag, attrs)
    classes = {c for _, attrs in parsed.tags for c in attrs.get("class", "").split()}
    assert not {"onmouseover", "x", 'answer"'} & classes
    answers = [r for item in document["items"] for r in item["responses"]]
    assert len(parsed.answers) == len(answers) == 6
    assert names.count("article") == len(document["items"])
    assert parsed.order[-1] == "footer" and parsed.order.count("footer") == 1
    assert parsed.footer_parent == "body"
    assert parsed.answers == expected_quotes(document)
    return parsed


def test_hostile_model_output_stays_text_and_the_page_keeps_its_shape(tmp_path: Path) -> None:
    document = hostile_document(tmp_path)
    page = render_html(document, SUMMARY, CHARTS)
    parsed = check_page(page, document)
    assert parsed.title == document["session"]["title"] + " — Imitation Lens report"
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "{{ 7*7 }} {% if x %}" in page  # model text is never run as a template
    assert (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:;" in page.replace("&#39;", "'")
    )
    # The five marks of an answer, numbered in text order, each with its own tooltip.
    assert sum(1 for t, a in parsed.tags if t == "li" and a.get("value")) == 15
    tooltips = [a["title"] for t, a in parsed.tags if t == "span" and "data-marks" in a]
    assert any("Made up · Major — <script>" in tip for tip in tooltips)
    assert any("(should be: '><img src=x onerror=alert(2)>)" in tip for tip in tooltips)
    # A category this version does not know is drawn as "other", never as its own class.
    assert any("c-other" in a.get("class", "") for t, a in parsed.tags if t == "span")


def test_the_report_shows_the_final_phase_and_the_verdict(tmp_path: Path) -> None:
    document = build_document(tmp_path)
    document["session"]["blind"] = 1
    page = render_html(document)
    parsed = check_page(page, document)
    # Item 1 was revised after the reference: only the phase-2 mark, not the deleted copy.
    assert parsed.answers[0] == {1: "Sydney 🇦🇺"}
    assert parsed.answers[3:5] == [{1: "Marlowe", 2: "1700"}, {1: "1601"}]
    assert "Preferred: Teacher · gemma." in page and "A tie." in page
    preferred = [a["class"] for t, a in parsed.tags if t == "section" and "answer" in a["class"]]
    assert preferred.count("answer preferred") == 1
    # Blind sessions say where each answer stood when it was judged (shown order [2, 0, 1]).
    assert [page.count(f"Shown as answer {n}") for n in (1, 2, 3)] == [2, 2, 2]
    base = page.index("<h3>Base</h3>")
    assert page.index("Shown as answer 2", base) < page.index("<h3>Imitator</h3>")
    assert "Wrong as a whole" in page and "Checked: no errors" in page
    assert "1 mark (1 major) · 4 words · error score 5" in page


def test_structure_and_summary_survive_plain_and_odd_inputs(tmp_path: Path) -> None:
    document = hostile_document(tmp_path)
    page = render_html(document, SUMMARY, CHARTS)
    parsed = parse(page)
    headers = [a for t, a in parsed.tags if t == "th"]
    assert len(headers) == 3  # columns from every row, in first-seen order
    assert "<td>=1+1</td>" in page and "&lt;b&gt;Base&lt;/b&gt;" in page
    assert "6.5 (3–9.25)" in page and "42% (30–55)" in page and "no data" in page
    assert "A label far too long to fit in" in page and "…</text>" in page
    bars = [a for t, a in parsed.tags if t == "rect"]
    assert len(bars) == 4  # the NaN bar has none
    assert len([a for t, a in parsed.tags if t == "svg"]) == len(CHARTS)
    assert "Failed: &lt;script&gt;alert(&#39;error&#39;)&lt;/script&gt;" in page
    empty = render_html({"session": {}, "items": []})
    assert parse(empty).problems == [] and "Session — Imitation Lens report" in empty


def test_the_written_report_is_one_self_contained_file(tmp_path: Path) -> None:
    document = hostile_document(tmp_path)
    target = write_html(document, tmp_path / "out" / "report.html", SUMMARY, CHARTS)
    page = target.read_bytes().decode("utf-8")
    assert page == render_html(document, SUMMARY, CHARTS)
    assert "\r" not in page
    style = page[page.index("<style>") : page.index("</style>")]
    assert "url(" not in style and "@import" not in style
    tags = parse(page).tags
    assert not [t for t, a in tags if t in ("link", "img", "iframe", "object") or "src" in a]
    assert not list(target.parent.glob(".*partial"))


def test_a_long_report_shows_its_summary_first_and_lays_out_only_questions_in_view(
    tmp_path: Path,
) -> None:
    """A 10,000-question page took Chromium minutes to lay out in full; with each question's
    layout left until it nears the screen the summary shows at once (bench/exports.py times it).
    Every question stays in the one file, and printing lays them all out."""
    document = hostile_document(tmp_path)
    page = render_html(document, SUMMARY, CHARTS)
    style = page[page.index("<style>") : page.index("</style>")]
    screen, printed = style.split("@media print")
    assert ".item { content-visibility: auto; contain-intrinsic-size: auto 1400px; }" in screen
    assert ".item { break-inside: avoid-page; content-visibility: visible; }" in printed
    first_question = page.index('<article class="item"')
    assert page.index('<section class="summary"') < first_question
    assert page.index('<section class="charts"') < first_question
    assert page.count('<article class="item"') == len(document["items"])
    assert "<details" not in page  # nothing to open: every answer is there to read and find


# -- a real browser ---------------------------------------------------------------------------


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _chromium(browser: str, profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        *arguments,
    ]
    # Its own process group, so a hung browser goes with all its helper processes.
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(
            "Chromium did not finish within 60 s: a script on the page may have opened a dialog"
        )
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


@pytest.fixture
def browser() -> str:
    found = _browser()
    if found is None:
        pytest.skip(
            "no Chromium found (Debian: apt-get install chromium); the browser check needs one"
        )
    return found


@pytest.mark.slow
def test_a_real_browser_runs_nothing_and_sees_every_answer(browser: str, tmp_path: Path) -> None:
    document = hostile_document(tmp_path)
    target = write_html(document, tmp_path / "report.html", SUMMARY, CHARTS)
    expected_title = document["session"]["title"] + " — Imitation Lens report"
    # Without the page's CSP too: the escaping alone must keep the scripts from running.
    bare = tmp_path / "no-csp.html"
    page = target.read_text("utf-8")
    csp_line = next(line for line in page.splitlines() if "Content-Security-Policy" in line)
    bare.write_text(page.replace(csp_line + "\n", ""), "utf-8")
    for path in (target, bare):
        result = _chromium(
            browser,
            tmp_path / f"profile-{path.stem}",
            "--virtual-time-budget=3000",  # time for any onerror or script to have fired
            "--dump-dom",
            path.as_uri(),
        )
        assert result.returncode == 0, result.stderr[-2000:]
        dom = parse(result.stdout)
        assert dom.problems == [], dom.problems[:5]
        assert dom.title == expected_title
        assert PWNED not in result.stdout.split("</title>")[0]
        names = [tag for tag, _ in dom.tags]
        assert "script" not in names and "img" not in names
        assert len(dom.answers) == 6
        assert dom.answers == expected_quotes(document)
        assert dom.order[-1] == "footer" and dom.footer_parent == "body"

    screenshot = tmp_path / "report.png"
    result = _chromium(
        browser,
        tmp_path / "profile-shot",
        f"--screenshot={screenshot}",
        "--window-size=1280,1600",
        "--hide-scrollbars",
        target.as_uri(),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000  # a page with content, not a blank frame


# -- the HTML built in Python -----------------------------------------------------------------


class Answers(HTMLParser):
    """Per answer, what a reader gets from its text and its list of marks, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []  # each answer's text, without the mark numbers after marks
        self.tooltips: list[list[tuple[str, str]]] = []  # per answer: (data-marks, title)
        self.entries: list[list[dict[str, str]]] = []  # per answer: its list's parts by class
        self.open: list[tuple[str, str]] = []  # (tag, class) of the elements we are in

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {name: value or "" for name, value in attrs}
        css = named.get("class", "")
        if tag == "section" and css.startswith("answer"):
            self.texts.append("")
            self.tooltips.append([])
            self.entries.append([])
        if tag == "span" and "data-marks" in named:
            self.tooltips[-1].append((named["data-marks"], named["title"]))
        if tag == "li" and self.open and self.open[-1][1] == "marks":
            self.entries[-1].append({})
        self.open.append((tag, css))

    def handle_endtag(self, tag: str) -> None:
        self.open.pop()

    def handle_data(self, data: str) -> None:
        classes = [css for _, css in self.open]
        if "text" in classes and "ref" not in classes:
            self.texts[-1] += data
        elif "marks" in classes and self.open[-1][0] in ("span", "strong"):
            part = self.open[-1][1] or self.open[-1][0]
            self.entries[-1][-1][part] = self.entries[-1][-1].get(part, "") + data


def _as_shown(value: str) -> str:
    """What the page must show of a value: no NUL or lone surrogate, "\n" for every break."""
    return clean_text(value).replace("\r\n", "\n").replace("\r", "\n")


def test_answers_and_their_marks_show_exactly_their_words(tmp_path: Path) -> None:
    document = hostile_document(tmp_path / "hostile")
    # What SQLite can't hold but a colleague's file can: NUL, a lone surrogate, a bare "\r".
    odd = "odd \x00 and \ud83d and\rbare <b>&amp;</b>\r\n"
    responses = document["items"][1]["responses"]
    responses[1]["text"] = odd + responses[1]["text"]
    for mark in responses[1]["marks"]:
        mark["start"] += len(odd)
        mark["end"] += len(odd)
        mark["note"] = odd + str(mark["note"])
    responses[1]["marks"][0]["category"] = "<i>new</i> & kind"  # a code this version lacks
    plain = build_document(tmp_path / "plain")  # answers with nothing to escape
    for doc in (document, plain):
        page = render_html(doc, SUMMARY, CHARTS)
        check_page(page, doc)
        assert "\x00" not in page and "\r" not in page and "\ud83d" not in page
        shown = Answers()
        shown.feed(page)
        me = doc["evaluator"]
        responses = [(item, r) for item in doc["items"] for r in item["responses"]]
        assert len(shown.texts) == len(responses)
        for (item, response), text, tooltips, entries in zip(
            responses, shown.texts, shown.tooltips, shown.entries, strict=True
        ):
            phase = final_phase(item, me, me)
            view = shown_answer(response, me, phase)
            assert text == (_as_shown(view.text) if view.text.strip() else "(no text)")
            words = {m.number: f"{m.number}. {describe_mark(m.row)}" for m in view.marks}
            for numbers, title in tooltips:
                covering = [words[int(n)] for n in numbers.split()]
                assert title == _as_shown("\n".join(covering))
            assert len(entries) == len(view.marks)
            for entry, mark in zip(entries, view.marks, strict=True):
                code = str(mark.row.get("category") or "")
                assert entry["strong"] == _as_shown(category_label(code) or "No category")
                severity = "s-minor" if mark.row["severity"] == "minor" else "s-major"
                assert entry[f"sev mk {severity}"] == severity_label(mark.row["severity"])
                assert entry["quote"] == f"“{_as_shown(str(mark.row.get('quote') or ''))}”"
                assert entry.get("note", "") == _as_shown(str(mark.row.get("note") or ""))
                correction = str(mark.row.get("correction") or "")
                assert entry.get("should", "") == ("Should be: " + correction if correction else "")


# -- a long session: its questions a page at a time --------------------------------------------

SCRIPT_ELEMENT = re.compile(r"<script([^>]*)>(.*?)</script>", re.DOTALL)


def _inline_questions(page: str) -> str:
    """What a short session's page holds between <main class="items"> and </main>."""
    start = page.index('<main class="items">\n') + len('<main class="items">\n')
    return page[start : page.index("</main>", start)]


def test_a_long_report_carries_its_questions_as_escaped_json_pages(tmp_path: Path) -> None:
    """Above `paged_above` questions the questions travel as JSON (10,000 of them as HTML took
    Chromium 9 s to parse): exactly the HTML a short page holds, no "<" a hostile answer could
    end its block with, and one script, the page's own, allowed by its hash."""
    document = hostile_document(tmp_path)
    inline = render_html(document, SUMMARY, CHARTS)
    paged = render_html(document, SUMMARY, CHARTS, paged_above=1, page_size=1)
    assert "<script" not in inline.lower()  # up to the threshold: as before, no script at all

    # Everything above the questions is the same page, but for the CSP (below).
    def head(page: str, end: str) -> str:
        return re.sub(
            r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page[: page.index(end)]
        )

    assert head(paged, '<section class="pager-wrap"') == head(inline, '<main class="items">')
    scripts = SCRIPT_ELEMENT.findall(paged)
    # The hostile text holds "</script>" and "<script>": had any got through, these would differ.
    assert len(scripts) == paged.lower().count("<script") == paged.lower().count("</script") == 4
    blocks = [body for attrs, body in scripts if 'type="application/json"' in attrs]
    assert len(blocks) == 3 and all("<" not in body for body in blocks)
    positions, *pages = (json.loads(body) for body in blocks)
    assert positions == [int(item["position"]) for item in document["items"]]
    assert [len(page) for page in pages] == [1, 1]
    assert "".join(article for page in pages for article in page) == _inline_questions(inline)
    # The one script that runs: the CSP names its hash, and only it.
    (code,) = [body for attrs, body in scripts if not attrs]
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
    csp = re.search(r'Content-Security-Policy" content="([^"]*)"', paged)
    assert csp is not None
    policy = csp.group(1).replace("&#39;", "'")
    assert f"script-src 'sha256-{digest}';" in policy and "unsafe-inline'; img" in policy
    assert policy.count("script-src") == 1 and "default-src 'none'" in policy
    # Without JavaScript the summary reads as before and a note says where the answers went.
    parsed = parse(paged)
    assert parsed.problems == [] and parsed.stack == []
    assert '<noscript><p class="pager-note">This session has 2 questions.' in paged
    assert ('<form class="pager" id="pager" hidden>') in paged
    assert '<main class="items" id="items" data-page-size="1">\n</main>' in paged
    assert parsed.order == ["footer"] and parsed.footer_parent == "body"


@pytest.mark.slow
def test_a_real_browser_shows_a_long_report_a_page_at_a_time(browser: str, tmp_path: Path) -> None:
    document = hostile_document(tmp_path)
    target = write_html(
        document, tmp_path / "long.html", SUMMARY, CHARTS, paged_above=1, page_size=1
    )
    expected = expected_quotes(document)
    for address, shown in (("", 0), ("#question-2", 1)):
        result = _chromium(
            browser,
            tmp_path / f"profile-{shown}",
            "--virtual-time-budget=3000",
            "--dump-dom",
            target.as_uri() + address,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        dom = parse(result.stdout)
        assert dom.problems == [], dom.problems[:5]
        assert dom.title == document["session"]["title"] + " — Imitation Lens report"
        names = [tag for tag, _ in dom.tags]
        assert names.count("script") == 4 and "img" not in names
        # One question on the page: the first, or the one the address asks for.
        articles = [attrs["id"] for tag, attrs in dom.tags if tag == "article"]
        assert articles == [f"question-{document['items'][shown]['position']}"]
        assert dom.answers == expected[shown * 3 : shown * 3 + 3]
        assert ("pager", "") not in [(a.get("id"), a.get("hidden")) for _, a in dom.tags]
        assert f"Page {shown + 1} of 2" in result.stdout


def test_sessions_are_paged_above_500_questions_only() -> None:
    def document(questions: int) -> dict[str, Any]:
        items = [{"id": f"I{n}", "position": n, "prompt": f"Q{n}"} for n in range(1, questions + 1)]
        return {"session": {"title": "Long"}, "items": items}

    whole = render_html(document(500))
    assert "<script" not in whole and whole.count('<article class="item"') == 500
    paged = render_html(document(501))
    assert paged.count('class="items-page"') == 6 and '<article class="item"' not in paged
    assert "\\u003ch2>Question 501\\u003c/h2>" in paged
