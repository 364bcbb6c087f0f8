// Instantiates a wasm module in node/bun and prints the results of calling
// its exports: `call-export.mjs MODULE.wasm NAME[:ARG,...] ...`, one line
// "NAME(ARGS) = RESULT" per call, "NAME(ARGS) trapped: MESSAGE" on a trap.
// The module may import nothing (these tests run finalized modules that use
// no wasm:memctl builtins).
import { readFileSync } from "node:fs";

const [file, ...calls] = process.argv.slice(2);
const { instance } = await WebAssembly.instantiate(readFileSync(file), {});
for (const call of calls) {
  const [name, argText] = call.split(":");
  const args = argText ? argText.split(",").map(Number) : [];
  try {
    const result = instance.exports[name](...args);
    console.log(`${name}(${args.join(",")}) = ${result}`);
  } catch (e) {
    console.log(`${name}(${args.join(",")}) trapped: ${e.message}`);
  }
}
