"""Core's messages a person reads, in German when German is chosen (issue 18): a broken model
file, a teacher that can't be reached, a training plan refused for too few answers, a full disk.
Each is a whole sentence in plain German, with no English left in; English is unchanged."""

from __future__ import annotations

import multiprocessing
import signal
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import gguf_variants
from conftest import free_port
from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.translation import ENGLISH, GERMAN
from imitation_lens.core.model_files.gguf_header import ModelFileError, inspect_model_file
from imitation_lens.core.running.lineup import Server
from imitation_lens.core.running.memory import MemoryEstimate, memory_advice
from imitation_lens.core.servers.kinds import ConnectionProblem
from imitation_lens.core.servers.kinds.openai_compatible import list_models
from imitation_lens.core.storage.writer import explain_storage_error
from imitation_lens.core.training.checks import check_plan
from imitation_lens.core.training.plan import TeacherAnswers, TrainingError
from imitation_lens.core.training.worker import train_in_process
from training_plans import plan_for, style_answers, trainable_base

# English words that would show a message (or part of one) was left untranslated.
_ENGLISH_WORDS = (" the ", " can't ", " is ", " and ", " of ", " it ")


@pytest.fixture
def german() -> Iterator[None]:
    translation.use_language(GERMAN)
    yield
    translation.use_language(ENGLISH)


def _plain_german(message: str) -> None:
    assert message and "{" not in message and "}" not in message, message
    assert not any(word in f" {message.lower()} " for word in _ENGLISH_WORDS), message


def _refusal(variant: str, folder: Path) -> tuple[str, str]:
    path = gguf_variants.write_variant(variant, folder)
    with pytest.raises(ModelFileError) as refused:
        inspect_model_file(path)
    return path.name, str(refused.value)


@pytest.mark.parametrize(
    ("variant", "words"),
    [
        ("block_count_0", "gibt 0 Schichten an"),
        ("block_count_huge", "gibt 100.000 Schichten an"),  # German thousands separator
        ("block_count_missing", "gibt nicht an, wie viele Schichten es hat"),
        ("head_count_kv_over_heads", "Key/Value-Köpfe, aber nur"),
        ("nan_output_norm", "output_norm.weight enthält Werte, die keine Zahlen sind"),
        ("duplicated_tensor_name", "zwei Gewichtssätze namens blk.0.ffn_norm.weight"),
    ],
)
def test_a_broken_model_file_is_refused_in_german(
    german: None, variant: str, words: str, tmp_path: Path
) -> None:
    name, message = _refusal(variant, tmp_path)
    assert message.startswith(name) and words in message, message
    assert "laden Sie sie erneut herunter" in message
    _plain_german(message.replace(name, "Modell"))


def test_a_broken_model_file_is_refused_in_english_as_before(tmp_path: Path) -> None:
    name, message = _refusal("block_count_huge", tmp_path)
    assert message == (
        f"{name} says it has 100,000 layers, so it can't be a working model. "
        "The file is damaged or was made wrongly; download it again."
    )


def _unreachable() -> str:
    address = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(ConnectionProblem) as problem:
        list_models(Server(address, "", ""), None, 5.0)
    return str(problem.value).replace(address, "ADDRESS")


def test_an_unreachable_teacher_is_told_in_german(german: None) -> None:
    message = _unreachable()
    assert message.startswith("Der Lehrer unter ADDRESS ist nicht erreichbar."), message
    _plain_german(message)


def test_an_unreachable_teacher_is_told_in_english_as_before() -> None:
    assert _unreachable().startswith("Can't reach the teacher at ADDRESS. Check the address")


def _too_few() -> str:
    few = TeacherAnswers("Tiny", "file", "", style_answers(3).answers)
    with pytest.raises(TrainingError) as refused:
        check_plan(plan_for(trainable_base(), few), Path("/nonexistent"))
    return str(refused.value)


def test_a_plan_with_too_few_answers_is_refused_in_german(german: None) -> None:
    message = _too_few()
    assert message == (
        "Diese Lehrer-Antworten enthalten 3 Fragen mit Antwort; ein Training braucht "
        "mindestens 8. Wählen Sie einen größeren Satz."
    )
    _plain_german(message)


def test_a_plan_with_too_few_answers_is_refused_in_english_as_before() -> None:
    assert _too_few() == (
        "These teacher answers hold 3 questions with an answer; a run needs at least 8. "
        "Choose a larger set."
    )


def test_a_full_disk_is_told_in_german(german: None) -> None:
    message = explain_storage_error(sqlite3.OperationalError("database or disk is full"))
    assert message.startswith("Die Festplatte ist voll"), message
    assert "Es geht nichts verloren" in message
    _plain_german(message)


def test_a_full_disk_is_told_in_english_as_before() -> None:
    message = explain_storage_error(sqlite3.OperationalError("database or disk is full"))
    assert message.startswith("The disk is full, so new answers and marks can't be saved yet.")


def test_a_web_page_saved_as_a_model_is_refused_in_german(german: None, tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    path.write_text("<!DOCTYPE html><html><body>Sign in</body></html>")
    with pytest.raises(ModelFileError) as refused:
        inspect_model_file(path)
    message = str(refused.value)
    assert message.startswith("model.gguf ist keine GGUF-Modelldatei, obwohl der Name auf .gguf")
    assert "Webseite" in message
    _plain_german(message.replace("model.gguf", "Modell"))


def test_the_training_process_speaks_the_language_it_is_given() -> None:
    """The training process is spawned and starts in English: run.py hands it the app's
    language, and its failure (sent through the pipe to the window) comes back in that one."""
    receiver, sender = multiprocessing.Pipe(duplex=False)
    kept = signal.getsignal(signal.SIGXFSZ) if hasattr(signal, "SIGXFSZ") else None
    try:
        train_in_process({"not": "a plan"}, "/nonexistent", {}, sender, GERMAN)
        message = receiver.recv()
    finally:
        translation.use_language(ENGLISH)
        if kept is not None:
            signal.signal(signal.SIGXFSZ, kept)
        receiver.close()
    assert message["error"].startswith("Das Training wurde mit einem Fehler beendet:"), message
    assert message["error"].endswith("Nichts wurde behalten.")


def test_memory_advice_in_german_with_german_sizes(german: None) -> None:
    gib = 1024**3
    estimate = MemoryEstimate(weights_bytes=6 * gib, kv_cache_bytes=gib // 2, overhead_bytes=0)
    advice = memory_advice([("Big", estimate)], available=3 * gib)
    assert advice is not None
    assert advice.startswith("Nicht genug Arbeitsspeicher: Big braucht etwa 6,5 GB"), advice
    assert "nur 3,0 GB sind frei" in advice
    _plain_german(advice.replace("Big", "Modell"))
