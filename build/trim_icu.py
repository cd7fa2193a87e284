"""A smaller ICU data library for the Linux bundle: 32 MB of Qt's ICU data down to ~4 MB.

PySide6's Linux wheels carry ICU (Windows and macOS use the system's), and libicudata.so.73
holds all of ICU's data as one symbol, `icudt73_dat`: a table of contents and ~3,900 items.
Qt uses ICU for collation, locale-aware case mapping and IDNA; Masir speaks English, Dari and
Pashto. This keeps every item that is not tied to a locale (properties, normalisation,
break rules, time zones, plural and supplemental data), and the locale items of root, en, fa,
fa_AF, ps and ps_AF only; it drops legacy codepage converters (.cnv), transliterators and the
CJK/Thai/Lao/Khmer/Burmese word dictionaries. The trimmed data is linked into a new
libicudata.so.73 (same soname and symbol) with the C compiler; without one, the build keeps
the original library and says so.

    python build/trim_icu.py LIBICUDATA OUT_DIR     # writes OUT_DIR/libicudata.so.73
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

KEEP_LOCALES = {"root", "en", "fa", "fa_AF", "ps", "ps_AF"}
DROP_TREES = {"translit"}
DROP_SUFFIXES = {".cnv", ".dict"}
NOT_LOCALES = {"res_index", "pool"}
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")


def elf_symbol(data: bytes, wanted: str) -> bytes:
    """The bytes of a dynamic symbol in a 64-bit little-endian ELF shared library."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    (section_offset,) = struct.unpack_from("<Q", data, 0x28)
    entry_size, count, _ = struct.unpack_from("<HHH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, section_offset + i * entry_size)
        for i in range(count)
    ]
    for section in sections:
        if section[1] != 11:  # SHT_DYNSYM
            continue
        strings = sections[section[6]][4]
        for offset in range(section[4], section[4] + section[5], 24):
            name, _, _, index, value, size = struct.unpack_from("<IBBHQQ", data, offset)
            if data[strings + name :].split(b"\0", 1)[0].decode() == wanted:
                home = sections[index]
                start = value - home[3] + home[4]
                return data[start : start + size]
    raise ValueError(f"no symbol {wanted}")


def items(common: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item bytes)]) of an ICU common data package ("CmnD")."""
    (header_size,) = struct.unpack_from("<H", common, 0)
    toc = header_size
    (count,) = struct.unpack_from("<I", common, toc)
    entries = [struct.unpack_from("<II", common, toc + 4 + 8 * i) for i in range(count)]
    ends = [data for _, data in entries[1:]] + [len(common) - toc]
    found = []
    for (name_at, data_at), end in zip(entries, ends, strict=True):
        name = common[toc + name_at :].split(b"\0", 1)[0].decode("ascii")
        found.append((name, common[toc + data_at : toc + end]))
    return common[:header_size], found


def wanted(name: str) -> bool:
    path = Path(name)
    parts = path.parts[1:]  # without "icudt73l"
    if path.suffix in DROP_SUFFIXES or (len(parts) > 1 and parts[0] in DROP_TREES):
        return False
    stem = path.stem
    if path.suffix == ".res" and stem not in NOT_LOCALES and _LOCALE.match(stem):
        return stem in KEEP_LOCALES
    return True


def _pad(blob: bytes, align: int = 16) -> bytes:
    return blob + b"\0" * (-len(blob) % align)


def pack(header: bytes, kept: list[tuple[str, bytes]]) -> bytes:
    """A common data package of `kept` (in the original, sorted order)."""
    names = b""
    name_offsets = []
    toc_size = 4 + 8 * len(kept)
    for name, _ in kept:
        name_offsets.append(toc_size + len(names))
        names += name.encode("ascii") + b"\0"
    body_start = len(_pad(header + b"\0" * toc_size + names)) - len(header)
    toc = struct.pack("<I", len(kept))
    body = b""
    for (_, blob), name_at in zip(kept, name_offsets, strict=True):
        toc += struct.pack("<II", name_at, body_start + len(body))
        body += _pad(blob)
    return _pad(header + toc + names) + body


def trim(library: Path, out_dir: Path) -> Path | None:
    """Write a trimmed copy of `library` to `out_dir`; None when there is no C compiler."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        return None
    data = library.read_bytes()
    symbol = re.search(rb"icudt\d+_dat", data)
    if symbol is None:
        raise ValueError(f"{library.name}: no icudtNN_dat symbol")
    name = symbol.group().decode()
    header, found = items(elf_symbol(data, name))
    kept = [(item, blob) for item, blob in found if wanted(item)]
    out_dir.mkdir(parents=True, exist_ok=True)
    blob_path = out_dir / f"{name}.dat"
    blob_path.write_bytes(pack(header, kept))
    source = out_dir / "icudata.s"
    source.write_text(
        "\t.section .rodata\n"
        f"\t.globl {name}\n\t.type {name}, @object\n\t.balign 16\n{name}:\n"
        f'\t.incbin "{blob_path.name}"\n\t.size {name}, .-{name}\n'
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    target = out_dir / library.name
    link = ["-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-Wl,-s"]
    subprocess.run(
        [compiler, *link, "-o", target.name, source.name],
        cwd=out_dir,
        check=True,
    )
    print(
        f"trim_icu: {len(kept)} of {len(found)} ICU items, "
        f"{library.stat().st_size / 1e6:.1f} MB -> {target.stat().st_size / 1e6:.1f} MB"
    )
    return target


if __name__ == "__main__":
    made = trim(Path(sys.argv[1]), Path(sys.argv[2]))
    print(made or "no C compiler: nothing made")
