#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# data/ names the application by one id (meson's app_id, the GtkApplication's): the .desktop
# file's icon, the metainfo's id and launchable, the settings schema and the icon files. The
# icons render with the SVG loader GTK uses, the symbolic one drawn as GTK 3 recolours it
# (filled paths of one colour, no strokes). Exit 77 = skipped.
import os
import re
import sys
import xml.etree.ElementTree as ET

SRC = os.path.join(os.path.dirname(os.environ["UE_TEST_DATA"]), "..")
APP_ID = sys.argv[1]
ICONS = os.path.join(SRC, "data", "icons", "hicolor")
SCALABLE = os.path.join(ICONS, "scalable", "apps", APP_ID + ".svg")
SYMBOLIC = os.path.join(ICONS, "symbolic", "apps", APP_ID + "-symbolic.svg")
SVG = "{http://www.w3.org/2000/svg}"

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


desktop = open(os.path.join(SRC, "data", APP_ID + ".desktop.in"), encoding="utf-8").read()
check(re.search(rf"^Icon={re.escape(APP_ID)}$", desktop, re.M), f".desktop Icon= is not {APP_ID}")
metainfo = ET.parse(os.path.join(SRC, "data", APP_ID + ".metainfo.xml.in")).getroot()
check(metainfo.findtext("id") == APP_ID, f"metainfo id is {metainfo.findtext('id')}")
check(metainfo.findtext("launchable") == APP_ID + ".desktop", f"metainfo launchable is {metainfo.findtext('launchable')}")
check({b.text for b in metainfo.iter("binary")} == {"unattend-editor", "unattend-tool"},
      "metainfo provides other binaries than unattend-editor and unattend-tool")
schema = ET.parse(os.path.join(SRC, "data", APP_ID + ".gschema.xml")).getroot().find("schema")
check(schema.get("id") == APP_ID and schema.get("path") == "/" + APP_ID.replace(".", "/") + "/",
      f"the settings schema is {schema.get('id')} at {schema.get('path')}")
resources = ET.parse(os.path.join(SRC, "data", "icons.gresource.xml")).getroot()
listed = {os.path.join(ICONS, f.text) for f in resources.iter("file")}
check(listed == {SCALABLE, SYMBOLIC}, f"icons.gresource.xml lists {sorted(listed)}")

# the symbolic icon: 16 px, paths only, one fill, no stroke
root = ET.parse(SYMBOLIC).getroot()
check(root.get("viewBox") == "0 0 16 16", f"symbolic viewBox is {root.get('viewBox')}")
shapes = [e for e in root.iter() if e.tag != SVG + "svg"]
check(shapes and all(e.tag == SVG + "path" for e in shapes), "the symbolic icon holds more than paths")
check(not any(e.get("stroke") or "stroke" in (e.get("style") or "") for e in shapes), "the symbolic icon has strokes")
fills = {e.get("fill") for e in shapes}
check(len(fills) == 1, f"the symbolic icon has fills {fills}")
root = ET.parse(SCALABLE).getroot()
check(root.get("viewBox") == "0 0 128 128", f"scalable viewBox is {root.get('viewBox')}")

try:
    import gi
    gi.require_version("GdkPixbuf", "2.0")
    from gi.repository import GdkPixbuf, GLib
except (ImportError, ValueError) as error:
    print(f"GdkPixbuf from PyGObject is missing ({error}): icons not rendered (python3-gi, gir1.2-gtk-3.0)")
    for p in problems:
        print(p)
    sys.exit(1 if problems else 77)


def pixels(path, size):
    try:
        pixbuf = GdkPixbuf.Pixbuf.new_from_file_at_size(path, size, size)
    except GLib.Error as error:
        problems.append(f"{path}: {error.message}")
        return []
    check(pixbuf.get_has_alpha(), f"{path} has no transparency")
    data = pixbuf.get_pixels()
    n, stride = pixbuf.get_n_channels(), pixbuf.get_rowstride()
    return [tuple(data[y * stride + x * n:y * stride + x * n + n])
            for y in range(pixbuf.get_height()) for x in range(pixbuf.get_width())]


big = pixels(SCALABLE, 128)
if big:
    opaque = [p for p in big if p[3] == 255]
    # a page and a badge: most of the square, not all of it, in more than one colour
    check(0.3 < len(opaque) / len(big) < 0.95, f"the icon covers {len(opaque) / len(big):.0%} of its square")
    check(len({p[:3] for p in opaque}) > 5, "the icon is of one colour")
small = pixels(SYMBOLIC, 16)
if small:
    opaque = [p for p in small if p[3] == 255]
    check(len(opaque) > 40, f"the symbolic icon has {len(opaque)} opaque pixels at 16 px")
    check(len({p[:3] for p in opaque}) == 1, "the symbolic icon renders in more than one colour")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
