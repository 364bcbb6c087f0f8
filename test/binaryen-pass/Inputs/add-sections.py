#!/usr/bin/env python3
"""Appends wasm-memctl custom sections to a binary module for lit tests.

wat2wasm (wabt 1.0.32) and Binaryen's text parser cannot write custom
sections, so tests describe them in comments of the .wat file and this script
appends them to the module wat2wasm produced:

  ;; WMC-DECL: <memory> <name> <min> <max> <flags> <guard-bytes> <source>
      one `wmc.memories` record (abi/wmc_abi.h section 3); <memory> is a
      decimal index or `ro`, <max> a number or `none`, <flags> a number or
      `|`-joined names READONLY MAPPABLE EXPORT IMPLICIT (or 0).
      All WMC-DECL lines form one section, as wasm-ld's concatenation of every
      object's section does.
  ;; WMC-SECTION: <name> <hex bytes>
      a raw custom section (for malformed-input tests).

usage: add-sections.py TEST.wat MODULE.wasm [--raw NAME HEX]...
MODULE.wasm is rewritten. With --raw, only the given raw sections are
appended and the comments of TEST.wat are ignored (for files that test several
malformed inputs).
"""
import sys

FLAGS = {"READONLY": 1, "MAPPABLE": 2, "EXPORT": 4, "IMPLICIT": 8}


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def name(s):
    b = s.encode()
    return uleb(len(b)) + b


def flags(text):
    if text[0].isdigit():
        return int(text, 0)
    return sum(FLAGS[f] for f in text.split("|"))


def decl(fields):
    mem, nm, lo, hi, fl, guard, source = fields
    index = 0xFFFF if mem == "ro" else int(mem)
    hi = 0xFFFFFFFF if hi == "none" else int(hi)
    return (bytes([1]) + uleb(index) + name(nm) + uleb(int(lo)) + uleb(hi) +
            uleb(flags(fl)) + uleb(int(guard)) + name(source))


def section(nm, payload):
    body = name(nm) + payload
    return bytes([0]) + uleb(len(body)) + body


def main():
    test, module, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    decls = bytearray()
    extra = bytearray()
    if rest:
        while rest:
            flag, nm, hexbytes, rest = rest[0], rest[1], rest[2], rest[3:]
            assert flag == "--raw", "usage: see the docstring"
            extra += section(nm, bytes.fromhex(hexbytes))
        open(module, "ab").write(bytes(extra))
        return
    for line in open(test):
        line = line.strip()
        if line.startswith(";; WMC-DECL:"):
            decls += decl(line.split(":", 1)[1].split())
        elif line.startswith(";; WMC-SECTION:"):
            nm, hexbytes = line.split(":", 1)[1].split(None, 1)
            extra += section(nm, bytes.fromhex(hexbytes.replace(" ", "")))
    data = open(module, "rb").read()
    if decls:
        data += section("wmc.memories", bytes(decls))
    data += bytes(extra)
    open(module, "wb").write(data)


if __name__ == "__main__":
    main()
