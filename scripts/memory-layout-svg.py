#!/usr/bin/env python3
"""Draw the memory layout of a wasm-memctl module as an SVG picture.

Data flow:  module.wasm --`wmc-run --describe`--> text table
            --parse--> memories (index, name, pages, flags, data segments,
                       protected ranges) + wasm:memctl builtins
            --draw--> one horizontal band per memory (SVG on stdout or -o)

Each band spans its memory's initial size (minimum pages x 64 KiB, or the
end of its data if that is larger); static protections from the module's
wmc.protections section (null guard, read-only, unmapped) are shaded and
active data segments are marked. Ranges that builtins change while the
program runs are not known statically and are not drawn.

Usage:
  scripts/memory-layout-svg.py [--wmc-run PATH] [--title TEXT] [-o OUT.svg] module.wasm
  scripts/memory-layout-svg.py --from-describe DESCRIBE.txt [...]

wmc-run is found with --wmc-run, else $WMC_RUN, else build/bin/wmc-run next
to this checkout, else on PATH. Dependency-free (Python 3 standard library).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
from xml.sax.saxutils import escape

PROG = "memory-layout-svg"
WASM_PAGE = 65536
PROT_PAGE = 4096


def fail(msg):
    sys.stderr.write(f"{PROG}: error: {msg}\n")
    sys.exit(1)


# ---- input ------------------------------------------------------------------

def find_wmc_run(explicit):
    if explicit:
        return explicit
    if os.environ.get("WMC_RUN"):
        return os.environ["WMC_RUN"]
    here = os.path.dirname(os.path.realpath(__file__))
    local = os.path.join(os.path.dirname(here), "build", "bin", "wmc-run")
    if os.access(local, os.X_OK):
        return local
    found = shutil.which("wmc-run")
    if found:
        return found
    fail("cannot find wmc-run (build the project, or pass --wmc-run PATH)")


def describe(module, wmc_run):
    try:
        with open(module, "rb") as f:
            magic = f.read(4)
    except OSError as e:
        fail(f"cannot read '{module}': {e.strerror}")
    if magic != b"\0asm":
        fail(f"'{module}' is not a WebAssembly binary module "
             "(it does not start with the bytes \\0asm)")
    try:
        p = subprocess.run([wmc_run, "--describe", module],
                           capture_output=True, text=True)
    except OSError as e:
        fail(f"cannot run '{wmc_run}': {e.strerror}")
    if p.returncode != 0:
        why = p.stderr.strip().splitlines()
        fail(f"'{wmc_run} --describe {module}' failed (exit {p.returncode})"
             + (f": {why[-1]}" if why else ""))
    return p.stdout


ROW = re.compile(r"^(\d+)\s+(.*?)\s+(\d+)\s+(\d+|-)\s\s(.+)$")
DATA = re.compile(r"^data (\d+): \[0x([0-9a-f]+), 0x([0-9a-f]+)\) (\d+) bytes$")
DATA_GLOBAL = re.compile(r"^data (\d+): offset from a global, (\d+) bytes$")
PROT = re.compile(r"^protected \[0x([0-9a-f]+), 0x([0-9a-f]+)\) (.+)$")
BUILTIN = re.compile(r"^builtin (\S+)$")


def parse(text):
    """Parse `wmc-run --describe` output (runtime/src/MemoryControl.cpp,
    docs/memory-control.md section 8) into a list of memory dicts and a list
    of builtin import names."""
    lines = text.splitlines()
    if not lines or not lines[0].split()[:2] == ["memory", "name"]:
        fail("unexpected 'wmc-run --describe' output: no 'memory name ...' "
             "header line")
    memories, builtins = [], []
    for n, line in enumerate(lines[1:], start=2):
        s = line.strip()
        if not s:
            continue
        m = BUILTIN.match(s)
        if m:
            builtins.append(m.group(1))
            continue
        if not line.startswith(" "):
            m = ROW.match(line)
            if not m:
                fail(f"unexpected 'wmc-run --describe' output, line {n}: {line!r}")
            flags = [] if m.group(5).strip() == "-" else m.group(5).split()
            memories.append({
                "index": int(m.group(1)), "name": m.group(2),
                "min": int(m.group(3)),
                "max": None if m.group(4) == "-" else int(m.group(4)),
                "flags": flags, "data": [], "global_data": [], "prot": []})
            continue
        if not memories:
            fail(f"unexpected 'wmc-run --describe' output, line {n}: "
                 "detail before any memory row")
        mem = memories[-1]
        m = DATA.match(s)
        if m:
            mem["data"].append((int(m.group(1)), int(m.group(2), 16),
                                int(m.group(3), 16)))
            continue
        m = DATA_GLOBAL.match(s)
        if m:
            mem["global_data"].append((int(m.group(1)), int(m.group(2))))
            continue
        m = PROT.match(s)
        if m:
            what = m.group(3)
            kind = ("guard" if "null guard" in what else
                    "readonly" if what.startswith("read-only") else
                    "unmapped" if "until mapped" in what else "other")
            mem["prot"].append((int(m.group(1), 16), int(m.group(2), 16),
                                kind, what))
            continue
        fail(f"unexpected 'wmc-run --describe' output, line {n}: {line!r}")
    if not memories:
        fail("the module has no memory")
    return memories, builtins


# ---- drawing ----------------------------------------------------------------

WIDTH = 1000
LEFT = 24            # left margin
LABEL_W = 230        # label column
BAR_X = LEFT + LABEL_W
BAR_W = WIDTH - BAR_X - 30
BAR_H = 36
LINE = 16            # line height of small text
MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace"
CHAR_W = 7.3         # approximate width of a 12px monospace character

COLORS = {
    "rw": "#e8f4e8", "readonly": "#cfe0f7", "data": "#6a3d9a", "data2": "#b07ad8",
    "guard": "url(#hatch-noaccess)", "unmapped": "url(#hatch-unmapped)",
    "other": "#f2c2c2",
}


def hexa(v):
    return f"0x{v:x}"


def pages(n):
    return f"{n} page" + ("" if n == 1 else "s")


def size_text(b):
    if b >= 1 << 20 and b % (1 << 20) == 0:
        return f"{b >> 20} MiB"
    if b >= 1024 and b % 1024 == 0:
        return f"{b >> 10} KiB"
    return f"{b} B"


def wrap(items, width_chars):
    """Join items with ' · ' into lines no longer than width_chars."""
    out, cur = [], ""
    for it in items:
        cand = it if not cur else cur + " · " + it
        if cur and len(cand) > width_chars:
            out.append(cur)
            cur = it
        else:
            cur = cand
    if cur:
        out.append(cur)
    return out


def band(mem, y):
    """SVG elements of one memory's band starting at y; returns (svg, height)."""
    o = []
    k, name = mem["index"], mem["name"]
    init = mem["min"] * WASM_PAGE
    data_end = max([e for _, _, e in mem["data"]] + [0])
    span = max(init, data_end)
    flags = mem["flags"]

    # Label column.
    title = f"memory {k}" + (f' "{name}"' if name != "-" else " (no name)")
    o.append(f'<text x="{LEFT}" y="{y + 14}" font-weight="bold" font-size="15">'
             f'{escape(title)}</text>')
    limits = f"min {pages(mem['min'])}, max " + (
        "none" if mem["max"] is None else pages(mem["max"]))
    o.append(f'<text x="{LEFT}" y="{y + 32}" font-size="12">{escape(limits)}</text>')
    words = {"readonly": "read-only", "mappable": "mappable",
             "null-guard": "null guard", "imported": "imported"}
    ftext = ", ".join(words.get(f, f) for f in flags) or "read-write"
    o.append(f'<text x="{LEFT}" y="{y + 48}" font-size="12" fill="#444">'
             f'{escape(ftext)}</text>')

    bar_y = y + 4
    if span == 0:
        o.append(f'<rect x="{BAR_X}" y="{bar_y}" width="{BAR_W}" height="{BAR_H}" '
                 'fill="none" stroke="#999" stroke-dasharray="4 3"/>')
        o.append(f'<text x="{BAR_X + 10}" y="{bar_y + 23}" font-size="12" '
                 'fill="#666">0 pages initially (nothing placed here)</text>')
        return "\n".join(o), 64

    def xpos(addr):
        return BAR_X + BAR_W * addr / span

    base = COLORS["readonly"] if "readonly" in flags else COLORS["rw"]
    o.append(f'<rect x="{BAR_X}" y="{bar_y}" width="{BAR_W}" height="{BAR_H}" '
             f'fill="{base}"/>')
    for start, end, kind, what in mem["prot"]:
        if kind == "readonly":
            continue  # the whole band is already drawn read-only
        x0, x1 = xpos(start), xpos(min(end, span))
        o.append(f'<rect x="{x0:.1f}" y="{bar_y}" width="{max(x1 - x0, 2):.1f}" '
                 f'height="{BAR_H}" fill="{COLORS[kind]}" stroke="#b22" '
                 'stroke-width="0.8"><title>'
                 f'{escape(f"protected [{hexa(start)}, {hexa(end)}) {what}")}'
                 '</title></rect>')
    for n, (d, start, end) in enumerate(mem["data"]):
        x0, x1 = xpos(start), xpos(end)
        fill = COLORS["data"] if n % 2 == 0 else COLORS["data2"]  # adjacent ones stay apart
        o.append(f'<rect x="{x0:.1f}" y="{bar_y + BAR_H - 14}" '
                 f'width="{max(x1 - x0, 3):.1f}" height="14" fill="{fill}">'
                 f'<title>data {d}: [{hexa(start)}, {hexa(end)}) '
                 f'{end - start} bytes</title></rect>')
    # Wasm page boundaries (and 4 KiB protection pages when they fit).
    ticks = []
    if span // PROT_PAGE <= 128:
        step = PROT_PAGE
    else:
        step = WASM_PAGE if span // WASM_PAGE <= 128 else 0
    if step:
        for a in range(step, span, step):
            big = a % WASM_PAGE == 0
            h = BAR_H if big else 6
            ticks.append(f'<line x1="{xpos(a):.1f}" y1="{bar_y + BAR_H - h}" '
                         f'x2="{xpos(a):.1f}" y2="{bar_y + BAR_H}" stroke="#555" '
                         f'stroke-width="{0.9 if big else 0.7}"/>')
    o.extend(ticks)
    o.append(f'<rect x="{BAR_X}" y="{bar_y}" width="{BAR_W}" height="{BAR_H}" '
             'fill="none" stroke="#333"/>')
    axis_y = bar_y + BAR_H + 13
    o.append(f'<text x="{BAR_X}" y="{axis_y}" font-size="11" '
             f'font-family="{MONO}">0x0</text>')
    o.append(f'<text x="{BAR_X + BAR_W}" y="{axis_y}" font-size="11" '
             f'font-family="{MONO}" text-anchor="end">{hexa(span)} '
             f'({size_text(span)})</text>')

    # Detail lines: protected ranges and data segments.
    items = [f"{'no-access' if kind != 'readonly' else 'read-only'} "
             f"[{hexa(s)}, {hexa(e)})"
             + (" null guard" if kind == "guard" else
                " until mapped" if kind == "unmapped" else "")
             for s, e, kind, _ in mem["prot"]]
    items += [f"data {d} [{hexa(s)}, {hexa(e)}) {e - s} B"
              for d, s, e in mem["data"]]
    items += [f"data {d}: offset from a global, {n} B"
              for d, n in mem["global_data"]]
    if not mem["data"] and not mem["global_data"]:
        items.append("no data segment (zero-initialised objects are not stored)")
    lines = wrap(items, int(BAR_W / CHAR_W))
    ty = axis_y + LINE + 2
    for line in lines:
        o.append(f'<text x="{BAR_X}" y="{ty}" font-size="12" font-family="{MONO}" '
                 f'fill="#333">{escape(line)}</text>')
        ty += LINE
    height = max(ty - y, 60) + 8
    return "\n".join(o), height


def legend(y, used):
    """The legend, with only the kinds of area the picture shows."""
    o = []
    x = LEFT
    entries = [
        ("rw", COLORS["rw"], "read-write"),
        ("readonly", COLORS["readonly"], "read-only (whole memory)"),
        ("guard", COLORS["guard"], "no-access (null guard)"),
        ("unmapped", COLORS["unmapped"], "no-access until mapped"),
        ("other", COLORS["other"], "protected (other)"),
        ("data", COLORS["data"], "active data segment"),
    ]
    for kind, fill, label in entries:
        if kind not in used:
            continue
        o.append(f'<rect x="{x}" y="{y}" width="22" height="14" fill="{fill}" '
                 'stroke="#333" stroke-width="0.8"/>')
        o.append(f'<text x="{x + 28}" y="{y + 12}" font-size="12">{escape(label)}</text>')
        x += 28 + int(len(label) * 6.8) + 26
    return "\n".join(o)


def render(memories, builtins, title):
    parts, y = [], 78
    for mem in memories:
        svg, h = band(mem, y)
        parts.append(f'<g id="memory-{mem["index"]}">\n{svg}\n</g>')
        parts.append(f'<line x1="{LEFT}" y1="{y + h - 6}" x2="{WIDTH - 24}" '
                     f'y2="{y + h - 6}" stroke="#ddd"/>')
        y += h + 6
    bl = ("wasm:memctl imports: " + ", ".join(
        b.split("wasm:memctl.", 1)[-1] for b in builtins)
          + " (ranges they change at run time are not drawn)"
          if builtins else "no wasm:memctl imports: the layout is fixed")
    parts.append(f'<text x="{LEFT}" y="{y + 8}" font-size="12">{escape(bl)}</text>')
    used = {"data"} if any(m["data"] for m in memories) else set()
    for m in memories:
        used.add("readonly" if "readonly" in m["flags"] else "rw")
        used.update(kind for _, _, kind, _ in m["prot"])
    parts.append(legend(y + 24, used))
    height = y + 52
    head = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by scripts/memory-layout-svg.py from the output of wmc-run (describe mode). -->
<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}"
     font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">
<title>{escape(f"Memory layout of {title}")}</title>
<defs>
  <pattern id="hatch-noaccess" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="8" height="8" fill="#f6d2d2"/>
    <line x1="0" y1="0" x2="0" y2="8" stroke="#c0392b" stroke-width="3"/>
  </pattern>
  <pattern id="hatch-unmapped" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
    <rect width="8" height="8" fill="#e4e4e4"/>
    <line x1="0" y1="0" x2="0" y2="8" stroke="#888" stroke-width="3"/>
  </pattern>
</defs>
<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>
<text x="{LEFT}" y="30" font-size="18" font-weight="bold">{escape(f"Memory layout of {title}")}</text>
<text x="{LEFT}" y="50" font-size="12" fill="#444">{escape(
        "From `wmc-run --describe`: one band per memory, spanning its initial "
        "size (min pages × 64 KiB);")}</text>
<text x="{LEFT}" y="66" font-size="12" fill="#444">{escape(
        "shaded: protections from the wmc.protections section, in force "
        "before the start function; page lines every 64 KiB (short: 4 KiB).")}</text>
"""
    return head + "\n".join(parts) + "\n</svg>\n"


def main(argv):
    ap = argparse.ArgumentParser(
        prog=PROG, description="Draw a wasm-memctl module's memory layout "
        "(from `wmc-run --describe`) as SVG.")
    ap.add_argument("module", nargs="?", help="the .wasm module")
    ap.add_argument("-o", "--output", help="write the SVG here (default: stdout)")
    ap.add_argument("--title", help="title of the picture (default: the module's file name)")
    ap.add_argument("--wmc-run", help="path of wmc-run")
    ap.add_argument("--from-describe", metavar="FILE",
                    help="read saved `wmc-run --describe` output instead of running it")
    a = ap.parse_args(argv)
    if a.from_describe:
        try:
            with open(a.from_describe, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            fail(f"cannot read '{a.from_describe}': {e.strerror}")
        default_title = os.path.basename(a.from_describe)
    elif a.module:
        text = describe(a.module, find_wmc_run(a.wmc_run))
        default_title = os.path.basename(a.module)
    else:
        ap.print_usage(sys.stderr)
        fail("no module given")
    memories, builtins = parse(text)
    svg = render(memories, builtins, a.title or default_title)
    if a.output:
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(svg)
    else:
        sys.stdout.write(svg)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
