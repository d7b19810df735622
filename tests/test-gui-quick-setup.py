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
from gui_util import DATA, Editor, checked, pyatspi, run_tests, wait_for

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


def showing_cells(table):
    """The names of the rows on screen, None while the list changes under the call."""
    try:
        return [c.name for c in table.findChildren(
            lambda n: n.roleName == "table cell" and n.getState().contains(pyatspi.STATE_SHOWING))]
    except GLib.GError:
        return None


def fill_assistant(ed):
    ed.key("ctrl+shift+q")
    assistant = assistant_page(ed, "Computer")
    click(ed, "radio button", "Computer name is:", assistant)
    for name in ["Computer name is:", "Organization", "Owner"]:
        ed.find("text", name, assistant).text = VALUES[name]

    next_page(ed, assistant, "Time Zone")
    ed.find("text", "Search time zones", assistant).text = "pacific"
    zone = ed.find("table cell", "Pacific Standard Time", assistant)
    table = ed.find("table", "Time zone", assistant)
    wait_for(lambda: (names := showing_cells(table)) is not None and "Atlantic Standard Time" not in names,
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
    passes = [line for line in lines if "/" not in line]
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


def test_merge_dual_arch():
    """The same path twice, once per architecture: each conflict is decided on its own."""
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "dual.xml")
    shutil.copyfile(os.path.join(OWN_DATA, "dual-arch-base.xml"), path)
    ed = Editor(path)
    try:
        menu_item(ed, "Merge Answer File…")
        choose_file(ed, "Merge Answer File", os.path.join(OWN_DATA, "dual-arch-other.xml"))
        dialog = ed.find("dialog", "Merge Conflicts")
        x86 = ed.find("panel", "specialize/Microsoft-Windows-Shell-Setup/ComputerName (x86)", dialog)
        amd64 = ed.find("panel", "specialize/Microsoft-Windows-Shell-Setup/ComputerName (amd64)", dialog)
        click(ed, "radio button", "Take theirs: OTHER-32", x86)
        assert checked(ed.find("radio button", "Keep mine: BASE-64", amd64))
        ed.find("push button", "Merge", dialog).doActionNamed("click")
        ed.find("frame", "*dual.xml")
        ed.focus()
        ed.key("ctrl+s")
        ed.find("frame", "dual.xml")
        text = open(path, encoding="utf-8").read()
        amd64_part, x86_part = text.split('processorArchitecture="x86"')
        assert "<ComputerName>BASE-64</ComputerName>" in amd64_part, text
        assert "<ComputerName>OTHER-32</ComputerName>" in x86_part, text
        assert "OTHER-64" not in text and "BASE-32" not in text, text
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def menu_item(ed, name):
    """Activates an item of the main menu (a popover: its items are buttons)."""
    ed.find("toggle button", "Main Menu").doActionNamed("click")
    item = ed.app.findChild(lambda n: n.name == name and n.roleName in ("push button", "menu item"),
                            retry=True, requireResult=True)
    item.doActionNamed("click")


def file_chooser(ed, title):
    """GTK's own file chooser dialog (there is no portal in the test session)."""
    for _ in range(40):
        node = ed.app.findChild(lambda n: n.name == title and n.roleName in ("dialog", "file chooser"),
                                retry=False, requireResult=False)
        if node is not None:
            return node
        time.sleep(0.25)
    raise AssertionError(f"no file chooser named {title!r}")


def focus_window(ed, title):
    """Gives the X input focus to a dialog (no window manager does it in the test session)."""
    for _ in range(50):
        ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                             capture_output=True, text=True).stdout.split()
        if ids:
            break
        time.sleep(0.2)
    else:
        raise AssertionError(f"no X window for {title!r}")
    subprocess.run(["xdotool", "windowfocus", ids[0]], check=True)
    time.sleep(0.3)


def choose_file(ed, title, path):
    """Types path into the file chooser of that title."""
    file_chooser(ed, title)
    focus_window(ed, title)
    ed.key("ctrl+l")
    ed.type(path)
    ed.key("Return")


def save_untitled(ed, path):
    """Saves an untitled document: Save asks for a name first (the name entry has the focus)."""
    ed.focus()
    ed.key("ctrl+s")
    file_chooser(ed, "Save Answer File")
    focus_window(ed, "Save Answer File")
    ed.key("ctrl+a")
    ed.type(path)
    ed.key("Return")
    wait_for(lambda: os.path.exists(path), f"{path} saved")


def test_new_from_template():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    ed = Editor()
    try:
        menu_item(ed, "New from Template…")
        dialog = ed.find("dialog", "New from Template")
        templates = ed.find("table", "Templates", dialog)
        cells = [c.name for c in templates.findChildren(lambda n: n.roleName == "table cell")]
        listed = subprocess.run([os.environ["UE_TOOL"], "new", "--list"], capture_output=True, text=True,
                                check=True).stdout
        # every template the CLI lists is offered, with its description
        assert "Windows Server 2008 master image (sysprep)" in cells, cells
        assert len([c for c in cells if c and c in listed]) >= 4, (cells, listed)
        assert any(c.startswith("The popular options of a Server 2008 master image") for c in cells), cells
        ed.find("table cell", "Windows Server 2008 master image (sysprep)", templates).grabFocus()
        ed.find("push button", "Create", dialog).doActionNamed("click")
        ed.find("frame", "Untitled")
        ed.find("radio button", "XML").doActionNamed("click")
        wait_for(lambda: "<ComputerName>*</ComputerName>" in ed.find("text", "XML").text, "the template")

        saved = os.path.join(work, "master.xml")
        save_untitled(ed, saved)
        ed.find("frame", "master.xml")
        cli = os.path.join(work, "cli.xml")
        subprocess.run([os.environ["UE_TOOL"], "new", "--template", "server2008-sysprep", "-o", cli], check=True)
        assert_same_file(saved, cli)
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def test_open_as_template():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    baseline = os.path.join(work, "baseline.xml")
    shutil.copyfile(os.path.join(DATA, "ie-esc.xml"), baseline)
    ed = Editor()
    try:
        menu_item(ed, "Open as Template…")
        choose_file(ed, "Open Answer File as Template", baseline)
        ed.find("frame", "Untitled")
        ed.find("radio button", "XML").doActionNamed("click")
        wait_for(lambda: "<IEHardenUser>false</IEHardenUser>" in ed.find("text", "XML").text, "the baseline")
        # an edit, then Save: it asks for a name instead of writing over the baseline
        undo = ed.find("push button", "Undo")
        ed.focus()
        ed.key("ctrl+shift+q")
        assistant = assistant_page(ed, "Computer")
        click(ed, "radio button", "Computer name generated by Setup (*)", assistant)
        ed.find("push button", "Finish", assistant).doActionNamed("click")
        assistant_page(ed, "Summary")
        click(ed, "push button", "Apply", assistant)
        wait_for(lambda: undo.getState().contains(pyatspi.STATE_SENSITIVE), "the edit")
        ed.find("frame", "*Untitled")
        copy = os.path.join(work, "copy.xml")
        save_untitled(ed, copy)
        assert_same_file(baseline, os.path.join(DATA, "ie-esc.xml"))
        assert b"<ComputerName>*</ComputerName>" in open(copy, "rb").read()
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def test_merge_take_theirs():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "base.xml")
    original = os.path.join(MERGE_DATA, "base.xml")
    shutil.copyfile(original, path)
    ed = Editor(path)
    try:
        menu_item(ed, "Merge Answer File…")
        choose_file(ed, "Merge Answer File", os.path.join(MERGE_DATA, "other.xml"))
        dialog = ed.find("dialog", "Merge Conflicts")
        frames = [c.name for c in dialog.findChildren(lambda n: n.roleName == "panel" and "/" in (n.name or ""))]
        # ComputerName and the Administrator password differ; the password's values are not shown
        assert len(frames) == 2, frames
        ed.find("radio button", "Keep mine: ********", dialog)
        computer = next(ed.find("panel", name, dialog) for name in frames if "ComputerName" in name)
        assert checked(ed.find("radio button", "Keep mine: BASE-PC", computer))
        click(ed, "radio button", "Take theirs: OTHER-PC", computer)
        ed.find("push button", "Merge", dialog).doActionNamed("click")
        ed.find("frame", "*base.xml")
        ed.focus()
        ed.key("ctrl+s")
        ed.find("frame", "base.xml")
        assert_same_file(path, os.path.join(OWN_DATA, "merge-expected.xml"))

        # one undo step takes the merge back
        undo = ed.find("push button", "Undo")
        undo.doActionNamed("click")
        wait_for(lambda: not undo.getState().contains(pyatspi.STATE_SENSITIVE), "a single undo step")
        ed.focus()
        ed.key("ctrl+s")
        ed.find("frame", "base.xml")
        assert_same_file(path, original)
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


TESTS = [
    ("/gui/quick-setup/apply-reopen-undo", test_quick_setup_apply_reopen_undo),
    ("/gui/templates/new-from-template", test_new_from_template),
    ("/gui/templates/open-as-template", test_open_as_template),
    ("/gui/merge/take-theirs", test_merge_take_theirs),
    ("/gui/merge/dual-arch", test_merge_dual_arch),
]


def window_only_shot(ed, title, path):
    """The screen cut to one top-level window (a dialog is a window of its own)."""
    time.sleep(1)
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                         capture_output=True, text=True, check=True).stdout.split()
    geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", ids[0]],
                              capture_output=True, text=True, check=True).stdout
    g = dict(line.split("=", 1) for line in geometry.split())
    crop = f"{g['WIDTH']}x{g['HEIGHT']}+{g['X']}+{g['Y']}"
    subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", path], check=True)


def take_screenshots(out):
    """The README's pictures: two pages of Quick Setup and the merge dialog."""
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "sysprep.xml")
    shutil.copyfile(os.path.join(DATA, "ie-esc.xml"), path)
    ed = Editor(path)
    try:
        assistant = fill_assistant(ed)
        summary_text(ed, assistant)
        window_only_shot(ed, "Summary", os.path.join(out, "quick-setup-summary.png"))
        ed.find("push button", "Back", assistant).doActionNamed("click")
        assistant_page(ed, "Display")
        ed.find("push button", "Back", assistant).doActionNamed("click")
        assistant_page(ed, "Logon and Updates")
        window_only_shot(ed, "Logon and Updates", os.path.join(out, "quick-setup-page.png"))
    finally:
        ed.close()
    shutil.copyfile(os.path.join(MERGE_DATA, "base.xml"), path)
    ed = Editor(path)
    try:
        menu_item(ed, "Merge Answer File…")
        choose_file(ed, "Merge Answer File", os.path.join(MERGE_DATA, "other.xml"))
        ed.find("dialog", "Merge Conflicts")
        window_only_shot(ed, "Merge Conflicts", os.path.join(out, "merge-dialog.png"))
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(run_tests(TESTS, take_screenshots))
