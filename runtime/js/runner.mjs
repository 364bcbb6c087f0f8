// Runs a wasm32-wasi module built by wasm-memctl in node 26 or bun:
//   node runner.mjs module.wasm [args...]      bun runner.mjs module.wasm [args...]
// WASI preview1 comes from node:wasi (bun implements the same module). The
// current directory is preopened as "." so tests can use relative files.
// Exit status: the program's exit code; 134 and a message on a wasm trap.
import { readFileSync } from "node:fs";
import { WASI } from "node:wasi";
import process from "node:process";

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error("usage: runner.mjs module.wasm [args...]");
  process.exit(2);
}
const wasi = new WASI({
  version: "preview1",
  args: [file, ...args],
  env: process.env,
  preopens: { ".": "." },
  returnOnExit: true,
});
let code;
try {
  const module = await WebAssembly.compile(readFileSync(file));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  code = wasi.start(instance);
} catch (e) {
  if (e instanceof WebAssembly.RuntimeError) {
    console.error(`wasm trap: ${e.message}`);
    process.exit(134);
  }
  console.error(`runner: error: ${e.message}`);
  process.exit(1);
}
process.exit(code ?? 0);
