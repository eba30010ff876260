"""The catalog of model presets in `models/catalog.json`: real GGUF files on the Hugging Face Hub,
grouped as base/imitator pairs with what each imitator learned from whom."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from imitation_lens.core.housekeeping.paths import catalog_path
from imitation_lens.core.model_files.downloads import HubFile


@dataclass(frozen=True)
class Preset:
    id: str
    role: str  # base | imitator
    name: str
    family: str
    hf_repo: str  # empty for the built-in model
    file: str
    revision: str
    size_bytes: int | None
    sha256: str | None
    licence: str
    parameters: str
    quantization: str
    fits_8gb: bool
    trained_on: str | None
    teacher: str | None
    facts_from: tuple[str, ...] = ()  # the pages the facts were read from, each maybe with a note

    @property
    def is_built_in(self) -> bool:
        return not self.hf_repo

    def hub_file(self) -> HubFile:
        return HubFile(self.hf_repo, self.file, self.revision, self.size_bytes, self.sha256)


@dataclass(frozen=True)
class Pair:
    id: str
    title: str
    base: Preset
    imitator: Preset
    story: str
    fits_8gb: bool


@dataclass(frozen=True)
class Catalog:
    presets: dict[str, Preset]
    pairs: list[Pair]


def _preset(entry: dict[str, Any]) -> Preset:
    source = entry["source"]
    return Preset(
        id=entry["id"],
        role=entry["role"],
        name=entry["name"],
        family=entry.get("family", ""),
        hf_repo=source.get("hf_repo", ""),
        file=source["file"],
        revision=source.get("revision", "main"),
        size_bytes=entry.get("size_bytes"),
        sha256=entry.get("sha256"),
        licence=entry.get("licence", ""),
        parameters=entry.get("parameters", ""),
        quantization=entry.get("quantization", ""),
        fits_8gb=bool(entry.get("fits_8gb")),
        trained_on=entry.get("trained_on"),
        teacher=entry.get("teacher"),
        facts_from=tuple(entry.get("facts_from", ())),
    )


def load_catalog(path: Path | None = None) -> Catalog:
    document = json.loads((path or catalog_path()).read_text("utf-8"))
    presets = {entry["id"]: _preset(entry) for entry in document["presets"]}
    pairs = [
        Pair(
            id=entry["id"],
            title=entry["title"],
            base=presets[entry["base"]],
            imitator=presets[entry["imitator"]],
            story=entry["story"],
            fits_8gb=bool(entry.get("fits_8gb")),
        )
        for entry in document["pairs"]
    ]
    return Catalog(presets, pairs)
