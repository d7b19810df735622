#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-gui-window.py — drives the real editor window through AT-SPI (TAP output).

The harness (private bus and X server, the Editor class) lives in gui_util.py.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from gui_util import (DATA, alert_texts, IMAGES, PASSES, Editor, center, checked, make_wim, predicate,  # noqa: F401
                      pyatspi, run_tests, visible_names, wait_for, window_shot)


def test_edit_undo_redo_save():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "sysprep.xml")
    shutil.copyfile(os.path.join(DATA, "ie-esc.xml"), path)
    wim = make_wim(work)
    ed = Editor("--image", wim + ":1", path)
    try:
        wait_for(lambda: "SERVERSTANDARD" in ed.find("label", "Catalog source").text, "the image's catalog")
        answer = ed.find("tree table", "Answer File")
        for name in PASSES:
            ed.find("table cell", name, answer)

        catalog = ed.find("tree table", "Windows Image")
        search = ed.find("text", "Search settings")
        ed.key("ctrl+f")
        assert search.getState().contains(pyatspi.STATE_FOCUSED), "Ctrl+F does not focus the search"
        ed.type("IEHardenAdmin")
        setting = ed.find("table cell", "IEHardenAdmin", catalog)
        setting.grabFocus()
        ed.key("shift+F10")
        item = ed.find("menu item", "Add Setting to Pass 4 specialize")
        # IEHardenAdmin is a specialize-only setting: no other pass may be offered
        menu = item.parent
        offered = [c.name for c in menu.children if c.roleName == "menu item"]
        assert offered == ["Add Setting to Pass 4 specialize"], offered
        item.doActionNamed("click")

        check = ed.find("check box", "IEHardenAdmin")
        # a setting not yet set shows its default; click until the file says false
        for _ in range(2):
            if not checked(check) and not check.getState().contains(pyatspi.STATE_INDETERMINATE):
                break
            check.doActionNamed("click")
            time.sleep(0.3)
        wait_for(lambda: not checked(check), "IEHardenAdmin unchecked")

        ed.find("frame", "*sysprep.xml")
        ed.key("ctrl+z")
        wait_for(lambda: checked(ed.find("check box", "IEHardenAdmin")), "undo to restore the check")
        ed.key("ctrl+shift+z")
        wait_for(lambda: not checked(ed.find("check box", "IEHardenAdmin")), "redo to clear the check")

        ed.key("ctrl+s")
        ed.find("frame", "sysprep.xml")
        status = ed.find("label", "Status")
        assert "sysprep /generalize /oobe /shutdown /unattend:sysprep.xml" in status.text, status.text
        expected = open(os.path.join(DATA, "ie-esc-expected.xml"), "rb").read()
        actual = open(path, "rb").read()
        # the image the file was edited against is recorded as WSIM does; its path is this run's
        recorded = ('    <cpi:offlineImage cpi:source="wim:%s#Windows Server 2019 SERVERSTANDARD" '
                    'xmlns:cpi="urn:schemas-microsoft-com:cpi"/>' % wim).encode()
        recorded += b"\r\n" if b"\r\n" in expected else b"\n"
        assert recorded in actual, repr(recorded) + "\n" + actual.decode(errors="replace")
        actual = actual.replace(recorded, b"")
        assert actual == expected, f"saved file differs:\n{actual.decode(errors='replace')}"
        # the component was reused: one IE-ESC component in specialize
        assert actual.count(b'name="Microsoft-Windows-IE-ESC"') == 1
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def test_filter_catalog():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    ed = Editor("--image", make_wim(work) + ":2")
    try:
        wait_for(lambda: "SERVERDATACENTER" in ed.find("label", "Catalog source").text, "the image's catalog")
        catalog = ed.find("tree table", "Windows Image")
        search = ed.find("text", "Search settings")
        search.grabFocus()
        ed.type("iehardenuser")
        ed.find("table cell", "IEHardenUser", catalog)
        wait_for(lambda: "IEHardenAdmin" not in visible_names(catalog), "IEHardenAdmin filtered out")
        names = visible_names(catalog)
        # the parents of a match stay: the Components header and the IE-ESC component row
        assert "Components" in names, names
        assert any("_Microsoft-Windows-IE-ESC_" in n for n in names), names
        assert not any("Shell-Setup" in n for n in names), names
        search.text = ""
        wait_for(lambda: any("Shell-Setup" in n for n in visible_names(catalog)), "the filter cleared")
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def test_image_chooser_and_cache():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    cache = os.path.join(work, "cache")
    wim = make_wim(work)
    ed = Editor("--image", wim, cache=cache)
    try:
        dialog = ed.find("dialog", "Choose a Windows Image")
        images = ed.find("table", "Images", dialog)
        rows = [c.name for c in images.findChildren(predicate.GenericPredicate(roleName="table cell"),
                                                    recursive=True)]
        for name, edition in IMAGES:
            assert name in rows and edition in rows, rows
        assert "amd64" in rows and "10.0.17763.1" in rows, rows
        ed.find("table cell", IMAGES[1][0], images).grabFocus()
        ed.find("push button", "Open", dialog).doActionNamed("click")
        wait_for(lambda: IMAGES[1][0] in ed.find("label", "Catalog source").text, "the chosen image's catalog")
        cached = os.listdir(os.path.join(cache, "unattend-editor"))
        assert len(cached) == 1 and cached[0].endswith("-2.catalog"), cached
    finally:
        ed.close()
    # the second open reads the cache: the catalog is there without the image being read
    os.rename(wim, wim + ".moved")
    os.symlink(wim + ".moved", wim)
    ed = Editor("--image", wim + ":2", cache=cache)
    try:
        wait_for(lambda: IMAGES[1][0] in ed.find("label", "Catalog source").text, "the cached catalog")
        ed.find("table cell", "amd64_Microsoft-Windows-IE-ESC_10.0.17763.1_neutral")
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def test_malformed_file():
    path = os.path.join(DATA, "malformed.xml")
    ed = Editor(path)
    try:
        texts, alert = alert_texts(ed, "Could not open")
        assert any("malformed.xml:4:" in t and ": error:" in t for t in texts), texts
        ed.find("push button", "Close", alert).doActionNamed("click")
        time.sleep(0.5)
        assert ed.proc.poll() is None, "the editor died"
        ed.find("tree table", "Answer File")
    finally:
        ed.close()


def test_synchronous_command_delete_unsaved():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "sysprep.xml")
    shutil.copyfile(os.path.join(DATA, "ie-esc.xml"), path)
    ed = Editor("--image", make_wim(work) + ":1", path)
    try:
        answer = ed.find("tree table", "Answer File")
        ed.find("table cell", "7 oobeSystem", answer).grabFocus()
        ed.key("shift+F10")
        ed.find("menu item", "Insert Synchronous Command…").doActionNamed("click")
        dialog = ed.find("dialog", "Insert Synchronous Command")
        ed.find("text", "Command", dialog).text = "cmd /c echo first logon"
        ed.find("push button", "Insert", dialog).doActionNamed("click")
        # oobeSystem's commands are Shell-Setup FirstLogonCommands, numbered from 1
        item = ed.find("table cell", 'SynchronousCommand[Order="1"]', answer)
        ed.find("table cell", "CommandLine  cmd /c echo first logon", answer)
        ed.find("table cell", "FirstLogonCommands", answer)
        ed.find("radio button", "XML").doActionNamed("click")
        xml = ed.find("text", "XML").text
        assert xml.count('name="Microsoft-Windows-Shell-Setup"') == 1, xml
        assert '<SynchronousCommand wcm:action="add">' in xml, xml

        # Add List Item on the container: the next Order
        ed.find("table cell", "FirstLogonCommands", answer).grabFocus()
        ed.key("shift+F10")
        ed.find("menu item", "Add List Item").doActionNamed("click")
        ed.find("table cell", 'SynchronousCommand[Order="2"]', answer)
        ed.key("ctrl+z")
        wait_for(lambda: 'Order="2"' not in " ".join(
            c.name for c in answer.findChildren(predicate.GenericPredicate(roleName="table cell"), recursive=True)),
            "the second item undone")
        # Write Empty String keeps the element with no text
        ed.find("table cell", "CommandLine  cmd /c echo first logon", answer).grabFocus()
        ed.key("shift+F10")
        ed.find("menu item", "Write Empty String").doActionNamed("click")
        wait_for(lambda: re.search(r"<CommandLine>\s*</CommandLine>|<CommandLine/>", ed.find("text", "XML").text),
                 "an empty CommandLine")
        ed.key("ctrl+z")

        item = ed.find("table cell", 'SynchronousCommand[Order="1"]', answer)
        item.grabFocus()
        ed.key("Delete")
        wait_for(lambda: "SynchronousCommand" not in ed.find("text", "XML").text, "the command deleted")
        ed.key("ctrl+z")
        wait_for(lambda: "SynchronousCommand" in ed.find("text", "XML").text, "the deletion undone")

        # unsaved changes: New asks first, Discard drops them
        ed.key("ctrl+n")
        alert = ed.find("alert", "Question")
        labels = [c.name for c in alert.findChildren(predicate.GenericPredicate(roleName="label"), recursive=True)]
        assert any("sysprep.xml" in t for t in labels), labels
        ed.find("push button", "Discard Changes", alert).doActionNamed("click")
        ed.find("frame", "Untitled")
        assert b"SynchronousCommand" not in open(path, "rb").read()
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def test_validation_live():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "invalid.xml")
    shutil.copyfile(os.path.join(DATA, "invalid.xml"), path)
    ed = Editor(path)
    try:
        messages = ed.find("table", "Validation messages")
        ed.find("radio button", "Validation (2 errors, 0 warnings)")
        # the same words unattend-tool validate prints, with the file's line and column
        ed.find("table cell", re.compile(r"^6:13: error: .IEHardenUser. must be true or false"), messages)
        unknown = ed.find("table cell", re.compile(r"^12:13: error: unknown setting .NoSuchSetting."), messages)
        # activating a message selects its node; Delete then removes it and the error goes
        unknown.doActionNamed("activate")
        wait_for(lambda: "NoSuchSetting" in ed.find("label", "Selected item").text, "the message's node selected")
        answer = ed.find("tree table", "Answer File")
        ed.find("table cell", "NoSuchSetting  1", answer).grabFocus()
        ed.key("Delete")
        ed.find("radio button", "Validation (1 error, 0 warnings)")

        # the selection follows the caret in the XML, and the XML marks the tree's selection
        ed.find("radio button", "XML").doActionNamed("click")
        xml = ed.find("text", "XML")
        xml.grabFocus()
        xml.queryText().setCaretOffset(xml.text.index("<TimeZone>") + 3)
        wait_for(lambda: ed.find("label", "Selected item").text.endswith("/TimeZone"), "TimeZone selected")
        ed.find("table cell", "IEHardenUser  maybe", answer).grabFocus()
        wait_for(lambda: xml.text[:xml.queryText().caretOffset].count("\n") == 5, "the caret on IEHardenUser's line")
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def test_offline_image_offered():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    wim = make_wim(work)
    text = open(os.path.join(DATA, "ie-esc.xml"), "rb").read().decode()
    record = (f'    <cpi:offlineImage cpi:source="wim:{wim}#{IMAGES[1][0]}" '
              'xmlns:cpi="urn:schemas-microsoft-com:cpi" />\r\n</unattend>')
    path = os.path.join(work, "recorded.xml")
    open(path, "wb").write(text.replace("</unattend>", record).encode())
    ed = Editor(path)
    try:
        ed.find("label", re.compile(r"^This answer file was made against .*install\.wim"))
        ed.find("push button", "Load").doActionNamed("click")
        wait_for(lambda: IMAGES[1][0] in ed.find("label", "Catalog source").text, "the recorded image's catalog")
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def test_hide_sensitive_data_and_close():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "password.xml")
    shutil.copyfile(os.path.join(DATA, "password.xml"), path)
    ed = Editor(path)
    try:
        answer = ed.find("tree table", "Answer File")
        ed.find("table cell", "AdministratorPassword", answer).grabFocus()
        # the Properties pane shows the password itself (masked) in an entry named after the setting
        value = ed.find("password text", "Value")
        assert len(value.text) == len("Password1234"), value.text
        ed.find("toggle button", "Main Menu").doActionNamed("click")
        ed.find("check box", "Hide Sensitive Data").doActionNamed("click")
        ed.find("radio button", "XML").doActionNamed("click")
        encoded = subprocess.run([os.environ["UE_TOOL"], "secret", "encode", "AdministratorPassword",
                                  "Password1234"], capture_output=True, text=True, check=True).stdout.strip()
        wait_for(lambda: f"<Value>{encoded}</Value>" in ed.find("text", "XML").text, "the password hidden")
        assert "<PlainText>false</PlainText>" in ed.find("text", "XML").text
        # still the password, not its encoding
        assert len(ed.find("password text", "Value").text) == len("Password1234")

        # closing with unsaved changes asks; Cancel keeps the window, Discard closes it
        ed.key("ctrl+q")
        ed.find("push button", "Cancel", ed.find("alert", "Question")).doActionNamed("click")
        time.sleep(0.5)
        assert ed.proc.poll() is None, "the editor quit although the user cancelled"
        ed.key("ctrl+q")
        ed.find("push button", "Discard Changes", ed.find("alert", "Question")).doActionNamed("click")
        ed.proc.wait(10)
        assert ed.proc.returncode == 0, ed.proc.returncode
        assert b"Password1234</Value>" in open(path, "rb").read()
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def click(node):
    x, y = center(node)
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
    time.sleep(0.3)


def test_type_then_select_another():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "sysprep.xml")
    shutil.copyfile(os.path.join(DATA, "ie-esc.xml"), path)
    ed = Editor(path)
    try:
        answer = ed.find("tree table", "Answer File")
        ed.find("table cell", "TimeZone  UTC", answer).grabFocus()
        click(ed.find("text", "TimeZone"))
        ed.key("ctrl+a")
        ed.type("Pacific Standard Time")
        # the user moves on with the mouse: what was typed is in the file, as one step
        click(ed.find("table cell", "IEHardenUser  false", answer))
        ed.find("table cell", "TimeZone  Pacific Standard Time", answer)
        ed.key("ctrl+z")
        ed.find("table cell", "TimeZone  UTC", answer)
        assert not ed.find("push button", "Undo").getState().contains(pyatspi.STATE_SENSITIVE)
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def test_drag_to_pass():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "sysprep.xml")
    shutil.copyfile(os.path.join(DATA, "ie-esc.xml"), path)
    ed = Editor("--image", make_wim(work) + ":1", path)
    try:
        catalog = ed.find("tree table", "Windows Image")
        answer = ed.find("tree table", "Answer File")
        wait_for(lambda: "SERVERSTANDARD" in ed.find("label", "Catalog source").text, "the catalog")
        ed.find("text", "Search settings").grabFocus()
        ed.type("TimeZone")
        source = ed.find("table cell", "TimeZone", catalog)
        target = ed.find("table cell", "4 specialize", answer)
        (sx, sy), (tx, ty) = center(source), center(target)
        subprocess.run(["xdotool", "mousemove", str(sx), str(sy), "mousedown", "1"], check=True)
        for step in range(1, 11):
            subprocess.run(["xdotool", "mousemove", str(sx + (tx - sx) * step // 10),
                            str(sy + (ty - sy) * step // 10)], check=True)
            time.sleep(0.05)
        time.sleep(0.3)
        subprocess.run(["xdotool", "mouseup", "1"], check=True)
        # the setting lands in a Shell-Setup component created in specialize
        ed.find("radio button", "XML").doActionNamed("click")
        wait_for(lambda: ed.find("text", "XML").text.count('name="Microsoft-Windows-Shell-Setup"') == 2,
                 "a Shell-Setup component in specialize")
        xml = ed.find("text", "XML").text
        specialize = xml[xml.index('pass="specialize"'):xml.index('pass="oobeSystem"')]
        assert "<TimeZone></TimeZone>" in specialize or "<TimeZone/>" in specialize, specialize
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def add_ie_harden_admin(ed):
    """Adds IEHardenAdmin to 4 specialize from the filtered catalog's context menu."""
    catalog = ed.find("tree table", "Windows Image")
    ed.key("ctrl+f")
    ed.type("IEHarden")
    ed.find("table cell", "IEHardenAdmin", catalog).grabFocus()
    ed.key("shift+F10")
    ed.find("menu item", "Add Setting to Pass 4 specialize").doActionNamed("click")
    return ed.find("check box", "IEHardenAdmin")


def take_screenshots(out):
    """The README's pictures: a file open with a setting selected, and the image chooser."""
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path = os.path.join(work, "sysprep.xml")
    shutil.copyfile(os.path.join(DATA, "ie-esc.xml"), path)
    wim = make_wim(work)
    ed = Editor("--image", wim + ":1", path)
    try:
        wait_for(lambda: "SERVERSTANDARD" in ed.find("label", "Catalog source").text, "the catalog")
        add_ie_harden_admin(ed).doActionNamed("click")
        ed.find("radio button", "XML").doActionNamed("click")
        window_shot(ed, os.path.join(out, "main-window.png"))
    finally:
        ed.close()
    ed = Editor("--image", wim, path)
    try:
        ed.find("dialog", "Choose a Windows Image")
        window_shot(ed, os.path.join(out, "image-chooser.png"))
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


TESTS = [
    ("/gui/window/edit-undo-redo-save", test_edit_undo_redo_save),
    ("/gui/window/filter-catalog", test_filter_catalog),
    ("/gui/window/malformed-file", test_malformed_file),
    ("/gui/window/image-chooser-and-cache", test_image_chooser_and_cache),
    ("/gui/window/synchronous-command-delete-unsaved", test_synchronous_command_delete_unsaved),
    ("/gui/window/drag-to-pass", test_drag_to_pass),
    ("/gui/window/validation-live", test_validation_live),
    ("/gui/window/offline-image-offered", test_offline_image_offered),
    ("/gui/window/hide-sensitive-data-and-close", test_hide_sensitive_data_and_close),
    ("/gui/window/type-then-select-another", test_type_then_select_another),
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS, take_screenshots))
