// Runs a wasm32-wasi module built by wasm-memctl in node 26 or bun:
//   node runner.mjs [--strict] module.wasm [args...]
//   bun  runner.mjs [--strict] module.wasm [args...]
// WASI preview1 comes from node:wasi (bun implements the same module); the
// current directory is preopened as ".". Every `wasm:memctl` import is served
// by memctl-polyfill.mjs (docs/memory-control.md §7); `--strict` (or
// WMC_POLYFILL_STRICT=1) instruments the module so that every guest access to
// a read-only or no-access page traps, as in wmc-run.
// Exit status: the program's exit code; 134 and `wasm trap: <kind>` on a wasm
// trap (engine messages are normalised to the kinds wmc-run prints); 1 and
// `runner: error: ...` when the module cannot be loaded or instantiated;
// 2 on a usage error.
import { readFileSync } from "node:fs";
import process from "node:process";
import { MemctlError, prepare } from "./memctl-polyfill.mjs";

const EXIT_TRAP = 134;
const EXIT_ERROR = 1;
const EXIT_USAGE = 2;

// node:wasi prints an ExperimentalWarning on load; keep stderr for the guest.
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === "string" ? rest[0] : rest[0]?.type ?? warning?.name;
  if (type === "ExperimentalWarning") return;
  emitWarning.call(process, warning, ...rest);
};
const { WASI } = await import("node:wasi");

/// Engine trap messages (V8, JSC) -> the kind wmc-run prints (spec names).
const TRAP_KINDS = [
  [/^(memory access out of bounds|Out of bounds memory access)/, "out of bounds memory access"],
  [/^(unreachable|Unreachable code should not be executed)/, "unreachable"],
  [/^(divide by zero|Division by zero)/, "integer divide by zero"],
  [/^(divide result unrepresentable|Integer overflow)/, "integer overflow"],
  [/^(float unrepresentable in integer range|Out of bounds Trunc operation)/, "invalid conversion to integer"],
  [/^(function signature mismatch|call_indirect to a signature that does not match)/, "indirect call type mismatch"],
  [/^call_indirect to a null table entry/, "uninitialized element"],
  [/^(table index is out of bounds|Out of bounds call_indirect)/, "undefined element"],
  [/^Out of bounds table access/, "out of bounds table access"],
  [/^Maximum call stack size exceeded/, "call stack exhausted"],
];

/// The `wasm trap:` text for an exception, or null if it is not a trap.
function trapMessage(e, memctl) {
  if (e?.wmcTrap) return e.message;
  const isTrap = e instanceof WebAssembly.RuntimeError ||
    (e instanceof RangeError && /^Maximum call stack size exceeded/.test(e.message));
  if (!isTrap) return null;
  const refused = memctl?.violation();
  if (refused) return refused;
  const message = String(e.message).replace(/ \(evaluating '.*'\)$/s, "");
  for (const [pattern, kind] of TRAP_KINDS)
    if (pattern.test(message)) return kind;
  return message;
}

function usage() {
  console.error("usage: runner.mjs [--strict] module.wasm [args...]");
  process.exit(EXIT_USAGE);
}

let argv = process.argv.slice(2);
let strict = process.env.WMC_POLYFILL_STRICT === "1";
while (argv.length && argv[0].startsWith("--")) {
  const opt = argv.shift();
  if (opt === "--") break;
  if (opt === "--strict") strict = true;
  else {
    console.error(`runner: error: unknown option '${opt}'`);
    usage();
  }
}
const [file, ...args] = argv;
if (!file) usage();

const preopens = { ".": "." };
const env = { ...process.env };
let code;
let memctl;
try {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new MemctlError(`cannot read '${file}': ${e.code ?? e.message}`);
  }
  memctl = prepare(bytes, { strict });
  const module = await WebAssembly.compile(memctl.bytes);
  const wasi = new WASI({ version: "preview1", args: [file, ...args], env, preopens, returnOnExit: true });
  const imports = {
    wasi_snapshot_preview1: memctl.wrapWasi(wasi.wasiImport, { preopens, args: [file, ...args], env }),
    ...memctl.importObject(),
  };
  const instance = await WebAssembly.instantiate(module, imports);
  memctl.attach(instance);
  code = wasi.start(instance);
} catch (e) {
  const trap = trapMessage(e, memctl);
  if (trap !== null) {
    console.error(`wasm trap: ${trap}`);
    process.exit(EXIT_TRAP);
  }
  console.error(`runner: error: ${file}: ${e?.message ?? e}`);
  process.exit(EXIT_ERROR);
}
process.exit(code ?? 0);
