#!/usr/bin/python3
# test-catalog-generator.py — the committed default catalog is what the generator writes
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs tools/catalog-from-facts.py twice into temporary copies of data/catalog and
# data/core.gresource.xml: both runs must give byte-identical files, equal to the
# committed ones (so nobody edits a generated manifest by hand or forgets to rerun).
# Skips (exit 77) when ../shared/catalog-facts.tsv is absent.

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def run(generator, facts, out, gresource):
    subprocess.run([sys.executable, generator, facts, "--out", out, "--gresource", gresource],
                   check=True, stdout=subprocess.DEVNULL)


def snapshot(out, gresource):
    files = {}
    for name in sorted(os.listdir(out)):
        with open(os.path.join(out, name), "rb") as f:
            files[name] = f.read()
    with open(gresource, "rb") as f:
        files["core.gresource.xml"] = f.read()
    return files


def main():
    source = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = os.environ.get("UE_SHARED_DIR", os.path.join(source, "..", "shared"))
    facts = os.path.join(shared, "catalog-facts.tsv")
    if not os.path.exists(facts):
        print("catalog-facts.tsv not found in UE_SHARED_DIR: generator not checked")
        return SKIP

    generator = os.path.join(source, "tools", "catalog-from-facts.py")
    catalog = os.path.join(source, "data", "catalog")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "catalog")
        shutil.copytree(catalog, out)
        # a stale manifest must be removed by the generator
        with open(os.path.join(out, "Stale-Component.manifest"), "w") as f:
            f.write("<assembly/>\n")
        gresource = os.path.join(tmp, "core.gresource.xml")
        shutil.copy(os.path.join(source, "data", "core.gresource.xml"), gresource)

        run(generator, facts, out, gresource)
        first = snapshot(out, gresource)
        run(generator, facts, out, gresource)
        second = snapshot(out, gresource)
        if first != second:
            print("two runs gave different files")
            return 1
        if "Stale-Component.manifest" in first:
            print("a manifest of no component was left behind")
            return 1

        committed = set(n for n in os.listdir(catalog))
        generated = set(first) - {"core.gresource.xml"}
        if committed != generated:
            print("committed and generated files differ: %s" % sorted(committed ^ generated))
            return 1
        _, mismatch, errors = filecmp.cmpfiles(catalog, out, sorted(committed), shallow=False)
        if mismatch or errors:
            print("out of date, rerun tools/catalog-from-facts.py: %s" % (mismatch + errors))
            return 1
        if not filecmp.cmp(os.path.join(source, "data", "core.gresource.xml"), gresource,
                           shallow=False):
            print("data/core.gresource.xml does not list the manifests the generator writes")
            return 1
        # a description of a setting that does not exist is an error, not ignored
        with open(os.path.join(out, "descriptions.tsv"), "a") as f:
            f.write("Microsoft-Windows-Shell-Setup\tNoSuchSetting\tA typo.\n")
        result = subprocess.run([sys.executable, generator, facts, "--out", out,
                                 "--gresource", gresource], capture_output=True, text=True)
        if result.returncode != 1 or "NoSuchSetting is not in the catalog" not in result.stderr:
            print("an unknown described setting was not reported: %r" % result.stderr)
            return 1
    print("%d manifests up to date" % sum(1 for n in committed if n.endswith(".manifest")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
