#!/usr/bin/env python3
# Appends a custom section to a wasm binary, for tests of the
# `wmc.protections` section (wabt 1.0.32 cannot write custom sections):
#   addsec.py IN OUT NAME HEXBYTES...
# HEXBYTES (one or more words) is the payload in hex, written as is.
import sys


def leb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


data = open(sys.argv[1], "rb").read()
name = sys.argv[3].encode()
payload = bytes.fromhex("".join(sys.argv[4:]))
body = leb(len(name)) + name + payload
open(sys.argv[2], "wb").write(data + b"\x00" + leb(len(body)) + body)
