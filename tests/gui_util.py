# SPDX-License-Identifier: GPL-3.0-or-later
"""gui_util.py — what the AT-SPI tests of the editor share (tests/test-gui-*.py).

Importing it runs the test script again under `dbus-run-session -- xvfb-run -a` (a private
session bus and X server) and relays the TAP lines the inner run writes to a pipe: services
the bus starts (the AT-SPI registry) print to its stdout. Every step finds controls by their
accessible names, as a screen reader user or a script would.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback


def run_outer():
    read_fd, write_fd = os.pipe()
    # the accessibility bus puts its socket in $XDG_RUNTIME_DIR (else ~/.cache/at-spi): a
    # private one keeps GUI tests that run at the same time off each other's bus
    runtime = tempfile.mkdtemp(prefix="ue-gui-runtime-")
    env = dict(os.environ, UE_GUI_TAP_FD=str(write_fd), XDG_RUNTIME_DIR=runtime)
    proc = subprocess.Popen(["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                             sys.executable, os.path.abspath(sys.argv[0]), *sys.argv[1:]],
                            env=env, pass_fds=(write_fd,), stdout=sys.stderr)
    os.close(write_fd)
    with os.fdopen(read_fd) as tap:
        for line in tap:
            sys.stdout.write(line)
            sys.stdout.flush()
    status = proc.wait()
    shutil.rmtree(runtime, ignore_errors=True)
    return status


# importing this module from a test script runs the script again inside the private session
if "UE_GUI_TAP_FD" not in os.environ:
    sys.exit(run_outer())

# dogtail and pyatspi print to stdout, from import time on: TAP goes to the pipe
TAP = os.fdopen(int(os.environ["UE_GUI_TAP_FD"]), "w")
os.dup2(2, 1)

os.environ.setdefault("GTK_A11Y", "atspi")
os.environ["NO_AT_BRIDGE"] = "0"

from dogtail.config import config  # noqa: E402

config.checkForA11y = False
config.searchCutoffCount = 40
config.defaultDelay = 0.3
config.logDebugToFile = False

import pyatspi  # noqa: E402

# a call to a busy or vanished application fails after seconds, not D-Bus's 25 s
pyatspi.setTimeout(3000, 15000)
from dogtail import predicate, tree  # noqa: E402

EDITOR = os.environ["UE_EDITOR"]
DATA = os.path.join(os.environ["UE_TEST_DATA"], "gui")
CATALOG_SOURCES = os.path.join(os.path.dirname(os.environ["UE_TEST_DATA"]), "..", "data", "catalog")
IMAGES = [("Windows Server 2019 SERVERSTANDARD", "ServerStandard"),
          ("Windows Server 2019 SERVERDATACENTER", "ServerDatacenter")]


PACKAGES = os.path.join(os.environ["UE_TEST_DATA"], "manifests", "packages")


def make_wim(directory, images=IMAGES, packages=()):
    """A small install.wim whose images hold a few real component manifests and the named
    .mum packages of tests/data/manifests/packages."""
    root = os.path.join(directory, "image")
    manifests = os.path.join(root, "Windows", "WinSxS", "Manifests")
    os.makedirs(manifests)
    if packages:
        servicing = os.path.join(root, "Windows", "servicing", "Packages")
        os.makedirs(servicing)
        for name in packages:
            shutil.copy(os.path.join(PACKAGES, name), servicing)
    for component in ["IE-ESC", "Shell-Setup", "Deployment", "Setup"]:
        text = open(os.path.join(CATALOG_SOURCES, f"Microsoft-Windows-{component}.manifest")).read()
        # the default catalog's sources list every architecture; an image holds one
        text = re.sub(r'processorArchitecture="[^"]*"', 'processorArchitecture="amd64"', text, count=1)
        name = f"amd64_microsoft-windows-{component.lower()}_31bf3856ad364e35_10.0.17763.1_none_0.manifest"
        open(os.path.join(manifests, name), "w").write(text)
    wim = os.path.join(directory, "install.wim")
    for i, (name, edition) in enumerate(images, 1):
        subprocess.run(["wimlib-imagex", "capture" if i == 1 else "append", root, wim, name],
                       check=True, capture_output=True)
        subprocess.run(["wimlib-imagex", "info", wim, str(i),
                        "--image-property", "WINDOWS/ARCH=9",
                        "--image-property", f"WINDOWS/EDITIONID={edition}",
                        "--image-property", "WINDOWS/VERSION/MAJOR=10",
                        "--image-property", "WINDOWS/VERSION/MINOR=0",
                        "--image-property", "WINDOWS/VERSION/BUILD=17763",
                        "--image-property", "WINDOWS/VERSION/SPBUILD=1"],
                       check=True, capture_output=True)
    return wim
PASSES = ["1 windowsPE", "2 offlineServicing", "3 generalize", "4 specialize",
          "5 auditSystem", "6 auditUser", "7 oobeSystem"]


class Editor:
    """One editor process and its accessible application."""

    def __init__(self, *args, cache=None, state=None, env=None, preexec=None):
        env = dict(os.environ, GTK_A11Y="atspi", NO_AT_BRIDGE="0", GSETTINGS_BACKEND="memory", **(env or {}))
        self.home = tempfile.mkdtemp(prefix="ue-gui-home-")
        env["XDG_DATA_HOME"] = self.home
        env["XDG_CACHE_HOME"] = cache or self.home
        # autosaved work of an editor a test ends lands here, not in the user's state folder
        env["XDG_STATE_HOME"] = state or self.home
        self.proc = subprocess.Popen([EDITOR, *args], env=env, preexec_fn=preexec)
        self.app = None
        seen = []
        for _ in range(100):
            # by process: the registry may still list the editor a previous test ended
            desktop = pyatspi.Registry.getDesktop(0)
            seen = []
            for i in range(desktop.childCount):
                try:
                    app = desktop.getChildAtIndex(i)
                    pid = app.get_process_id()
                    seen.append((app.name, pid))
                    if pid == self.proc.pid:
                        self.app = app
                except Exception as error:
                    seen.append(("?", str(error)))
            if self.app is not None:
                break
            if self.proc.poll() is not None:
                raise RuntimeError(f"editor exited with {self.proc.returncode}")
            time.sleep(0.2)
        if self.app is None:
            raise RuntimeError(f"the editor (pid {self.proc.pid}) never showed up on the accessibility bus: {seen}")
        # Xvfb has no window manager to give the window the X input focus that typed
        # keys need; AT-SPI's synthesized keys do not reach GTK there, XTest's do
        for _ in range(50):
            ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid)],
                                 capture_output=True, text=True).stdout.split()
            if ids:
                self.window_id = ids[0]
                break
            time.sleep(0.2)
        else:
            raise RuntimeError("no X window for the editor")
        self.focus()

    def focus(self):
        subprocess.run(["xdotool", "windowfocus", self.window_id], check=True)
        time.sleep(0.2)

    def key(self, *keys):
        subprocess.run(["xdotool", "key", "--delay", "50", *keys], check=True)
        time.sleep(0.3)

    def type(self, text):
        subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)
        time.sleep(0.3)

    def find(self, role, name, parent=None, tries=40):
        """The first control of that role whose accessible name is name (or matches a regex)."""
        parent = parent or self.app
        if hasattr(name, "search"):
            def match(node):
                return node.roleName == role and name.search(node.name or "") is not None
        else:
            def match(node):
                return node.roleName == role and node.name == name
        for _ in range(tries):
            node = parent.findChild(match, retry=False, requireResult=False)
            if node is not None:
                return node
            time.sleep(0.25)
        raise AssertionError(f"no {role} named {name!r}")

    def close(self):
        if sys.exc_info()[0] is not None:
            # the screen as the failing test left it
            shot = os.path.join(tempfile.gettempdir(), f"ue-gui-failure-{os.getpid()}-{time.time():.0f}.png")
            if subprocess.run(["import", "-window", "root", shot], capture_output=True).returncode == 0:
                print(f"screenshot of the failure: {shot}", file=sys.stderr)
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.home, ignore_errors=True)


def wait_for(condition, what, timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def alert_texts(ed, title_start):
    """The labels of the dialog whose first line starts with title_start, and the dialog."""
    for _ in range(40):
        # dialogs are top-level windows of the application
        for alert in [c for c in ed.app.children if c.roleName == "alert"]:
            texts = [c.name for c in alert.findChildren(predicate.GenericPredicate(roleName="label"), recursive=True)]
            if any(t.startswith(title_start) for t in texts):
                return texts, alert
        time.sleep(0.25)
    raise AssertionError(f"no dialog starting {title_start!r}")


def checked(node):
    return node.getState().contains(pyatspi.STATE_CHECKED)


def visible_names(table):
    return {c.name for c in table.findChildren(predicate.GenericPredicate(roleName="table cell"),
                                               recursive=True)
            if c.name and c.getState().contains(pyatspi.STATE_SHOWING)}


def center(node):
    x, y = node.position
    w, h = node.size
    return x + min(w // 2, 60), y + h // 2


def window_shot(ed, path):
    """The screen cut to the main window, with any dialog over it (its own X window)."""
    time.sleep(1)
    geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", ed.window_id],
                              capture_output=True, text=True, check=True).stdout
    g = dict(line.split("=", 1) for line in geometry.split())
    crop = f"{g['WIDTH']}x{g['HEIGHT']}+{g['X']}+{g['Y']}"
    subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", path], check=True)


def run_tests(tests, take_screenshots=None):
    """Runs (name, function) pairs, or those named on the command line; TAP on the pipe.
    --screenshots DIR calls take_screenshots(DIR) instead."""
    if sys.argv[1:2] == ["--screenshots"] and take_screenshots is not None:
        take_screenshots(sys.argv[2])
        return 0
    only = sys.argv[1:]
    tests = [t for t in tests if not only or t[0] in only]
    print(f"1..{len(tests)}", file=TAP, flush=True)
    failed = 0
    for i, (name, func) in enumerate(tests, 1):
        try:
            func()
            print(f"ok {i} {name}", file=TAP, flush=True)
        except Exception:
            failed += 1
            print(f"not ok {i} {name}", file=TAP, flush=True)
            for line in traceback.format_exc().splitlines():
                print(f"# {line}", file=TAP, flush=True)
    return 1 if failed else 0
