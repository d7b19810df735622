# SPDX-License-Identifier: GPL-3.0-or-later
# The TAP harness of the command-line tests: @test registers a function taking a fresh
# temporary folder; run_tests prints one "ok"/"not ok" line per test and returns the exit code.
import sys
import tempfile

tests = []


def test(fn):
    tests.append(fn)
    return fn


def run_tests(prefix, skip_reason=None):
    print(f"1..{len(tests)}")
    if skip_reason is not None:
        for i, fn in enumerate(tests, 1):
            print(f"ok {i} {prefix}/{fn.__name__} # SKIP {skip_reason}")
        return 0
    failed = 0
    for i, fn in enumerate(tests, 1):
        with tempfile.TemporaryDirectory() as d:
            try:
                fn(d)
                print(f"ok {i} {prefix}/{fn.__name__}")
            except Exception as e:  # report and go on
                failed += 1
                print(f"not ok {i} {prefix}/{fn.__name__}")
                for line in str(e).splitlines() or [repr(e)]:
                    print(f"# {line}")
            sys.stdout.flush()
    return 1 if failed else 0
