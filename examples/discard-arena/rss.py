#!/usr/bin/env python3
"""Resident-set-size sampling and an SVG plot, with the standard library only.

  rss.py sample OUT.tsv -- CMD...     run CMD (its stdout/stderr pass through),
                                      write "seconds<TAB>VmRSS KiB" rows, read
                                      from /proc/<pid>/status every 10 ms, and
                                      the peak (last VmHWM seen) as a
                                      "# peak_kib N" line; exit with CMD's status
  rss.py ratio MORE.tsv LESS.tsv MIN  peak(MORE) / peak(LESS) must be >= MIN;
                                      prints both peaks, exits 1 otherwise
  rss.py svg OUT.svg TITLE A.tsv LABEL_A [B.tsv LABEL_B ...]
                                      RSS over time, one line per run
"""
import os
import sys
import time

INTERVAL = 0.01
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]


def vm_kib(pid):
    """(VmRSS, VmHWM) of pid in KiB: resident now, and the most so far."""
    found = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    found[line[:5]] = int(line.split()[1])
    except OSError:
        pass
    return found.get("VmRSS"), found.get("VmHWM")


def sample(out, cmd):
    start = time.monotonic()
    # The peak is the last VmHWM seen (the high-water mark of the program's
    # own address space); wait4's ru_maxrss would also count the pages of
    # this Python process, which the child shares until it execs.
    try:
        child = os.posix_spawnp(cmd[0], cmd, os.environ)
    except OSError as e:
        sys.exit(f"rss.py: error: cannot run {cmd[0]}: {e.strerror}")
    rows, peak = [], 0
    while True:
        pid, status = os.waitpid(child, os.WNOHANG)
        if pid == child:
            break
        rss, hwm = vm_kib(child)
        if rss is not None:
            rows.append((time.monotonic() - start, rss))
            peak = max(peak, hwm or 0)
        time.sleep(INTERVAL)
    code = os.waitstatus_to_exitcode(status)
    with open(out, "w") as f:
        f.write(f"# peak_kib {peak}\n# command {' '.join(cmd)}\n")
        for t, rss in rows:
            f.write(f"{t:.3f}\t{rss}\n")
    return code if code >= 0 else 128 - code


def load(path):
    peak, rows = None, []
    with open(path) as f:
        for line in f:
            if line.startswith("# peak_kib "):
                peak = int(line.split()[2])
            elif line.strip() and not line.startswith("#"):
                t, rss = line.split()
                rows.append((float(t), int(rss)))
    if peak is None:
        sys.exit(f"rss.py: error: {path}: no '# peak_kib' line")
    return peak, rows


def ratio(more, less, minimum):
    hi, _ = load(more)
    lo, _ = load(less)
    if lo <= 0:
        sys.exit(f"rss.py: error: {less}: the run ended before any sample")
    r = hi / lo
    ok = r >= minimum
    print(f"peak RSS {hi / 1024:.0f} MiB vs {lo / 1024:.0f} MiB: "
          f"{r:.1f}x ({'at least' if ok else 'LESS than'} {minimum}x)")
    return 0 if ok else 1


def svg(out, title, runs):
    data = [(label, *load(path)) for path, label in runs]
    w, h, left, right, top, bottom = 760, 410, 70, 20, 50, 50
    tmax = max([rows[-1][0] for _, _, rows in data if rows] + [0.1])
    ymax = max(peak for _, peak, _ in data) / 1024
    step = next(s for s in (8, 16, 32, 64, 128, 256, 512, 1024, 4096)
                if ymax / s <= 6)
    ytop = step * (int(ymax / step) + 1)
    tstep = next(s for s in (0.5, 1, 2, 5, 10, 20, 60) if tmax / s <= 10)

    def x(t):
        return left + (w - left - right) * t / tmax

    def y(mib):
        return top + (h - top - bottom) * (1 - mib / ytop)

    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
         f'viewBox="0 0 {w} {h}" font-family="sans-serif" font-size="12">',
         f'<rect width="{w}" height="{h}" fill="white"/>',
         f'<text x="{w / 2}" y="22" text-anchor="middle" font-size="15">'
         f'{title}</text>',
         f'<text x="{w - right}" y="{top - 8}" text-anchor="end" '
         f'font-size="11" fill="#555">sampled every {INTERVAL * 1000:g} ms; '
         f'a line ends (and may drop) when its process exits</text>']
    for i in range(0, int(ytop / step) + 1):
        v = i * step
        s.append(f'<line x1="{left}" x2="{w - right}" y1="{y(v):.1f}" '
                 f'y2="{y(v):.1f}" stroke="#ddd"/>')
        s.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" '
                 f'text-anchor="end">{v}</text>')
    t = 0.0
    while t <= tmax + 1e-9:
        s.append(f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{top}" '
                 f'y2="{h - bottom}" stroke="#eee"/>')
        s.append(f'<text x="{x(t):.1f}" y="{h - bottom + 16}" '
                 f'text-anchor="middle">{t:g}</text>')
        t += tstep
    s.append(f'<rect x="{left}" y="{top}" width="{w - left - right}" '
             f'height="{h - top - bottom}" fill="none" stroke="#333"/>')
    s.append(f'<text x="{(left + w - right) / 2}" y="{h - 12}" '
             f'text-anchor="middle">seconds since start</text>')
    s.append(f'<text x="16" y="{(top + h - bottom) / 2}" text-anchor="middle" '
             f'transform="rotate(-90 16 {(top + h - bottom) / 2})">'
             f'VmRSS of wmc-run (MiB)</text>')
    for i, (label, peak, rows) in enumerate(data):
        c = COLOURS[i % len(COLOURS)]
        pts = " ".join(f"{x(t):.1f},{y(r / 1024):.1f}" for t, r in rows)
        s.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" '
                 f'points="{pts}"/>')
        ly = top + 18 + 18 * i
        s.append(f'<line x1="{left + 12}" x2="{left + 36}" y1="{ly - 4}" '
                 f'y2="{ly - 4}" stroke="{c}" stroke-width="3"/>')
        s.append(f'<text x="{left + 42}" y="{ly}">{label} '
                 f'(peak {peak / 1024:.0f} MiB)</text>')
    s.append("</svg>\n")
    with open(out, "w") as f:
        f.write("\n".join(s))
    return 0


def main(argv):
    if len(argv) >= 4 and argv[1] == "sample" and argv[3] == "--":
        return sample(argv[2], argv[4:])
    if len(argv) == 5 and argv[1] == "ratio":
        return ratio(argv[2], argv[3], float(argv[4]))
    if len(argv) >= 6 and argv[1] == "svg" and len(argv) % 2 == 0:
        return svg(argv[2], argv[3], list(zip(argv[4::2], argv[5::2])))
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
