"""Regenerates the translations: `make translations`, or run this file.

The window's own words (desktop/imitation_lens/ui, Qt's tr()):
1. pyside6-lupdate collects every tr()/translate() message of desktop/imitation_lens/ui into
   resources/i18n/imitation_lens_de.ts (new ones arrive "unfinished", gone ones are dropped);
2. someone fills in the German in the .ts (Qt Linguist, or any editor);
3. pyside6-lrelease builds resources/i18n/imitation_lens_de.qm, which the app loads.

It lives in packaging/ because the .qm is a build product that ships (the bundle carries
resources/); the tools come with PySide6, which the app already needs, so CI installs nothing
more. Both files are committed: the app runs without the tools, and tests/test_translations.py
checks that the .qm is what lrelease makes of the .ts.

Core's words (reports, the CLI, messages; core imports no Qt, so gettext through Babel):
1. Babel extracts every _()/ngettext()/N_() of core, the CLI and the report templates into a
   template (.pot, not kept: it only carries the date) (packaging/babel.cfg says which files);
2. the template updates resources/i18n/de/LC_MESSAGES/imitation_lens.po (new messages arrive empty);
3. someone fills in the German; 4. Babel compiles the .mo the app reads. Babel is a dependency
of the app (numbers and dates in the reports), so this needs nothing more either.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "desktop" / "imitation_lens" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("de",)
DOMAIN = "imitation_lens"
BABEL_CONFIG = ROOT / "packaging" / "babel.cfg"


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


def po_file(language: str) -> Path:
    return I18N / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_file(language: str) -> Path:
    return po_file(language).with_suffix(".mo")


def _babel(*arguments: str) -> None:
    from babel.messages.frontend import CommandLineInterface

    CommandLineInterface().run(["pybabel", "--quiet", *arguments])


def extract_core(pot: Path) -> None:
    """Core's messages into `pot`, without file locations (they would change with every edit)."""
    _babel(
        "extract",
        *("-F", str(BABEL_CONFIG)),
        *("-o", str(pot)),
        "--no-location",
        "--sort-output",
        "--no-wrap",
        *("--project", "Imitation Lens", "--copyright-holder", "Imitation Lens team"),
        *("-k", "N_"),
        str(ROOT / "desktop" / "imitation_lens"),
        str(ROOT / "resources" / "reports"),
    )


def update_core(language: str, pot: Path, po: Path | None = None) -> None:
    po = po or po_file(language)
    command = "update" if po.exists() else "init"
    extra = ["--no-fuzzy-matching", "--ignore-obsolete", "--ignore-pot-creation-date"]
    _babel(
        command,
        *("-i", str(pot)),
        *("-o", str(po)),
        *("-l", language),
        "--no-wrap",
        *(extra if command == "update" else []),
    )


def compile_core(language: str, target: Path, po: Path | None = None) -> None:
    _babel("compile", *("-i", str(po or po_file(language))), *("-o", str(target)), "--statistics")


def main() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    update_sources()
    with tempfile.TemporaryDirectory() as folder:
        pot = Path(folder) / f"{DOMAIN}.pot"
        extract_core(pot)
        for language in LANGUAGES:
            release(language, qm_file(language))
            update_core(language, pot)
            compile_core(language, mo_file(language))


if __name__ == "__main__":
    main()
