"""Run by test_kill.py in a child process: stream a long answer and say when text is on disk."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Event, FinishedEvent
from imitation_lens.core.running.lineup import LocalModel, SamplingParams, SlotConfig
from imitation_lens.ui.app import create_application
from imitation_lens.ui.main_window import MainWindow


def main() -> None:
    app = create_application()
    window = MainWindow(DataPaths(Path(sys.argv[1])), evaluator="Tester")

    def on_saved(response_id: str, length: int) -> None:
        if length >= 20 and window.columns[0].is_busy:
            print(f"SAVED {response_id} {length}", flush=True)

    def on_finished(index: int, event: object) -> None:
        if isinstance(event, FinishedEvent):  # the answer ended before it was killed: say so
            print("FINISHED", flush=True)

    def start() -> None:
        params = SamplingParams(max_tokens=2000, temperature=1.0, seed=int(sys.argv[2]))
        slot = SlotConfig("Base", LocalModel(prompt_mode="teacher-style"), params)
        window.set_lineup([slot])
        window.prompt_edit.setPlainText("Write a very long essay about the history of Rome.")
        window.writer.text_saved.connect(on_saved)
        original = window.prompt_run.on_event

        def watch(index: int, event: Event) -> None:
            original(index, event)
            on_finished(index, event)

        window.prompt_run.on_event = watch  # type: ignore[method-assign]
        window.run_prompt()

    window.ready.connect(start)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
