#!/usr/bin/env python3
"""Prints "N passed, N failed" from a lit JSON results file (lit -o FILE).

Passed: PASS, XFAIL. Failed: FAIL, XPASS, UNRESOLVED, TIMEOUT. Unsupported
tests are listed separately on the line before. Exit 1 if any failed or the
file is missing (lit crashed before writing it)."""
import json
import sys

try:
    with open(sys.argv[1]) as f:
        tests = json.load(f)["tests"]
except (OSError, ValueError, KeyError) as e:
    print(f"lit-summary: no lit results ({e})")
    print("0 passed, 1 failed")
    sys.exit(1)
codes = [t["code"] for t in tests]
passed = sum(c in ("PASS", "XFAIL") for c in codes)
failed = sum(c in ("FAIL", "XPASS", "UNRESOLVED", "TIMEOUT") for c in codes)
unsupported = sum(c == "UNSUPPORTED" for c in codes)
if unsupported:
    print(f"({unsupported} unsupported)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
