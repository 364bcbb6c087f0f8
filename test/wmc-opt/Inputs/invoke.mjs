// Instantiates a module without imports and prints the result of calling
// one export: node|bun invoke.mjs module.wasm export [i32 args...]
import { readFileSync } from "node:fs";
const [file, name, ...args] = process.argv.slice(2);
const { instance } = await WebAssembly.instantiate(readFileSync(file), {});
console.log(String(instance.exports[name](...args.map(Number))));
