"""Where the app keeps its data, and where the shipped data files (resources, catalog) live."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "ImitationLens"
DATA_DIR_ENV = "IMITATION_LENS_DATA_DIR"


@dataclass(frozen=True)
class DataPaths:
    """The folders of one data location; everything the app writes lives below `root`."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "imitation-lens.sqlite3"

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def window_settings(self) -> Path:
        """Window sizes and pane splits (an INI file), kept with the data so test runs stay apart."""
        return self.root / "window.ini"

    def create(self) -> DataPaths:
        for folder in (self.root, self.models, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def data_paths(override: str | os.PathLike[str] | None = None) -> DataPaths:
    """The data location: `--data-dir`, else $IMITATION_LENS_DATA_DIR, else the OS's user data dir."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return DataPaths(Path(chosen).expanduser().resolve())
    return DataPaths(Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)))


def project_root() -> Path:
    """The folder holding `resources/` and `models/`: the bundle when frozen, else the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[4]


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def catalog_path() -> Path:
    return project_root() / "models" / "catalog.json"
