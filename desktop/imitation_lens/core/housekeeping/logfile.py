"""The app's log: one rotating file in the data folder, with secrets blanked out.

Falls back to the terminal (stderr) when the file can't be written, so a read-only data folder
never stops the app from starting.
"""

from __future__ import annotations

import logging
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "imitation-lens.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5  # imitation-lens.log.1 … .5: at most 12 MB in all
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"

# API keys must never reach the log, whatever an error message or a traceback quotes.
_SECRETS = [
    re.compile(r"\b(?:sk|hf|gsk|xai)[-_][A-Za-z0-9_\-]{8,}"),
    re.compile(r"(?i)(?P<keep>bearer\s+)[^\s'\",]+"),
    re.compile(
        r"(?i)(?P<keep>(?:api[_-]?key|authorization|x-api-key)['\"]?\s*[:=]\s*['\"]?)[^\s'\",}]+"
    ),
]


def redact(text: str) -> str:
    for pattern in _SECRETS:
        text = pattern.sub(lambda m: (m.groupdict().get("keep") or "") + "[hidden]", text)
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


_MARK = "_imitation_lens"  # on the handler this module adds, so configuring again replaces it


def configure_logging(logs_dir: Path) -> tuple[Path | None, str]:
    """Log to `logs_dir`/imitation-lens.log, rotating; returns (the file or None, why not)."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(old)
        old.close()
    handler: logging.Handler
    log_file: Path | None = logs_dir / LOG_FILE_NAME
    problem = ""
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            logs_dir / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as error:
        problem = f"{error.strerror or error} ({logs_dir})"
        log_file = None
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(FORMAT))
    setattr(handler, _MARK, True)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if log_file is None:
        print(
            f"The log can't be written to the data folder: {problem}. "
            "It goes to this terminal instead.",
            file=sys.stderr,
            flush=True,
        )
    return log_file, problem
