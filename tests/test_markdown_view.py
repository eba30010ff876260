"""Answers render their Markdown while marks stay offsets into the model's raw text."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.annotations import Mark
from imitation_lens.core.judging.markdown_inline import BOLD, CODE, ITALIC, LINK, STRIKE
from imitation_lens.core.judging.markdown_view import BULLETS, Rendered, extend, render
from imitation_lens.core.judging.spans import display_text
from imitation_lens.ui import answer_pane
from imitation_lens.ui.raw_text import raw_text_switch
from test_judging import CTRL, SHIFT, press, rows, run, scripted_slot

PIECES = [
    "**", "*", "_", "__", "~~", "`", "```", "```py", "~~~", "#", "## ", "- ", "* ", "+ ", "1. ",
    "12) ", "> ", ">> ", "---", "***", "[", "]", "(", ")", "](http://x.org)", "!", "\\", "\\*",
    "|", " | ", "  ", "    ", "\t", "\n", "\r\n", "\r", "word", "Launch:", "snake_case_name",
    "😀", "🇦🇺", "é", "e\u0301", "𝔘", "3 * 4", "a*b*c",
]  # fmt: skip


def generated(count: int, seed: int = 12) -> list[str]:
    chooser = random.Random(seed)
    return ["".join(chooser.choices(PIECES, k=chooser.randint(0, 40))) for _ in range(count)]


def check_map(rendered: Rendered) -> None:
    """Every shown character comes from its own raw characters, in order."""
    raw, text, source = rendered.raw, rendered.text, rendered.map
    assert len(source.starts) == len(source.ends) == len(text) == len(rendered.flags)
    assert text.count("\n") + 1 == len(rendered.lines) == len(rendered.line_starts)
    assert len(rendered.lines) == len(display_text(raw).split("\n"))  # one line per raw line
    previous_end = 0
    for index, char in enumerate(text):
        start, end = source.starts[index], source.ends[index]
        assert previous_end <= start < end <= len(raw)
        previous_end = end
        if char == "\n":
            assert raw[start:end] in ("\n", "\r\n", "\r")
        elif char in BULLETS and raw[start:end] in ("-", "*", "+"):
            pass
        else:
            assert raw[start:end] == char
    for position in range(len(text) + 1):
        assert source.to_shown(source.to_source(position)) == position


@pytest.mark.parametrize("markdown", [True, False])
def test_offsets_round_trip_on_generated_answers(markdown: bool) -> None:
    for raw in generated(400):
        rendered = render(raw, markdown)
        check_map(rendered)
        if not markdown:
            assert rendered.text == display_text(raw)
        source = rendered.map
        for start in range(0, len(rendered.text), 3):
            for end in range(start + 1, len(rendered.text) + 1, 4):
                span = source.source_span(start, end)
                assert source.shown_span(*span) == (start, end)
        for start in range(len(raw)):  # any raw mark is drawn on at least one character
            first, last = source.shown_span(start, start + 1)
            assert last > first or not rendered.text


@pytest.mark.slow
def test_streaming_extends_to_exactly_what_a_full_render_gives() -> None:
    for raw in generated(150, seed=7):
        for markdown in (True, False):
            full = render(raw, markdown)
            for cut in range(len(raw) + 1):
                half = render(raw[: cut // 2], markdown, streaming=True)
                streamed = extend(half, raw[:cut], streaming=True)
                same(streamed, render(raw[:cut], markdown, streaming=True))
                check_map(streamed)
                same(extend(streamed, raw), full)  # finished: drawn as if never streamed


def same(one: Rendered, other: Rendered) -> None:
    assert one.text == other.text
    assert one.flags == other.flags
    assert one.lines == other.lines
    assert (one.map.starts, one.map.ends) == (other.map.starts, other.map.ends)


@pytest.mark.parametrize(
    ("raw", "streaming", "finished"),
    [
        ("Check the **gui", "Check the gui", "Check the **gui"),
        ("so *very", "so very", "so *very"),
        ("run `ls -", "run ls -", "run `ls -"),
        ("**done** and **half\nnext", "done and **half\nnext", "done and **half\nnext"),
        ("3 * 4 is snake_case", "3 * 4 is snake_case", "3 * 4 is snake_case"),
    ],
)
def test_a_line_still_being_written_shows_its_open_styles(
    raw: str, streaming: str, finished: str
) -> None:
    """Chat apps show "**gui" as bold "gui" while it streams, not asterisks that then vanish."""
    assert render(raw, streaming=True).text == streaming
    assert render(raw).text == finished
    if streaming.endswith("gui"):
        assert render(raw, streaming=True).flags[-3:] == [BOLD] * 3


def test_a_bold_label_shows_its_words_and_maps_them_to_raw_offsets() -> None:
    raw = "**Launch:** go *now*"
    rendered = render(raw)
    assert rendered.text == "Launch: go now"
    assert rendered.flags[:7] == [BOLD] * 7 and rendered.flags[-3:] == [ITALIC] * 3
    start = rendered.text.index("Launch")
    assert rendered.map.source_span(start, start + 6) == (2, 8)
    assert raw[2:8] == "Launch"
    # A mark on the markup alone is still drawn, on the nearest shown word.
    assert rendered.map.shown_span(0, 2) == (0, 1)
    assert rendered.map.shown_span(9, 11) == (7, 8)


def test_blocks_render_like_a_chat_app() -> None:
    raw = (
        "# Plan\r\n\r\nIntro with `code` and [a link](https://example.org).\r\n"
        "- first **bold**\r\n  - nested\r\n    more of nested\r\n1. one\r\n"
        "```python\r\nx = **not bold**\r\n```\r\n> quoted\r\n---\r\n| a | b |\r\nend ~~old~~"
    )
    rendered = render(raw)
    lines = [rendered.line_text(i) for i in range(len(rendered.lines))]
    kinds = [(style.kind, style.level, style.depth) for style in rendered.lines]
    assert lines == [
        "Plan", "", "Intro with code and a link.", "• first bold", "◦ nested",
        "more of nested", "1. one", "", "x = **not bold**", "", "quoted", "", "| a | b |",
        "end old",
    ]  # fmt: skip
    assert kinds == [
        ("heading", 1, 0), ("blank", 0, 0), ("text", 0, 0), ("item", 0, 0), ("item", 0, 1),
        ("more", 0, 1), ("item", 0, 0), ("fence", 0, 0), ("code", 0, 0), ("fence", 0, 0),
        ("quote", 0, 0), ("rule", 0, 0), ("table", 0, 0), ("text", 0, 0),
    ]  # fmt: skip
    flags = dict(zip(rendered.text, rendered.flags, strict=False))
    text = rendered.text
    assert rendered.flags[text.index("code")] == CODE
    assert rendered.flags[text.index("a link")] == LINK
    assert rendered.flags[text.index("bold")] == BOLD
    assert rendered.flags[text.rindex("old")] == STRIKE
    assert rendered.flags[text.index("not bold")] == CODE  # code is shown as it is
    assert flags["\n"] == 0
    check_map(rendered)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("**unclosed bold", "**unclosed bold"),
        ("***both*** and **a *b* c**", "both and a b c"),
        ("snake_case_name and 3 * 4 * 5", "snake_case_name and 3 * 4 * 5"),
        ("\\*not italic\\*", "*not italic*"),
        ("`unclosed code", "`unclosed code"),
        ("`` a ` b ``", " a ` b "),
        ("Canberra 🇦🇺 is **😀 big**", "Canberra 🇦🇺 is 😀 big"),
        ("#hashtag, not a heading", "#hashtag, not a heading"),
        ("## Closed heading ##", "Closed heading"),
        ("![alt text](pic.png)", "alt text"),
        ("[not a link] (x)", "[not a link] (x)"),
    ],
)
def test_inline_markup(raw: str, shown: str) -> None:
    rendered = render(raw)
    assert rendered.text == shown
    check_map(rendered)


@pytest.mark.parametrize(
    "raw",
    [
        "*" * 10_000,
        "*a" * 5_000,
        "**a " * 3_000,
        "_" * 10_000,
        "~" * 10_000,
        "[" * 10_000 + "](" * 3_000,
        "`" * 10_000,
        "` `` ```" * 1_500,
        ">" * 10_000,
        "\n".join(" " * i + "- deep" for i in range(1_500)),
        "#" * 10_000,
        "- " * 5_000,
        "\r\n" * 10_000,
        "```\n" * 5_000,
    ],
    ids=lambda raw: f"{raw[:6]!r}x{len(raw)}",
)
def test_hostile_answers_render_in_linear_time(raw: str) -> None:
    began = time.perf_counter()
    rendered = render(raw)
    elapsed = time.perf_counter() - began
    check_map(rendered)
    # A quadratic pass over 10,000 characters would take tens of seconds here.
    assert elapsed < 2.0, f"{elapsed:.2f} s for {len(raw)} characters"


# -- in the window -----------------------------------------------------------------------------

ANSWER = (
    "## Launch plan\r\n\r\n**Launch:** on *Monday* 🚀 with `fuel`\r\n- first **bold** item\r\n"
    "  - nested 🇦🇺 item\r\n1. numbered\r\n```\r\ncode **stays**\r\n```\r\nEnd."
)


@pytest.fixture
def rendered_mode() -> Iterator[None]:
    """The raw-text switch lasts while the app runs: each test starts and ends with it off."""
    raw_text_switch().set(False)
    yield
    raw_text_switch().set(False)


def drawn_marks(answer: Any) -> list[str]:
    return sorted(s.cursor.selectedText() for s in answer.extraSelections())


def test_a_rendered_bold_word_is_marked_by_keyboard_and_saved_as_raw_offsets(
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    scripted_teacher: Any,
    rendered_mode: None,
) -> None:
    pieces = [ANSWER[i : i + 4] for i in range(0, len(ANSWER), 4)]  # "**" split across pieces
    window = open_window(data_paths, [scripted_slot(scripted_teacher(pieces))])
    run(qtbot, window)
    column = window.columns[0]
    answer = column.answer
    assert answer.text == ANSWER
    shown = answer.toPlainText().split("\n")
    assert shown[:6] == [
        "Launch plan", "", "Launch: on Monday 🚀 with fuel", "• first bold item",
        "◦ nested 🇦🇺 item", "1. numbered",
    ]  # fmt: skip
    assert "code **stays**" in shown  # code is shown as written
    heading = answer.document().findBlockByNumber(0).begin().fragment().charFormat()
    assert heading.fontWeight() == QFont.Weight.Bold
    assert heading.fontPointSize() > answer.font().pointSizeF()

    # Select "Launch" in "**Launch:**" with the keyboard, as an evaluator would.
    answer.setFocus()
    qtbot.keyClick(answer, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(answer, Qt.Key.Key_Down)
    qtbot.keyClick(answer, Qt.Key.Key_Down)
    qtbot.keyClick(answer, Qt.Key.Key_Home)
    for _ in "Launch":
        qtbot.keyClick(answer, Qt.Key.Key_Right, SHIFT)
    assert answer.textCursor().selectedText() == "Launch"
    press(qtbot, window, answer, Qt.Key.Key_1)
    [mark] = rows(data_paths, "SELECT * FROM marks")
    start = ANSWER.index("Launch:")
    assert (mark["start"], mark["end"], mark["quote"]) == (start, start + 6, "Launch")
    assert drawn_marks(answer) == ["Launch"]

    # R shows the raw text in every column; the mark stays on the same characters.
    qtbot.keyClick(answer, Qt.Key.Key_R)
    assert answer.shows_raw and column.raw_button.isChecked()
    assert answer.toPlainText() == display_text(ANSWER)
    assert drawn_marks(answer) == ["Launch"]

    # A mark made in raw mode on markup and words shows on the rendered words.
    bold = ANSWER.index("**bold**")
    answer.select_range(bold, bold + len("**bold**"))
    press(qtbot, window, answer, Qt.Key.Key_2)
    quotes = [m["quote"] for m in rows(data_paths, "SELECT * FROM marks ORDER BY start")]
    assert quotes == ["Launch", "**bold**"]
    qtbot.mouseClick(column.raw_button, Qt.MouseButton.LeftButton)
    assert answer.hasFocus()  # the keys still go to the answer
    assert not answer.shows_raw and "• first bold item" in answer.toPlainText()
    assert drawn_marks(answer) == ["Launch", "bold"]

    # The switch outlives the answer: a new answer opens the way the last one was shown.
    qtbot.keyClick(answer, Qt.Key.Key_R)
    run(qtbot, window, "And again?")
    assert column.answer.shows_raw and column.answer.toPlainText() == display_text(ANSWER)


def test_streaming_is_drawn_at_a_bounded_rate_keeping_the_readers_selection(
    qtbot: Any, rendered_mode: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    renders: list[int] = []

    def counted(previous: Rendered, raw: str, streaming: bool) -> Rendered:
        renders.append(len(raw))
        return extend(previous, raw, streaming)

    monkeypatch.setattr(answer_pane, "extend", counted)
    view = answer_pane.AnswerPane()
    qtbot.addWidget(view)
    view.resize(420, 160)
    view.show()
    view.set_text("**Intro:** ")
    tokens: list[str] = []
    feeder = QTimer()
    feeder.setInterval(2)
    feeder.timeout.connect(lambda: view.append_text(tokens.pop(0)) if tokens else None)
    feeder.start()

    def stream(first: int, last: int) -> float:
        tokens.extend(f"word{i} **b{i}** *i{i}*\n- item {i}\n" for i in range(first, last))
        began = time.perf_counter()
        qtbot.waitUntil(lambda: view.toPlainText().endswith(f"• item {last - 1}\n"), timeout=20000)
        return (time.perf_counter() - began) * 1000

    elapsed_ms = stream(0, 100)
    scrollbar = view.verticalScrollBar()
    assert scrollbar.maximum() > 0 and scrollbar.value() == scrollbar.maximum()  # followed
    # The reader scrolls back up and selects a word while the answer goes on.
    scrollbar.setValue(0)
    view.select_range(2, 7)
    elapsed_ms += stream(100, 200)
    feeder.stop()
    assert 2 <= len(renders) <= elapsed_ms / answer_pane.RENDER_INTERVAL_MS + 4
    assert view.textCursor().selectedText() == "Intro" and view.selection() == (2, 7)
    assert scrollbar.value() == 0
    assert view.toPlainText() == render(view.text).text  # drawn exactly as a full render


def test_marks_on_markup_alone_still_show_and_emoji_keep_their_place(
    qtbot: Any, rendered_mode: None
) -> None:
    view = answer_pane.AnswerPane()
    qtbot.addWidget(view)
    raw = "# 😀 Title\r\n**Launch:** 🇦🇺 go\r\n- item **x**"
    view.set_text(raw)
    spans = [(0, 2), (raw.index("**L"), raw.index("**L") + 2), (raw.index("🇦🇺"), raw.index(" go"))]
    spans.append((raw.index("x**") + 1, len(raw)))  # the closing "**" at the very end
    view.set_marks([Mark(str(i), "r", s, e, raw[s:e]) for i, (s, e) in enumerate(spans)])
    drawn = [s.cursor.selectedText() for s in view.extraSelections()]
    assert sorted(drawn) == sorted(["😀", "L", "🇦🇺", "x"])
    for start, end in spans[2:3]:  # a mark on words selects back to exactly its raw offsets
        view.select_range(start, end)
        assert view.selection() == (start, end)


def test_an_unclosed_bold_shows_bold_while_streaming_and_as_written_once_finished(
    qtbot: Any, rendered_mode: None
) -> None:
    view = answer_pane.AnswerPane()
    qtbot.addWidget(view)
    view.append_text("Check the **gui")
    qtbot.waitUntil(lambda: view.toPlainText() == "Check the gui")
    view.append_text("dance** now")
    qtbot.waitUntil(lambda: view.toPlainText() == "Check the guidance now")
    view.append_text(" and **half")
    view.finish(view.text)  # the answer ended there: its asterisks were the model's
    assert view.toPlainText() == "Check the guidance now and **half"
