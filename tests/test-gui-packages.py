#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-gui-packages.py — WSIM's package workflow through AT-SPI (TAP output): a package from
the image's catalog goes into the answer file, its action and features are set, saved, undone.

The harness (private bus and X server, the Editor class) lives in gui_util.py.
"""
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET

from gui_util import DATA, Editor, center, make_wim, pyatspi, run_tests, wait_for, window_shot

FOUNDATION = "Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~6.0.6001.18000.mum"
PACKAGE = "Microsoft-Windows-Foundation-Package"
ROW = "amd64_Microsoft-Windows-Foundation-Package_6.0.6001.18000_neutral"
IDENTITY = {"name": PACKAGE, "version": "6.0.6001.18000", "processorArchitecture": "amd64",
            "publicKeyToken": "31bf3856ad364e35", "language": "neutral"}
NS = "{urn:schemas-microsoft-com:unattend}"
# the combo's items, in order
NOT_SET, ENABLED, DISABLED = 0, 1, 2
ACTIONS = ["install", "configure", "remove", "stage"]


def open_editor(work):
    path = os.path.join(work, "sysprep.xml")
    shutil.copyfile(os.path.join(DATA, "ie-esc.xml"), path)
    wim = make_wim(work, packages=[FOUNDATION])
    ed = Editor("--image", wim + ":1", path)
    wait_for(lambda: "SERVERSTANDARD" in ed.find("label", "Catalog source").text, "the image's catalog")
    return ed, path


def add_package(ed):
    """Adds the Foundation package from the catalog's context menu (Shift+F10)."""
    catalog = ed.find("tree table", "Windows Image")
    ed.key("ctrl+f")
    ed.type("Foundation")
    ed.find("table cell", ROW, catalog).grabFocus()
    # the catalog's package, read-only: what the image's .mum says
    ed.find("label", "Printing-Foundation-Features, TelnetClient, SNMP")
    ed.find("label", "Feature Pack")
    ed.key("shift+F10")
    item = ed.find("menu item", "Add to Answer File")
    offered = [c.name for c in item.parent.children if c.roleName == "menu item"]
    assert offered == ["Add to Answer File"], offered
    item.doActionNamed("click")
    answer = ed.find("tree table", "Answer File")
    row = ed.find("table cell", PACKAGE, answer)
    wait_for(lambda: row.getState().contains(pyatspi.STATE_SELECTED), "the new package selected")


def choose(ed, name, index):
    combo = ed.find("combo box", name)
    combo.querySelection().selectChild(index)
    return combo


def xml_text(ed):
    return ed.find("text", "XML").text


def test_add_configure_save_undo():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    ed, path = open_editor(work)
    try:
        add_package(ed)
        # the identity rows and the catalog's three features
        identity = ed.find("panel", "Package identity")
        for value in IDENTITY.values():
            ed.find("label", value, identity)
        for feature in ["Printing-Foundation-Features", "TelnetClient", "SNMP"]:
            assert ed.find("combo box", feature).name == feature

        ed.find("radio button", "XML").doActionNamed("click")
        choose(ed, "Action", ACTIONS.index("install"))
        wait_for(lambda: 'action="install"' in xml_text(ed), "action install in the XML")
        choose(ed, "TelnetClient", ENABLED)
        wait_for(lambda: '<selection name="TelnetClient" state="true"/>' in xml_text(ed), "TelnetClient enabled")
        choose(ed, "SNMP", DISABLED)
        wait_for(lambda: '<selection name="SNMP" state="false"/>' in xml_text(ed), "SNMP disabled")
        # the Answer File tree names each feature with its state, as it does settings
        answer = ed.find("tree table", "Answer File")
        ed.find("table cell", "TelnetClient  true", answer)
        ed.find("table cell", "SNMP  false", answer)

        # one Ctrl+Z takes back the last feature change, and the pane follows; redo brings it back
        ed.focus()
        ed.key("ctrl+z")
        wait_for(lambda: 'name="SNMP"' not in xml_text(ed), "the SNMP selection undone")
        assert '<selection name="TelnetClient" state="true"/>' in xml_text(ed)
        wait_for(lambda: ed.find("combo box", "SNMP").querySelection().isChildSelected(NOT_SET),
                 "SNMP shown as not set")
        ed.key("ctrl+shift+z")
        wait_for(lambda: '<selection name="SNMP" state="false"/>' in xml_text(ed), "SNMP disabled again")
        wait_for(lambda: ed.find("combo box", "SNMP").querySelection().isChildSelected(DISABLED),
                 "SNMP shown as disabled")

        ed.key("ctrl+s")
        ed.find("frame", "sysprep.xml")
        root = ET.parse(path).getroot()
        packages = root.findall(f"{NS}servicing/{NS}package")
        assert len(packages) == 1, ET.tostring(root)
        package = packages[0]
        assert package.get("action") == "install", package.attrib
        assert package.find(f"{NS}assemblyIdentity").attrib == IDENTITY, package.find(f"{NS}assemblyIdentity").attrib
        selections = [(s.get("name"), s.get("state")) for s in package.findall(f"{NS}selection")]
        assert selections == [("TelnetClient", "true"), ("SNMP", "false")], selections
        # <servicing> comes before the passes, as Windows writes it
        assert [c.tag for c in root][0] == f"{NS}servicing", [c.tag for c in root]
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


FILE_WITH_PACKAGE = """<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <servicing>
    <package action="configure">
      <assemblyIdentity name="Microsoft-Windows-Foundation-Package" version="6.0.6001.18000" \
processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
      <selection name="Hyper-V" state="true"/>
      <selection name="TelnetClient" state="yes"/>
    </package>
  </servicing>
</unattend>
"""


def test_file_selections_and_right_click():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "packages.xml")
    with open(path, "w") as f:
        f.write(FILE_WITH_PACKAGE)
    ed = Editor("--image", make_wim(work, packages=[FOUNDATION]) + ":1", path)
    try:
        wait_for(lambda: "SERVERSTANDARD" in ed.find("label", "Catalog source").text, "the image's catalog")
        answer = ed.find("tree table", "Answer File")
        ed.find("table cell", PACKAGE, answer).grabFocus()
        # a selection the catalog does not list still has its row; a state Windows does not
        # read shows no choice
        hyper_v = ed.find("combo box", "Hyper-V")
        assert hyper_v.querySelection().isChildSelected(ENABLED)
        telnet = ed.find("combo box", "TelnetClient")
        assert telnet.querySelection().nSelectedChildren == 0, telnet.querySelection().nSelectedChildren
        ed.find("combo box", "SNMP")
        choose(ed, "Hyper-V", NOT_SET)
        ed.find("radio button", "XML").doActionNamed("click")
        wait_for(lambda: "Hyper-V" not in xml_text(ed), "the Hyper-V selection gone")
        # the row stays, so that the user can take the choice back
        assert ed.find("combo box", "Hyper-V").querySelection().isChildSelected(NOT_SET)

        # the same package added again from the catalog (right-click) is the one in the file
        catalog = ed.find("tree table", "Windows Image")
        ed.key("ctrl+f")
        ed.type("Foundation")
        row = ed.find("table cell", ROW, catalog)
        x, y = center(row)
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "3"], check=True)
        ed.find("menu item", "Add to Answer File").doActionNamed("click")
        row = ed.find("table cell", PACKAGE, answer)
        wait_for(lambda: row.getState().contains(pyatspi.STATE_SELECTED), "the package selected")
        assert xml_text(ed).count("<package ") == 1, xml_text(ed)
        ed.focus()
        ed.key("ctrl+z")
        wait_for(lambda: '<selection name="Hyper-V" state="true"/>' in xml_text(ed), "the Hyper-V selection back")
        assert not ed.find("push button", "Undo").getState().contains(pyatspi.STATE_SENSITIVE)
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def take_screenshots(out):
    """The package's properties: identity, action and its features."""
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="ue-gui-")
    ed, _ = open_editor(work)
    try:
        add_package(ed)
        choose(ed, "Action", ACTIONS.index("configure"))
        choose(ed, "TelnetClient", ENABLED)
        choose(ed, "SNMP", DISABLED)
        ed.find("radio button", "XML").doActionNamed("click")
        window_shot(ed, os.path.join(out, "package-properties.png"))
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


TESTS = [
    ("/gui/packages/add-configure-save-undo", test_add_configure_save_undo),
    ("/gui/packages/file-selections-and-right-click", test_file_selections_and_right_click),
]

if __name__ == "__main__":
    raise SystemExit(run_tests(TESTS, take_screenshots))
