#!/usr/bin/env python3
"""wmc-cc / wmc-c++: the wasm-memctl compiler drivers.

Compile and link C/C++ for wasm32-wasi with clang-22, loading the clang-ext
(attributes, diagnostics) and llvm-pass (lowering, read-only data) plugins,
link with stock wasm-ld, then finalize and optimize the linked module with
wmc-opt. Data flow for a link:

    sources/objects --clang-22 + plugins + wasm-ld--> out.wasm.pre
                    --wmc-opt --finalize -O<n>-->     out.wasm

Compile-only modes (-c, -S, -E, -M, -fsyntax-only, -emit-llvm) stop after clang.
The driver accepts the usual clang flags and passes them through; its own
flags (see --wmc-help) are removed before clang sees them. Everything is
located relative to this file: bin/, lib/ and share/wasm-memctl/ beside it.
"""
import os
import shlex
import subprocess
import sys
import shutil
import tempfile

HERE = os.path.dirname(os.path.realpath(__file__))
PREFIX = os.path.dirname(HERE)
LIB = os.path.join(PREFIX, "lib")
SHARE = os.path.join(PREFIX, "share", "wasm-memctl")
CLANG = os.environ.get("WMC_CLANG", "@WMC_CLANG_FOR_DRIVER@")
TARGET = "wasm32-wasip1"

CLANG_PLUGIN = os.path.join(LIB, "wmc-clang-ext.so")
PASS_PLUGIN = os.path.join(LIB, "wmc-llvm-pass.so")
WMC_OPT = os.path.join(HERE, "wmc-opt")

COMPILE_ONLY_FLAGS = {"-c", "-S", "-E", "-M", "-MM", "-fsyntax-only",
                      "-emit-llvm", "-###", "--version", "-print-targets"}
SOURCE_EXTS = {".c", ".cc", ".cpp", ".cxx", ".c++", ".C", ".i", ".ii", ".ll",
               ".bc", ".m", ".mm"}
OPT_LEVELS = {"-O0", "-O1", "-O2", "-O3", "-O4", "-Os", "-Oz", "-Og", "-O",
              "-Ofast"}

USAGE = """\
usage: {tool} [clang options] [--wmc-options] inputs...

wasm-memctl options (everything else is passed to clang-22):
  -fwasm-rodata=auto|off   move non-escaping constants into read-only memory
                           (default: auto at -O1 and above, off at -O0)
  -fwasm-rodata-report     list what moved to read-only memory and why the
                           rest stayed (on stderr)
  -fwasm-guard-vacated     at link: make the whole 4 KiB pages of memory 0 that
                           were emptied by moving data to another memory
                           no-access, so a stray access there traps
                           (wmc-opt --guard-vacated)
  -fwasm-memctl-no-plugins compile with plain clang-22 (no plugins, no wmc-opt)
  -save-temps              keep the pre-finalize module (out.wasm.pre)
  -v                       print every command run
  --wmc-help               this message
"""


def fail(tool, msg):
    sys.stderr.write(f"{tool}: error: {msg}\n")
    sys.exit(1)


def run(cmd, verbose, env=None):
    if verbose:
        sys.stderr.write(" ".join(shlex.quote(c) for c in cmd) + "\n")
    try:
        return subprocess.call(cmd, env=env)
    except OSError as e:
        sys.stderr.write(f"wmc: error: cannot run {cmd[0]}: {e.strerror}\n")
        return 1


def clang_env():
    """clang's wasm driver runs any `wasm-opt` found on PATH after linking;
    that would process our marker module before wmc-opt, so hide it."""
    env = dict(os.environ)
    dirs = env.get("PATH", "").split(os.pathsep)
    env["PATH"] = os.pathsep.join(
        d for d in dirs if not os.path.exists(os.path.join(d, "wasm-opt")))
    return env


def main(argv):
    tool = os.path.basename(argv[0])
    is_cxx = tool.endswith("++") or os.environ.get("WMC_DRIVER_MODE") == "c++"
    args = argv[1:]
    if "--wmc-help" in args:
        sys.stdout.write(USAGE.format(tool=tool))
        return 0
    if not args:
        fail(tool, "no input files (see --wmc-help)")

    verbose = False
    save_temps = False
    plugins = True
    rodata = None
    rodata_report = False
    guard_vacated = False
    opt_level = "-O0"
    output = None
    compile_only = False
    passthrough = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "-v":
            verbose = True
            passthrough.append(a)
        elif a == "-save-temps":
            save_temps = True
        elif a == "-fwasm-memctl-no-plugins":
            plugins = False
        elif a.startswith("-fwasm-rodata="):
            rodata = a.split("=", 1)[1]
            if rodata not in ("auto", "off"):
                fail(tool, f"invalid value '{rodata}' in '{a}' "
                           "(expected 'auto' or 'off')")
        elif a == "-fwasm-rodata-report":
            rodata_report = True
        elif a == "-fwasm-guard-vacated":
            guard_vacated = True
        elif a.startswith("--target=") or a == "-target":
            value = a.split("=", 1)[1] if "=" in a else (
                args[i + 1] if i + 1 < len(args) else "")
            if a == "-target":
                i += 1
            if value not in (TARGET, "wasm32-wasi", "wasm32-unknown-wasip1",
                             "wasm32-unknown-wasi"):
                fail(tool, f"target '{value}' is not supported: {tool} "
                           f"always targets {TARGET}")
        elif a == "-o":
            if i + 1 >= len(args):
                fail(tool, "argument to '-o' is missing")
            output = args[i + 1]
            i += 1
        elif a.startswith("-o") and len(a) > 2:
            output = a[2:]
        else:
            if a in OPT_LEVELS or (a.startswith("-O") and len(a) == 3):
                opt_level = "-O2" if a == "-O" else a
            if a in COMPILE_ONLY_FLAGS:
                compile_only = True
            passthrough.append(a)
        i += 1

    if rodata is None:
        rodata = "off" if opt_level in ("-O0", "-Og") else "auto"

    clang = [CLANG, "--driver-mode=g++"] if is_cxx else [CLANG]
    cmd = clang + [f"--target={TARGET}",
                   f"--sysroot={os.path.join(SHARE, 'sysroot')}",
                   "-isystem", os.path.join(SHARE, "include")]
    # Only a compilation uses the plugins; a link of objects alone would
    # warn that -mllvm was unused.
    compiles = "-x" in passthrough or "-" in passthrough or any(
        not p.startswith("-") and os.path.splitext(p)[1] in SOURCE_EXTS
        for p in passthrough)
    if plugins and compiles:
        cmd += [f"-fplugin={CLANG_PLUGIN}",
                # -load makes the pass plugin's options known before -mllvm
                # is parsed; -fpass-plugin registers its pipeline callbacks.
                "-Xclang", "-load", "-Xclang", PASS_PLUGIN,
                f"-fpass-plugin={PASS_PLUGIN}",
                "-mllvm", f"-wmc-rodata={rodata}"]
        if rodata_report:
            cmd += ["-mllvm", "-wmc-rodata-report"]
    if is_cxx and not any(p in ("-fexceptions", "-fwasm-exceptions",
                                "-fcxx-exceptions") for p in passthrough):
        # Debian's wasm32 libc++abi is built without exception support.
        cmd.append("-fno-exceptions")
    cmd += passthrough

    if guard_vacated and (compile_only or not plugins):
        sys.stderr.write(f"{tool}: warning: -fwasm-guard-vacated has no effect "
                         "here: it acts when linking through wmc-opt\n")
    if compile_only or not plugins:
        if output is not None:
            cmd += ["-o", output]
        return run(cmd, verbose, clang_env())

    output = output or "a.out"
    # wasm-ld records the output's file name as the module name, so link
    # under the output's own name, in a private directory, to keep builds
    # reproducible whatever the temporary location.
    tmpdir = tempfile.mkdtemp(prefix="wmc-",
                              dir=os.path.dirname(os.path.abspath(output)))
    pre = os.path.join(tmpdir, os.path.basename(output))
    try:
        rc = run(cmd + ["-o", pre], verbose, clang_env())
        if rc != 0:
            return rc
        if save_temps:
            shutil.copyfile(pre, output + ".pre")
        opt = [WMC_OPT, pre, "--finalize", "-o", output]
        if guard_vacated:
            opt.append("--guard-vacated")
        if opt_level != "-O0":
            opt.append(opt_level if opt_level != "-Og" else "-O1")
        if "-g" in passthrough or any(p.startswith("-g") and p != "-g0"
                                      for p in passthrough):
            opt.append("-g")
        rc = run(opt, verbose)
        if rc == 0:
            os.chmod(output, 0o755)
        return rc
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
