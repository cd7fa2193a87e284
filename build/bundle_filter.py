"""What the bundles leave out of PyInstaller's analysis: Qt plugins, Qt libraries, Qt
translations and babel locales Masir does not use, libraries nothing kept links to, and Qt's
ICU data trimmed to Masir's languages (build/trim_icu.py).

Shared by build/masir.spec and build/bare_window.spec, so that the bench compares Masir's
bundle with a bare Qt window frozen exactly the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

# Qt's Python modules that neither imports (PyInstaller's hooks would otherwise pull some in).
QT_MODULES_LEFT_OUT = [
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia",
    "PySide6.QtSql",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPdf",
    "PySide6.QtSvg",
    "PySide6.QtTest",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtHelp",
    "PySide6.QtDesigner",
    "PySide6.QtDBus",  # Qt's own libQt6DBus stays (input methods); its Python module goes
]
# Qt plugins: only the platforms, the input methods (Dari/Pashto keyboards) and the xcb GL
# integration on Linux; png is the only image format (icons); no TLS, no networking, no SVG.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {
        "libqxcb.so",
        "libqoffscreen.so",
        "qwindows.dll",
        "qoffscreen.dll",
        "libqcocoa.dylib",
        "libqoffscreen.dylib",
    },
    "platforminputcontexts": None,  # all
    "xcbglintegrations": None,
    "platformthemes": {"libqxdgdesktopportal.so"},
    "imageformats": {"libqpng.so", "qpng.dll", "libqpng.dylib", "libqico.so", "qico.dll"},
    "styles": {"qmodernwindowsstyle.dll", "qwindowsvistastyle.dll", "libqmacstyle.dylib"},
}
# No Wayland plugin: on a Wayland desktop Qt falls back to xcb (XWayland).
# Qt libraries no module of ours loads (QtDBus stays: input methods talk to ibus/fcitx).
DROP_QT_LIBRARIES = (
    "Qt6Network",
    "Qt6Qml",
    "Qt6Quick",
    "Qt6Pdf",
    "Qt6Svg",
    "Qt6OpenGL",
    "Qt6VirtualKeyboard",
    "Qt6Multimedia",
    "Qt6Sql",
    "Qt6Test",
    "Qt6Xml",
    "Qt6WebEngine",
    "Qt6WebChannel",
    "Qt6Positioning",
    "Qt6Concurrent",
    "Qt6QuickWidgets",
    "Qt6ShaderTools",
    "Qt6Wayland",
    "Qt6Wl",
    "Qt6EglFS",
    "opengl32sw",
)
# Qt's own translations: only Dari/Pashto-relevant ones and the base (Qt has fa, no ps).
KEEP_QT_TRANSLATIONS = ("qtbase_fa.qm", "qt_fa.qm", "qtbase_en.qm", "qt_en.qm")
# babel: the languages Masir speaks and their parents; global.dat is kept (not in the folder).
KEEP_BABEL_LOCALES = {"root", "en", "fa", "fa_AF", "ps", "ps_AF"}

# PyInstaller's table of contents: (name in the bundle, source path, kind).
Entry = tuple[str, str, str]


def needed(dest: str) -> bool:
    parts = Path(dest).parts
    name = parts[-1]
    if "babel" in parts and "locale-data" in parts:
        return Path(name).stem in KEEP_BABEL_LOCALES
    if "PySide6" not in parts:
        return True
    inside = parts[parts.index("PySide6") + 1 :]
    if "plugins" in inside:
        group = inside[inside.index("plugins") + 1]
        if group not in KEEP_PLUGINS:
            return False
        keep = KEEP_PLUGINS[group]
        return keep is None or name in keep
    if "translations" in inside:
        return name in KEEP_QT_TRANSLATIONS
    return not any(name.startswith((lib, "lib" + lib)) for lib in DROP_QT_LIBRARIES)


def linked_only(binaries: list[Entry]) -> list[Entry]:
    """Drop shared libraries nothing kept links to any more (those of dropped Qt plugins and
    libraries: GTK, Pango, Cairo, Kerberos …). Roots: Python extensions, Qt plugins, the
    Python library. Linux only: elsewhere the loaders' rules differ and it is not tested."""
    from PyInstaller.depend.bindepend import get_imports

    def is_root(dest: str, kind: str) -> bool:
        parts = Path(dest).parts
        return kind != "BINARY" or "plugins" in parts or parts[-1].startswith("libpython")

    needed_names: set[str] = set()
    seen: set[str] = set()
    stack = [src for dest, src, kind in binaries if is_root(dest, kind)]
    while stack:
        src = stack.pop()
        if src in seen or not Path(src).is_file():
            continue
        seen.add(src)
        for name, path in get_imports(src):
            needed_names.add(Path(name).name)
            if path:
                stack.append(path)
    kept = [e for e in binaries if is_root(e[0], e[2]) or Path(e[0]).name in needed_names]
    dropped = sorted(Path(e[0]).name for e in binaries if e not in kept)
    print(f"bundle_filter: {len(dropped)} libraries nothing links to: {' '.join(dropped)}")
    return kept


def with_trimmed_icu(binaries: Iterable[Entry], workpath: str) -> list[Entry]:
    """Qt's 32 MB ICU data, trimmed to Masir's languages (build/trim_icu.py)."""
    from trim_icu import trim

    result = []
    for dest, src, kind in binaries:
        if Path(dest).name.startswith("libicudata.so") and not Path(src).is_symlink():
            made = trim(Path(src), Path(workpath) / "icu")
            if made is None:
                print("bundle_filter: no C compiler, ICU data left untrimmed (+28 MB)")
            else:
                src = str(made)
        result.append((dest, src, kind))
    return result


def leave_out(analysis: Any, workpath: str, linux: bool) -> None:
    """Filter a PyInstaller Analysis in place: what neither bundle needs goes."""
    analysis.binaries = [entry for entry in analysis.binaries if needed(entry[0])]
    analysis.datas = [entry for entry in analysis.datas if needed(entry[0])]
    if linux:
        analysis.binaries = with_trimmed_icu(linked_only(analysis.binaries), workpath)
