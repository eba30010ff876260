"""The oldest Linux the bundle runs on, checked: no bundled file may need a newer glibc or C++
runtime than the floor below.

    python packaging/glibc_floor.py dist/ImitationLens      # every ELF file in the folder

prints each ELF file with the highest GLIBC_, GLIBCXX_, CXXABI_ and GCC_ versions it needs and
exits 1 (with a plain list of the offending files) when one is above the floor or when the
folder carries a library that must come from the system. `make bundle` runs it on the new
bundle; tests/test_bundle_glibc.py runs it on what the bundle is made of.

The floor is Ubuntu 22.04 (and Linux Mint 21, Pop!_OS 22.04, Debian 12, Fedora 36): glibc 2.35
and the C++ and GCC runtimes of GCC 12 (GLIBCXX_3.4.30, CXXABI_1.3.13, GCC_12.0.0). RHEL 9 and
its rebuilds have glibc 2.34 and are below it (docs/packaging.md says why and what it would
take).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from elf_versions import ElfNeeds, NotElf, is_elf, read_needs

Version = tuple[int, ...]

FLOOR: dict[str, Version] = {
    "GLIBC": (2, 35),  # Ubuntu 22.04: glibc 2.35
    "GLIBCXX": (3, 4, 30),  # Ubuntu 22.04's libstdc++6 is GCC 12's
    "CXXABI": (1, 3, 13),
    "GCC": (12, 0, 0),  # libgcc_s, left to the system like libstdc++: GCC 12's
}
FLOOR_TEXT = ", ".join(f"{family}_{'.'.join(map(str, v))}" for family, v in FLOOR.items())

# Version names that are not numbered but stand for a glibc release: DT_RELR relocations
# (`-z pack-relative-relocs`) need glibc 2.36.
_ALIASES = {"GLIBC_ABI_DT_RELR": ("GLIBC", (2, 36))}

# Libraries that must come from the system the bundle runs on, never from the bundle.
# What PyInstaller already leaves out: glibc's own libraries and the graphics stack, which has to
# match the computer's drivers (its list, in PyInstaller/depend/dylib.py).
PYINSTALLER_LEAVES_OUT = (
    r"libc\.so(\..*)?",
    r"libm\.so(\..*)?",
    r"libdl\.so(\..*)?",
    r"libpthread\.so(\..*)?",
    r"librt\.so(\..*)?",
    r"libutil\.so(\..*)?",
    r"libresolv\.so(\..*)?",
    r"libcrypt\.so(\..*)?",
    r"libnsl\.so(\..*)?",
    r"libanl\.so(\..*)?",
    r"libcidn\.so(\..*)?",
    r"libthread_db\.so(\..*)?",
    r"libnss_.*\.so(\..*)?",
    r"libBrokenLocale\.so(\..*)?",
    r"ld-linux.*\.so(\..*)?",
    r"libE?(Open)?GLX?(ESv1_CM|ESv2)?(dispatch)?\.so(\..*)?",
    r"libdrm\.so(\..*)?",
    r"libxcb\.so(\..*)?",
    r"libxcb-dri.*\.so(\..*)?",
    r"libwayland-(client|cursor|egl|server)\.so(\..*)?",
    r"libcuda\.so(\..*)?",
    r"lib(EGL|GLX)_nvidia\.so(\..*)?",
    r"libnvidia-.*\.so(\..*)?",
)
# What the spec leaves out on top. The C++ and GCC runtimes: a libstdc++ taken from the build
# machine needs that machine's glibc (Debian 12's calls arc4random, GLIBC_2.36) and, found first,
# would replace a newer system one that graphics drivers need; every target system has GCC 12's
# runtime or newer. Expat: Debian 12's also salts its hashes with arc4random; its one user in the
# bundle is fontconfig (for Qt), which uses only long-stable calls, and no desktop is without
# libexpat.so.1 since its own fontconfig needs it. (Python's pyexpat carries its own expat.)
SPEC_LEAVES_OUT = (
    r"libstdc\+\+\.so(\..*)?",
    r"libgcc_s\.so(\..*)?",
    r"libexpat\.so(\..*)?",
)
LEFT_TO_THE_SYSTEM = PYINSTALLER_LEAVES_OUT + SPEC_LEAVES_OUT
_SYSTEM = re.compile("|".join(f"(?:{p})" for p in LEFT_TO_THE_SYSTEM))


def left_to_the_system(name: str) -> bool:
    return _SYSTEM.fullmatch(name) is not None


def parse_version(name: str) -> tuple[str, Version] | None:
    """("GLIBC", (2, 35)) for "GLIBC_2.35"; None for names without a number (GLIBC_PRIVATE)."""
    if name in _ALIASES:
        return _ALIASES[name]
    family, _, number = name.rpartition("_")
    if not family or not re.fullmatch(r"\d+(\.\d+)*", number):
        return None
    return family, tuple(int(part) for part in number.split("."))


def _text(family: str, version: Version) -> str:
    return f"{family}_{'.'.join(map(str, version))}"


@dataclass(frozen=True)
class Finding:
    path: Path
    highest: dict[str, Version]  # family -> the highest version needed (floor families only)
    problems: tuple[str, ...]  # why the file fails, in words; empty when it passes

    def describe(self, root: Path | None = None) -> str:
        name = (
            str(self.path.relative_to(root))
            if root and self.path.is_relative_to(root)
            else str(self.path)
        )
        needs = " ".join(_text(f, self.highest[f]) for f in FLOOR if f in self.highest) or "-"
        return f"{name}: {'; '.join(self.problems)}" if self.problems else f"{name}: {needs}"


def judge(needs: ElfNeeds) -> Finding:
    highest: dict[str, Version] = {}
    problems: list[str] = []
    for name in sorted(needs.all_versions()):
        if name == "GLIBC_PRIVATE":
            problems.append("needs GLIBC_PRIVATE (works only with the exact glibc it was built on)")
            continue
        parsed = parse_version(name)
        if parsed is None or parsed[0] not in FLOOR:
            continue
        family, version = parsed
        highest[family] = max(version, highest.get(family, version))
    for family, version in sorted(highest.items(), key=lambda item: list(FLOOR).index(item[0])):
        if version > FLOOR[family]:
            above = sorted(
                {
                    n
                    for n in needs.all_versions()
                    if (p := parse_version(n)) and p[0] == family and p[1] > FLOOR[family]
                }
            )
            problems.append(f"needs {', '.join(above)} (floor {_text(family, FLOOR[family])})")
    if left_to_the_system(needs.path.name):
        problems.insert(0, "is a system library: the bundle must use the system's own")
    return Finding(needs.path, highest, tuple(problems))


def elf_files(folder: Path, pattern: str = "*") -> list[Path]:
    """Every ELF file under folder whose name matches pattern (each file once, links followed)."""
    seen: set[Path] = set()
    found = []
    for path in sorted(folder.rglob(pattern)):
        if path.is_file() and is_elf(path):
            real = path.resolve()
            if real not in seen:
                seen.add(real)
                found.append(path)
    return found


def check(paths: Iterable[Path]) -> list[Finding]:
    findings = []
    for path in paths:
        try:
            findings.append(judge(read_needs(path)))
        except NotElf:
            continue
    return findings


# Where the dynamic loader looks when a library's own RUNPATH does not say (Debian/Ubuntu and
# Fedora layouts); used to follow what the bundle's files link, as PyInstaller does.
SYSTEM_DIRS = (
    "/lib/x86_64-linux-gnu",
    "/usr/lib/x86_64-linux-gnu",
    "/lib64",
    "/usr/lib64",
    "/lib",
    "/usr/lib",
    "/usr/local/lib",
)


def _find(name: str, needs: ElfNeeds, extra_dirs: Iterable[Path]) -> Path | None:
    origin = str(needs.path.parent)
    dirs = [
        Path(p.replace("$ORIGIN", origin).replace("${ORIGIN}", origin)) for p in needs.search_paths
    ]
    dirs += [needs.path.parent, *extra_dirs, *(Path(d) for d in SYSTEM_DIRS)]
    for folder in dirs:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def with_dependencies(roots: Iterable[Path], extra_dirs: Iterable[Path] = ()) -> list[Path]:
    """The roots and every library they link, directly or not, that the bundle would carry
    (system libraries left out): what PyInstaller's dependency analysis collects."""
    extra = list(extra_dirs)
    result: dict[Path, Path] = {}
    queue = [Path(r) for r in roots]
    while queue:
        path = queue.pop()
        real = path.resolve()
        if real in result:
            continue
        try:
            needs = read_needs(path)
        except (NotElf, OSError):
            continue
        result[real] = path
        for name in needs.needed:
            if left_to_the_system(name):
                continue
            found = _find(name, needs, extra)
            if found is not None:
                queue.append(found)
    return sorted(result.values())


def report(findings: list[Finding], root: Path | None = None) -> str:
    bad = [f for f in findings if f.problems]
    lines = [
        f.describe(root) for f in sorted(findings, key=lambda f: (not f.problems, str(f.path)))
    ]
    highest: dict[str, Version] = {}
    for finding in findings:
        for family, version in finding.highest.items():
            highest[family] = max(version, highest.get(family, version))
    overall = " ".join(_text(f, highest[f]) for f in FLOOR if f in highest)
    lines.append(
        f"{len(findings)} ELF file{'s' if len(findings) != 1 else ''}; highest needs: {overall or 'none'}; floor: {FLOOR_TEXT}; "
        + (f"{len(bad)} above the floor or not to be bundled." if bad else "all within the floor.")
    )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: glibc_floor.py FOLDER", file=sys.stderr)
        return 2
    root = Path(argv[0])
    findings = check(elf_files(root))
    print(report(findings, root))
    return 1 if any(f.problems for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
