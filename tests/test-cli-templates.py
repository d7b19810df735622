#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# unattend-tool new / merge, driven as a script would (TAP output)
import json
import os
import subprocess
import sys

from cli_tap import run_tests, test

TOOL = os.environ["UE_TOOL"]
DATA = os.path.join(os.environ["UE_TEST_DATA"], "merge")
TEMPLATES = os.path.join(os.environ["UE_TEST_DATA"], "..", "..", "data", "templates")



def run(*args, check=None):
    p = subprocess.run([TOOL, *args], capture_output=True)
    if check is not None and p.returncode != check:
        raise AssertionError(f"{args}: exit {p.returncode}, expected {check}\nstdout: {p.stdout!r}\nstderr: {p.stderr!r}")
    return p


def show(path):
    return json.loads(run("show", path, "--json", "--show-secrets", check=0).stdout)


def values(doc, pass_name, component, arch="amd64"):
    for p in doc["passes"]:
        if p["pass"] == pass_name:
            for c in p["components"]:
                if c["name"] == component and c["arch"] == arch:
                    return c["settings"]
    return None


def template_names():
    out = run("new", "--list", check=0).stdout.decode()
    return [line.split()[0] for line in out.splitlines()]


@test
def new_empty(d):
    p = run("new", check=0)
    assert p.stdout.startswith(b'<?xml version="1.0" encoding="utf-8"?>\r\n<unattend '), p.stdout
    out = os.path.join(d, "new.xml")
    run("new", "-o", out, check=0)
    assert open(out, "rb").read() == p.stdout
    assert show(out)["passes"] == []


@test
def new_list(d):
    out = run("new", "--list", check=0).stdout.decode()
    lines = out.splitlines()
    names = [line.split()[0] for line in lines]
    for required in ("server2008-sysprep", "exchange2007-server2008", "server2012-sysprep",
                     "windows-autounattend-uefi", "skip-oobe"):
        assert required in names, out
    for line in lines:
        name, title = line.split(None, 1)
        assert title.strip(), line
    assert "Windows Server 2008 master image (sysprep)" in out


@test
def new_from_each_template(d):
    for name in template_names():
        source = open(os.path.join(TEMPLATES, name + ".xml"), "rb").read()
        # with passwords in clear the document is the template, byte for byte
        p = run("new", "--template", name, "--show-sensitive-data", check=0)
        assert p.stdout == source, name
        # by default placeholders are hidden like any password, the rest is the same
        out = os.path.join(d, name + ".xml")
        run("new", "-t", name, "-o", out, check=0)
        written = open(out, "rb").read()
        assert b"<PlainText>true</PlainText>" not in written, name
        assert written.count(b"\r\n") == source.count(b"\r\n"), name
        assert show(out)["passes"], name


@test
def new_bad_usage(d):
    p = run("new", "--template", "no-such-template", check=2)
    assert b"no-such-template" in p.stderr, p.stderr
    run("new", "--list", "--template", "skip-oobe", check=2)
    run("new", "extra-argument", check=2)


@test
def merge_prefer_base(d):
    base = os.path.join(DATA, "base.xml")
    before = open(base, "rb").read()
    out = os.path.join(d, "out.xml")
    p = run("merge", base, os.path.join(DATA, "other.xml"), "-o", out, check=0)
    err = p.stderr.decode().splitlines()
    assert err == [
        f"{base}: warning: specialize/Microsoft-Windows-Shell-Setup/ComputerName: base “BASE-PC”, other “OTHER-PC”, kept base",
        f"{base}: warning: oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword: "
        "base “********”, other “********”, kept base",
    ], err
    # BASE itself is never written
    assert open(base, "rb").read() == before
    doc = show(out)
    spec = values(doc, "specialize", "Microsoft-Windows-Shell-Setup")
    assert spec["ComputerName"] == "BASE-PC", spec
    assert spec["RegisteredOwner"] == "Other", spec
    assert values(doc, "specialize", "Microsoft-Windows-IE-ESC") == {
        "IEHardenAdmin": "false"}
    oobe = values(doc, "oobeSystem", "Microsoft-Windows-Shell-Setup")
    accounts = "UserAccounts/LocalAccounts/LocalAccount"
    assert oobe[accounts + "[Name=backup]/Group"] == "Backup Operators", oobe
    assert oobe[accounts + "[Name=ops]/Group"] == "Administrators", oobe
    assert oobe["UserAccounts/AdministratorPassword/Value"] == "Base-Password-1"
    # BASE's comment, line endings and 4-space layout are kept
    merged = open(out, "rb").read()
    assert merged.startswith(before.split(b"    <settings")[0]), merged
    assert b"\n" not in merged.replace(b"\r\n", b"")
    assert b"\r\n            <RegisteredOwner>Other</RegisteredOwner>\r\n" in merged, merged


@test
def merge_prefer_other(d):
    base = os.path.join(DATA, "base.xml")
    p = run("merge", base, os.path.join(DATA, "other.xml"), "--prefer", "other", check=0)
    assert b"kept other" in p.stderr and b"kept base" not in p.stderr, p.stderr
    out = os.path.join(d, "out.xml")
    open(out, "wb").write(p.stdout)
    doc = show(out)
    spec = values(doc, "specialize", "Microsoft-Windows-Shell-Setup")
    assert spec["ComputerName"] == "OTHER-PC", spec
    oobe = values(doc, "oobeSystem", "Microsoft-Windows-Shell-Setup")
    assert oobe["UserAccounts/AdministratorPassword/Value"] == "Other-Password-2"


@test
def merge_same_file_changes_nothing(d):
    base = os.path.join(DATA, "base.xml")
    p = run("merge", base, base, check=0)
    assert p.stderr == b"", p.stderr
    assert p.stdout == open(base, "rb").read()


def first_logon_commands(settings):
    """CommandLine of each FirstLogonCommands item, by Order."""
    prefix, suffix = "FirstLogonCommands/SynchronousCommand[Order=", "]/CommandLine"
    return {int(k[len(prefix):-len(suffix)]): v for k, v in settings.items()
            if k.startswith(prefix) and k.endswith(suffix)}


@test
def merge_two_templates_validates(d):
    base = os.path.join(TEMPLATES, "server2008-sysprep.xml")
    other = os.path.join(TEMPLATES, "exchange2007-server2008.xml")
    out = os.path.join(d, "out.xml")
    p = run("merge", base, other, "-o", out, check=0)
    # the two share everything but the first-logon commands, which are different commands:
    # appended after the baseline's, not reported as conflicts on their Order
    assert p.stderr == b"", p.stderr
    run("validate", out, check=0)
    mine = first_logon_commands(values(show(base), "oobeSystem", "Microsoft-Windows-Shell-Setup"))
    theirs = first_logon_commands(values(show(other), "oobeSystem", "Microsoft-Windows-Shell-Setup"))
    merged = first_logon_commands(values(show(out), "oobeSystem", "Microsoft-Windows-Shell-Setup"))
    assert not set(mine.values()) & set(theirs.values())
    expected = [mine[k] for k in sorted(mine)] + [theirs[k] for k in sorted(theirs)]
    assert sorted(merged) == list(range(1, len(expected) + 1)), merged
    assert [merged[k] for k in sorted(merged)] == expected, merged
    # merging the result with OTHER again adds nothing: the commands are there already
    again = os.path.join(d, "again.xml")
    p = run("merge", out, other, "-o", again, check=0)
    assert p.stderr == b"", p.stderr
    assert open(again, "rb").read() == open(out, "rb").read()


@test
def merge_servicing_and_commands(d):
    base = os.path.join(DATA, "factory-base.xml")
    other = os.path.join(DATA, "factory-other.xml")
    out = os.path.join(d, "out.xml")
    p = run("merge", base, other, "-o", out, "--prefer", "other", check=0)
    err = p.stderr.decode().splitlines()
    assert err == [
        f"{base}: warning: servicing/package[Microsoft-Windows-Foundation-Package]/selection[TelnetClient]: "
        "base “false”, other “true”, kept other",
    ], err
    run("validate", out, check=0)
    packages = show(out)["servicing"]
    # one Foundation package (identities compare case-insensitively), OTHER's update added
    assert [(pkg["name"], pkg["action"]) for pkg in packages] == [
        ("Microsoft-Windows-Foundation-Package", "configure"), ("Package_for_KB2533552", "install")], packages
    # BASE's selections first, OTHER's new ones after; the conflict decided for OTHER
    assert packages[0]["selections"] == {
        "IIS-WebServerRole": "true", "TelnetClient": "true", "IIS-WebServer": "true", "TFTP": "true"}, packages
    assert list(packages[0]["selections"])[:2] == ["IIS-WebServerRole", "TelnetClient"], packages
    oobe = values(show(out), "oobeSystem", "Microsoft-Windows-Shell-Setup")
    assert first_logon_commands(oobe) == {
        1: "cscript //b C:\\Windows\\System32\\slmgr.vbs /ato",
        2: "cmd /c C:\\Scripts\\after-imaging.cmd",
        3: "cmd /c C:\\Scripts\\web-bindings.cmd",
        4: "cmd /c C:\\Scripts\\web-content.cmd"}, oobe


@test
def merge_errors(d):
    base = os.path.join(DATA, "base.xml")
    other = os.path.join(DATA, "other.xml")
    out = os.path.join(d, "out.xml")
    p = run("merge", base, os.path.join(d, "missing.xml"), "-o", out, check=2)
    assert b"missing.xml: error:" in p.stderr, p.stderr
    assert not os.path.exists(out)
    broken = os.path.join(d, "broken.xml")
    open(broken, "w").write("<unattend xmlns='urn:schemas-microsoft-com:unattend'><settings>")
    p = run("merge", broken, other, check=2)
    assert p.stderr.startswith(broken.encode() + b":"), p.stderr
    run("merge", base, other, "--prefer", "mine", check=2)
    run("merge", base, check=2)
    # a one-pass fragment cannot take OTHER's other passes: nothing is written
    fragment = os.path.join(d, "fragment.xml")
    open(fragment, "w").write('<settings pass="windowsPE"/>\n')
    p = run("merge", fragment, other, "-o", out, check=2)
    assert b"fragment.xml: error:" in p.stderr, p.stderr
    assert not os.path.exists(out)


def main():
    return run_tests("/cli/templates")

if __name__ == "__main__":
    sys.exit(main())
