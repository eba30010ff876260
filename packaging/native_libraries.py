"""The native libraries the bundle must carry: llama.cpp's, found where llama-cpp-python keeps
them. Used by imitation-lens.spec and checked by tests/test_bundle_spec.py, so a library a new
llama-cpp-python ships is noticed instead of missing from the bundle at run time."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

# Every file llama-cpp-python puts in llama_cpp/lib, on Linux, macOS and Windows.
PATTERNS = (
    "libllama.so*",
    "libllama.dylib",
    "llama.dll",
    "llama.lib",
    "libggml.so*",
    "libggml.dylib",
    "ggml.dll",
    "ggml.lib",
    "libggml-base.so*",
    "libggml-base.dylib",
    "ggml-base.dll",
    "ggml-base.lib",
    # The CPU backend: one library, or (runtime CPU selection) one per CPU generation.
    "libggml-cpu.so*",
    "libggml-cpu.dylib",
    "ggml-cpu.dll",
    "ggml-cpu.lib",
    "libggml-cpu-*.so",
    "ggml-cpu-*.dll",
    # Multimodal helpers (not used by the app; shipped when the wheel has them).
    "libmtmd.so*",
    "libmtmd.dylib",
    "mtmd.dll",
    "mtmd.lib",
    "libllava.so*",
    "libllava.dylib",
    "llava.dll",
    "llava.lib",
    "libggml-metal.dylib",
    "ggml-metal.metal",
    "libggml-blas.dylib",
)
# Per-CPU backends are loaded by ggml from the executable's folder, not from llama_cpp/lib.
CPU_VARIANTS = ("libggml-cpu-*.so", "ggml-cpu-*.dll")


def named(name: str, patterns: tuple[str, ...] = PATTERNS) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def llama_lib_dir() -> Path:
    import llama_cpp

    return Path(llama_cpp.__file__).parent / "lib"


def bundle_binaries(variants_dir: str | None = None) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for every native library of llama.cpp."""
    found = []
    for path in sorted(llama_lib_dir().iterdir()):
        if named(path.name):
            found.append((str(path), "llama_cpp/lib"))
    folder = variants_dir or os.environ.get("LLAMA_CPU_VARIANTS_DIR")
    if folder:
        for path in sorted(Path(folder).iterdir()):
            if named(path.name, CPU_VARIANTS):
                found.append((str(path), "."))
    return found
