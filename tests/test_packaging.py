"""The PySide6 6.12.0 + Python 3.11 abort must be impossible to install into, and absent here."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def _pyside_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"] if r.lower().startswith("pyside6")]


def _allowed(version: str, python: str) -> bool:
    environment = {"python_version": python, "python_full_version": python + ".0"}
    return any(
        req.specifier.contains(Version(version), prereleases=True)
        for req in _pyside_requirements()
        if req.marker is None or req.marker.evaluate(environment)
    )


def test_pyside_6_12_0_is_refused_on_python_3_11() -> None:
    assert not _allowed("6.12.0", "3.11")
    assert _allowed("6.11.3", "3.11")


def test_pyside_6_12_is_allowed_on_newer_pythons() -> None:
    assert _allowed("6.12.0", "3.12")
    assert _allowed("6.12.0", "3.13")


def test_installed_pyside_survives_ten_thousand_signal_emits() -> None:
    code = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
class Source(QObject):
    fired = Signal(bool)
app = QCoreApplication([])
source = Source()
received = []
source.fired.connect(received.append)
for _ in range(10_000):
    source.fired.emit(True)
print(len(received), all(received))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["10000", "True"]
