#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# unattend-tool validate: exit codes, GCC-style messages on stderr, --json on stdout (TAP output)
import json
import os
import re
import subprocess
import sys
import tempfile

TOOL = os.environ["UE_TOOL"]
DATA = os.environ.get("UE_TEST_DATA", "")
tests = []


class Skip(Exception):
    pass


def test(fn):
    tests.append(fn)
    return fn


# the tool's own temporary folders (image extraction) go to a folder of this test, so
# tests that look for leftovers in the shared temporary folder never see ours
PRIVATE_TMP = tempfile.mkdtemp(prefix="test-cli-validate-")


def run(*args):
    env = dict(os.environ, TMPDIR=PRIVATE_TMP)
    return subprocess.run([TOOL, *args], capture_output=True, text=True, env=env)


HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n'
        '<unattend xmlns="urn:schemas-microsoft-com:unattend" '
        'xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">\n')
COMPONENT = ('    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="{arch}" '
             'publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">\n')

# structural problems only: they do not depend on what the catalog holds
VALID = HEAD + '  <settings pass="specialize">\n' + COMPONENT.format(arch="amd64") + \
    '    </component>\n  </settings>\n</unattend>\n'
WARNING_ONLY = HEAD + '  <settings pass="specialize"/>\n  <settings pass="specialize"/>\n</unattend>\n'
INVALID = HEAD + '  <settings pass="specialize">\n' + COMPONENT.format(arch="%ARCH%") + \
    '    </component>\n  </settings>\n  <settings pass="firstBoot"/>\n</unattend>\n'

GCC_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<text>.+)$")


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


@test
def valid_file_exits_0():
    with tempfile.TemporaryDirectory() as d:
        p = run("validate", write(d, "ok.xml", VALID))
        assert p.returncode == 0, (p.returncode, p.stderr)
        assert p.stderr == "", p.stderr
        assert p.stdout == "", p.stdout


@test
def warnings_alone_exit_0():
    with tempfile.TemporaryDirectory() as d:
        path = write(d, "warn.xml", WARNING_ONLY)
        p = run("validate", path)
        assert p.returncode == 0, (p.returncode, p.stderr)
        lines = p.stderr.splitlines()
        assert lines == [f"{path}:4:13: warning: pass “specialize” appears a second time (first at line 3); "
                         "keep one <settings> element per pass"], lines


@test
def errors_exit_1_gcc_style():
    with tempfile.TemporaryDirectory() as d:
        path = write(d, "bad.xml", INVALID)
        p = run("validate", path)
        assert p.returncode == 1, (p.returncode, p.stderr)
        lines = p.stderr.splitlines()
        assert len(lines) == 2, lines
        for line in lines:
            m = GCC_LINE.match(line)
            assert m, line
            assert m["file"] == path and m["severity"] == "error", line
        assert lines[0].startswith(f"{path}:4:53: error: processorArchitecture “%ARCH%”"), lines[0]
        assert lines[1].startswith(f"{path}:7:13: error: unknown pass “firstBoot”"), lines[1]


@test
def json_output():
    with tempfile.TemporaryDirectory() as d:
        bad = write(d, "bad.xml", INVALID)
        ok = write(d, "ok.xml", VALID)
        p = run("validate", "--json", ok, bad)
        assert p.returncode == 1, (p.returncode, p.stderr)
        doc = json.loads(p.stdout)
        files = doc["files"]
        assert [f["file"] for f in files] == [ok, bad], files
        assert files[0]["valid"] is True and files[0]["errors"] == 0 and files[0]["messages"] == []
        assert files[1]["valid"] is False and files[1]["errors"] == 2 and files[1]["warnings"] == 0
        first = files[1]["messages"][0]
        assert first["severity"] == "error" and first["line"] == 4 and first["column"] == 53, first
        assert first["path"] == "specialize/Microsoft-Windows-Shell-Setup", first
        assert "%ARCH%" in first["text"], first
        # the same messages are on stderr
        assert len(p.stderr.splitlines()) == 2, p.stderr


@test
def unreadable_exits_2():
    with tempfile.TemporaryDirectory() as d:
        missing = os.path.join(d, "missing.xml")
        p = run("validate", missing)
        assert p.returncode == 2, (p.returncode, p.stderr)
        assert p.stderr.startswith(f"{missing}: error: "), p.stderr

        broken = write(d, "broken.xml", HEAD + '  <settings pass="specialize">\n</unattend>\n')
        p = run("validate", "--json", broken, write(d, "bad.xml", INVALID))
        assert p.returncode == 2, (p.returncode, p.stderr)
        assert re.match(re.escape(broken) + r":\d+:\d+: error: ", p.stderr), p.stderr
        doc = json.loads(p.stdout)
        assert doc["files"][0]["readable"] is False and doc["files"][0]["error"], doc
        assert doc["files"][1]["errors"] == 2, doc


@test
def bad_usage_exits_2():
    assert run("validate").returncode == 2
    assert run("validate", "--no-such-option", "x.xml").returncode == 2


def make_wim(directory):
    """A one-image WIM holding the IE-ESC manifest of tests/data/manifests."""
    manifests = os.path.join(DATA, "manifests")
    tree = os.path.join(directory, "tree", "Windows", "WinSxS", "Manifests")
    os.makedirs(tree)
    for name in os.listdir(manifests):
        if "ie-esc" in name:
            with open(os.path.join(manifests, name), "rb") as src, open(os.path.join(tree, name), "wb") as dst:
                dst.write(src.read())
    wim = os.path.join(directory, "install.wim")
    subprocess.run(["wimlib-imagex", "capture", os.path.join(directory, "tree"), wim, "Test Image"],
                   check=True, capture_output=True)
    return wim


ESC_DOC = HEAD + '  <settings pass="specialize">\n' + \
    '    <component name="Microsoft-Windows-IE-ESC" processorArchitecture="amd64" ' \
    'publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">\n' \
    '      <IEHardenAdmin>maybe</IEHardenAdmin>\n      <IEHardenUser>false</IEHardenUser>\n' \
    '    </component>\n  </settings>\n</unattend>\n'


@test
def image_and_catalog_file():
    if not DATA or subprocess.run(["which", "wimlib-imagex"], capture_output=True).returncode != 0:
        raise Skip("wimlib-imagex or UE_TEST_DATA missing")
    with tempfile.TemporaryDirectory() as d:
        wim = make_wim(d)
        doc = write(d, "esc.xml", ESC_DOC)
        expected = f"{doc}:5:7: error: “IEHardenAdmin” must be true or false, not “maybe”"
        p = run("validate", "--image", wim + ":1", doc)
        assert p.returncode == 1, (p.returncode, p.stderr)
        assert p.stderr.splitlines() == [expected], p.stderr

        catalog = os.path.join(d, "test.catalog")
        b = run("catalog", "build", wim + ":1", "-o", catalog)
        assert b.returncode == 0, b.stderr
        p = run("validate", "--catalog", catalog, doc)
        assert p.returncode == 1, (p.returncode, p.stderr)
        assert p.stderr.splitlines() == [expected], p.stderr

        # a component the image does not have
        other = write(d, "shell.xml", VALID)
        p = run("validate", "--catalog", catalog, other)
        assert p.returncode == 1, (p.returncode, p.stderr)
        assert "unknown component “Microsoft-Windows-Shell-Setup”" in p.stderr, p.stderr


@test
def unreadable_catalog_exits_2():
    with tempfile.TemporaryDirectory() as d:
        doc = write(d, "ok.xml", VALID)
        p = run("validate", "--catalog", os.path.join(d, "missing.catalog"), doc)
        assert p.returncode == 2, (p.returncode, p.stderr)
        p = run("validate", "--image", os.path.join(d, "missing.wim"), doc)
        assert p.returncode == 2, (p.returncode, p.stderr)
        p = run("validate", "--catalog", "a", "--image", "b", doc)
        assert p.returncode == 2, (p.returncode, p.stderr)


@test
def corpus_has_no_errors():
    """every file of valid.txt validates with zero errors against the embedded catalog"""
    if not DATA:
        raise Skip("UE_TEST_DATA not set")
    answer = os.path.join(DATA, "answer")
    with open(os.path.join(answer, "valid.txt"), encoding="utf-8") as f:
        files = [os.path.join(answer, line.strip()) for line in f
                 if line.strip() and not line.startswith("#")]
    assert files
    p = run("validate", "--json", *files)
    errors = [line for line in p.stderr.splitlines() if ": error: " in line]
    assert p.returncode == 0 and not errors, (p.returncode, errors)
    assert all(f["valid"] for f in json.loads(p.stdout)["files"])


@test
def corpus_known_mistakes():
    """files of the corpus left out of valid.txt for a known mistake: the exact message"""
    if not DATA:
        raise Skip("UE_TEST_DATA not set")
    answer = os.path.join(DATA, "answer")
    expected = {
        "packer-windows-2019.xml": ["214:13: error: “ShowWindowsLive” cannot be set in pass oobeSystem; "
                                    "it is allowed in specialize"],
        "mdt-style.xml": ["69:13: error: unknown setting “DoNotCleanTaskBar” in Microsoft-Windows-Shell-Setup"],
        "server2019-domain-join.xml": ["53:21: error: “Password” holds a value, not settings like <Value>"],
    }
    for name, lines in expected.items():
        path = os.path.join(answer, name)
        p = run("validate", path)
        assert p.returncode == 1, (name, p.returncode, p.stderr)
        errors = [line for line in p.stderr.splitlines() if ": error: " in line]
        assert errors == [f"{path}:{line}" for line in lines], (name, errors)


def main():
    print(f"1..{len(tests)}")
    failed = 0
    for i, fn in enumerate(tests, 1):
        try:
            fn()
            print(f"ok {i} - {fn.__name__}")
        except Skip as e:
            print(f"ok {i} - {fn.__name__} # SKIP {e}")
        except Exception as e:  # noqa: BLE001 - report every failure as TAP
            failed += 1
            print(f"not ok {i} - {fn.__name__}")
            for line in str(e).splitlines() or [repr(e)]:
                print(f"# {line}")
    leftovers = os.listdir(PRIVATE_TMP)
    os.rmdir(PRIVATE_TMP) if not leftovers else None
    if leftovers:
        print(f"# temporary files left behind: {leftovers}")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
