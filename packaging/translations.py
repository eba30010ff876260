"""Regenerates the interface's translations: `make translations`, or run this file.

1. pyside6-lupdate collects every tr()/translate() message of desktop/imitation_lens/ui into
   resources/i18n/imitation_lens_de.ts (new ones arrive "unfinished", gone ones are dropped);
2. someone fills in the German in the .ts (Qt Linguist, or any editor);
3. pyside6-lrelease builds resources/i18n/imitation_lens_de.qm, which the app loads.

It lives in packaging/ because the .qm is a build product that ships (the bundle carries
resources/); the tools come with PySide6, which the app already needs, so CI installs nothing
more. Both files are committed: the app runs without the tools, and tests/test_translations.py
checks that the .qm is what lrelease makes of the .ts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "desktop" / "imitation_lens" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("de",)


def tool(name: str) -> str:
    """PySide6's tool beside this Python (the virtual environment's bin/), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def ts_file(language: str) -> Path:
    return I18N / f"imitation_lens_{language}.ts"


def qm_file(language: str) -> Path:
    return I18N / f"imitation_lens_{language}.qm"


def update_sources() -> None:
    # No file locations: line numbers would change the .ts with every edit of the UI.
    modules = [str(path.relative_to(ROOT)) for path in sorted(UI.glob("*.py"))]
    for language in LANGUAGES:
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *("-silent", "-no-obsolete", "-locations", "none"),
                *modules,
                *("-target-language", language),
                *("-ts", str(ts_file(language).relative_to(ROOT))),
            ],
            cwd=ROOT,
            check=True,
        )


def release(language: str, target: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file(language)), "-qm", str(target)],
        check=True,
    )


def main() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    update_sources()
    for language in LANGUAGES:
        release(language, qm_file(language))


if __name__ == "__main__":
    main()
