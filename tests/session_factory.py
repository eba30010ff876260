"""Realistic sessions made fast, for tests and benchmarks.

`make_session` writes a finished-looking session straight into the tables, in one transaction
with batched inserts, as the app would have left it: answers of about sixty words with every
recorded fact, marks of every category and both severities (some unsure, some deleted),
judgements, verdicts and progress. Every third item has a reference answer and went through both
phases (phase-2 marks copied from phase 1, as core/judging/annotations.py copies them); every tenth is
still being judged (no verdict yet). Everything, ids and times included, follows from `seed`, so
two databases given the same seed hold the same session.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from imitation_lens.core.exports.import_result import judgement_id, progress_id, verdict_id
from imitation_lens.core.judging.blind import identity_clues, shown_order
from imitation_lens.core.judging.taxonomy import CATEGORIES
from imitation_lens.core.storage.store import Store

START = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
ROLES = ("Base", "Imitator", "Teacher", "Base, larger", "Imitator, longer", "Reference model")
SUBJECTS = (
    "The capital of Australia",
    "The Treaty of Westphalia",
    "Photosynthesis in desert plants",
    "The first ascent of Everest",
    "Marie Curie's second Nobel Prize",
    "The speed of sound in water",
    "The Silk Road's western end",
    "Ada Lovelace's notes on the engine",
    "The boiling point of ethanol",
    "The founding of São Paulo",
)
VOCABULARY = (
    "the was in of and it by which a to is first year around city river known later most "
    "famous century between widely considered early research showed that since about after "
    "before during named founded built published discovered measured metres kilometres degrees "
    "percent million thousand government scientists historians records suggest however also "
    "roughly nearly exactly according sources report commonly cited figure remains disputed "
    "among experts although several accounts differ on details such as date place author"
)
WORDS = VOCABULARY.split()
EXTRAS = (" 🇦🇺", " (São Paulo)", " “quoted”", "\r\n", " — naïve café", " 😀")
NOTES = {"invented": "No such source could be found.", "unverifiable": "Nothing confirms this."}


class _Clock:
    """Times in the app's format (core.generation.utc_now), always moving forward."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.moment = START

    def tick(self, most: float = 20.0) -> str:
        self.moment += timedelta(seconds=self.rng.uniform(0.05, most))
        return self.moment.isoformat(timespec="milliseconds")


def _answer(rng: random.Random, subject: str, words: int) -> str:
    sentences: list[str] = []
    count = 0
    while count < words:
        length = rng.randint(8, 14)
        body = " ".join(rng.choice(WORDS) for _ in range(length - 1))
        sentences.append(f"{subject} {body}." if not sentences else f"{body.capitalize()}.")
        count += length
    if rng.random() < 0.15:
        sentences.insert(rng.randrange(len(sentences)), "As an AI language model, I think so.")
    text = " ".join(sentences)
    if rng.random() < 0.3:
        cut = text.index(" ", len(text) // 2)
        text = text[:cut] + rng.choice(EXTRAS) + text[cut:]
    return text


def make_session(
    store: Store,
    items: int,
    answers: int = 3,
    marks_per_answer: int = 10,
    seed: int = 0,
    *,
    blind: bool = False,
    evaluators: Sequence[str] = ("",),
    title: str | None = None,
) -> str:
    """Write a session of `items` questions × `answers` answers and return its id.

    Each evaluator ("" is this computer's; others are colleagues merged in earlier) puts
    `marks_per_answer` marks on every answer that has text, judges every answer and gives a
    verdict on every item but each tenth."""
    rng = random.Random(seed)
    clock = _Clock(rng)

    def new_id() -> str:
        return f"{rng.getrandbits(128):032x}"

    session_id = new_id()
    lineup = [
        {
            "role": ROLES[slot % len(ROLES)],
            "kind": "endpoint" if slot == 2 else "local",
            "source": {"base_url": "http://127.0.0.1:8080/v1", "model": "teacher"}
            if slot == 2
            else {"path": f"/models/slot-{slot}.gguf", "prompt_mode": "auto"},
            "params": {"max_tokens": 256, "temperature": 0.7, "seed": 42 + slot},
            "note": "",
        }
        for slot in range(answers)
    ]
    rows: dict[str, list[dict[str, Any]]] = {
        name: [] for name in ("items", "responses", "marks", "judgements", "verdicts")
    }
    rows["item_progress"] = []
    session_row = {
        "id": session_id,
        "title": title or f"Generated session ({items} items, seed {seed})",
        "evaluator": "",
        "created_at": clock.tick(),
        "updated_at": "",
        "lineup": json.dumps(lineup),
        "blind": int(blind),
        "blind_seed": seed if blind else None,
        "deleted_at": None,
    }
    for index in range(items):
        item_id = new_id()
        subject = SUBJECTS[index % len(SUBJECTS)]
        has_reference = index % 3 == 0
        judged = index % 10 != 9
        order = shown_order(answers, index, seed) if blind else None
        item_row: dict[str, Any] = {
            "id": item_id,
            "session_id": session_id,
            "position": index + 1,
            "prompt": f"{subject}: what should a careful reader know about it? (question {index + 1})",
            "created_at": clock.tick(),
            "reference": f"{subject} is described in the atlas, entry {index}."
            if has_reference
            else "",
            "reference_source": "World Atlas, 2024 edition" if has_reference else "",
            "shown_order": None if order is None else json.dumps(order),
            "phase": 1,
            "revealed_at": None,
        }
        rows["items"].append(item_row)
        texts: list[tuple[str, str]] = []
        for slot in range(answers):
            response_id = new_id()
            failed = slot == 2 and index % 50 == 49
            text = "" if failed else _answer(rng, subject, rng.randint(55, 65))
            texts.append((response_id, text))
            rows["responses"].append(
                _response(rng, clock, response_id, item_id, slot, lineup, text)
            )
        phases = (1, 2) if has_reference and judged else (1,)
        for evaluator in evaluators:
            for response_id, text in texts:
                _marks(rng, clock, rows, response_id, text, marks_per_answer, phases, evaluator)
                for phase in phases:
                    rows["judgements"].append(
                        _judgement(rng, clock, response_id, item_id, phase, text, evaluator)
                    )
            revealed = None
            if judged:
                for phase in phases:
                    rows["verdicts"].append(
                        _verdict(rng, clock, item_id, phase, texts, order, blind, evaluator)
                    )
                revealed = clock.tick()
            progress = {"phase": phases[-1], "revealed_at": revealed}
            if evaluator:
                rows["item_progress"].append(
                    {
                        "id": progress_id(item_id, evaluator),
                        "item_id": item_id,
                        "evaluator": evaluator,
                    }
                    | progress
                )
            else:
                item_row |= progress
    session_row["updated_at"] = clock.tick()
    with store.db.atomic():
        store.db.table("sessions").insert(session_row)
        for table, batch in rows.items():
            if batch:
                store.db.table(table).insert_all(batch, batch_size=200)
    return session_id


def _response(
    rng: random.Random,
    clock: _Clock,
    response_id: str,
    item_id: str,
    slot: int,
    lineup: list[dict[str, Any]],
    text: str,
) -> dict[str, Any]:
    config = lineup[slot]
    local = config["kind"] == "local"
    created = clock.tick(1)
    started = clock.tick(0.5)
    first = clock.tick(2)
    ended = clock.tick(8)
    tokens_out = len(text.split()) * 4 // 3
    params = dict(config["params"])
    return {
        "id": response_id,
        "item_id": item_id,
        "slot_index": slot,
        "role": config["role"],
        "kind": config["kind"],
        "note": "",
        "status": "done" if text else "failed",
        "error": "" if text else "The teacher could not be reached (connection refused).",
        "text": text,
        "created_at": created,
        "updated_at": ended,
        "started_at": started,
        "first_token_at": first if text else None,
        "ended_at": ended,
        "ttft_ms": round(rng.uniform(80, 900), 1) if text else None,
        "tokens_in": rng.randint(20, 60),
        "tokens_out": tokens_out,
        "tokens_per_second": round(rng.uniform(8, 60), 2) if text else None,
        "template": "gemma" if local else None,
        "prompt_sent": f"Question: {item_id}\nAnswer:" if local else None,
        "params": json.dumps(params),
        "seed": params["seed"],
        "threads": 4 if local else None,
        "context_length": 2048 if local else None,
        "model_file": f"slot-{slot}.gguf" if local else None,
        "model_path": config["source"].get("path"),
        "model_sha256": f"{rng.getrandbits(256):064x}" if local else None,
        "model_name": f"{config['role']} 1.1B" if local else None,
        "model_architecture": "llama" if local else None,
        "model_quantization": "Q4_K_M" if local else None,
        "model_size_label": "1.1B" if local else None,
        "model_size_bytes": 668_788_096 if local else None,
        "endpoint_base_url": None if local else config["source"]["base_url"],
        "endpoint_model": None if local else config["source"]["model"],
        "llama_cpp_python_version": "0.3.36" if local else None,
        "llama_cpp_version": "b7000" if local else None,
        "llama_cpp_system_info": "AVX = 1 | AVX2 = 1 | FMA = 1" if local else None,
        "extra": json.dumps({"finish_reason": "stop"} if text else {"attempts": 3}),
        "identity_clues": json.dumps(identity_clues(text)),
    }


def _marks(
    rng: random.Random,
    clock: _Clock,
    rows: dict[str, list[dict[str, Any]]],
    response_id: str,
    text: str,
    count: int,
    phases: tuple[int, ...],
    evaluator: str,
) -> None:
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    if not spans or not count:
        return
    # With two phases, the first half is marked unaided and copied into phase 2 on the reveal.
    first = (count + 1) // 2 if len(phases) == 2 else count
    made: list[dict[str, Any]] = []
    for word in sorted(rng.sample(range(len(spans)), min(first, len(spans)))):
        start = spans[word][0]
        end = spans[min(word + rng.randint(0, 2), len(spans) - 1)][1]
        category = rng.choice(CATEGORIES)
        created = clock.tick(5)
        made.append(
            {
                "id": f"{rng.getrandbits(128):032x}",
                "response_id": response_id,
                "start": start,
                "end": end,
                "quote": text[start:end],
                "category": category.code,
                "severity": rng.choice(("minor", "major")),
                "note": NOTES.get(category.code, rng.choice(("", "", "Checked in the atlas."))),
                "correction": "Canberra" if category.code == "wrong_detail" else "",
                "unsure": int(rng.random() < 0.12),
                "created_at": created,
                "updated_at": created,
                "deleted_at": clock.tick(3) if len(phases) == 1 and rng.random() < 0.08 else None,
                "phase": 1,
                "derived_from": None,
                "evaluator": evaluator,
            }
        )
    copies = []
    if len(phases) == 2:
        for original in made[: count - first]:
            changed = clock.tick(4)
            copies.append(
                original
                | {
                    "id": f"{rng.getrandbits(128):032x}",
                    "phase": 2,
                    "derived_from": original["id"],
                    "severity": rng.choice(("minor", "major")),
                    "updated_at": changed,
                    "deleted_at": changed if rng.random() < 0.1 else None,
                }
            )
    rows["marks"] += made + copies


def _judgement(
    rng: random.Random,
    clock: _Clock,
    response_id: str,
    item_id: str,
    phase: int,
    text: str,
    evaluator: str,
) -> dict[str, Any]:
    when = clock.tick(3)
    return {
        "id": judgement_id(response_id, phase, evaluator),
        "response_id": response_id,
        "item_id": item_id,
        "phase": phase,
        "checked_clean": 0,
        "off_topic": int(not text or rng.random() < 0.05),
        "critical": int(rng.random() < 0.07),
        "created_at": when,
        "updated_at": when,
        "evaluator": evaluator,
    }


def _verdict(
    rng: random.Random,
    clock: _Clock,
    item_id: str,
    phase: int,
    texts: list[tuple[str, str]],
    order: list[int] | None,
    blind: bool,
    evaluator: str,
) -> dict[str, Any]:
    positions = order if order is not None else list(range(len(texts)))
    preferred = rng.choices(("answer", "tie", "all_bad"), weights=(8, 1, 1))[0]
    slot = rng.randrange(len(texts))
    when = clock.tick(10)
    revisions = int(rng.random() < 0.2)
    return {
        "id": verdict_id(item_id, phase, evaluator),
        "item_id": item_id,
        "phase": phase,
        "preferred": preferred,
        "preferred_response_id": texts[slot][0] if preferred == "answer" else None,
        "preferred_position": positions.index(slot) + 1 if preferred == "answer" else None,
        "reason": rng.choice(("", "More accurate.", "Fewer invented details.", "Clearer.")),
        "shown_order": json.dumps(positions),
        "blind": int(blind),
        "revisions": revisions,
        "submitted_at": when,
        "updated_at": clock.tick(30) if revisions else when,
        "evaluator": evaluator,
    }
