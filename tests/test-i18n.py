#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Translations (TAP output).
#   test-i18n.py po SRCROOT -- XGETTEXT-ARGS...
#     every po/LL.po of po/LINGUAS passes msgfmt --check with nothing untranslated or fuzzy, and
#     holds every message that xgettext finds in po/POTFILES.in today
#   test-i18n.py cli LOCALEDIR DESKTOP-FILE
#     the real unattend-tool speaks German under a de_DE.UTF-8 locale and English under C, with
#     the translations of the build tree (LOCALEDIR, handed over as UE_LOCALEDIR); the merged
#     .desktop file carries the German texts. Skipped when no German locale can be had.
import gettext
import os
import re
import shutil
import subprocess
import sys
import tempfile

from cli_tap import run_tests, test

DOMAIN = "unattend-editor"
MODE = sys.argv[1]


# ---- po files ---------------------------------------------------------------------------------

def po_messages(path):
    """The (msgctxt, msgid) keys of a .po/.pot and, for each, whether it has a translation.
    The header and obsolete (#~) entries are left out."""
    text = subprocess.run(["msgcat", "--no-wrap", "--no-location", path], check=True,
                          capture_output=True, text=True).stdout
    messages = {}
    for block in text.split("\n\n"):
        fields = {}
        last = None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                last = m.group(1)
                fields[last] = m.group(2)
            elif line.startswith('"') and last is not None:
                fields[last] += line[1:-1]
        if fields.get("msgid", "") == "":
            continue
        translated = all(v != "" for k, v in fields.items() if k.startswith("msgstr"))
        messages[(fields.get("msgctxt"), fields["msgid"])] = translated
    return messages


def linguas(srcroot):
    langs = []
    with open(os.path.join(srcroot, "po", "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                langs += line.split()
    return langs


def fresh_pot(srcroot, xgettext_args, tmp):
    pot = os.path.join(tmp, DOMAIN + ".pot")
    p = subprocess.run(["xgettext", "--package-name=" + DOMAIN, "-f",
                        os.path.join(srcroot, "po", "POTFILES.in"), "-D", srcroot, "-o", pot,
                        *xgettext_args], capture_output=True, text=True)
    if p.returncode != 0:
        raise AssertionError(f"xgettext failed:\n{p.stderr}")
    return pot


if MODE == "po":
    SRCROOT = sys.argv[2]
    XGETTEXT_ARGS = sys.argv[sys.argv.index("--") + 1:]

    @test
    def linguas_has_a_language(tmp):
        langs = linguas(SRCROOT)
        if not langs:
            raise AssertionError("po/LINGUAS names no language")
        for lang in langs:
            if not os.path.isfile(os.path.join(SRCROOT, "po", lang + ".po")):
                raise AssertionError(f"po/LINGUAS names {lang}, but po/{lang}.po is missing")

    @test
    def msgfmt_check_complete(tmp):
        problems = []
        for lang in linguas(SRCROOT):
            po = os.path.join(SRCROOT, "po", lang + ".po")
            p = subprocess.run(["msgfmt", "--check", "--check-accelerators=_", "--statistics",
                                "-o", os.devnull, po],
                               capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
            stats = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ""
            if p.returncode != 0:
                problems.append(f"{lang}.po: msgfmt --check failed:\n{p.stderr}")
            elif not re.fullmatch(r"\d+ translated messages?\.", stats):
                problems.append(f"{lang}.po: {stats}")
        if problems:
            raise AssertionError("\n".join(problems))

    @test
    def po_covers_every_message(tmp):
        template = po_messages(fresh_pot(SRCROOT, XGETTEXT_ARGS, tmp))
        if len(template) < 100:
            raise AssertionError(f"xgettext found only {len(template)} messages: wrong arguments?")
        problems = []
        for lang in linguas(SRCROOT):
            have = po_messages(os.path.join(SRCROOT, "po", lang + ".po"))
            missing = [key for key in template if not have.get(key)]
            if missing:
                problems.append(f"po/{lang}.po lacks {len(missing)} of {len(template)} messages "
                                "(ninja unattend-editor-update-po, then translate):")
                problems += [f"  msgid \"{msgid}\"" + (f" (msgctxt \"{ctx}\")" if ctx else "")
                             for ctx, msgid in missing]
        if problems:
            raise AssertionError("\n".join(problems))

    sys.exit(run_tests("i18n/po"))


# ---- the tool in German -----------------------------------------------------------------------

TOOL = os.environ["UE_TOOL"]
LOCALEDIR = sys.argv[2]
DESKTOP_FILE = sys.argv[3]
LOCALE_DIR = tempfile.mkdtemp(prefix="ue-locale-")


def german_locale():
    """Environment entries selecting a de_DE UTF-8 locale, or None when there is none: the system's
    own, else one compiled with localedef into a private folder for LOCPATH."""
    p = subprocess.run(["locale", "-a"], capture_output=True, text=True)
    for name in p.stdout.split():
        if name.lower() in ("de_de.utf8", "de_de.utf-8"):
            return {"LC_ALL": name}
    if shutil.which("localedef") is None:
        return None
    subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8",
                    os.path.join(LOCALE_DIR, "de_DE.UTF-8")], capture_output=True)
    env = {"LOCPATH": LOCALE_DIR, "LC_ALL": "de_DE.UTF-8"}
    # localedef exits non-zero on mere warnings: ask the C library whether the locale loads
    p = subprocess.run(["locale", "charmap"], capture_output=True, text=True,
                       env=dict(os.environ, **env))
    if p.returncode != 0 or p.stdout.strip() != "UTF-8" or p.stderr:
        return None
    return env


GERMAN = german_locale()
catalog = gettext.translation(DOMAIN, localedir=LOCALEDIR, languages=["de"], fallback=True)


def de(msgid):
    text = catalog.gettext(msgid)
    if text == msgid:
        raise AssertionError(f"no German translation of {msgid!r} in {LOCALEDIR}")
    return text


def run(locale_env, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(locale_env, UE_LOCALEDIR=LOCALEDIR)
    return subprocess.run([TOOL, *args], capture_output=True, env=env)


C = {"LC_ALL": "C"}


@test
def usage_error_in_german(tmp):
    english = "Usage: unattend-tool COMMAND [ARGS…]"
    for env, want in ((GERMAN, de(english)), (C, english)):
        p = run(env, "no-such-command")
        err = p.stderr.decode("utf-8")
        if p.returncode != 2:
            raise AssertionError(f"{env}: exit {p.returncode}, expected 2\n{err}")
        if want not in err.splitlines():
            raise AssertionError(f"{env}: expected the line {want!r} in:\n{err}")
    # the unknown command's own message too, with its argument in place
    line = run(GERMAN, "no-such-command").stderr.decode("utf-8")
    want = de("unknown command “%s”") % "no-such-command"
    if want not in line:
        raise AssertionError(f"expected {want!r} in:\n{line}")


@test
def validate_message_in_german(tmp):
    path = os.path.join(tmp, "bad.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?>\n<unattend xmlns="urn:schemas-microsoft-com:unattend">\n'
                '  <settings pass="nonsense"/>\n</unattend>\n')
    msgid = ("unknown pass “%s”; the passes are windowsPE, offlineServicing, generalize, "
             "specialize, auditSystem, auditUser, oobeSystem")
    for env, text in ((C, msgid % "nonsense"), (GERMAN, de(msgid) % "nonsense")):
        p = run(env, "validate", path)
        err = p.stderr.decode("utf-8")
        want = f"{path}:3:13: error: {text}"
        if p.returncode != 1 or want not in err.splitlines():
            raise AssertionError(f"{env}: exit {p.returncode}, expected 1 and the line\n{want}\nin:\n{err}")


@test
def plural_forms_in_german(tmp):
    singular, plural = "%s  (%u setting)\n", "%s  (%u settings)\n"
    english = run(C, "catalog", "show").stdout.decode("utf-8").splitlines()
    german = run(GERMAN, "catalog", "show").stdout.decode("utf-8").splitlines()
    counts = set()
    for en, de_line in zip(english, german):
        m = re.fullmatch(r"(\S+)  \((\d+) settings?\)", en)
        if m:
            n = int(m.group(2))
            counts.add(min(n, 2))
            want = catalog.ngettext(singular, plural, n) % (m.group(1), n)
            if de_line + "\n" != want:
                raise AssertionError(f"for {en!r} expected {want!r}, got {de_line!r}")
    if counts != {1, 2}:
        raise AssertionError(f"catalog show listed no component with one and with several settings: {english[:5]}")
    if catalog.ngettext(singular, plural, 1) in (singular, catalog.ngettext(singular, plural, 2)):
        raise AssertionError("the setting count has no German singular and plural of its own")


@test
def template_titles_in_german(tmp):
    english = run(C, "new", "--list").stdout.decode("utf-8").splitlines()
    german = run(GERMAN, "new", "--list").stdout.decode("utf-8").splitlines()
    if not english or len(english) != len(german):
        raise AssertionError(f"new --list: {english} / {german}")
    for en, de_line in zip(english, german):
        name, title = en.split(None, 1)
        if de_line.split(None, 1) != [name, de(title)]:
            raise AssertionError(f"expected {name} {de(title)!r}, got {de_line!r}")


@test
def desktop_file_in_german(tmp):
    with open(DESKTOP_FILE, encoding="utf-8") as f:
        entries = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
    for key in ("Comment", "Keywords"):
        if entries.get(f"{key}[de]") != de(entries[key]):
            raise AssertionError(f"{key}[de] is {entries.get(key + '[de]')!r}, expected {de(entries[key])!r} "
                                 "(after a change to a .po file, a build made before it keeps the old .desktop)")


code = run_tests("i18n/cli", None if GERMAN else "no de_DE.UTF-8 locale (locale -a, localedef)")
shutil.rmtree(LOCALE_DIR, ignore_errors=True)
sys.exit(code)
