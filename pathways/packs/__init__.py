"""Signed rule packs: new rules carried to an offline laptop as one file, verified, previewed,
installed atomically after their own rule cases pass, and rolled back (docs/rules-updates.md).

archive.py reads and writes the file, keys.py says whose signatures count, installed.py keeps
the packs in Masir's data folder and says which rules are in use, build.py makes a pack from
this repository's data, preview.py says what a pack would change.
"""
