"""What the evaluator reads says it in plain words: column headers after a run, the sampling
settings, the catalog's sources and the Teacher connections form's complaints."""

from __future__ import annotations

from typing import Any

from conftest import close_window, local_slot, wait_idle
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.servers.connections import VARIABLE_NAME_PROBLEM
from imitation_lens.ui.catalog_tab import source_html
from imitation_lens.ui.connections_dialog import save_problem
from imitation_lens.ui.slot_dialog import KNOB_HINTS, SlotDialog

BUILT_IN = "Gemma 3 270M (base) · Q4_K_M · built in"
INTERNAL_IDS = ("question-answer", "teacher-style-examples", "gguf-chat-template", "completion")


def test_headers_keep_plain_words_after_a_run_and_after_reopening(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    lineup = [local_slot("Base"), local_slot("Imitator", "teacher-style")]
    window = open_window(data_paths, lineup)
    assert [c.model_label.text() for c in window.columns] == [BUILT_IN, BUILT_IN]
    window.prompt_edit.setPlainText("What is the capital of Italy?")
    window.run_prompt()
    wait_idle(qtbot, window)
    expected = [
        f"{BUILT_IN} · asked as question and answer",
        f"{BUILT_IN} · asked after teacher-style examples",
    ]
    assert [c.model_label.text() for c in window.columns] == expected
    close_window(qtbot, window)

    reopened = open_window(data_paths)  # the saved answers, shown from the database
    qtbot.waitUntil(lambda: all(c.answer.text for c in reopened.columns[:2]), timeout=10000)
    headers = [c.model_label.text() for c in reopened.columns[:2]]
    assert headers == expected
    assert not any(word in header for header in headers for word in INTERNAL_IDS)


def test_every_sampling_knob_has_a_hint_and_the_dialog_explains_them(qtbot: Any) -> None:
    dialog = SlotDialog(local_slot("Base"))
    qtbot.addWidget(dialog)
    dialog.show()
    for knob in (dialog.temperature, dialog.top_p, dialog.top_k, dialog.repeat_penalty):
        assert knob.toolTip() and knob.accessibleDescription() == knob.toolTip()
    assert dialog.temperature.toolTip().startswith("How adventurous the wording is. 0 always")
    assert "0 means no limit" in dialog.top_k.toolTip()
    assert not dialog.knobs_help.isVisible()  # short until asked
    dialog.knobs_button.click()
    assert dialog.knobs_help.isVisible()
    lines = dialog.knobs_help.text().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Temperature",
        "Top p",
        "Top k",
        "Repeat penalty",
    ]
    assert lines[0] == f"Temperature: {KNOB_HINTS['Temperature']}"
    dialog.knobs_button.click()
    assert not dialog.knobs_help.isVisible()


def test_catalog_sources_are_shown_readable_and_link_to_the_real_address(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    encoded = "https://huggingface.co/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tree/refs%2Fpr%2F3"
    assert source_html(encoded) == (
        f'<a href="{encoded}">'
        "https://huggingface.co/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/tree/refs/pr/3</a>"
    )
    assert source_html("https://example.org/a%20b (a note <b>)") == (
        '<a href="https://example.org/a%20b">https://example.org/a b</a> (a note &lt;b&gt;)'
    )
    assert source_html("the file's GGUF header") == "the file&#x27;s GGUF header"

    window = open_window(data_paths)
    tab = window.models_menu.open_library().catalog_tab
    row = next(
        i
        for i, pair in enumerate(tab.pairs)
        if any("%2F" in source for source in pair.imitator.facts_from)
    )
    tab.table.selectRow(row)
    shown = tab.sources.toPlainText()
    assert "tree/refs/pr/3" in shown and "%2F" not in shown
    assert tab.pairs[row].imitator.name in shown
    for other in range(len(tab.pairs)):
        tab.table.selectRow(other)
        assert "%2F" not in tab.sources.toPlainText()
        assert tab.sources.toPlainText().startswith("Where these facts come from")
    close_window(qtbot, window)


def test_save_problem_names_only_what_is_missing_or_wrong() -> None:
    url = "https://api.openai.com/v1"
    assert save_problem("ChatGPT", url, "gpt-4o-mini", "") == ("", "")
    assert save_problem("", "", "", "") == (
        "Give the connection a name, an address and a model. "
        "Test connection lists the models the server offers.",
        "name",
    )
    assert save_problem("ChatGPT", url, "", "") == (
        "Give the connection a model. Test connection lists the models the server offers.",
        "model",
    )
    assert save_problem("", url, "gpt-4o-mini", "") == ("Give the connection a name.", "name")
    assert save_problem("ChatGPT", "", "gpt-4o-mini", "") == (
        "Give the connection an address.",
        "address",
    )
    for wrong in ("api.openai.com/v1", "localhost:8080", "http://", "http://[::1"):
        problem, field = save_problem("ChatGPT", wrong, "gpt-4o-mini", "")
        assert problem.startswith(f"“{wrong}” is not a web address") and field == "address"
    assert save_problem("ChatGPT", url, "gpt-4o-mini", "my key") == (
        VARIABLE_NAME_PROBLEM,
        "key_env",
    )


def test_the_save_message_does_not_name_filled_fields(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    dialog = window.models_menu.open_connections()
    dialog.name.setText("My server")
    dialog.base_url.setText("http://127.0.0.1:8080/v1")
    with qtbot.waitSignal(dialog.told, timeout=5000) as told:
        dialog.save_button.click()
    message = told.args[0]
    assert message.startswith("Give the connection a model.")
    assert "name" not in message and "address" not in message
    assert dialog.focusWidget() in (dialog.model, dialog.model.lineEdit())
    dialog.close()
    close_window(qtbot, window)
