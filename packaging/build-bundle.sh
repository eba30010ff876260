#!/usr/bin/env bash
# Build the one-folder application bundle: dist/ImitationLens/ (run `make bundle`).
#
# 1. A build environment in build/bundle/venv (kept between builds).
# 2. llama.cpp built for any x86-64 laptop, not only this machine: no -march=native
#    (GGML_NATIVE=OFF), every CPU backend variant from SSE4.2 to AVX-512 built as its own library
#    (GGML_CPU_ALL_VARIANTS) and the best one for the computer picked when the app starts
#    (GGML_BACKEND_DL). The wheel is built once and kept in build/bundle/wheels.
#    LLAMA_CMAKE_EXTRA adds CMake flags, e.g. on a build machine whose GCC is newer than 12:
#    LLAMA_CMAKE_EXTRA="-DCMAKE_SHARED_LINKER_FLAGS='-static-libstdc++ -static-libgcc'" (see
#    docs/packaging.md, "Which Linux it runs on"); delete build/bundle/wheels to rebuild.
# 3. PyInstaller with packaging/imitation-lens.spec.
# 4. The glibc floor: no file in the bundle may need a newer glibc or C++ runtime than
#    Ubuntu 22.04 has (packaging/glibc_floor.py; the list is kept in build/bundle/glibc-floor.txt).
# 5. The fresh bundle's --self-test, run from another folder, as a user would.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build/bundle"
venv="$build/venv"
wheels="$build/wheels"
llama_build="$build/llama-build"
llama_version="0.3.36"
python="${PYTHON:-python3}"

mkdir -p "$build" "$wheels"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/pip" install -q --upgrade pip
"$venv/bin/pip" install -q "pyinstaller>=6.10"

wheel="$(ls "$wheels"/llama_cpp_python-"$llama_version"-*.whl 2>/dev/null | head -n 1 || true)"
if [ -z "$wheel" ] || [ ! -d "$llama_build/bin" ]; then
  echo "Building llama.cpp $llama_version for portability (every CPU variant; 10-25 minutes)..."
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_BACKEND_DL=ON -DGGML_CPU_ALL_VARIANTS=ON -DLLAVA_BUILD=OFF ${LLAMA_CMAKE_EXTRA:-}" \
  CMAKE_BUILD_PARALLEL_LEVEL="$(nproc 2>/dev/null || echo 2)" \
    "$venv/bin/pip" wheel --no-deps --no-cache-dir --no-binary llama-cpp-python \
      -w "$wheels" --config-settings=build-dir="$llama_build" "llama-cpp-python==$llama_version"
  wheel="$(ls "$wheels"/llama_cpp_python-"$llama_version"-*.whl | head -n 1)"
fi
# The portable llama.cpp first, so installing the app does not build (or take from pip's
# cache) a llama-cpp-python compiled for this machine; then the app and its dependencies.
"$venv/bin/pip" install -q --force-reinstall "$wheel"
"$venv/bin/pip" install -q "$root"

rm -rf "$root/dist/ImitationLens"
LLAMA_CPU_VARIANTS_DIR="$llama_build/bin" "$venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$root/dist" --workpath "$build/work" "$root/packaging/imitation-lens.spec"

bundle="$root/dist/ImitationLens"
echo
echo "Bundle: $bundle ($(du -sh "$bundle" | cut -f1), $(find "$bundle" -type f | wc -l) files)"
echo "Symbol versions the bundle needs (every file: build/bundle/glibc-floor.txt):"
if ! "$venv/bin/python" "$root/packaging/glibc_floor.py" "$bundle" >"$build/glibc-floor.txt"; then
  grep -E ': (needs|is a system library)' "$build/glibc-floor.txt" || true
  tail -n 1 "$build/glibc-floor.txt"
  echo "The bundle would not start on every system the README promises; see docs/packaging.md."
  exit 1
fi
tail -n 1 "$build/glibc-floor.txt"
echo "Self-test of the bundle, from $(mktemp -d) with no source tree on the path:"
check="$(mktemp -d)"
(cd "$check" && env -i HOME="$check" PATH=/usr/bin:/bin LANG=C.UTF-8 \
  "$bundle/imitation-lens" --self-test)
rm -rf "$check"
