"""The bundle starts on the oldest Linux it promises (Ubuntu 22.04: glibc 2.35, GCC 12's C++
runtime): no library it carries may need newer symbol versions than that floor, and the system
libraries it must not carry (libstdc++, libgcc_s, expat, glibc's own) stay out.

Checked on what the bundle is made of, without building it: the installed llama.cpp libraries,
PySide6 and shiboken6 with Qt's libraries and plugins, the Python interpreter and libpython,
every extension module of this environment, and every library those link that PyInstaller
would collect. And on the real bundle when `make bundle` has made one."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
BUNDLE = ROOT / "dist" / "ImitationLens"


def _load(name: str) -> ModuleType:
    """A module of packaging/ (not a package: the spec puts the folder on the path too)."""
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    return importlib.import_module(name)


floor = _load("glibc_floor")
elf = _load("elf_versions")


def _offenders(findings: list[Any], root: Path | None = None) -> str:
    return "\n".join(f.describe(root) for f in findings if f.problems)


def _site_packages() -> Path:
    return Path(sysconfig.get_paths()["purelib"])


# The plugin folders PyInstaller collects with each Qt module (its hooks' table, trimmed to the
# modules that have plugins here).
QT_PLUGINS = {
    "QtGui": [
        "accessiblebridge",
        "egldeviceintegrations",
        "generic",
        "iconengines",
        "imageformats",
        "platforms",
        "platforminputcontexts",
        "platformthemes",
        "xcbglintegrations",
        "wayland-decoration-client",
        "wayland-graphics-integration-client",
        "wayland-shell-integration",
    ],
    "QtWidgets": ["styles"],
    "QtNetwork": ["networkaccess", "networkinformation", "tls"],
    "QtPrintSupport": ["printsupport"],
    "QtSql": ["sqldrivers"],
    "QtQml": ["qmltooling"],
    "QtDesigner": ["designer"],
}


def _qt_modules_the_app_imports() -> set[str]:
    found: set[str] = set()
    for source in (ROOT / "desktop").rglob("*.py"):
        found |= set(re.findall(r"PySide6\.(Qt\w+)", source.read_text("utf-8")))
    return found


def _pyside_parts() -> list[Path]:
    """PySide6 as the spec collects it: the Qt modules the app imports, with their plugins;
    the Qt libraries they link follow from the dependency walk."""
    pyside = _site_packages() / "PySide6"
    modules = _qt_modules_the_app_imports()
    spec = (PACKAGING / "imitation-lens.spec").read_text()
    excluded = set(re.findall(r'"PySide6\.(Qt\w+)"', spec))
    assert modules and not modules & excluded, (modules, excluded)
    parts = [path for m in sorted(modules) for path in pyside.glob(f"{m}.*.so")]
    parts += floor.elf_files(pyside, "libpyside6*.so*")
    for module in modules:
        for folder in QT_PLUGINS.get(module, []):
            parts += floor.elf_files(pyside / "Qt" / "plugins" / folder, "*.so")
    return parts


def _what_the_bundle_is_made_of() -> list[Path]:
    native = _load("native_libraries")
    roots = [Path(source) for source, _ in native.bundle_binaries()]
    roots.append(Path(sys.executable).resolve())
    libdir = Path(sysconfig.get_config_var("LIBDIR") or sys.base_prefix)
    libpython = sysconfig.get_config_var("LDLIBRARY") or ""
    if libpython.endswith(".so") or ".so." in libpython:
        roots.append(libdir / libpython)
    stdlib_extensions = Path(sysconfig.get_paths()["platstdlib"]) / "lib-dynload"
    roots += floor.elf_files(stdlib_extensions, "*.so")
    roots += _pyside_parts()
    # Every other extension module and library of the environment (llama_cpp, shiboken6,
    # numpy, psutil, jsonschema_rs, …; a few are test tools, checked all the same).
    site = _site_packages()
    roots += [
        p for p in floor.elf_files(site, "*.so*") if "PySide6" not in p.relative_to(site).parts
    ]
    # The portable llama.cpp that `make bundle` builds, when it has been built here.
    portable = ROOT / "build" / "bundle" / "llama-build" / "bin"
    if portable.is_dir():
        roots += floor.elf_files(portable, "*.so*")
    return list(floor.with_dependencies(roots, [libdir]))


def test_what_the_bundle_is_made_of_needs_no_more_than_the_floor() -> None:
    files = _what_the_bundle_is_made_of()
    names = {path.name for path in files}
    # The scan really covers the parts named above (a wrong path would make it pass vacuously).
    assert any(name.startswith("libllama") for name in names), names
    assert any(name.startswith("libQt6Core") for name in names), names
    assert any(name.startswith("libshiboken6") for name in names), names
    assert any(name.startswith("libqxcb") for name in names), names  # a Qt plugin
    assert any(name.startswith("_psutil") or name.startswith("_multiarray") for name in names)
    findings = floor.check(files)
    assert len(findings) == len(files) > 100
    # Nothing the system provides is followed into the bundle.
    assert not [p for p in files if floor.left_to_the_system(p.name)]
    offenders = _offenders(findings)
    assert not offenders, (
        f"These files need more than the floor ({floor.FLOOR_TEXT}), so the bundle would not "
        f"start on Ubuntu 22.04:\n{offenders}"
    )


def test_the_built_bundle_needs_no_more_than_the_floor() -> None:
    if not BUNDLE.is_dir():
        pytest.skip("no dist/ImitationLens here (`make bundle` builds it)")
    findings = floor.check(floor.elf_files(BUNDLE))
    assert any(f.path.name == "imitation-lens" for f in findings)
    assert any(f.path.name.startswith("libggml-cpu-") for f in findings)
    offenders = _offenders(findings, BUNDLE)
    assert not offenders, (
        f"In {BUNDLE}, above the floor ({floor.FLOOR_TEXT}) or to be left to the system:\n"
        f"{offenders}"
    )


def test_the_spec_leaves_the_system_libraries_out() -> None:
    spec = (PACKAGING / "imitation-lens.spec").read_text()
    assert re.search(r"a\.binaries = \[.*left_to_the_system", spec)
    for system in ("libstdc++.so.6", "libgcc_s.so.1", "libexpat.so.1", "libc.so.6", "libEGL.so.1"):
        assert floor.left_to_the_system(system), system
    for carried in ("libllama.so", "libQt6Core.so.6", "libpython3.11.so.1.0", "libxcb-xkb.so.1"):
        assert not floor.left_to_the_system(carried), carried


def test_a_file_above_the_floor_is_named_with_what_it_needs(tmp_path: Path) -> None:
    needs = elf.ElfNeeds(
        tmp_path / "libfancy.so",
        versions={
            "libc.so.6": {"GLIBC_2.2.5", "GLIBC_2.36", "GLIBC_2.34"},
            "libstdc++.so.6": {"GLIBCXX_3.4.32", "CXXABI_1.3.13", "CXXABI_TM_1"},
            "libgcc_s.so.1": {"GCC_3.0", "GCC_13.0.0"},
        },
    )
    finding = floor.judge(needs)
    assert finding.highest == {
        "GLIBC": (2, 36),
        "GLIBCXX": (3, 4, 32),
        "CXXABI": (1, 3, 13),
        "GCC": (13, 0, 0),
    }
    assert finding.problems == (
        "needs GLIBC_2.36 (floor GLIBC_2.35)",
        "needs GLIBCXX_3.4.32 (floor GLIBCXX_3.4.30)",
        "needs GCC_13.0.0 (floor GCC_12.0.0)",
    )
    assert finding.describe(tmp_path).startswith("libfancy.so: needs GLIBC_2.36")
    at_floor = floor.judge(
        elf.ElfNeeds(tmp_path / "libok.so", versions={"libc.so.6": {"GLIBC_2.35"}})
    )
    assert at_floor.problems == ()
    relr = floor.judge(
        elf.ElfNeeds(tmp_path / "librelr.so", versions={"libc.so.6": {"GLIBC_ABI_DT_RELR"}})
    )
    assert relr.problems == ("needs GLIBC_ABI_DT_RELR (floor GLIBC_2.35)",)
    bundled = floor.judge(elf.ElfNeeds(tmp_path / "libstdc++.so.6"))
    assert "system library" in bundled.problems[0]


def test_the_checker_fails_a_folder_with_a_plain_list(tmp_path: Path) -> None:
    good = Path(sys.executable).resolve()
    (tmp_path / "lib").mkdir()
    shutil.copy(good, tmp_path / "lib" / "libstdc++.so.6")  # any ELF file under that name
    (tmp_path / "notes.txt").write_text("not ELF")
    run = subprocess.run(
        [sys.executable, str(PACKAGING / "glibc_floor.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stdout.splitlines()[0].startswith("lib/libstdc++.so.6: is a system library")
    assert "1 ELF file;" in run.stdout and "1 above the floor or not to be bundled" in run.stdout


@pytest.mark.skipif(shutil.which("readelf") is None, reason="binutils' readelf not installed")
def test_the_reader_agrees_with_readelf() -> None:
    native = _load("native_libraries")
    samples = [Path(source) for source, _ in native.bundle_binaries()][:3]
    samples.append(Path(sys.executable).resolve())
    samples += floor.elf_files(_site_packages() / "PySide6", "libpyside6*.so*")[:1]
    for path in samples:
        listing = subprocess.run(
            ["readelf", "-V", "-d", "--wide", str(path)], capture_output=True, text=True
        ).stdout
        needs = elf.read_needs(path)
        versions_part = listing.split("Version needs section", 1)
        expected = (
            set(re.findall(r"Name: (\S+)\s+Flags", versions_part[1]))
            if len(versions_part) > 1
            else set()
        )
        assert needs.all_versions() == expected, path
        assert needs.needed == re.findall(r"\(NEEDED\).*\[(.*)\]", listing), path
