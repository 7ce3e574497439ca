"""A smaller ICU data library for the frozen app: only the items Qt reads for us (Linux builds).

PySide6's Qt Core links ICU 73, whose data library (`libicudata.so.73`, 31 MB: collation and converters for
every language, break dictionaries, locale display names…) is a sixth of the one-folder app. Qt reaches ICU
data for three things the app can meet: sorting with QCollator (the file dialog's list, in the user's locale:
Chinese pinyin order), converting non-Unicode text with QStringDecoder, and its case mapping (built into
libicuuc, no data). KEEP lists what those read; every other item is left out. An item ICU cannot find is an
error code to Qt (a plain sort, an invalid decoder), never a crash.

The library keeps ICU's own shape — one read-only symbol `icudt73_dat` holding the common-data package — so
libicuuc links to it unchanged. It is assembled with binutils (`as`, `ld`), which PyInstaller needs on Linux
anyway (it strips with them).

    python build_scripts/icu_data.py SRC/libicudata.so.73 OUT/libicudata.so.73   # prints the sizes
"""

from __future__ import annotations

import fnmatch
import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# Item names inside the package, after its "icudt73l/" prefix.
KEEP = (
    # QCollator: the root collation and its tailorings for the app's two languages (zh: pinyin order)
    "coll/ucadata.icu",
    "coll/root.res",
    "coll/zh.res",
    "coll/zh_Hans*.res",
    "coll/en*.res",
    "coll/res_index.res",
    "coll/pool.res",
    # locale fallback data every resource bundle lookup may consult
    "res_index.res",
    "root.res",
    "pool.res",
    "zh.res",
    "zh_Hans*.res",
    "en.res",
    "en_US*.res",
    "likelySubtags.res",
    "parentLocales.res",
    "supplementalData.res",
    # normalisation (collation and converters use it)
    "nfc.nrm",
    "nfkc.nrm",
    "uprops.icu",
    "ucase.icu",
    "unorm.icu",
    # QStringDecoder for the encodings Chinese files come in (GBK/GB 18030, Big5) and its name table
    "cnvalias.icu",
    "gb18030.cnv",
    "ibm-1386_P100-2001.cnv",
    "windows-936-2000.cnv",  # GBK: a delta on ibm-1386
    "ibm-1383_P110-1999.cnv",
    "ibm-5478_P100-1995.cnv",
    "windows-950-2000.cnv",
    "ibm-1373_P100-2002.cnv",  # windows-950 (Big5) is a delta on it
)

_ELF_MAGIC = b"\x7fELF\x02\x01"  # 64-bit little-endian: the only kind PySide6 ships for Linux


def _symbol_bytes(lib: bytes, pattern: str) -> tuple[str, bytes]:
    """The first dynamic symbol whose name matches `pattern`, with the bytes it covers."""
    if not lib.startswith(_ELF_MAGIC):
        raise ValueError("not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", lib, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", lib, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", lib, shoff + i * shentsize) for i in range(shnum)]
    dynsym = next(s for s in sections if s[1] == 11)  # SHT_DYNSYM
    strtab = sections[dynsym[6]]
    regex = re.compile(pattern)
    for offset in range(dynsym[4], dynsym[4] + dynsym[5], 24):
        st_name, _, _, st_shndx, st_value, st_size = struct.unpack_from("<IBBHQQ", lib, offset)
        start = strtab[4] + st_name
        name = lib[start : lib.index(b"\0", start)].decode()
        if st_shndx and regex.fullmatch(name):
            section = sections[st_shndx]
            file_offset = section[4] + (st_value - section[3])
            return name, lib[file_offset : file_offset + st_size]
    raise ValueError(f"no symbol matching {pattern}")


def read_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """ICU common data: (its header, [(item name, item bytes)…]) in the package's own (sorted) order."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    if package[2:4] != b"\xda\x27":
        raise ValueError("not an ICU common-data package")
    toc = header_size
    count = struct.unpack_from("<I", package, toc)[0]
    entries = [struct.unpack_from("<II", package, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        name_start = toc + name_at
        name = package[name_start : package.index(b"\0", name_start)].decode("ascii")
        data_end = entries[i + 1][1] if i + 1 < count else len(package) - toc
        items.append((name, package[toc + data_at : toc + data_end]))
    return package[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The common-data package for `items` (names sorted, each item 16-byte aligned, as pkgdata writes it)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    data_at = table_size + len(names)
    data_at += -(len(header) + data_at) % 16
    table = bytearray(struct.pack("<I", len(items)))
    body = bytearray()
    name_at = table_size
    for name, data in items:
        table += struct.pack("<II", name_at, data_at + len(body))
        name_at += len(name) + 1
        body += data + b"\0" * (-len(data) % 16)
    padding = b"\xaa" * (data_at - table_size - len(names))  # what pkgdata pads with
    return header + bytes(table) + names + padding + bytes(body)


def subset(package: bytes, keep: tuple[str, ...] = KEEP) -> bytes:
    header, items = read_items(package)
    prefix = items[0][0].split("/", 1)[0] + "/"  # "icudt73l/"
    kept = [(n, d) for n, d in items if any(fnmatch.fnmatchcase(n.removeprefix(prefix), k) for k in keep)]
    return write_package(header, kept)


def link_library(package: bytes, symbol: str, soname: str, out: Path) -> None:
    """A shared library exporting `symbol` as the read-only package bytes, 16-byte aligned as ICU wants."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "data.bin").write_bytes(package)
        (work / "data.s").write_text(
            "\t.section .rodata\n\t.balign 16\n"
            f"\t.globl {symbol}\n\t.type {symbol}, @object\n{symbol}:\n"
            '\t.incbin "data.bin"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        subprocess.run(["as", "-o", "data.o", "data.s"], cwd=work, check=True)
        subprocess.run(
            ["ld", "-shared", "-soname", soname, "-o", str(out.resolve()), "data.o"], cwd=work, check=True
        )


def make_small_library(source: Path, out: Path) -> tuple[int, int]:
    """Write the subset library for `source` to `out`; (bytes before, bytes after)."""
    lib = source.read_bytes()
    symbol, package = _symbol_bytes(lib, r"icudt\d+_dat")
    out.parent.mkdir(parents=True, exist_ok=True)
    link_library(subset(package), symbol, source.name, out)
    return len(lib), out.stat().st_size


def main(argv: list[str]) -> int:
    before, after = make_small_library(Path(argv[0]), Path(argv[1]))
    print(f"ICU data: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB ({argv[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
