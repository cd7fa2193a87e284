#!/usr/bin/env bash
# Masir's one entry point for people and CI on Debian/Ubuntu:
#   bash dev.sh run     set up (system packages, virtualenv) and open the app
#   bash dev.sh test    set up and run every check: ruff, mypy, pytest (headless)
#   bash dev.sh build   set up and build the one-folder bundle with PyInstaller (dist/masir)
#   bash dev.sh bundle-check   build, then run the bundle's --selftest headless (CI does this)
#   bash dev.sh i18n-update    extract every message into i18n/masir.pot and update the catalogs
#   bash dev.sh i18n-compile   compile the catalogs to .mo (the build does this too)
set -euo pipefail
cd "$(dirname "$0")"

# Qt needs these even offscreen; the xcb ones are for a real window (also under Xvfb).
QT_RUNTIME="libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3"
QT_WINDOW="libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 \
libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1 \
libxcb-shm0 libx11-xcb1 libxcb-util1"
TOOLS="python3-venv gettext poppler-utils"
BUILD_TOOLS="gcc binutils"  # the build links a trimmed ICU data library (build/trim_icu.py)

apt_install() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

setup() {
    # shellcheck disable=SC2086
    apt_install $QT_RUNTIME $QT_WINDOW $TOOLS
    if [ ! -x .venv/bin/python ]; then
        python3 -m venv .venv
    fi
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[dev$1]"
}

case "${1:-}" in
    run)
        setup ""
        exec .venv/bin/python main.py
        ;;
    test)
        setup ""
        .venv/bin/ruff check .
        .venv/bin/ruff format --check .
        .venv/bin/mypy .
        QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q
        ;;
    build)
        # shellcheck disable=SC2086
        apt_install $BUILD_TOOLS
        setup ",build"
        exec .venv/bin/python build/build_bundle.py "${@:2}"
        ;;
    bundle-check)
        # shellcheck disable=SC2086
        apt_install $BUILD_TOOLS
        setup ",build"
        .venv/bin/python build/build_bundle.py
        QT_QPA_PLATFORM=offscreen dist/masir/masir --selftest
        ;;
    i18n-update)
        setup ""
        PYTHONPATH=. .venv/bin/pybabel -q extract -F i18n/babel.cfg -o i18n/masir.pot \
            --add-comments=TRANSLATORS: --sort-by-file --project=Masir \
            --ignore-dirs=".venv tests bench build docs" .
        for lang in fa_AF ps; do
            if [ -f "i18n/$lang/LC_MESSAGES/masir.po" ]; then
                .venv/bin/pybabel -q update -i i18n/masir.pot -d i18n -D masir -l "$lang" \
                    --ignore-obsolete --no-fuzzy-matching
            else
                .venv/bin/pybabel -q init -i i18n/masir.pot -d i18n -D masir -l "$lang"
            fi
        done
        ;;
    i18n-compile)
        setup ""
        .venv/bin/pybabel compile -d i18n -D masir --statistics
        ;;
    *)
        echo "usage: bash dev.sh run|test|build|bundle-check|i18n-update|i18n-compile" >&2
        exit 2
        ;;
esac
