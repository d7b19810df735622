#!/usr/bin/python3
# catalog-from-facts.py — write the embedded default catalog (data/catalog/*.manifest)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/catalog-from-facts.py FACTS.tsv [--out DIR]
#
# Reads the facts table (../shared/catalog-facts.tsv: names, kinds, keys, types, values,
# ranges, defaults, passes, versions), our own data/catalog/additions.tsv (older settings
# the table lacks, and amendments) and data/catalog/descriptions.tsv (descriptions we wrote),
# and writes one component manifest per component in the shape of a Windows component
# manifest, so the embedded catalog goes through the same reader as an image's manifests.
# It also lists the manifests in data/core.gresource.xml between the catalog markers.
# The output depends only on the inputs: running it twice gives the same bytes.
# See data/catalog/README.md.

import argparse
import fnmatch
import os
import re
import sys

PASSES = ["windowsPE", "offlineServicing", "generalize", "specialize",
          "auditSystem", "auditUser", "oobeSystem"]
KINDS = ("simple", "complex", "list")
TYPES = ("", "string", "boolean", "integer", "enum")

# The facts describe Windows 10 1809 (build 17763) and Server 2016; components that only
# come from additions.tsv are Vista / Server 2008 ones (6.0.6001 = Vista SP1 / 2008 RTM).
FACTS_VERSION = "10.0.17763.1"
ADDED_VERSION = "6.0.6001.18000"
PUBLIC_KEY_TOKEN = "31bf3856ad364e35"

# Architectures (see README.md): every component exists for amd64, x86 and arm64; wow64
# (the 32-bit copy on a 64-bit system) only where a 32-bit user-mode part exists. Windows PE
# has no WOW64 layer, so components whose settings are all windowsPE-only get none, and
# neither do the kernel-mode / driver components below. Vista-era components predate arm64.
ARCHS_DEFAULT = ["amd64", "x86", "wow64", "arm64"]
ARCHS_NO_WOW64 = ["amd64", "x86", "arm64"]
ARCHS_VISTA = ["amd64", "x86", "wow64"]
KERNEL_COMPONENTS = {
    "microsoft-windows-codeintegrity",
    "microsoft-windows-deviceguard-unattend",
    "microsoft-windows-partitionmanager",
    "microsoft-windows-storport-registrysettings",
    "microsoft-windows-securestartup-filterdriver",
    "microsoft-windows-wdf-kernellibrary",
    "microsoft-windows-tcpip",
    "microsoft-windows-netbt",
}

BEGIN_MARK = "<!-- catalog:begin (tools/catalog-from-facts.py) -->"
END_MARK = "<!-- catalog:end -->"


class FactsError(Exception):
    pass


class Node:
    def __init__(self, comp, path, row, origin):
        self.comp = comp
        self.path = path
        self.name = path.rsplit("/", 1)[-1]
        self.kind = row["kind"]
        self.key = row["key"]
        self.type = row["type"]
        self.values = [v for v in row["values"].split("|")] if row["values"] else []
        self.min = row["min"]
        self.max = row["max"]
        self.default = row["default"]
        self.passes = row["passes"].split()
        self.appliesto = row["appliesto"].replace("|", " ").split()
        self.deprecated = row.get("deprecated", "") == "true"
        self.origin = origin
        self.description = None
        self.notes = []
        self.children = []
        self.parent = None
        self.check()

    def where(self):
        return "%s %s (%s)" % (self.comp.name, self.path, self.origin)

    def check(self):
        if self.kind not in KINDS:
            raise FactsError("%s: unknown kind %r" % (self.where(), self.kind))
        if self.type not in TYPES:
            raise FactsError("%s: unknown type %r" % (self.where(), self.type))
        if self.kind == "simple" and not self.type:
            raise FactsError("%s: simple setting without a type" % self.where())
        if self.kind == "complex" and self.type:
            raise FactsError("%s: container with a type" % self.where())
        if (self.type == "enum") != bool(self.values):
            raise FactsError("%s: enum values do not match the type" % self.where())
        for bound in (self.min, self.max):
            if bound and (self.type != "integer" or not re.fullmatch(r"-?[0-9]+", bound)):
                raise FactsError("%s: bad range bound %r" % (self.where(), bound))
        for p in self.passes:
            if p not in PASSES:
                raise FactsError("%s: unknown pass %r" % (self.where(), p))
        if self.type == "boolean" and self.default:
            if self.default.lower() not in ("true", "false"):
                raise FactsError("%s: bad boolean default %r" % (self.where(), self.default))
            # the docs capitalise some (True/False); xsd:boolean only knows lower case
            self.default = self.default.lower()
        if self.type == "enum" and self.default and self.default not in self.values:
            raise FactsError("%s: default %r not an enum value" % (self.where(), self.default))

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


class Component:
    def __init__(self, name, version):
        self.name = name
        self.version = version
        self.description = None
        self.nodes = {}      # path -> Node, in insertion order
        self.top = []

    def add(self, node):
        if node.path in self.nodes:
            raise FactsError("%s: listed twice" % node.where())
        self.nodes[node.path] = node
        if "/" in node.path:
            parent = self.nodes.get(node.path.rsplit("/", 1)[0])
            if parent is None:
                raise FactsError("%s: parent not defined before it" % node.where())
            if parent.kind == "simple" or (parent.kind == "list" and parent.type):
                raise FactsError("%s: parent holds text, not children" % node.where())
            node.parent = parent
            siblings = parent.children
        else:
            siblings = self.top
        # keep siblings in the table's (case-insensitive alphabetical) order, also for additions
        pos = len(siblings)
        for i, s in enumerate(siblings):
            if s.name.lower() > node.name.lower():
                pos = i
                break
        siblings.insert(pos, node)

    def archs(self):
        if self.version == ADDED_VERSION:
            return ARCHS_VISTA
        if self.name.lower() in KERNEL_COMPONENTS:
            return ARCHS_NO_WOW64
        passes = set()
        for node in self.top:
            passes.update(node.passes)
        if passes == {"windowsPE"}:
            return ARCHS_NO_WOW64
        return ARCHS_DEFAULT


def read_tsv(path, columns):
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l for l in f.read().split("\n") if l and not l.startswith("#")]
    header = lines[0].split("\t")
    missing = [c for c in columns if c not in header]
    if missing:
        raise FactsError("%s: missing columns %s" % (path, ", ".join(missing)))
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) > len(header):
            raise FactsError("%s: line %d has %d cells" % (path, n, len(cells)))
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells))
        row["_line"] = "%s:%d" % (os.path.basename(path), n)
        rows.append(row)
    return rows


FACT_COLUMNS = ["component", "path", "kind", "key", "type", "values", "min", "max",
                "default", "passes", "appliesto"]


def load(facts_path, additions_path, descriptions_path):
    components = {}   # lower-case name -> Component

    for row in read_tsv(facts_path, FACT_COLUMNS):
        lname = row["component"].lower()
        comp = components.setdefault(lname, Component(row["component"], FACTS_VERSION))
        comp.add(Node(comp, row["path"], row, row["_line"]))

    for row in read_tsv(additions_path, FACT_COLUMNS + ["deprecated"]):
        lname = row["component"].lower()
        if row["kind"] == "amend":
            comp = components.get(lname)
            node = comp.nodes.get(row["path"]) if comp else None
            if node is None:
                raise FactsError("%s: nothing to amend" % row["_line"])
            for column in ("key", "type", "values", "min", "max", "default", "appliesto"):
                if row[column]:
                    raise FactsError("%s: an amendment may only add passes or deprecate"
                                     % row["_line"])
            extra = row["passes"].split()
            node.passes = [p for p in PASSES if p in node.passes or p in extra]
            node.deprecated = node.deprecated or row["deprecated"] == "true"
            node.origin += ", amended by " + row["_line"]
            node.check()
            continue
        comp = components.get(lname)
        if comp is None:
            comp = components[lname] = Component(row["component"], ADDED_VERSION)
        comp.add(Node(comp, row["path"], row, row["_line"]))

    for comp in components.values():
        for node in comp.nodes.values():
            if node.kind == "complex" and not node.children:
                raise FactsError("%s: container without children" % node.where())
            if node.kind == "list" and not node.type and not node.children:
                raise FactsError("%s: list item with neither text nor children" % node.where())
            if node.parent is not None and not set(node.passes) <= set(node.parent.passes):
                raise FactsError("%s: passes outside its parent's" % node.where())

    apply_descriptions(components, descriptions_path)
    return components


def apply_descriptions(components, path):
    rows = read_tsv(path, ["component", "path", "description"])
    # exact rows first, then patterns for one component, then patterns for all ('*')
    exact, patterns, everywhere = {}, [], []
    for row in rows:
        cname, p = row["component"], row["path"]
        if cname != "*" and cname.lower() not in components:
            raise FactsError("%s: unknown component %s" % (row["_line"], cname))
        if cname == "*":
            everywhere.append(row)
        elif "*" in p or "?" in p or "[" in p:
            patterns.append(row)
        else:
            k = (cname.lower(), p)
            if k in exact:
                raise FactsError("%s: described twice" % row["_line"])
            exact[k] = row
    used = set()
    for lname, comp in components.items():
        row = exact.get((lname, ""))
        if row:
            comp.description = row["description"]
            used.add(row["_line"])
        for node in comp.nodes.values():
            row = exact.get((lname, node.path))
            if row is None:
                row = next((r for r in patterns if r["component"].lower() == lname
                            and fnmatch.fnmatchcase(node.path, r["path"])), None)
            if row is None:
                row = next((r for r in everywhere
                            if fnmatch.fnmatchcase(node.path, r["path"])), None)
            if row is None:
                continue
            used.add(row["_line"])
            if row["description"]:
                node.description = row["description"]
            if row.get("note"):
                node.notes.append(row["note"])
    for k, row in exact.items():
        if row["_line"] not in used:
            raise FactsError("%s: %s %s is not in the catalog" % (row["_line"], *k))
    for row in patterns + everywhere:
        if row["_line"] not in used:
            raise FactsError("%s: pattern %s matches nothing" % (row["_line"], row["path"]))


def esc(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def comment(text):
    return "<!-- %s -->" % text.replace("--", "- -")


def type_name(node):
    return node.path.replace("/", "_") + "Type"


def has_simple_type(node):
    return node.type == "enum" or (node.type == "integer" and (node.min or node.max))


def element_type(node):
    if node.kind == "complex" or (node.kind == "list" and not node.type):
        return type_name(node)
    if has_simple_type(node):
        return type_name(node)
    return {"string": "xsd:string", "boolean": "xsd:boolean", "integer": "xsd:int"}[node.type]


def element(node, indent):
    attrs = [("name", node.name), ("type", element_type(node))]
    if node.default:
        attrs.append(("default", node.default))
    if node.parent is not None:
        attrs.append(("minOccurs", "0"))
    if node.kind == "list":
        attrs.append(("maxOccurs", "unbounded"))
        if node.key:
            attrs.append(("wcm:key", node.key))
    if node.passes and (node.parent is None or node.passes != node.parent.passes):
        attrs.append(("wcm:passes", " ".join(node.passes)))
    if node.deprecated:
        attrs.append(("wcm:deprecated", "true"))
    if node.appliesto:
        attrs.append(("ue:appliesTo", " ".join(node.appliesto)))
    if node.description:
        attrs.append(("wcm:description", node.description))
    out = [indent + comment(n) for n in node.notes]
    pad = indent + " " * len("<xsd:element ")
    lines = []
    for i, (k, v) in enumerate(attrs):
        lines.append(('%s="%s"' % (k, esc(v))))
    # one line while short, else the description (the long part) on a line of its own
    head = " ".join(lines[:-1] if node.description else lines)
    if node.description:
        out.append("%s<xsd:element %s\n%s%s/>" % (indent, head, pad, lines[-1]))
    else:
        out.append("%s<xsd:element %s/>" % (indent, head))
    return out


def schema_types(node, indent):
    out = []
    if has_simple_type(node):
        base = "xsd:string" if node.type == "enum" else "xsd:int"
        out.append('%s<xsd:simpleType name="%s">' % (indent, type_name(node)))
        out.append('%s  <xsd:restriction base="%s">' % (indent, base))
        for v in node.values:
            out.append('%s    <xsd:enumeration value="%s"/>' % (indent, esc(v)))
        if node.min:
            out.append('%s    <xsd:minInclusive value="%s"/>' % (indent, node.min))
        if node.max:
            out.append('%s    <xsd:maxInclusive value="%s"/>' % (indent, node.max))
        out.append("%s  </xsd:restriction>" % indent)
        out.append("%s</xsd:simpleType>" % indent)
    if node.children:
        out.append('%s<xsd:complexType name="%s">' % (indent, type_name(node)))
        out.append("%s  <xsd:sequence>" % indent)
        for child in node.children:
            out.extend(element(child, indent + "    "))
        out.append("%s  </xsd:sequence>" % indent)
        out.append("%s</xsd:complexType>" % indent)
    for child in node.children:
        out.extend(schema_types(child, indent))
    return out


def manifest(comp, facts_name):
    names = [type_name(n) for n in comp.nodes.values()]
    if len(set(names)) != len(names):
        raise FactsError("%s: two nodes give the same type name" % comp.name)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           comment("Generated by tools/catalog-from-facts.py from %s, additions.tsv and "
                   "descriptions.tsv; edit those and rerun, not this file." % facts_name),
           comment("Facts: Microsoft's unattend reference documentation "
                   "(MicrosoftDocs/commercialization-public), CC BY 4.0. "
                   "Descriptions: our own."),
           '<assembly xmlns="urn:schemas-microsoft-com:asm.v3" manifestVersion="1.0"',
           '          xmlns:ue="urn:unattend-editor:catalog">',
           '  <assemblyIdentity name="%s" version="%s" processorArchitecture="%s"'
           % (esc(comp.name), comp.version, " ".join(comp.archs())),
           '                    language="neutral" publicKeyToken="%s" versionScope="nonSxS"/>'
           % PUBLIC_KEY_TOKEN]
    if comp.description:
        out.append("  <description>%s</description>" % esc(comp.description))
    out += ['  <configuration xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State"'
            ' xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
            "    <configurationSchema>",
            "      <xsd:schema>"]
    for node in comp.top:
        out.extend(schema_types(node, "        "))
    for node in comp.top:
        out.extend(element(node, "        "))
    out += ["      </xsd:schema>",
            "    </configurationSchema>",
            "  </configuration>",
            "</assembly>"]
    return "\n".join(out) + "\n"


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def update_gresource(path, files):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    begin, end = text.find(BEGIN_MARK), text.find(END_MARK)
    if begin < 0 or end < begin:
        raise FactsError("%s: catalog markers not found" % path)
    line_start = text.rfind("\n", 0, begin) + 1
    indent = text[line_start:begin]
    body = "".join("%s<file>catalog/%s</file>\n" % (indent, f) for f in files)
    text = text[:begin] + BEGIN_MARK + "\n" + body + indent + text[end:]
    write_if_changed(path, text)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description="Write data/catalog/*.manifest from the facts table.")
    parser.add_argument("facts", help="catalog-facts.tsv")
    parser.add_argument("--out", default=os.path.join(root, "data", "catalog"))
    parser.add_argument("--gresource", default=os.path.join(root, "data", "core.gresource.xml"))
    args = parser.parse_args()

    try:
        components = load(args.facts,
                          os.path.join(args.out, "additions.tsv"),
                          os.path.join(args.out, "descriptions.tsv"))
        files = []
        for lname in sorted(components):
            comp = components[lname]
            fname = comp.name + ".manifest"
            files.append(fname)
            write_if_changed(os.path.join(args.out, fname),
                             manifest(comp, os.path.basename(args.facts)))
        for old in sorted(os.listdir(args.out)):
            if old.endswith(".manifest") and old not in files:
                os.unlink(os.path.join(args.out, old))
        update_gresource(args.gresource, files)
    except (FactsError, OSError) as e:
        print("catalog-from-facts: error: %s" % e, file=sys.stderr)
        return 1

    nodes = [n for c in components.values() for n in c.nodes.values()]
    described = sum(1 for n in nodes if n.description)
    print("%d components (%d described), %d settings (%d described)"
          % (len(components), sum(1 for c in components.values() if c.description),
             len(nodes), described))
    return 0


if __name__ == "__main__":
    sys.exit(main())
