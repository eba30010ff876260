"""Every way a session leaves the app, by name: one registry for the File ▸ Export menu, its
file dialog and the command line's `export --format`.

Adding a format is adding one module to this package that defines `FORMAT = ExportFormat(...)`
(its name on the command line, its label in the menu, its file suffix and its writer); the
package finds it on import (pkgutil), and `register` adds one at run time. Writers take the
format-3 session document (core/exports/session_json.py) and a target path, and return the path
written. A format module imports its writer's heavy parts inside the writer, so the command
line can list the formats without loading them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from imitation_lens.core.housekeeping.registry import Registry

if TYPE_CHECKING:
    from imitation_lens.core.storage.store import Store


@dataclass(frozen=True)
class ExportFormat:
    name: str  # as typed on the command line
    label: str  # as shown in the menu
    suffix: str
    write: Callable[[dict[str, Any], Path], Path]
    order: int = 100  # place in the menu and the command line's list; ties go by name


_FORMATS = Registry(ExportFormat, "FORMAT")
FORMATS = _FORMATS.items  # changed in place, never rebound
BY_NAME = _FORMATS.by_name
DEFAULT = "json"  # what an unclear file name gets


def register(export_format: ExportFormat) -> ExportFormat:
    """Offer a format everywhere a session can be exported; a name registered again replaces it."""
    return _FORMATS.register(export_format)


def discover() -> None:
    """Register the `FORMAT` of every module of this package (its __path__) not yet imported."""
    _FORMATS.discover(__name__, __path__)


def names() -> list[str]:
    return [f.name for f in FORMATS]


def format_for(target: Path, name: str | None = None) -> ExportFormat:
    """The format asked for, else the one the file name ends with (JSON when unclear)."""
    if name:
        return BY_NAME[name]
    lowered = target.name.lower()
    for export_format in sorted(FORMATS, key=lambda f: -len(f.suffix)):
        if lowered.endswith(export_format.suffix):
            return export_format
    if lowered.endswith(".csv"):
        return BY_NAME["csv-marks"]
    return BY_NAME[DEFAULT]


def write_document(export_format: ExportFormat, document: dict[str, Any], target: Path) -> Path:
    """`document` written by `export_format`: a long session's report and pages are millions
    of small objects (core/housekeeping/bulk_work.py)."""
    from imitation_lens.core.housekeeping.bulk_work import bulk_work

    with bulk_work():
        return export_format.write(document, target)


def export_as(store: Store, session_id: str, target: Path, name: str | None = None) -> Path:
    from imitation_lens.core.exports.session_json import session_document

    return write_document(format_for(target, name), session_document(store, session_id), target)


discover()
