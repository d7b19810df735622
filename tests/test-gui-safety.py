#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-gui-safety.py — the editor never loses the user's work (TAP output).

Unsaved work survives a killed editor: modified documents go to
$XDG_STATE_HOME/unattend-editor/autosave once a minute of editing (UE_AUTOSAVE_SECONDS=1
here), and an editor started after a SIGKILL offers the work in an info bar. A save that
fails (the disk full: RLIMIT_FSIZE) or would overwrite another program's changes leaves the
file as it was and the document modified.
"""
import configparser
import glob
import os
import resource
import shutil
import signal
import stat
import sys
import tempfile
import time

from gui_util import DATA, Editor, alert_texts, pyatspi, run_tests, wait_for

FAST = {"UE_AUTOSAVE_SECONDS": "1"}


def slots(state):
    return sorted(glob.glob(os.path.join(state, "unattend-editor", "autosave", "*.ini")))


def slot_data(ini):
    return open(ini[:-4] + ".xml", "rb").read()


def slot_info(ini):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ini)
    return parser["Autosave"]


def showing(node):
    return node.getState().contains(pyatspi.STATE_SHOWING)


def offer_shown(ed):
    """The recovery info bar is on screen (a hidden one may be absent from the tree)."""
    try:
        return showing(ed.find("label", "Unsaved work", tries=4))
    except AssertionError:
        return False


def setup(work):
    path = os.path.join(work, "sysprep.xml")
    shutil.copyfile(os.path.join(DATA, "ie-esc.xml"), path)
    return path, open(path, "rb").read()


def toggle_ie_harden_user(ed):
    """IEHardenUser false -> true through the Properties pane."""
    answer = ed.find("tree table", "Answer File")
    ed.find("table cell", "IEHardenUser  false", answer).grabFocus()
    ed.find("check box", "IEHardenUser").doActionNamed("click")
    ed.find("table cell", "IEHardenUser  true", answer)


def edit_then_kill(path, state):
    """An editor that changes the file, autosaves and is killed; returns the slot's .ini."""
    ed = editing(state, path)
    try:
        assert b"<IEHardenUser>true</IEHardenUser>" in slot_data(slots(state)[0])
        ed.proc.send_signal(signal.SIGKILL)
        ed.proc.wait(10)
    finally:
        ed.close()
    return slots(state)[0]


def test_recover_after_kill():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    state = os.path.join(work, "state")
    path, original = setup(work)
    try:
        ini = edit_then_kill(path, state)
        # the user's file is untouched; the slot is theirs alone (passwords may be in it)
        assert open(path, "rb").read() == original
        assert slot_info(ini)["original-path"] == path
        for f in (ini, ini[:-4] + ".xml"):
            assert stat.S_IMODE(os.stat(f).st_mode) == 0o600, oct(os.stat(f).st_mode)
        assert stat.S_IMODE(os.stat(os.path.dirname(ini)).st_mode) == 0o700

        ed = Editor(state=state, env=FAST)
        try:
            bar = ed.find("label", "Unsaved work")
            assert showing(bar), "the recovery offer is not shown"
            assert "sysprep.xml" in bar.text, bar.text
            ed.find("push button", "Recover").doActionNamed("click")
            # the work is back, unsaved, under its file's name
            ed.find("frame", "*sysprep.xml")
            ed.find("table cell", "IEHardenUser  true", ed.find("tree table", "Answer File"))
            wait_for(lambda: not showing(bar), "the offer to go away")
            # this editor now keeps the slot, in its own name
            assert slots(state) == [ini]
            wait_for(lambda: slot_info(ini)["pid"] == str(ed.proc.pid), "the slot taken over")
            # still the user's file's work, should this editor crash too
            assert slot_info(ini)["original-path"] == path, dict(slot_info(ini))
            assert open(path, "rb").read() == original

            # closing asks about the recovered changes; discarding them removes the slot
            ed.key("ctrl+q")
            ed.find("push button", "Discard Changes", ed.find("alert", "Question")).doActionNamed("click")
            ed.proc.wait(10)
            assert ed.proc.returncode == 0, ed.proc.returncode
            assert slots(state) == [], slots(state)
            assert open(path, "rb").read() == original
        finally:
            ed.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_save_recovered_work():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    state = os.path.join(work, "state")
    path, original = setup(work)
    try:
        ini = edit_then_kill(path, state)
        ed = Editor(state=state, env=FAST)
        try:
            ed.find("push button", "Recover").doActionNamed("click")
            ed.find("frame", "*sysprep.xml")
            # saving asks where, suggesting the file the work belongs to
            ed.key("ctrl+s")
            chooser = ed.find("file chooser", "Save Answer File")
            name = chooser.findChild(lambda n: n.roleName == "text" and n.text == "sysprep.xml", retry=False,
                                     requireResult=False)
            assert name is not None, "the chooser does not suggest the recovered file's name"
            ed.find("toggle button", os.path.basename(work), chooser)
            ed.find("push button", "Save", chooser).doActionNamed("click")
            # the original is still there: replacing it is asked, then done
            _, alert = alert_texts(ed, "A file named “sysprep.xml” already exists")
            ed.find("push button", "Replace", alert).doActionNamed("click")
            wait_for(lambda: b"<IEHardenUser>true</IEHardenUser>" in open(path, "rb").read(), "the work saved")
            ed.find("frame", "sysprep.xml")
            wait_for(lambda: slots(state) == [], "the slot removed once the work is saved")
            assert not os.path.exists(ini)
        finally:
            ed.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_discard_offer():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    state = os.path.join(work, "state")
    path, original = setup(work)
    try:
        ini = edit_then_kill(path, state)
        ed = Editor(state=state, env=FAST)
        try:
            assert offer_shown(ed)
            ed.find("push button", "Discard").doActionNamed("click")
            wait_for(lambda: not os.path.exists(ini) and not os.path.exists(ini[:-4] + ".xml"), "the slot removed")
        finally:
            ed.close()
        # nothing is offered any more
        ed = Editor(state=state, env=FAST)
        try:
            # the offer is made before the window shows
            ed.find("frame", "Untitled")
            assert not offer_shown(ed), "discarded work offered again"
        finally:
            ed.close()
        assert open(path, "rb").read() == original
    finally:
        shutil.rmtree(work, ignore_errors=True)


def editing(state, path):
    """An editor whose edit has been autosaved."""
    ed = Editor(path, state=state, env=FAST)
    try:
        toggle_ie_harden_user(ed)
        wait_for(lambda: len(slots(state)) == 1, "the edit autosaved")
    except Exception:
        ed.close()
        raise
    return ed


def test_save_and_undo_drop_the_slot():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    state = os.path.join(work, "state")
    path, original = setup(work)
    ed = editing(state, path)
    try:
        # undone to what is on disk: nothing to recover
        ed.key("ctrl+z")
        ed.find("frame", "sysprep.xml")
        wait_for(lambda: slots(state) == [], "the slot removed after undo")
        time.sleep(1.5)
        assert slots(state) == [], "an unmodified document was autosaved"
        ed.key("ctrl+shift+z")
        wait_for(lambda: len(slots(state)) == 1, "the redone edit autosaved")
        ed.key("ctrl+s")
        wait_for(lambda: b"<IEHardenUser>true</IEHardenUser>" in open(path, "rb").read(), "the file saved")
        wait_for(lambda: slots(state) == [], "the slot removed after saving")
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def test_running_editor_keeps_its_slot():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    state = os.path.join(work, "state")
    path, _ = setup(work)
    first = editing(state, path)
    try:
        # a second editor must not offer work an editor still holds open
        second = Editor(state=state, env=FAST)
        try:
            second.find("frame", "Untitled")
            assert not offer_shown(second), "a live editor's work offered"
        finally:
            second.close()
        assert len(slots(state)) == 1
    finally:
        first.close()
        shutil.rmtree(work, ignore_errors=True)


def test_state_folder_unwritable():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path, original = setup(work)
    # the state "folder" is a file: no autosave folder can be made in it
    state = os.path.join(work, "state-is-a-file")
    open(state, "w").close()
    ed = Editor(path, state=state, env=FAST)
    try:
        toggle_ie_harden_user(ed)
        status = ed.find("label", "Status")
        wait_for(lambda: status.text.startswith("Unsaved work could not be kept for recovery:"), "the failure reported")
        # editing and saving go on
        ed.key("ctrl+s")
        wait_for(lambda: b"<IEHardenUser>true</IEHardenUser>" in open(path, "rb").read(), "the file saved")
        ed.find("frame", "sysprep.xml")
        assert os.path.getsize(state) == 0
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def small_disk():
    """In the editor's process: files may not grow past 300 bytes, as on a full disk
    (SIGXFSZ ignored, as a signal ignored before exec stays ignored: writes fail with EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (300, 300))


def test_failed_save_keeps_file_and_changes():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path, original = setup(work)
    ed = Editor(path, state=os.path.join(work, "state"), preexec=small_disk)
    try:
        toggle_ie_harden_user(ed)
        ed.key("ctrl+s")
        texts, alert = alert_texts(ed, "Could not save")
        assert any("sysprep.xml: error:" in t for t in texts), texts
        ed.find("push button", "Close", alert).doActionNamed("click")
        # the old file byte for byte, no temporary file left, the edit still there and unsaved
        assert open(path, "rb").read() == original
        assert [f for f in os.listdir(work) if f != "state"] == ["sysprep.xml"], os.listdir(work)
        ed.find("frame", "*sysprep.xml")
        ed.find("table cell", "IEHardenUser  true", ed.find("tree table", "Answer File"))
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


def test_changed_on_disk_asks():
    work = tempfile.mkdtemp(prefix="ue-gui-")
    path, original = setup(work)
    ed = Editor(path, state=os.path.join(work, "state"))
    try:
        toggle_ie_harden_user(ed)
        theirs = original.replace(b"<TimeZone>UTC</TimeZone>", b"<TimeZone>Pacific Standard Time</TimeZone>")
        with open(path, "wb") as f:
            f.write(theirs)
        ed.key("ctrl+s")
        _, alert = alert_texts(ed, "“sysprep.xml” was changed by another program")
        ed.find("push button", "Cancel", alert).doActionNamed("click")
        wait_for(lambda: not [c for c in ed.app.children if c.roleName == "alert"], "the question to close")
        ed.find("frame", "*sysprep.xml")
        assert open(path, "rb").read() == theirs, "the other program's changes were overwritten"
        # keeping their file is the user's choice, not an error to report (it would have
        # opened as the question closed)
        assert [c for c in ed.app.children if c.roleName == "alert"] == [], "a dialog after Cancel"
        ed.find("frame", "*sysprep.xml")
        ed.key("ctrl+s")
        _, alert = alert_texts(ed, "“sysprep.xml” was changed by another program")
        ed.find("push button", "Replace", alert).doActionNamed("click")
        wait_for(lambda: b"<IEHardenUser>true</IEHardenUser>" in open(path, "rb").read(), "the file replaced")
        ed.find("frame", "sysprep.xml")
    finally:
        ed.close()
        shutil.rmtree(work, ignore_errors=True)


TESTS = [
    ("/gui/recovery/recover-after-kill", test_recover_after_kill),
    ("/gui/recovery/save-recovered-work", test_save_recovered_work),
    ("/gui/recovery/discard-offer", test_discard_offer),
    ("/gui/recovery/save-and-undo-drop-the-slot", test_save_and_undo_drop_the_slot),
    ("/gui/recovery/running-editor-keeps-its-slot", test_running_editor_keeps_its_slot),
    ("/gui/recovery/state-folder-unwritable", test_state_folder_unwritable),
    ("/gui/save/failed-save-keeps-file-and-changes", test_failed_save_keeps_file_and_changes),
    ("/gui/save/changed-on-disk-asks", test_changed_on_disk_asks),
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS))
