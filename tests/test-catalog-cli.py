#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-catalog-cli.py — unattend-tool images / catalog build / catalog show on images made here
#
# Two editions are captured with wimlib-imagex from the manifests in tests/data/manifests
# plus a few thousand generated ones, as a WIM (LZX) and as an ESD (solid LZMS, small
# chunks so blobs straddle them). The catalog of each must equal the JSON written by hand
# in expected-datacenter.json (Standard: IE-ESC instead of ServerManager, no Datacenter
# package), read directly or through libwim's extraction.
import copy
import json
import os
import shutil
import re
import subprocess
import sys
import tempfile

TOOL = os.environ["UE_TOOL"]
DATA = os.path.join(os.environ["UE_TEST_DATA"], "manifests")
N_GENERATED = 3000
results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


# the tool's own temporary folders go here, so a check for leftovers sees only ours
TOOL_TMPDIR = tempfile.mkdtemp(prefix="ue-catalog-cli-tmp-")


def run(*args, env=None):
    full_env = dict(os.environ)
    full_env["TMPDIR"] = TOOL_TMPDIR
    full_env.update(env or {})
    p = subprocess.run([TOOL] + list(args), capture_output=True, text=True, env=full_env)
    return p.returncode, p.stdout, p.stderr


GEN_NO_CONFIG = """<?xml version="1.0" encoding="utf-8"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0">
  <assemblyIdentity name="Microsoft-Windows-Generated-{i:05d}" version="6.0.6001.18000" processorArchitecture="amd64" language="neutral" publicKeyToken="31bf3856ad364e35"/>
  <file name="gen{i:05d}.dll" destinationPath="$(runtime.system32)\\"/>
</assembly>
"""
GEN_EMPTY_SCHEMA = """<?xml version="1.0" encoding="utf-8"?>
<!-- configurationSchema is named here, but the element is empty -->
<assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0">
  <assemblyIdentity name="Microsoft-Windows-Generated-{i:05d}" version="6.0.6001.18000" processorArchitecture="x86" language="neutral" publicKeyToken="31bf3856ad364e35"/>
  <configuration><configurationSchema>
  </configurationSchema></configuration>
</assembly>
"""
OLD_SHELL = """<?xml version="1.0" encoding="utf-8"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0">
  <assemblyIdentity name="microsoft-windows-shell-setup" version="6.0.6000.16386" processorArchitecture="amd64" language="neutral" publicKeyToken="31bf3856ad364e35"/>
  <configuration><configurationSchema>
    <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
      <xsd:element name="OldOnly" type="xsd:string" wcm:passes="specialize"/>
    </xsd:schema>
  </configurationSchema></configuration>
</assembly>
"""
BROKEN = """<?xml version="1.0" encoding="utf-8"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0">
  <assemblyIdentity name="Microsoft-Windows-Broken" version="1.0.0.0" processorArchitecture="amd64" language="neutral"/>
  <configuration><configurationSchema>
    <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:element name="Unclosed">
  </configurationSchema></configuration>
</assembly>
"""


def big_manifest():
    files = "".join('  <file name="big{0:05d}.dll" destinationPath="$(runtime.system32)\\" sourceName="big{0:05d}.dll"/>\n'
                    .format(i) for i in range(2500))
    return ("""<?xml version="1.0" encoding="utf-8"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0">
  <assemblyIdentity name="Microsoft-Windows-Big-Component" version="1.0.0.0" processorArchitecture="amd64" language="neutral" publicKeyToken="31bf3856ad364e35"/>
""" + files + """  <configuration><configurationSchema>
    <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
      <xsd:element name="Payload" type="xsd:string" wcm:passes="specialize"/>
    </xsd:schema>
  </configurationSchema></configuration>
</assembly>
""")


def make_tree(root, skip, packages, generated_from=None):
    manifests = os.path.join(root, "Windows", "WinSxS", "Manifests")
    pkgdir = os.path.join(root, "Windows", "servicing", "Packages")
    os.makedirs(manifests)
    os.makedirs(pkgdir)
    os.makedirs(os.path.join(manifests, "subfolder.manifest"))   # a folder is not a manifest
    for name in os.listdir(DATA):
        if name.endswith(".manifest") and skip not in name:
            shutil.copy(os.path.join(DATA, name), manifests)
    for name in packages:
        shutil.copy(os.path.join(DATA, "packages", name), pkgdir)
    if generated_from is not None:
        # the same files in the other edition: hard links are much faster to make here
        for name in os.listdir(generated_from):
            if "-generated-" in name:
                os.link(os.path.join(generated_from, name), os.path.join(manifests, name))
    for i in range(N_GENERATED if generated_from is None else 0):
        text = (GEN_NO_CONFIG if i % 2 else GEN_EMPTY_SCHEMA).format(i=i)
        data = text.encode()
        if i % 3 == 0:
            data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
        with open(os.path.join(manifests, "amd64_microsoft-windows-generated-%05d_31bf3856ad364e35_6.0.6001.18000_none_%016x.manifest" % (i, i * 7919)), "wb") as f:
            f.write(data)
    extra = {
        "amd64_microsoft-windows-shell-setup_31bf3856ad364e35_6.0.6000.16386_none_0000000000000001.manifest": OLD_SHELL,
        "amd64_microsoft-windows-broken_31bf3856ad364e35_1.0.0.0_none_0000000000000002.manifest": BROKEN,
        "amd64_microsoft-windows-big-component_31bf3856ad364e35_1.0.0.0_none_0000000000000003.manifest": big_manifest(),
    }
    for name, text in extra.items():
        with open(os.path.join(manifests, name), "w") as f:
            f.write(text)
    with open(os.path.join(manifests, "readme.txt"), "w") as f:
        f.write("not a manifest\n")


FOUNDATION = "Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~6.0.6001.18000.mum"
LANGPACK = "Microsoft-Windows-LanguagePack-Package~31bf3856ad364e35~amd64~en-US~6.0.6001.18000.mum"
DATACENTER = "Microsoft-Windows-ServerDatacenter-Package~31bf3856ad364e35~amd64~~6.0.6001.18000.mum"
STANDARD_NAME = "Windows Server 2008 SERVERSTANDARD"
DATACENTER_NAME = "Windows Server 2008 SERVERDATACENTER"
N_MANIFESTS = 7 + N_GENERATED + 3

IE_ESC = {
    "name": "Microsoft-Windows-IE-ESC", "arch": "amd64", "version": "8.0.6001.18000",
    "publicKeyToken": "31bf3856ad364e35", "language": "neutral", "versionScope": "nonSxS",
    "settings": [
        {"path": "IEHardenAdmin", "type": "boolean", "xsdType": "boolean", "passes": ["specialize"],
         "default": "true", "description": "Enhanced security for administrators"},
        {"path": "IEHardenUser", "type": "boolean", "xsdType": "boolean", "passes": ["specialize"],
         "default": "true"},
    ],
}


def expected(edition):
    with open(os.path.join(DATA, "expected-datacenter.json")) as f:
        exp = json.load(f)
    if edition == "standard":
        exp["components"] = [c for c in exp["components"] if c["name"] != "Microsoft-Windows-ServerManager-SvrMgrNc"]
        exp["components"].insert(1, copy.deepcopy(IE_ESC))
        exp["packages"] = [p for p in exp["packages"] if p["name"] != "Microsoft-Windows-ServerDatacenter-Package"]
    return exp


def capture(tmp, out, extra):
    for i, (tree, name) in enumerate([("standard", STANDARD_NAME), ("datacenter", DATACENTER_NAME)]):
        cmd = ["wimlib-imagex", "capture" if i == 0 else "append", os.path.join(tmp, tree), out, name] + extra
        subprocess.run(cmd, check=True, capture_output=True)
    props = {"WINDOWS/ARCH": "9", "WINDOWS/EDITIONID": "ServerDatacenter", "WINDOWS/VERSION/MAJOR": "6",
             "WINDOWS/VERSION/MINOR": "0", "WINDOWS/VERSION/BUILD": "6001", "WINDOWS/VERSION/SPBUILD": "18000"}
    cmd = ["wimlib-imagex", "info", out, "2"]
    for k, v in props.items():
        cmd += ["--image-property", "%s=%s" % (k, v)]
    subprocess.run(cmd, check=True, capture_output=True)


def check_catalog(label, wim, spec, edition, env=None, out=None):
    tmp = os.path.dirname(wim)
    out = out or os.path.join(tmp, "%s.catalog" % label)
    rc, _, err = run("catalog", "build", spec, "-o", out, env=env)
    check("%s: build exits 0" % label, rc == 0, err)
    check("%s: reports the counts" % label, re.search(r"Manifests: \d+, compressed: 1, decoded: 0, failed: 1\n", err), err)
    check("%s: reports the compressed manifest" % label,
          "warning: 1 compressed manifest was not read: the image has no usable Windows/System32/wcp.dll" in err, err)
    check("%s: reports the broken manifest" % label, "1 manifest could not be read" in err, err)
    rc, text, err = run("catalog", "show", out, "--json")
    check("%s: show exits 0" % label, rc == 0, err)
    try:
        got = json.loads(text)
    except ValueError as e:
        check("%s: show prints JSON" % label, False, str(e))
        return None
    source = got.pop("source")
    exp = expected(edition)
    same = got == exp
    detail = ""
    if not same:
        for a, b in zip(got["components"], exp["components"]):
            if a != b:
                detail = "first difference in %s:\n got %s\nwant %s" % (b["name"], json.dumps(a), json.dumps(b))
                break
        else:
            detail = json.dumps(got)[:2000]
    check("%s: catalog equals the expected JSON" % label, same, detail)
    index = 2 if edition == "datacenter" else 1
    check("%s: source" % label,
          source["kind"] == "image" and source["path"] == os.path.realpath(wim) and source["imageIndex"] == index
          and source["imageName"] == (DATACENTER_NAME if index == 2 else STANDARD_NAME)
          and len(source["wimGuid"]) == 32 and source["manifests"] == N_MANIFESTS
          and source["compressed"] == 1 and source["decoded"] == 0 and source["failed"] == 1
          and source.get("build") == ("6.0.6001.18000" if index == 2 else None)
          and source.get("arch") == ("amd64" if index == 2 else None), json.dumps(source))
    return text


def main():
    if shutil.which("wimlib-imagex") is None:
        print("1..0 # SKIP wimlib-imagex (wimtools) is not installed")
        return 0
    tmp = os.path.realpath(tempfile.mkdtemp(prefix="ue-catalog-cli-"))
    try:
        make_tree(os.path.join(tmp, "standard"), "servermanager", [FOUNDATION, LANGPACK])
        make_tree(os.path.join(tmp, "datacenter"), "ie-esc", [FOUNDATION, LANGPACK, DATACENTER],
                  os.path.join(tmp, "standard", "Windows", "WinSxS", "Manifests"))
        wim = os.path.join(tmp, "install.wim")
        esd = os.path.join(tmp, "install.esd")
        capture(tmp, wim, ["--compress=lzx"])
        capture(tmp, esd, ["--solid", "--solid-chunk-size=32K"])

        # images
        rc, text, err = run("images", wim)
        check("images: exit 0", rc == 0, err)
        check("images: one line per image",
              text == "1\t%s\t-\t-\t-\n2\t%s\tamd64\t6.0.6001.18000\tServerDatacenter\n" % (STANDARD_NAME, DATACENTER_NAME),
              repr(text))
        rc, text, err = run("images", "--json", esd)
        info = json.loads(text) if rc == 0 else {}
        check("images --json",
              rc == 0 and len(info["wimGuid"]) == 32 and [i["name"] for i in info["images"]] == [STANDARD_NAME, DATACENTER_NAME]
              and info["images"][1]["edition"] == "ServerDatacenter" and info["images"][1]["build"] == "6001"
              and info["images"][0]["arch"] is None, text)

        # catalogs: by index and by name, WIM and ESD, direct and extracted
        direct = check_catalog("wim:2", wim, wim + ":2", "datacenter")
        check_catalog("wim:name", wim, wim + ":" + STANDARD_NAME, "standard")
        check_catalog("wim:name-case", wim, wim + ":windows server 2008 serverdatacenter", "datacenter")
        check_catalog("esd:2", esd, esd + ":2", "datacenter")
        check_catalog("esd:1", esd, esd, "standard")
        extracted = check_catalog("wim:2 extracted", wim, wim + ":2", "datacenter", env={"UE_WIM_READER": "extract"})
        check("direct read and extraction give the same catalog", direct is not None and direct == extracted)

        # default output: the cache
        cache = os.path.join(tmp, "cache")
        rc, _, err = run("catalog", "build", wim + ":2", env={"XDG_CACHE_HOME": cache})
        guid = json.loads(run("images", "--json", wim)[1])["wimGuid"]
        cached = os.path.join(cache, "unattend-editor", "%s-2.catalog" % guid)
        check("build without -o writes the cache", rc == 0 and os.path.exists(cached) and cached in err, err)
        rc, text, _ = run("catalog", "show", cached, "--json")
        check("the cached catalog equals the -o one", rc == 0 and text == direct)

        # show: one component, text form, default catalog
        rc, text, err = run("catalog", "show", os.path.join(tmp, "wim:2.catalog"), "--json", "microsoft-windows-shell-setup")
        one = json.loads(text) if rc == 0 else {}
        check("show COMPONENT --json: both arches, no other component",
              rc == 0 and [(c["name"], c["arch"]) for c in one["components"]] ==
              [("Microsoft-Windows-Shell-Setup", "amd64"), ("Microsoft-Windows-Shell-Setup", "x86")], text[:300])
        rc, text, err = run("catalog", "show", os.path.join(tmp, "wim:2.catalog"), "Microsoft-Windows-Shell-Setup")
        check("show COMPONENT: settings listed",
              rc == 0 and "amd64_Microsoft-Windows-Shell-Setup_6.0.6001.18000_neutral  (32 settings)" in text
              and "  FirstLogonCommands/SynchronousCommand/Order  integer [1..500]  (oobeSystem)" in text
              and "  UserAccounts/LocalAccounts/LocalAccount  complex list key=Name  (auditSystem oobeSystem)" in text, text)
        rc, text, err = run("catalog", "show", os.path.join(tmp, "wim:2.catalog"))
        check("show: component summary",
              rc == 0 and "x86_Microsoft-Windows-Shell-Setup_6.0.6001.18000_neutral  (10 settings)" in text
              and "Package Microsoft-Windows-ServerDatacenter-Package amd64 6.0.6001.18000: Hyper-V" in text, text)
        rc, text, err = run("catalog", "show", "--json")
        check("show without CATALOG: the embedded default catalog",
              rc == 0 and json.loads(text)["source"]["kind"] == "embedded", text + err)

        # errors: exit 2 with a message naming the file
        notwim = os.path.join(tmp, "notes.wim")
        with open(notwim, "w") as f:
            f.write("This is not a WIM file, just some text long enough to hold a header.\n" * 10)
        truncated = os.path.join(tmp, "truncated.wim")
        with open(wim, "rb") as f:
            data = f.read()
        with open(truncated, "wb") as f:
            f.write(data[: len(data) // 2])
        missing = os.path.join(tmp, "missing.wim")
        cases = [
            ("missing file", ["images", missing], missing + ": error: no such file"),
            ("missing file (build)", ["catalog", "build", missing + ":1"], missing + ": error: no such file"),
            ("not a WIM", ["images", notwim], notwim + ": error: not a WIM or ESD file"),
            ("not a WIM (build)", ["catalog", "build", notwim], notwim + ": error: not a WIM or ESD file"),
            ("truncated WIM", ["catalog", "build", truncated + ":1"], truncated + ": error: the image file is truncated or damaged"),
            ("truncated WIM (images)", ["images", truncated], truncated + ": error: the image file is truncated or damaged"),
            ("index out of range", ["catalog", "build", wim + ":3"], wim + ": error: there is no image 3 (the file holds 2 images)"),
            ("index 0", ["catalog", "build", wim + ":0"], wim + ": error: there is no image 0"),
            ("no such name", ["catalog", "build", wim + ":Nope"], wim + ": error: there is no image named “Nope”"),
            ("build without WIM", ["catalog", "build"], "usage: unattend-tool catalog build"),
            ("unknown subcommand", ["catalog", "frobnicate"], "usage: unattend-tool catalog build|show"),
            ("unknown component", ["catalog", "show", os.path.join(tmp, "wim:2.catalog"), "Microsoft-Windows-Nothing"],
             "no component “Microsoft-Windows-Nothing”"),
        ]
        bad = os.path.join(tmp, "bad.catalog")
        with open(bad, "wb") as f:
            f.write(b"PK\x03\x04 a zip file, not a catalog" * 4)
        newer = os.path.join(tmp, "newer.catalog")
        with open(os.path.join(tmp, "wim:2.catalog"), "rb") as f:
            data = bytearray(f.read())
        short = os.path.join(tmp, "short.catalog")
        with open(short, "wb") as f:
            f.write(data[: len(data) - 7])
        data[8] = 9
        with open(newer, "wb") as f:
            f.write(data)
        cases += [
            ("foreign catalog", ["catalog", "show", bad], bad + ": error: not an Unattend Editor catalog file"),
            ("newer catalog", ["catalog", "show", "--json", newer], newer + ": error: catalog format 9 is not one"),
            ("truncated catalog", ["catalog", "show", short], short + ": error: the catalog file is truncated"),
            ("missing catalog", ["catalog", "show", missing + ".catalog"], missing + ".catalog: error: no such file"),
        ]
        for name, args, message in cases:
            rc, out, err = run(*args)
            check("error: " + name, rc == 2 and message in err and out == "", "rc=%d stderr=%r" % (rc, err))
        for leftover in os.listdir(TOOL_TMPDIR):
            check("no temporary folder left: " + leftover, False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(TOOL_TMPDIR, ignore_errors=True)

    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines():
                print("# " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
