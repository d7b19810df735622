#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# unattend-tool show / set / unset / secret, driven as a script would (TAP output)
import json
import os
import subprocess
import sys

from cli_tap import run_tests, test

TOOL = os.environ["UE_TOOL"]



def run(*args, check=None):
    p = subprocess.run([TOOL, *args], capture_output=True, text=True)
    if check is not None and p.returncode != check:
        raise AssertionError(f"{args}: exit {p.returncode}, expected {check}\nstdout: {p.stdout}\nstderr: {p.stderr}")
    return p


IE_ESC = (
    '<?xml version="1.0" encoding="utf-8"?>\r\n'
    '<unattend xmlns="urn:schemas-microsoft-com:unattend">\r\n'
    '    <settings pass="specialize">\r\n'
    '        <component name="Microsoft-Windows-IE-ESC" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" '
    'language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\r\n'
    '            <IEHardenAdmin>false</IEHardenAdmin>\r\n'
    '            <IEHardenUser>false</IEHardenUser>\r\n'
    '        </component>\r\n'
    '    </settings>\r\n'
    '</unattend>\r\n'
)


@test
def ie_esc_on_missing_and_empty_file(d):
    for name, create in (("missing.xml", False), ("empty.xml", True)):
        path = os.path.join(d, name)
        if create:
            open(path, "w").close()
        run("set", path, "-o", path,
            "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin=false",
            "specialize/Microsoft-Windows-IE-ESC/IEHardenUser=false", check=0)
        assert open(path, "rb").read() == IE_ESC.encode(), open(path, "rb").read()


@test
def round_trip_without_assignments(d):
    src = os.path.join(d, "src.xml")
    out = os.path.join(d, "out.xml")
    data = (b"\xef\xbb\xbf<?xml version='1.0'?>\r\n<!-- keep -->\r\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
            b"\t<settings pass=\"specialize\"/>\r\n</unattend>")
    open(src, "wb").write(data)
    run("set", src, "-o", out, check=0)
    assert open(out, "rb").read() == data[3:]
    # validation says why the BOM goes
    p = run("validate", src, check=0)
    assert "byte-order mark" in p.stderr, p.stderr
    assert "byte-order mark" not in run("validate", out, check=0).stderr


@test
def set_keeps_the_rest(d):
    src = os.path.join(d, "base.xml")
    data = ('<?xml version="1.0" encoding="utf-8"?>\r\n<unattend xmlns="urn:schemas-microsoft-com:unattend">\r\n'
            '  <!-- the admin\'s note -->\r\n  <settings pass="oobeSystem">\r\n'
            '    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="x86" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">\r\n'
            '      <TimeZone>Pacific Standard Time</TimeZone>\r\n    </component>\r\n  </settings>\r\n</unattend>\r\n')
    open(src, "w", newline="").write(data)
    run("set", src, "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone=UTC",
        "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=admin2]/Group=Administrators",
        check=0)
    got = open(src, "rb").read().decode()
    expected = data.replace("Pacific Standard Time", "UTC").replace(
        "      <TimeZone>UTC</TimeZone>\r\n",
        "      <TimeZone>UTC</TimeZone>\r\n"
        "      <UserAccounts>\r\n"
        "        <LocalAccounts>\r\n"
        "          <LocalAccount wcm:action=\"add\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\r\n"
        "            <Name>admin2</Name>\r\n"
        "            <Group>Administrators</Group>\r\n"
        "          </LocalAccount>\r\n"
        "        </LocalAccounts>\r\n"
        "      </UserAccounts>\r\n")
    assert got == expected, got


@test
def show_json_and_text(d):
    path = os.path.join(d, "s.xml")
    run("set", path, "--show-sensitive-data",
        "specialize/Microsoft-Windows-Shell-Setup/ComputerName=*",
        "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value=S3cret!",
        "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/PlainText=true", check=0)
    p = run("show", path, "--json", check=0)
    data = json.loads(p.stdout)
    assert [x["pass"] for x in data["passes"]] == ["specialize", "oobeSystem"]
    comp = data["passes"][1]["components"][0]
    assert comp["name"] == "Microsoft-Windows-Shell-Setup" and comp["arch"] == "amd64"
    # secrets are masked unless asked for
    assert comp["settings"]["UserAccounts/AdministratorPassword/Value"] == "********"
    assert "S3cret!" not in p.stdout
    p = run("show", path, "--json", "--show-secrets", check=0)
    assert json.loads(p.stdout)["passes"][1]["components"][0]["settings"]["UserAccounts/AdministratorPassword/Value"] == "S3cret!"
    p = run("show", path, check=0)
    assert "    ComputerName = *\n" in p.stdout and "S3cret!" not in p.stdout


@test
def new_file_hides_passwords(d):
    path = os.path.join(d, "h.xml")
    run("set", path, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=a]/Password/Value=Password1234",
        "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=a]/Password/PlainText=true", check=0)
    text = open(path).read()
    assert "<Value>UABhAHMAcwB3AG8AcgBkADEAMgAzADQAUABhAHMAcwB3AG8AcgBkAA==</Value>" in text, text
    assert "<PlainText>false</PlainText>" in text
    # shown masked, or decoded when asked for in clear
    p = run("show", path, "--json", check=0)
    assert "Password1234" not in p.stdout and "UABhAHMA" not in p.stdout
    p = run("show", path, "--json", "--show-secrets", check=0)
    settings = json.loads(p.stdout)["passes"][0]["components"][0]["settings"]
    assert settings["UserAccounts/LocalAccounts/LocalAccount[Name=a]/Password/Value"] == "Password1234", settings


@test
def unset_and_undo_by_file(d):
    path = os.path.join(d, "u.xml")
    run("set", path, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin=false",
        "specialize/Microsoft-Windows-IE-ESC/IEHardenUser=false", check=0)
    run("unset", path, "specialize/Microsoft-Windows-IE-ESC/IEHardenUser", check=0)
    text = open(path).read()
    assert "IEHardenUser" not in text and "<IEHardenAdmin>false</IEHardenAdmin>" in text
    p = run("unset", path, "specialize/Microsoft-Windows-IE-ESC/Nothing", check=0)
    assert "warning" in p.stderr
    run("unset", path, "specialize", check=0)
    assert "specialize" not in open(path).read()


@test
def malformed_input_is_exit_2_and_nothing_written(d):
    src = os.path.join(d, "bad.xml")
    out = os.path.join(d, "never.xml")
    open(src, "w").write('<unattend xmlns="urn:schemas-microsoft-com:unattend">\n  <settings pass="a"pass2="b"/>\n</unattend>\n')
    for args in (("show", src), ("set", src, "-o", out, "specialize/A/B=c"), ("unset", src, "-o", out, "specialize")):
        p = run(*args, check=2)
        assert p.stderr.startswith(src + ":2:21: error: "), p.stderr
        assert not os.path.exists(out)


@test
def bad_paths_leave_file_untouched(d):
    path = os.path.join(d, "keep.xml")
    run("set", path, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin=false", check=0)
    before = open(path, "rb").read()
    for bad in ("specialise/X/Y=1", "specialize/Microsoft-Windows-IE-ESC=1", "specialize/C/A[Name=x=1", "novalue"):
        p = run("set", path, "specialize/Microsoft-Windows-IE-ESC/IEHardenUser=false", bad, check=2)
        assert "error" in p.stderr
    assert open(path, "rb").read() == before


@test
def secret_worked_example(d):
    p = run("secret", "encode", "Password", "Password1234", check=0)
    assert p.stdout == "UABhAHMAcwB3AG8AcgBkADEAMgAzADQAUABhAHMAcwB3AG8AcgBkAA==\n"
    p = run("secret", "decode", "Password", p.stdout.strip(), check=0)
    assert p.stdout == "Password1234\n"
    run("secret", "decode", "AdministratorPassword", "UABhAHMAcwB3AG8AcgBkADEAMgAzADQAUABhAHMAcwB3AG8AcgBkAA==", check=2)
    run("secret", "encode", "ProductKey", "x", check=2)


@test
def usage_errors(d):
    run(check=2)
    run("frobnicate", check=2)
    run("show", check=2)
    run("show", os.path.join(d, "does-not-exist.xml"), check=2)
    assert "Usage" in run("--help", check=0).stdout


def main():
    return run_tests("/cli/doc")

if __name__ == "__main__":
    sys.exit(main())
