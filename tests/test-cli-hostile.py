#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# unattend-tool against hostile and broken answer files, and where passwords may show:
# each refusal is exit 2 with one "FILE:LINE:COL: error:" line; no password in clear on
# stdout or stderr (debug messages included) unless --show-secrets asks for it (TAP output)
import base64
import json
import os
import subprocess
import sys

from cli_tap import run_tests, test

TOOL = os.environ["UE_TOOL"]
PASSWORD = "Pa55-w0rd-in-clear"
ROOT = '<unattend xmlns="urn:schemas-microsoft-com:unattend">'
ACCOUNT = "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=a]"
ADMIN = "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword"



def run(*args, check=None, debug=True):
    env = dict(os.environ)
    if debug:
        env["G_MESSAGES_DEBUG"] = "all"
    p = subprocess.run([TOOL, *args], capture_output=True, text=True, env=env, timeout=120)
    if check is not None and p.returncode != check:
        raise AssertionError(f"{args}: exit {p.returncode}, expected {check}\nstdout: {p.stdout}\nstderr: {p.stderr}")
    return p


def write(d, name, data):
    path = os.path.join(d, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


def assert_refused(path, line, column=None):
    p = run("show", path, check=2)
    prefix = f"{path}:{line}:" + (f"{column}: error: " if column else "")
    lines = p.stderr.splitlines()
    assert lines and lines[0].startswith(prefix), f"{p.stderr!r} does not start with {prefix!r}"
    assert p.stdout == "", p.stdout


@test
def entities_and_doctype(d):
    laughs = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    for i in range(1, 10):
        ref = "&lol;" if i == 1 else f"&lol{i - 1};"
        laughs += f' <!ENTITY lol{i} "{ref * 10}">\n'
    laughs += "]>\n<unattend>&lol9;</unattend>\n"
    assert_refused(write(d, "laughs.xml", laughs), 2, 1)
    xxe = f'<?xml version="1.0"?>\n\n<!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n{ROOT}<a>&x;</a></unattend>'
    assert_refused(write(d, "xxe.xml", xxe), 3, 1)
    http = f'<!DOCTYPE u [<!ENTITY x SYSTEM "http://127.0.0.1:9/">]>{ROOT}<a>&x;</a></unattend>'
    assert_refused(write(d, "http.xml", http), 1, 1)


@test
def deep_nesting(d):
    text = ROOT + "\n" + "<A>" * 10000 + "x" + "</A>" * 10000 + "</unattend>"
    assert_refused(write(d, "deep.xml", text), 2)


@test
def encodings(d):
    assert_refused(write(d, "utf8.xml", (ROOT + "\n<a>\xff</a></unattend>").encode("latin-1")), 2, 4)
    assert_refused(write(d, "nul.xml", (ROOT + "\n\n<a>x\0</a></unattend>").encode()), 3, 5)
    # UTF-16 with a BOM is read, and written back as UTF-16 with its BOM
    text = f'<?xml version="1.0" encoding="utf-16"?>\r\n{ROOT}\r\n</unattend>\r\n'
    src = write(d, "utf16.xml", b"\xff\xfe" + text.encode("utf-16-le"))
    out = os.path.join(d, "out.xml")
    run("set", src, "-o", out, "specialize/Microsoft-Windows-Shell-Setup/ComputerName=J\u00fcrgen", check=0)
    data = open(out, "rb").read()
    assert data.startswith(b"\xff\xfe"), data[:10]
    assert "<ComputerName>J\u00fcrgen</ComputerName>" in data[2:].decode("utf-16-le")


@test
def show_masks_passwords(d):
    # in clear in one file, hidden the WSIM way (the default for a new file) in the other
    clear = os.path.join(d, "clear.xml")
    hidden = os.path.join(d, "hidden.xml")
    run("set", clear, "--show-sensitive-data", f"{ADMIN}/Value={PASSWORD}", f"{ADMIN}/PlainText=true", check=0)
    run("set", hidden, f"{ACCOUNT}/Password/Value={PASSWORD}", f"{ACCOUNT}/Password/PlainText=true", check=0)
    assert PASSWORD in open(clear).read()
    assert PASSWORD not in open(hidden).read(), "a new file keeps its password in clear"
    for path in (clear, hidden):
        for args in ((), ("--json",)):
            p = run("show", path, *args, check=0)
            assert PASSWORD not in p.stdout and PASSWORD not in p.stderr, p.stdout + p.stderr
        p = run("show", path, "--json", "--show-secrets", check=0)
        settings = json.loads(p.stdout)["passes"][0]["components"][0]["settings"]
        # a hidden password is shown as stored (WSIM's encoding) or decoded
        element = "AdministratorPassword" if path == clear else "Password"
        stored = base64.b64encode((PASSWORD + element).encode("utf-16-le")).decode()
        assert PASSWORD in settings.values() or stored in settings.values(), settings


@test
def passwords_not_in_messages(d):
    path = os.path.join(d, "m.xml")
    outputs = []
    outputs.append(run("set", path, "--show-sensitive-data", f"{ADMIN}/Value={PASSWORD}", check=0))
    outputs.append(run("unset", path, f"{ADMIN}/Value", check=0))
    # an error about a path whose value is a password
    outputs.append(run("set", path, f"bogus/X/Password/Value={PASSWORD}"))
    outputs.append(run("set", path, f"{ADMIN}/Value/Deeper={PASSWORD}"))
    # a broken file around a password
    bad = write(d, "bad.xml", f"{ROOT}<settings pass=\"oobeSystem\"><component name=\"X\"><UserAccounts>"
                              f"<AdministratorPassword><Value>{PASSWORD}</Valu></AdministratorPassword>"
                              "</UserAccounts></component></settings></unattend>")
    outputs.append(run("show", bad, check=2))
    for p in outputs:
        assert PASSWORD not in p.stdout and PASSWORD not in p.stderr, (p.args, p.stdout, p.stderr)


def main():
    return run_tests("/cli/hostile")

if __name__ == "__main__":
    sys.exit(main())
