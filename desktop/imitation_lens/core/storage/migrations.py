"""The database schema, as numbered steps. A database is brought up to date when it is opened.

Each step runs once, in a transaction, and sets PRAGMA user_version; add steps, never edit one
that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

from imitation_lens.core.housekeeping.translation import _


def _v1_initial(db: sqlite_utils.Database) -> None:
    db.table("sessions").create(
        {
            "id": str,
            "title": str,
            "evaluator": str,
            "created_at": str,
            "updated_at": str,
            "lineup": str,  # JSON: the slot configurations the session was run with
        },
        pk="id",
    )
    db.table("items").create(
        {"id": str, "session_id": str, "position": int, "prompt": str, "created_at": str},
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("responses").create(
        {
            "id": str,
            "item_id": str,
            "slot_index": int,
            "role": str,
            "kind": str,  # local | endpoint
            "note": str,
            "status": str,
            "error": str,
            "text": str,
            "created_at": str,
            "updated_at": str,
            "started_at": str,
            "first_token_at": str,
            "ended_at": str,
            "ttft_ms": float,
            "tokens_in": int,
            "tokens_out": int,
            "tokens_per_second": float,
            "template": str,
            "prompt_sent": str,
            "params": str,  # JSON: every sampling setting, the seed among them
            "seed": int,
            "threads": int,
            "context_length": int,
            "model_file": str,
            "model_path": str,
            "model_sha256": str,
            "model_name": str,
            "model_architecture": str,
            "model_quantization": str,
            "model_size_label": str,
            "model_size_bytes": int,
            "endpoint_base_url": str,
            "endpoint_model": str,
            "llama_cpp_python_version": str,
            "llama_cpp_version": str,
            "llama_cpp_system_info": str,
            "extra": str,  # JSON: any further facts a runner reported
        },
        pk="id",
        foreign_keys=[("item_id", "items", "id")],
        not_null={"status"},
        defaults={"status": "queued", "text": "", "error": ""},
    )
    db.table("marks").create(
        {
            "id": str,
            "response_id": str,
            "start": int,  # Python string offsets into responses.text (code points)
            "end": int,
            "quote": str,  # the marked text itself, so a mark can be checked against its answer
            "category": str,
            "severity": str,
            "note": str,
            "correction": str,
            "unsure": int,
            "created_at": str,
            "updated_at": str,
            "deleted_at": str,
        },
        pk="id",
        foreign_keys=[("response_id", "responses", "id")],
    )
    db.table("settings").create({"key": str, "value": str}, pk="key")
    db.table("items").create_index(["session_id", "position"])
    db.table("responses").create_index(["item_id", "slot_index"])
    db.table("responses").create_index(["status"])
    db.table("marks").create_index(["response_id"])


def _v2_judging(db: sqlite_utils.Database) -> None:
    """Annotation workbench: blind sessions, reference answers, two phases, judgements, verdicts."""
    db.table("sessions").add_column("blind", int, not_null_default=0)
    db.table("sessions").add_column("blind_seed", int)
    items = db.table("items")
    items.add_column("reference", str, not_null_default="")
    items.add_column("reference_source", str, not_null_default="")
    items.add_column("shown_order", str)  # JSON: slot index at each shown position
    items.add_column("phase", int, not_null_default=1)  # 2 once a reference has been revealed
    items.add_column("revealed_at", str)  # when a blind item's authors were shown
    db.table("responses").add_column("identity_clues", str)  # JSON: phrases naming the model
    marks = db.table("marks")
    marks.add_column("phase", int, not_null_default=1)
    marks.add_column("derived_from", str)  # the phase-1 mark a phase-2 mark was copied from
    marks.create_index(["response_id", "phase"])
    db.table("judgements").create(
        {
            "id": str,  # response id and phase
            "response_id": str,
            "item_id": str,
            "phase": int,
            "checked_clean": int,  # checked, no errors found
            "off_topic": int,  # misses the question
            "critical": int,  # wrong as a whole
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("response_id", "responses", "id"), ("item_id", "items", "id")],
    )
    db.table("verdicts").create(
        {
            "id": str,  # item id and phase
            "item_id": str,
            "phase": int,
            "preferred": str,  # answer | tie | all_bad
            "preferred_response_id": str,
            "preferred_position": int,  # 1-based position on screen when it was chosen
            "reason": str,
            "shown_order": str,  # JSON
            "blind": int,
            "revisions": int,  # how many times it was submitted again
            "submitted_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("item_id", "items", "id")],
    )
    db.table("judgements").create_index(["item_id"])
    db.table("verdicts").create_index(["item_id"])


def _v3_models_and_teachers(db: sqlite_utils.Database) -> None:
    """Model library, saved teacher connections, and recorded teacher answers for replay."""
    db.table("library_models").create(
        {
            "id": str,
            "path": str,  # where the GGUF file is on this computer
            "file_name": str,
            "size_bytes": int,
            "sha256": str,  # empty until hashed in the background
            "facts": str,  # JSON: what the file's header says (architecture, parameters, …)
            "origin": str,  # file | hub
            "hf_repo": str,
            "hf_file": str,
            "hf_revision": str,
            "catalog_id": str,
            "added_at": str,
        },
        pk="id",
    )
    db.table("library_models").create_index(["path"], unique=True)
    db.table("connections").create(
        {
            "id": str,
            "name": str,
            "base_url": str,
            "model": str,
            "api_key_env": str,  # where the key is: an environment variable, else the keychain
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
    )
    db.table("teacher_recordings").create(
        {
            "id": str,
            "prompt": str,
            "model": str,  # the endpoint's model id; answers are matched on it, not the URL
            "params_key": str,  # JSON of the settings that shape an answer
            "base_url": str,
            "text": str,
            "recorded_at": str,
            "origin": str,  # "recorded here", or the demo pack it came from
            "response_id": str,
        },
        pk="id",
    )
    db.table("teacher_recordings").create_index(["prompt", "model", "params_key"])


def _v4_evaluators_and_search(db: sqlite_utils.Database) -> None:
    """Several evaluators in one database, full-text search, and views for open-data tools.

    Annotations made on this computer have evaluator "" (the local evaluator, named in the
    settings and in exports); annotations merged from a colleague's export carry their name.
    The local evaluator's progress through an item stays on the item (phase, revealed_at);
    other evaluators' progress is kept in item_progress.
    """
    for table in ("marks", "judgements", "verdicts"):
        db.table(table).add_column("evaluator", str, not_null_default="")
    db.table("sessions").add_column("deleted_at", str)  # deleting can be undone
    db.table("judgements").create_index(["response_id"])  # exports read them per answer
    db.table("item_progress").create(
        {"id": str, "item_id": str, "evaluator": str, "phase": int, "revealed_at": str},
        pk="id",
        foreign_keys=[("item_id", "items", "id")],
    )
    db.table("items").enable_fts(["prompt"], create_triggers=True)
    db.table("responses").enable_fts(["text"], create_triggers=True)
    db.execute(
        """CREATE VIEW answers AS
        SELECT r.id AS response_id, s.title AS session, i.position AS item, i.prompt,
               r.role, r.model_name, r.endpoint_model, r.status, r.text,
               (SELECT COUNT(*) FROM marks m WHERE m.response_id = r.id
                    AND m.deleted_at IS NULL AND m.phase = i.phase AND m.evaluator = '') AS marks,
               (SELECT COUNT(*) FROM marks m WHERE m.response_id = r.id AND m.severity = 'major'
                    AND m.deleted_at IS NULL AND m.phase = i.phase AND m.evaluator = '')
                    AS major_marks
        FROM responses r JOIN items i ON i.id = r.item_id JOIN sessions s ON s.id = i.session_id"""
    )
    db.execute(
        """CREATE VIEW error_marks AS
        SELECT m.id AS mark_id, s.title AS session, i.prompt, r.role, m.evaluator, m.phase,
               m.category, m.severity, m.quote, m.note, m.correction, m.unsure, m.created_at
        FROM marks m JOIN responses r ON r.id = m.response_id JOIN items i ON i.id = r.item_id
        JOIN sessions s ON s.id = i.session_id WHERE m.deleted_at IS NULL"""
    )
    db.execute(
        """CREATE VIEW preferences AS
        SELECT v.id AS verdict_id, s.title AS session, i.prompt, v.evaluator, v.phase,
               v.preferred, r.role AS preferred_role, v.reason, v.blind, v.submitted_at
        FROM verdicts v JOIN items i ON i.id = v.item_id JOIN sessions s ON s.id = i.session_id
        LEFT JOIN responses r ON r.id = v.preferred_response_id"""
    )


def _v5_prompt_sets_and_batches(db: sqlite_utils.Database) -> None:
    """Prompt sets (imported; built-in ones are read from resources/) and batch runs.

    A batch creates all its items and queued answers up front, in one transaction, so a run
    that is paused, closed or killed resumes by answering what is still queued: never twice.
    """
    items = db.table("items")
    items.add_column("aliases", str)  # JSON: other accepted forms of the reference answer
    items.add_column("tags", str)  # JSON: the prompt set's topic tags
    items.add_column("batch_id", str)
    items.add_column("batch_position", int)  # 1-based place in the batch's prompt set
    db.execute(
        "CREATE UNIQUE INDEX idx_items_batch ON items(batch_id, batch_position) "
        "WHERE batch_id IS NOT NULL"
    )
    db.table("prompt_sets").create(
        {
            "id": str,
            "name": str,
            "description": str,
            "licence": str,
            "file_name": str,  # the file it was imported from
            "item_count": int,
            "imported_at": str,
        },
        pk="id",
    )
    db.table("prompt_set_items").create(
        {
            "id": str,
            "set_id": str,
            "position": int,
            "prompt": str,
            "reference": str,
            "aliases": str,  # JSON list
            "source": str,
            "tags": str,  # JSON list
        },
        pk="id",
        foreign_keys=[("set_id", "prompt_sets", "id")],
    )
    db.table("prompt_set_items").create_index(["set_id", "position"], unique=True)
    db.table("batches").create(
        {
            "id": str,
            "session_id": str,
            "set_id": str,
            "set_name": str,
            "state": str,  # running | paused | cancelled | finished
            "item_count": int,
            "lineup": str,  # JSON: the slots its answers were queued for; resumed with these
            "created_at": str,
            "updated_at": str,
            "finished_at": str,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("batches").create_index(["session_id"])


def _standing_phase(item: str, evaluator: str) -> str:
    """SQL for the phase that stands for an evaluator on an item, as
    core/analysis/evaluator_view.py decides it: this computer's evaluator ("") is as far as the
    item is; a colleague as far as their progress entries say, else 1."""
    return (
        f"(CASE WHEN {evaluator} = '' THEN {item}.phase ELSE COALESCE((SELECT MAX(p.phase) "
        f"FROM item_progress p WHERE p.item_id = {item}.id AND p.evaluator = {evaluator}), 1) END)"
    )


def _v6_views_count_the_standing_phase(db: sqlite_utils.Database) -> None:
    """The open-data views count each judgement once, in the phase that stands.

    Before, `error_marks` listed a mark once per phase (a reference item's marks are copied
    into phase 2), so counting its rows doubled the errors on reference items, and
    `preferences` listed both phases' verdicts. Now: `error_marks` has only the marks of each
    evaluator's final phase on the item, `preferences` only each evaluator's verdict that
    stands (the latest up to their final phase), `answers` this computer's evaluator's marks
    and whole-answer flags in the item's phase, with `errors` counted as the report counts
    them. Each says the phase in a `phase` column. Deleted sessions are left out.
    """
    for view in ("answers", "error_marks", "preferences"):
        db.execute(f"DROP VIEW IF EXISTS {view}")
    local_mark = "m.response_id = r.id AND m.deleted_at IS NULL AND m.phase = i.phase"
    db.execute(
        f"""CREATE VIEW answers AS
        SELECT a.*, a.marks + a.critical + a.off_topic AS errors FROM (
            SELECT r.id AS response_id, s.title AS session, i.position AS item, i.prompt,
                   r.role, r.model_name, r.endpoint_model, r.status, r.text, i.phase AS phase,
                   (SELECT COUNT(*) FROM marks m WHERE {local_mark} AND m.evaluator = '')
                        AS marks,
                   (SELECT COUNT(*) FROM marks m WHERE {local_mark} AND m.evaluator = ''
                        AND m.severity = 'major') AS major_marks,
                   COALESCE(j.critical, 0) AS critical, COALESCE(j.off_topic, 0) AS off_topic
            FROM responses r JOIN items i ON i.id = r.item_id
            JOIN sessions s ON s.id = i.session_id
            LEFT JOIN judgements j ON j.response_id = r.id AND j.phase = i.phase
                AND j.evaluator = ''
            WHERE s.deleted_at IS NULL
        ) a"""
    )
    db.execute(
        f"""CREATE VIEW error_marks AS
        SELECT m.id AS mark_id, s.title AS session, i.position AS item, i.prompt, r.role,
               r.model_name, m.evaluator, m.phase, m.category, m.severity, m.quote, m.note,
               m.correction, m.unsure, m.created_at
        FROM marks m JOIN responses r ON r.id = m.response_id JOIN items i ON i.id = r.item_id
        JOIN sessions s ON s.id = i.session_id
        WHERE m.deleted_at IS NULL AND s.deleted_at IS NULL
            AND m.phase = {_standing_phase("i", "m.evaluator")}"""
    )
    db.execute(
        f"""CREATE VIEW preferences AS
        SELECT v.id AS verdict_id, s.title AS session, i.position AS item, i.prompt, v.evaluator,
               v.phase, v.preferred, r.role AS preferred_role, v.reason, v.blind, v.submitted_at
        FROM verdicts v JOIN items i ON i.id = v.item_id JOIN sessions s ON s.id = i.session_id
        LEFT JOIN responses r ON r.id = v.preferred_response_id
        WHERE s.deleted_at IS NULL AND v.id = (
            SELECT w.id FROM verdicts w WHERE w.item_id = v.item_id AND w.evaluator = v.evaluator
                AND w.phase <= {_standing_phase("i", "v.evaluator")}
            ORDER BY w.phase DESC, w.updated_at DESC, w.id DESC LIMIT 1)"""
    )


def _v7_known_wrong_answers(db: sqlite_utils.Database) -> None:
    """Answers a set says are wrong, and answers a file recorded, kept with its questions.

    `incorrect_answers` (JSON list, on a set's items and on a batch's items): TruthfulQA's
    incorrect answers, which the automatic check refuses even when they contain a reference
    word. `teacher_answer` (a set's items only): the answer an Alpaca or ShareGPT file gives,
    kept for later use as a recorded teacher answer.
    """
    db.table("items").add_column("incorrect_answers", str)
    db.table("prompt_set_items").add_column("incorrect_answers", str)
    db.table("prompt_set_items").add_column("teacher_answer", str)


def _v8_question_set_of_an_item(db: sqlite_utils.Database) -> None:
    """Which set a batch's question came from, and that set's licence (`set_name`,
    `set_licence` on items): public sets come with terms, and a session's exports carry them."""
    db.table("items").add_column("set_name", str)
    db.table("items").add_column("set_licence", str)


def _v9_made_models(db: sqlite_utils.Database) -> None:
    """Models made here (origin "trained", core/model_files/trained_models.py): the title the
    run gave the model, and `provenance` (JSON: base, teacher answers, epochs, seed, losses, …),
    so the library says where each one came from. Both are empty for every other model."""
    models = db.table("library_models")
    models.add_column("title", str, not_null_default="")
    models.add_column("provenance", str, not_null_default="")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_initial,
    _v2_judging,
    _v3_models_and_teachers,
    _v4_evaluators_and_search,
    _v5_prompt_sets_and_batches,
    _v6_views_count_the_standing_phase,
    _v7_known_wrong_answers,
    _v8_question_set_of_an_item,
    _v9_made_models,
]
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchemaError(Exception):
    pass


def migrate(db: sqlite_utils.Database) -> int:
    """Run the steps this database has not had yet; return the version it is at now."""
    conn: sqlite3.Connection = db.conn
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise NewerSchemaError(
            _(
                "This data was written by a newer Imitation Lens (schema {schema}; this app knows "
                "up to {known}). Update the app to open it."
            ).format(schema=current, known=SCHEMA_VERSION)
        )
    for version, step in enumerate(MIGRATIONS[current:], start=current + 1):
        with db.atomic():
            step(db)
            conn.execute(f"PRAGMA user_version = {version}")
    return SCHEMA_VERSION
