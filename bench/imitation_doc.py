"""The imitation study's pure parts: its lineup, its settings, and docs/imitation.md from figures.

bench/imitation_study.py runs the study (train, batch, read the figures back); everything here
takes figures already computed by the app's own analysis (core/analysis) and only lays them out,
so tests/test_imitation_doc.py can check the wording without a model. The wording rule: style
figures are described, never credited. More lists, more words, fewer hedges or wording closer
to the teacher's are not better answers; only the automatic check's accuracy speaks of
correctness, and it is reported whatever it says.
"""

from __future__ import annotations

from imitation_lens.core.housekeeping.paths import resource_path
from imitation_lens.core.running.lineup import LocalModel, SamplingParams, Server, SlotConfig

# The recorded teacher: Claude's answers to both built-in sets, carried as a demo pack.
TEACHER_PACK = resource_path("demo_packs", "claude-teacher.json")
TEACHER_MODEL = "claude (recorded for Imitation Lens)"
# Never contacted: the Teacher column only replays ("always"). A name that cannot resolve, so a
# setting changed by mistake fails plainly instead of asking some real server.
TEACHER_ADDRESS = "http://recorded-teacher.invalid/v1"
# Every column answers greedily (temperature 0), so a re-run gives the same answers; the seed is
# fixed anyway. 320 tokens holds the longest recorded open-ended answer (about 210 words), so
# no column is cut shorter than the teacher. The pack's recordings are keyed to these settings.
STUDY_PARAMS = SamplingParams(temperature=0.0, max_tokens=320, seed=42)
SETS = ("factual-probes", "open-ended")


def study_lineup(base_path: str, imitator_path: str) -> list[SlotConfig]:
    """Base and imitator through the chat template (the same prompt mode, nothing shown to
    either), and the recorded teacher, all with the study's settings."""
    return [
        SlotConfig("Base", LocalModel(base_path, "chat"), STUDY_PARAMS),
        SlotConfig("Imitator", LocalModel(imitator_path, "chat"), STUDY_PARAMS),
        SlotConfig(
            "Teacher",
            Server(TEACHER_ADDRESS, TEACHER_MODEL, replay="always"),
            STUDY_PARAMS,
            note="Claude's answers, recorded for the study and replayed",
        ),
    ]
