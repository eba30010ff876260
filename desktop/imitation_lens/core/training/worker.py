"""The training process: runs one plan and reports over a pipe.

A process of its own because llama.cpp stops the whole process when it cannot go on (an
architecture it cannot train, a failed allocation), the optimizer holds gigabytes that only a
process's end reliably gives back, and Cancel must stop a step that is inside C at once.
Messages: {"progress": {...}}, then {"done": {...}} or {"error": "plain words"}.
"""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path
from typing import Any


def train_in_process(
    plan_data: dict[str, Any],
    work_dir: str,
    facts: dict[str, Any],
    connection: Any,
    language: str = "en",
) -> None:
    """The training process's whole life (multiprocessing's target). `language` is the app's
    (a spawned process starts in English): its error messages reach the window as they are."""
    # A file-size limit or full disk must end as an error message, not a silent kill.
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    os.environ.setdefault("GGML_NO_BACKTRACE", "1")  # an abort must not start a debugger
    logging.basicConfig(level=logging.WARNING)

    from imitation_lens.core.housekeeping.translation import use_language
    from imitation_lens.core.running.local_runner import route_llama_log
    from imitation_lens.core.training.gguf_finish import finish_model_file
    from imitation_lens.core.training.plan import plan_from_dict
    from imitation_lens.core.training.trainer import Trainer, training_failure

    def send(progress: dict[str, Any]) -> None:
        connection.send({"progress": progress})

    try:
        use_language(language)
        route_llama_log()
        plan = plan_from_dict(plan_data)
        outcome = Trainer(plan, Path(work_dir), send).run()
        compact = Path(outcome.pop("compact"))
        provenance = {**facts, **outcome}
        finished = Path(work_dir) / "imitator.gguf"
        finish_model_file(compact, Path(plan.base_path), finished, str(facts["name"]), provenance)
        compact.unlink()
        connection.send({"done": {"path": str(finished), "provenance": provenance}})
    except BaseException as error:
        connection.send({"error": str(training_failure(error))})
    finally:
        connection.close()
