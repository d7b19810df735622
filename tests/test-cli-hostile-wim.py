#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# unattend-tool images / catalog build on broken and hostile WIM and ESD files, made at
# test time with wimlib-imagex from tests/data/manifests: truncated files, flipped bits in
# the header, blob table, XML data and metadata, a damaged solid block, and names such
# as ".." or "/etc/..." in the image. Each must end in a result or in exit 2 with one
# "FILE: error: ..." line; nothing may be written outside the output (TAP output)
import glob
import hashlib
import os
import shutil
import struct
import subprocess
import sys

from cli_tap import run_tests, test

TOOL = os.environ["UE_TOOL"]
DATA = os.environ["UE_TEST_DATA"]



def run(*args):
    return subprocess.run([TOOL, *args], capture_output=True, text=True, timeout=60)


def make_image(d, name, *options, extra=()):
    tree = os.path.join(d, "tree-" + name)
    manifests = os.path.join(tree, "Windows", "WinSxS", "Manifests")
    os.makedirs(manifests)
    for m in sorted(glob.glob(os.path.join(DATA, "manifests", "*.manifest"))):
        shutil.copy(m, manifests)
    for rel, text in extra:
        with open(os.path.join(manifests, rel), "w") as f:
            f.write(text)
    path = os.path.join(d, name)
    subprocess.run(["wimlib-imagex", "capture", tree, path, "Test", *options],
                   check=True, capture_output=True)
    return path


def reshdr(data, offset):
    size = int.from_bytes(data[offset:offset + 7], "little")
    flags = data[offset + 7]
    off, orig = struct.unpack("<QQ", data[offset + 8:offset + 24])
    return size, flags, off, orig


def check_outcome(path, d, what, commands=("images", "build")):
    out = os.path.join(d, "out.catalog")
    runs = {"images": ["images", path], "build": ["catalog", "build", path + ":1", "-o", out]}
    for args in (runs[c] for c in commands):
        p = run(*args)
        if p.returncode == 0:
            continue
        lines = p.stderr.splitlines()
        assert p.returncode == 2, f"{what}: {args[0]} exit {p.returncode}: {p.stderr[-2000:]}"
        assert len(lines) == 1 and lines[0].startswith(path + ": error: "), f"{what}: {p.stderr!r}"


def damaged_copies(d, original, positions, what):
    data = open(original, "rb").read()
    path = os.path.join(d, "damaged.wim")
    for pos in positions:
        if pos >= len(data):
            continue
        bad = bytearray(data)
        bad[pos] ^= 0x5A
        with open(path, "wb") as f:
            f.write(bad)
        # building lists the images first: one command covers both
        check_outcome(path, d, f"{what} byte {pos}", ("build",))


@test
def truncated(d):
    wim = make_image(d, "t.wim", "--compress=XPRESS")
    data = open(wim, "rb").read()
    path = os.path.join(d, "short.wim")
    for n in (0, 7, 8, 100, 207, 208, len(data) // 3, len(data) // 2, len(data) - 200, len(data) - 1):
        with open(path, "wb") as f:
            f.write(data[:n])
        check_outcome(path, d, f"cut at {n}")
        # a truncated file is an error, never a catalog
        assert run("catalog", "build", path + ":1", "-o", os.path.join(d, "x.catalog")).returncode == 2


@test
def flipped_header(d):
    wim = make_image(d, "h.wim", "--compress=XPRESS")
    damaged_copies(d, wim, range(0, 208, 5), "header")


@test
def flipped_tables_and_metadata(d):
    wim = make_image(d, "m.wim", "--compress=XPRESS")
    data = open(wim, "rb").read()
    blob_size, _, blob_off, _ = reshdr(data, 48)
    xml_size, _, xml_off, _ = reshdr(data, 72)
    damaged_copies(d, wim, range(blob_off, blob_off + blob_size, max(1, blob_size // 25)), "blob table")
    damaged_copies(d, wim, range(xml_off, xml_off + xml_size, max(1, xml_size // 10)), "XML data")
    # metadata resources: blob table entries flagged 2 (metadata)
    for e in range(blob_off, blob_off + blob_size, 50):
        size, flags, off, _ = reshdr(data, e)
        if flags & 2:
            damaged_copies(d, wim, range(off, off + size, max(1, size // 20)), "metadata")


@test
def damaged_solid_block(d):
    esd = make_image(d, "s.esd", "--solid")
    data = open(esd, "rb").read()
    blob_size, _, blob_off, _ = reshdr(data, 48)
    # the solid resources lie between the header and the blob table
    damaged_copies(d, esd, range(208, blob_off, max(1, (blob_off - 208) // 30)), "solid block")


def fix_metadata_hash(data, old_meta):
    """Patch the SHA-1 of the (uncompressed) metadata resource in the blob table."""
    blob_size, _, blob_off, _ = reshdr(data, 48)
    for e in range(blob_off, blob_off + blob_size, 50):
        size, flags, off, _ = reshdr(data, e)
        if flags & 2 and bytes(data[e + 30:e + 50]) == hashlib.sha1(old_meta).digest():
            data[e + 30:e + 50] = hashlib.sha1(bytes(data[off:off + size])).digest()
            return True
    return False


@test
def hostile_names(d):
    # names a real Windows image cannot have, written over placeholders of the same length
    placeholders = {"QQ": "..", "Q" * 24: "/etc/ue-hostile-absolute", "R" * 10: "..\\..\\evil"}
    extra = [(name, "<assembly/>") for name in placeholders]
    wim = make_image(d, "n.wim", "--compress=none", extra=extra)
    data = bytearray(open(wim, "rb").read())
    blob_size, _, blob_off, _ = reshdr(data, 48)
    metas = [(off, size) for off, size in
             ((reshdr(data, e)[2], reshdr(data, e)[0]) for e in range(blob_off, blob_off + blob_size, 50)
              if reshdr(data, e)[1] & 2)]
    assert metas, "no metadata resource found"
    off, size = metas[0]
    old_meta = bytes(data[off:off + size])
    for old, new in placeholders.items():
        i = data.find(old.encode("utf-16-le") + b"\0\0", off, off + size)
        assert i > 0, f"placeholder {old} not found"
        data[i:i + 2 * len(old)] = new.encode("utf-16-le")
    assert fix_metadata_hash(data, old_meta)
    hostile = os.path.join(d, "hostile.wim")
    with open(hostile, "wb") as f:
        f.write(data)
    before = set(os.listdir(d))
    check_outcome(hostile, d, "hostile names")
    # manifests are read into memory, never extracted: nothing new beside the output
    after = set(os.listdir(d)) - {"out.catalog"}
    assert after == before, after - before
    assert not os.path.exists("/etc/ue-hostile-absolute")


def main():
    skip = "wimlib-imagex (wimtools) is not installed" if shutil.which("wimlib-imagex") is None else None
    return run_tests("/cli/hostile-wim", skip)

if __name__ == "__main__":
    sys.exit(main())
