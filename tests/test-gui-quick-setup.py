#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-gui-quick-setup.py — Quick Setup, templates, baselines and merge through AT-SPI (TAP).

The harness (private bus and X server, the Editor class) lives in gui_util.py.
"""
import os
import shutil
import subprocess
import tempfile
import time

from dogtail.config import config
from gi.repository import GLib
from gui_util import DATA, Editor, checked, pyatspi, run_tests, wait_for, window_shot

# the time-zone list and the locale combos have more rows than dogtail reads by default
config.childrenLimit = 1000

TEST_DATA = os.environ["UE_TEST_DATA"]
OWN_DATA = os.path.join(TEST_DATA, "gui-quick-setup")
MERGE_DATA = os.path.join(TEST_DATA, "merge")


def assistant_page(ed, title):
    """The assistant showing the page of that title (GtkAssistant titles its window after the page)."""
    return ed.find("frame", title)


def next_page(ed, assistant, title):
    ed.find("push button", "Next", assistant).doActionNamed("click")
    return assistant_page(ed, title)


def choose(ed, combo, item_name):
    """Selects a combo box item by its text (the combo's AtkSelection, as a screen reader does)."""
    item = ed.find("menu item", item_name, combo)
    combo.querySelection().selectChild(item.indexInParent)
    wait_for(lambda: chosen(combo) == item_name, f"{item_name!r} chosen")


def chosen(combo):
    selection = combo.querySelection()
    return selection.getSelectedChild(0).name if selection.nSelectedChildren else None


def click(ed, role, name, parent=None):
    ed.find(role, name, parent).doActionNamed("click")
    time.sleep(0.2)


def set_check(ed, name, parent, value=True):
    box = ed.find("check box", name, parent)
    if checked(box) != value:
        box.doActionNamed("click")
    wait_for(lambda: checked(box) == value, f"{name!r} {'checked' if value else 'cleared'}")


def command_rows(ed, assistant):
    table = ed.find("table", "First logon commands", assistant)
    return [c.name for c in table.findChildren(lambda n: n.roleName == "table cell")]


VALUES = {
    "Computer name is:": "WEB-01",
    "Organization": "Contoso Ltd",
    "Owner": "IT Department",
    "Administrator password": "Admin#2008",
    "Second administrator name": "deploy",
    "Second administrator password": "Deploy#2008",
}
LOCALES = {
    "Input locale (keyboard)": "German (Germany) (de-DE)",
    "System locale": "English (United States) (en-US)",
    "UI language": "English (United States) (en-US)",
    "User locale": "English (United Kingdom) (en-GB)",
}
COMMANDS = ["cmd /c echo second", r"cmd /c C:\setup\first.cmd"]


def fill_assistant(ed):
    ed.key("ctrl+shift+q")
    assistant = assistant_page(ed, "Computer")
    click(ed, "radio button", "Computer name is:", assistant)
    for name in ["Computer name is:", "Organization", "Owner"]:
        ed.find("text", name, assistant).text = VALUES[name]

    next_page(ed, assistant, "Time Zone")
    ed.find("text", "Search time zones", assistant).text = "pacific"
    zone = ed.find("table cell", "Pacific Standard Time", assistant)
    wait_for(lambda: "Atlantic Standard Time" not in
             [c.name for c in ed.find("table", "Time zone", assistant).findChildren(
                 lambda n: n.roleName == "table cell" and n.getState().contains(pyatspi.STATE_SHOWING))],
             "the search to filter the list")
    zone.grabFocus()
    ed.find("label", "Chosen: Pacific Standard Time", assistant)

    next_page(ed, assistant, "Language")
    for name, item in LOCALES.items():
        choose(ed, ed.find("combo box", name, assistant), item)

    next_page(ed, assistant, "Accounts")
    for name in ["Administrator password", "Second administrator password"]:
        ed.find("password text", name, assistant).text = VALUES[name]
    ed.find("text", "Second administrator name", assistant).text = VALUES["Second administrator name"]
    set_check(ed, "Hide passwords in the saved file", assistant)

    next_page(ed, assistant, "First Logon")
    entry = ed.find("text", "New command", assistant)
    for command in [COMMANDS[1], COMMANDS[0], "cmd /c echo removed"]:
        entry.text = command
        click(ed, "push button", "Add", assistant)
    wait_for(lambda: command_rows(ed, assistant) == [COMMANDS[1], COMMANDS[0], "cmd /c echo removed"],
             "three commands")
    ed.find("table cell", "cmd /c echo removed", assistant).grabFocus()
    click(ed, "push button", "Remove", assistant)
    ed.find("table cell", COMMANDS[1], assistant).grabFocus()
    click(ed, "push button", "Move Down", assistant)
    wait_for(lambda: command_rows(ed, assistant) == COMMANDS, "the commands reordered")
    click(ed, "push button", "Move Up", assistant)
    wait_for(lambda: command_rows(ed, assistant) == COMMANDS[::-1], "Move Up")
    click(ed, "push button", "Move Down", assistant)
    wait_for(lambda: command_rows(ed, assistant) == COMMANDS, "Move Down")

    next_page(ed, assistant, "Logon and Updates")
    for name in ["Do not show Initial Configuration Tasks at logon", "Do not show Server Manager at logon",
                 "Turn off IE Enhanced Security for administrators", "Turn off IE Enhanced Security for users",
                 "Skip the license terms (EULA) page"]:
        set_check(ed, name, assistant)
    click(ed, "radio button", "Do not configure automatic updates (3)", assistant)
    choose(ed, ed.find("combo box", "Network location", assistant), "Work")

    next_page(ed, assistant, "Display")
    choose(ed, ed.find("combo box", "Colour depth", assistant), "True colour (32 bits)")
    for name, value in [("Horizontal resolution (pixels)", 1024), ("Vertical resolution (pixels)", 768),
                        ("Refresh rate (Hz)", 60)]:
        spin = ed.find("spin button", name, assistant)
        spin.queryValue().currentValue = value
        wait_for(lambda: spin.queryValue().currentValue == value, f"{name} = {value}")

    next_page(ed, assistant, "Summary")
    return assistant


def summary_text(ed, assistant):
    view = ed.find("text", "Summary", assistant)
    wait_for(lambda: view.text.strip() != "", "the summary")
    return view.text


def assert_same_file(path, expected_path):
    actual = open(path, "rb").read()
    if actual != open(expected_path, "rb").read():
        # kept for a look at the difference
        kept = os.path.join(tempfile.gettempdir(), "ue-gui-actual-" + os.path.basename(expected_path))
        shutil.copyfile(path, kept)
        raise AssertionError(f"{path} differs from {expected_path}; kept as {kept}:\n"
                             + actual.decode(errors="replace"))


def check_summary(text):
    lines = text.splitlines()
    passes = [line for line in lines if not line.startswith(" ")]
    assert passes == ["specialize", "oobeSystem"], passes
    body = "\n".join(lines)
    for expected in ["Microsoft-Windows-Shell-Setup/ComputerName = WEB-01",
                     "Microsoft-Windows-Shell-Setup/TimeZone = Pacific Standard Time",
                     "Microsoft-Windows-IE-ESC/IEHardenAdmin = false",
                     "Microsoft-Windows-International-Core/InputLocale = de-DE",
                     "Microsoft-Windows-Shell-Setup/OOBE/ProtectYourPC = 3"]:
        assert expected in body, f"{expected!r} not in summary:\n{text}"
    # passwords never show in the summary
    assert "Admin#2008" not in body and "Deploy#2008" not in body, text
    assert "********" in body, text


def assistant_gone(ed):
    # a closing window with a few hundred rows keeps the editor busy with AT-SPI events:
    # calls may time out meanwhile
    try:
        return ed.app.childCount == 1
    except GLib.GError:
        return False


def check_assistant_shows_values(ed):
    ed.focus()
    ed.key("ctrl+shift+q")
    assistant = assistant_page(ed, "Computer")
    assert checked(ed.find("radio button", "Computer name is:", assistant))
    for name in ["Computer name is:", "Organization", "Owner"]:
        assert ed.find("text", name, assistant).text == VALUES[name], name
    ed.find("label", "Chosen: Pacific Standard Time", assistant)
    for name, item in LOCALES.items():
        assert chosen(ed.find("combo box", name, assistant)) == item, name
    for name in ["Administrator password", "Second administrator password"]:
        # a masked entry reports bullets: the length tells the password came back
        assert len(ed.find("password text", name, assistant).text) == len(VALUES[name]), name
    assert ed.find("text", "Second administrator name", assistant).text == "deploy"
    assert checked(ed.find("check box", "Hide passwords in the saved file", assistant))
    assert command_rows(ed, assistant) == COMMANDS, command_rows(ed, assistant)
    for name in ["Do not show Initial Configuration Tasks at logon", "Do not show Server Manager at logon",
                 "Turn off IE Enhanced Security for administrators", "Turn off IE Enhanced Security for users",
                 "Skip the license terms (EULA) page", "Do not configure automatic updates (3)"]:
        assert checked(ed.find(("radio button" if name.startswith("Do not configure") else "check box"),
                               name, assistant)), name
    assert chosen(ed.find("combo box", "Network location", assistant)) == "Work"
    assert chosen(ed.find("combo box", "Colour depth", assistant)) == "True colour (32 bits)"
    for name, value in [("Horizontal resolution (pixels)", 1024), ("Vertical resolution (pixels)", 768),
                        ("Refresh rate (Hz)", 60)]:
        assert ed.find("spin button", name, assistant).queryValue().currentValue == value, name
    click(ed, "push button", "Cancel", assistant)
    wait_for(lambda: assistant_gone(ed), "the assistant closed", timeout=60)


def test_quick_setup_apply_reopen_undo():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "sysprep.xml")
    original = os.path.join(DATA, "ie-esc.xml")
    shutil.copyfile(original, path)
    ed = Editor(path)
    try:
        assistant = fill_assistant(ed)
        check_summary(summary_text(ed, assistant))
        click(ed, "push button", "Apply", assistant)
        ed.find("frame", "*sysprep.xml")

        # Apply is one undo step: after one Undo nothing is left to undo and the file is as before
        # (saving with hidden passwords adds a step of its own, so this comes before any save)
        undo = ed.find("push button", "Undo")
        undo.doActionNamed("click")
        wait_for(lambda: not undo.getState().contains(pyatspi.STATE_SENSITIVE), "a single undo step")
        ed.find("frame", "sysprep.xml")
        ed.focus()
        ed.key("ctrl+s")
        assert_same_file(path, original)

        ed.find("push button", "Redo").doActionNamed("click")
        ed.find("frame", "*sysprep.xml")
        ed.focus()
        ed.key("ctrl+s")
        ed.find("frame", "sysprep.xml")
        wait_for(lambda: open(path, "rb").read() != open(original, "rb").read(), "the save")
        assert_same_file(path, os.path.join(OWN_DATA, "quick-setup-expected.xml"))

        check_assistant_shows_values(ed)
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


TESTS = [
    ("/gui/quick-setup/apply-reopen-undo", test_quick_setup_apply_reopen_undo),
]


def take_screenshots(out):
    pass


if __name__ == "__main__":
    raise SystemExit(run_tests(TESTS, take_screenshots))
