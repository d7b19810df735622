#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The man pages in data/: `lint PAGE` formats one with man-db and fails on any groff warning;
# `tool PAGE` / `editor PAGE` check that the page documents every command and option the
# program's --help lists, so the pages keep in step with the code. Exit 77 = skipped.
import os
import re
import shutil
import subprocess
import sys

SKIP = 77


def lint(page):
    if shutil.which("man") is None or shutil.which("groff") is None:
        print("man or groff is not installed (Debian packages man-db, groff-base)")
        return SKIP
    # 80 columns: the width a terminal and most readers have; LANG=C keeps groff's messages English
    env = dict(os.environ, MANWIDTH="80", LANG="C.UTF-8", MAN_KEEP_STDERR="1")
    p = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", page], env=env, capture_output=True, text=True)
    if p.returncode != 0 or p.stderr.strip():
        print(f"{page}: man exited {p.returncode}:\n{p.stderr}")
        return 1
    if "NAME" not in p.stdout or len(p.stdout.splitlines()) < 20:
        print(f"{page}: formatted to almost nothing:\n{p.stdout}")
        return 1
    return 0


def help_text(*args):
    p = subprocess.run([*args, "--help"], capture_output=True, text=True, env=dict(os.environ, LANG="C"))
    if p.returncode != 0:
        raise AssertionError(f"{args} --help exited {p.returncode}: {p.stderr}")
    return p.stdout


def options(text):
    """The -x and --long options a GOption --help lists under 'Application Options'."""
    found = []
    section = text.split("Application Options:", 1)
    for line in (section[1] if len(section) > 1 else "").splitlines():
        m = re.match(r"\s+(?:(-\w), )?(--[\w-]+)", line)
        if m:
            found += [o for o in m.groups() if o is not None]
    return found


def sections(page):
    """The text of each .SS subsection, by its title."""
    result = {}
    current = None
    for line in open(page, encoding="utf-8"):
        if line.startswith(".SH"):
            current = None
        elif line.startswith(".SS "):
            current = line[4:].strip().strip('"')
            result[current] = ""
        elif current is not None:
            result[current] += line
    return result


def escaped(option):
    # man(7) source writes the dashes of an option as \-
    return option.replace("-", "\\-")


def check_tool(page):
    tool = os.environ["UE_TOOL"]
    commands = re.findall(r"^\s+unattend-tool (\S+)", help_text(tool), re.M)
    if len(commands) < 5:
        raise AssertionError(f"unattend-tool --help lists too few commands: {commands}")
    documented = sections(page)
    problems = []
    for command in commands:
        if command not in documented:
            problems.append(f"command “{command}” has no .SS section")
            continue
        # catalog's --help is its subcommands'
        helps = ([help_text(tool, "catalog", sub) for sub in ("build", "show")] if command == "catalog"
                 else [] if command == "secret" else [help_text(tool, command)])
        for text in helps:
            for option in options(text):
                if escaped(option) not in documented[command]:
                    problems.append(f"option {option} of “{command}” is not in its section")
    for title in documented:
        if title not in commands:
            problems.append(f"section “{title}” names no command of unattend-tool --help")
    return problems


def check_editor(page):
    editor = os.environ.get("UE_EDITOR")
    if editor is None:
        print("the editor is not built (-Dgui=false)")
        return None
    text = open(page, encoding="utf-8").read()
    opts = options(help_text(editor))
    # GTK adds --display under Application Options; it is GTK's, not ours
    opts = [o for o in opts if o != "--display"]
    if "--image" not in opts:
        raise AssertionError(f"unattend-editor --help lists no --image: {opts}")
    return [f"option {o} is not in the page" for o in opts if escaped(o) not in text]


def main():
    mode, page = sys.argv[1], sys.argv[2]
    if mode == "lint":
        return lint(page)
    problems = check_tool(page) if mode == "tool" else check_editor(page)
    if problems is None:
        return SKIP
    for p in problems:
        print(f"{page}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
