"""Signed rule packs: new rules carried to an offline laptop as one file, verified, previewed,
installed atomically after their own rule cases pass, and rolled back (docs/rules-updates.md).

archive.py reads and writes the file, keys.py says whose signatures count, pointers.py says
which installed pack is in use (pathways/engine.py loads it), installed.py installs and rolls
back, build.py makes a pack from this repository's data, preview.py says what a pack would
change.
"""
