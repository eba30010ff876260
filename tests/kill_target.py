"""Run by test_kill.py in a child process: stream a long answer and say when text is on disk."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from imitation_lens.core.lineup import LocalModel, SamplingParams, SlotConfig
from imitation_lens.core.paths import DataPaths
from imitation_lens.ui.app import create_application
from imitation_lens.ui.main_window import MainWindow


def main() -> None:
    app = create_application()
    window = MainWindow(DataPaths(Path(sys.argv[1])))

    def on_saved(response_id: str, length: int) -> None:
        if length >= 20:
            print(f"SAVED {response_id} {length}", flush=True)

    def start() -> None:
        slot = SlotConfig(
            "Base", LocalModel(prompt_mode="completion"), SamplingParams(max_tokens=2000)
        )
        window.set_lineup([slot])
        window.prompt_edit.setPlainText("Write a very long essay about the history of Rome.")
        window.recorder.text_saved.connect(on_saved)
        window.run_prompt()

    window.ready.connect(start)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
