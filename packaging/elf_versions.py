"""What a Linux library or program asks of the system it runs on, read from its ELF file.

Two things, both from the dynamic section: the libraries it names (DT_NEEDED, with the RPATH or
RUNPATH used to find them) and the symbol versions it needs from each (`.gnu.version_r`, the
"Version needs" that `readelf -V` prints), e.g. GLIBC_2.35 from libm.so.6. The dynamic loader
refuses to start a program when one of those versions is missing, which is how a bundle built
on a new distribution fails on an older one.

Plain `struct` reading, no dependency: pyelftools is not among the app's packages, and binutils
(`readelf`) is not on every machine that runs the tests. 64- and 32-bit, either byte order.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

_MAGIC = b"\x7fELF"
_SHT_DYNAMIC = 6
_SHT_GNU_VERNEED = 0x6FFFFFFE
_DT_NULL, _DT_NEEDED, _DT_RPATH, _DT_RUNPATH = 0, 1, 15, 29


class NotElf(ValueError):
    """The file is not an ELF object (a script, data, a damaged file)."""


@dataclass
class ElfNeeds:
    path: Path
    needed: list[str] = field(default_factory=list)  # library names, as DT_NEEDED spells them
    search_paths: list[str] = field(default_factory=list)  # RPATH / RUNPATH, $ORIGIN unexpanded
    # library name -> versions needed from it, e.g. {"libc.so.6": {"GLIBC_2.34", "GLIBC_2.2.5"}}
    versions: dict[str, set[str]] = field(default_factory=dict)

    def all_versions(self) -> set[str]:
        return set().union(*self.versions.values()) if self.versions else set()


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(4) == _MAGIC
    except OSError:
        return False


def read_needs(path: Path) -> ElfNeeds:
    """The libraries and symbol versions `path` needs; raises NotElf for anything else."""
    with path.open("rb") as stream:
        return _Reader(path, stream).needs()


class _Reader:
    def __init__(self, path: Path, stream: BinaryIO) -> None:
        self.path = path
        self.stream = stream
        ident = stream.read(16)
        if (
            len(ident) < 16
            or ident[:4] != _MAGIC
            or ident[4] not in (1, 2)
            or ident[5] not in (1, 2)
        ):
            raise NotElf(f"{path} is not an ELF file")
        self.wide = ident[4] == 2  # ELFCLASS64
        self.order = "<" if ident[5] == 1 else ">"
        if self.wide:
            shoff, shentsize, shnum = self._at(0x28, "Q"), self._at(0x3A, "H"), self._at(0x3C, "H")
        else:
            shoff, shentsize, shnum = self._at(0x20, "I"), self._at(0x2E, "H"), self._at(0x30, "H")
        self.sections = [self._section(shoff + i * shentsize) for i in range(shnum)]

    def _at(self, offset: int, fmt: str) -> int:
        self.stream.seek(offset)
        size = struct.calcsize(self.order + fmt)
        data = self.stream.read(size)
        if len(data) < size:
            raise NotElf(f"{self.path} ends inside its ELF headers")
        value: int = struct.unpack(self.order + fmt, data)[0]
        return value

    def _section(self, offset: int) -> tuple[int, int, int, int, int]:
        """(type, file offset, size, link, info) of one section header."""
        self.stream.seek(offset)
        if self.wide:
            raw = self.stream.read(64)
            if len(raw) < 64:
                raise NotElf(f"{self.path} ends inside its section headers")
            _, kind, _, _, start, size, link, info = struct.unpack(
                self.order + "IIQQQQII", raw[:48]
            )
        else:
            raw = self.stream.read(40)
            if len(raw) < 40:
                raise NotElf(f"{self.path} ends inside its section headers")
            _, kind, _, _, start, size, link, info = struct.unpack(
                self.order + "IIIIIIII", raw[:32]
            )
        return kind, start, size, link, info

    def _string(self, table: int, offset: int) -> str:
        _, start, size, _, _ = self.sections[table]
        self.stream.seek(start + offset)
        raw = self.stream.read(max(0, min(4096, size - offset)))
        return raw.split(b"\0", 1)[0].decode("utf-8", "replace")

    def needs(self) -> ElfNeeds:
        result = ElfNeeds(self.path)
        for kind, start, size, link, info in self.sections:
            if kind == _SHT_DYNAMIC:
                self._dynamic(result, start, size, link)
            elif kind == _SHT_GNU_VERNEED:
                self._verneed(result, start, link, info)
        return result

    def _dynamic(self, result: ElfNeeds, start: int, size: int, strtab: int) -> None:
        entry = struct.Struct(self.order + ("qQ" if self.wide else "iI"))
        self.stream.seek(start)
        data = self.stream.read(size)
        for offset in range(0, len(data) - entry.size + 1, entry.size):
            tag, value = entry.unpack_from(data, offset)
            if tag == _DT_NULL:
                break
            if tag == _DT_NEEDED:
                result.needed.append(self._string(strtab, value))
            elif tag in (_DT_RPATH, _DT_RUNPATH):
                result.search_paths += [p for p in self._string(strtab, value).split(":") if p]

    def _verneed(self, result: ElfNeeds, start: int, strtab: int, count: int) -> None:
        # Elf_Verneed: vn_version(2) vn_cnt(2) vn_file(4) vn_aux(4) vn_next(4), the same for
        # 32 and 64 bits; each has vn_cnt Elf_Vernaux: hash(4) flags(2) other(2) name(4) next(4).
        offset = start
        for _ in range(count or 10_000):  # sh_info counts the entries; 0 means "follow next"
            self.stream.seek(offset)
            _, aux_count, file_name, aux, following = struct.unpack(
                self.order + "HHIII", self.stream.read(16)
            )
            library = self._string(strtab, file_name)
            wanted = result.versions.setdefault(library, set())
            at = offset + aux
            for _ in range(aux_count):
                self.stream.seek(at)
                _, _, _, name, aux_next = struct.unpack(self.order + "IHHII", self.stream.read(16))
                wanted.add(self._string(strtab, name))
                if not aux_next:
                    break
                at += aux_next
            if not following:
                break
            offset += following
