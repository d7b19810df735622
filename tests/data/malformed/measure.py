#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Prints expected.tsv for the files in this directory, as the system's libxml2
# reports them: xmlReadMemory(..., XML_PARSE_NONET), errors caught with a
# structured error handler. Columns:
#   file  line  column  message           the FIRST error: where the mistake is
#   last_line  last_column  last_message  what xmlGetLastError() holds afterwards
# A file with a DOCTYPE must be refused by the loader whatever libxml2 says:
# its expected result is "refused" at the DOCTYPE's line, column 1; the last_*
# columns still record libxml2's own verdict ("-" when it reports nothing).
# Usage: python3 measure.py > expected.tsv   (regenerate only on purpose)

import ctypes
import ctypes.util
import os
import sys

XML_PARSE_NONET = 1 << 11


class XmlError(ctypes.Structure):
    _fields_ = [('domain', ctypes.c_int), ('code', ctypes.c_int), ('message', ctypes.c_char_p),
                ('level', ctypes.c_int), ('file', ctypes.c_char_p), ('line', ctypes.c_int),
                ('str1', ctypes.c_char_p), ('str2', ctypes.c_char_p), ('str3', ctypes.c_char_p),
                ('int1', ctypes.c_int), ('int2', ctypes.c_int), ('ctxt', ctypes.c_void_p),
                ('node', ctypes.c_void_p)]


ERROR_FUNC = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(XmlError))


def load_libxml2():
    lib = ctypes.CDLL(ctypes.util.find_library('xml2') or 'libxml2.so.2')
    lib.xmlReadMemory.restype = ctypes.c_void_p
    lib.xmlReadMemory.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                  ctypes.c_char_p, ctypes.c_int]
    lib.xmlFreeDoc.argtypes = [ctypes.c_void_p]
    lib.xmlGetLastError.restype = ctypes.POINTER(XmlError)
    lib.xmlSetStructuredErrorFunc.argtypes = [ctypes.c_void_p, ERROR_FUNC]
    lib.xmlParserVersion = ctypes.c_char_p.in_dll(lib, 'xmlParserVersion')
    return lib


def message(err):
    # only the first line: some messages add a second line with the bad bytes
    text = err.message.decode('utf-8', 'replace') if err.message else ''
    return text.strip().split('\n')[0]


def measure(lib, path):
    data = open(path, 'rb').read()
    errors = []

    def on_error(_user, err):
        errors.append((err.contents.line, err.contents.int2, message(err.contents)))

    handler = ERROR_FUNC(on_error)
    lib.xmlSetStructuredErrorFunc(None, handler)
    lib.xmlResetLastError()
    doc = lib.xmlReadMemory(data, len(data), os.path.basename(path).encode(), None,
                            XML_PARSE_NONET)
    last = lib.xmlGetLastError()
    last = (last.contents.line, last.contents.int2, message(last.contents)) if last else None
    if doc:
        lib.xmlFreeDoc(doc)
    lib.xmlSetStructuredErrorFunc(None, ERROR_FUNC(0))
    return errors, last


def doctype_line(path):
    for n, line in enumerate(open(path, 'rb').read().split(b'\n'), 1):
        if b'<!DOCTYPE' in line:
            return n
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    lib = load_libxml2()
    sys.stderr.write(f'libxml2 {lib.xmlParserVersion.value.decode()}\n')
    print('file\tline\tcolumn\tmessage\tlast_line\tlast_column\tlast_message')
    for name in sorted(f for f in os.listdir(here) if f.endswith('.xml')):
        path = os.path.join(here, name)
        errors, last = measure(lib, path)
        last_cols = [str(last[0]), str(last[1]), last[2]] if last else ['-', '-', '-']
        dt = doctype_line(path)
        if dt is not None:
            first = [str(dt), '1', 'refused']
        elif errors:
            first = [str(errors[0][0]), str(errors[0][1]), errors[0][2]]
        else:
            sys.exit(f'{name}: libxml2 reports no error and there is no DOCTYPE')
        print('\t'.join([name] + first + last_cols))


if __name__ == '__main__':
    main()
