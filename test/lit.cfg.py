# lit configuration for wasm-memctl. One folder per component under test/;
# every tool is reachable through a substitution (listed below and in
# test/README.md).
import os
import lit.formats

config.name = "wasm-memctl"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".cpp", ".ll", ".wat", ".wast", ".test", ".txt"]
config.excludes = ["Inputs", "CMakeLists.txt", "README.md", "lit.cfg.py",
                   "lit.site.cfg.py", "lit.local.cfg"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.wmc_obj_root, "test")

bin_dir = config.wmc_bin_dir
llvm = config.llvm_tools_dir
js_runner = os.path.join(config.wmc_src_root, "runtime", "js", "runner.mjs")

config.environment["PATH"] = os.pathsep.join(
    [bin_dir, llvm, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["HOME"] = os.environ.get("HOME", "/root")

def tool(name):
    return os.path.join(bin_dir, name)

subs = [
    ("%wmc-cc", tool("wmc-cc")),
    ("%wmc-c\\+\\+", tool("wmc-c++")),
    ("%wmc-opt", tool("wmc-opt")),
    ("%wmc-run", tool("wmc-run")),
    ("%wmc-spectest", tool("wmc-spectest")),
    # Run a wasm32-wasi module with WASI (and the memory-control polyfill)
    # in node 26 / bun: %run-node m.wasm args...
    ("%run-node", f"{config.node} --no-warnings {js_runner}"),
    ("%run-bun", f"{config.bun} {js_runner}"),
    ("%node", config.node),
    ("%bun", config.bun),
    ("%wast2json", "wast2json --enable-multi-memory"),
    ("%wasm-validate", "wasm-validate --enable-multi-memory"),
    ("%wasm2wat", "wasm2wat --enable-multi-memory"),
    ("%wat2wasm", "wat2wasm --enable-multi-memory"),
    ("%wasm-objdump", "wasm-objdump"),
    ("%clang", "/usr/bin/clang-22"),
    ("%opt", os.path.join(llvm, "opt")),
    ("%clang-plugin", os.path.join(config.wmc_lib_dir, "wmc-clang-ext.so")),
    ("%pass-plugin", os.path.join(config.wmc_lib_dir, "wmc-llvm-pass.so")),
    ("%wmc-include", os.path.join(config.wmc_share_dir, "include")),
    ("%wmc-share", config.wmc_share_dir),
    ("%src_root", config.wmc_src_root),
]
# Longer names first so %wmc-cc does not eat %wmc-c++.
config.substitutions.extend(sorted(subs, key=lambda s: -len(s[0])))
config.substitutions.append(("FileCheck", os.path.join(llvm, "FileCheck")))
config.substitutions.append(("(?<![\\w./-])not(?![\\w./-])", os.path.join(llvm, "not")))

for name in ["wmc-run", "wmc-spectest"]:
    if os.path.exists(tool(name)):
        config.available_features.add(name)
