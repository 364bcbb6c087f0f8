// `--strict` mode of the memory-control polyfill: rewrites a module so that
// every guest memory access checks the page table before it happens.
//
// JS engines have no page protection, so the polyfill cannot stop a store into
// a read-only memory by itself. In strict mode it instruments the module
// instead, without changing any existing index:
//   - one extra memory (the *page table*, exported as "wmc:pagetable") holds
//     one byte per 4 KiB page of every memory (bit 0 = reads denied, bit 1 =
//     writes denied, so the zero-initialised table allows everything until
//     the polyfill fills it in) and, at offset 0, the details of the last
//     violation;
//   - two functions appended to the module, $check(addr, offset, info) and
//     $check_range(addr, len, info), look the pages up and, on a violation,
//     record (address, info) and execute `unreachable`;
//   - every load, store, atomic, SIMD lane access, memory.fill, memory.copy
//     and memory.init is preceded by a call to them, its operands kept in
//     fresh locals.
// The runner turns the resulting trap into the same message wmc-run prints,
// e.g. `wasm trap: write to read-only memory (memory 1, address 0x10, i32.store)`.
// Code is copied byte for byte except at memory instructions, so branch depths
// and all indices stay valid. Unsupported encodings (GC, memory64) are
// reported as errors rather than silently left unchecked.
//
//   before:  (i32.store $m1 offset=8 (local.get 0) (i32.const 7))
//   after:   local.get 0  i32.const 7  local.set $v  local.tee $a
//            local.get $a i32.const 8  i32.const <info>  call $check
//            local.get $v  i32.store $m1 offset=8
import { BinaryError, encodeU32, Reader, replaceSections } from "./wasm-binary.mjs";

const PAGE_SHIFT = 12;
/// Page-table layout: violation record at 0, memory k's bytes at
/// TABLE_BASE + k * TABLE_STRIDE (one byte per page of a 4 GiB memory).
export const TABLE_BASE = 65536;
export const TABLE_STRIDE = 1 << 20;
export const PAGETABLE_EXPORT = "wmc:pagetable";
/// Record written at offset 0 of the page table on a violation.
export const RECORD = { FLAG: 0, ADDRESS: 8, INFO: 16 };

const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c, V128 = 0x7b;

// --- memory instruction table --------------------------------------------

/// Names of the instrumented operations; `info` carries the index.
export const OP_NAMES = [];
const opId = (name) => {
  OP_NAMES.push(name);
  return OP_NAMES.length - 1;
};
/// shape: "load" [addr] | "store" [addr, v] | "rmw" [addr, v] |
/// "cmpxchg" [addr, e, r] | "lane-load"/"lane-store" [addr, v128] | "none".
const mem = (name, size, shape, type = null) => ({ id: opId(name), name, size, shape, type });

const MVP = new Map([
  [0x28, mem("i32.load", 4, "load")], [0x29, mem("i64.load", 8, "load")],
  [0x2a, mem("f32.load", 4, "load")], [0x2b, mem("f64.load", 8, "load")],
  [0x2c, mem("i32.load8_s", 1, "load")], [0x2d, mem("i32.load8_u", 1, "load")],
  [0x2e, mem("i32.load16_s", 2, "load")], [0x2f, mem("i32.load16_u", 2, "load")],
  [0x30, mem("i64.load8_s", 1, "load")], [0x31, mem("i64.load8_u", 1, "load")],
  [0x32, mem("i64.load16_s", 2, "load")], [0x33, mem("i64.load16_u", 2, "load")],
  [0x34, mem("i64.load32_s", 4, "load")], [0x35, mem("i64.load32_u", 4, "load")],
  [0x36, mem("i32.store", 4, "store", I32)], [0x37, mem("i64.store", 8, "store", I64)],
  [0x38, mem("f32.store", 4, "store", F32)], [0x39, mem("f64.store", 8, "store", F64)],
  [0x3a, mem("i32.store8", 1, "store", I32)], [0x3b, mem("i32.store16", 2, "store", I32)],
  [0x3c, mem("i64.store8", 1, "store", I64)], [0x3d, mem("i64.store16", 2, "store", I64)],
  [0x3e, mem("i64.store32", 4, "store", I64)],
]);

const SIMD = new Map([
  [0, mem("v128.load", 16, "load")], [1, mem("v128.load8x8_s", 8, "load")],
  [2, mem("v128.load8x8_u", 8, "load")], [3, mem("v128.load16x4_s", 8, "load")],
  [4, mem("v128.load16x4_u", 8, "load")], [5, mem("v128.load32x2_s", 8, "load")],
  [6, mem("v128.load32x2_u", 8, "load")], [7, mem("v128.load8_splat", 1, "load")],
  [8, mem("v128.load16_splat", 2, "load")], [9, mem("v128.load32_splat", 4, "load")],
  [10, mem("v128.load64_splat", 8, "load")], [11, mem("v128.store", 16, "store", V128)],
  [84, mem("v128.load8_lane", 1, "lane-load", V128)], [85, mem("v128.load16_lane", 2, "lane-load", V128)],
  [86, mem("v128.load32_lane", 4, "lane-load", V128)], [87, mem("v128.load64_lane", 8, "lane-load", V128)],
  [88, mem("v128.store8_lane", 1, "lane-store", V128)], [89, mem("v128.store16_lane", 2, "lane-store", V128)],
  [90, mem("v128.store32_lane", 4, "lane-store", V128)], [91, mem("v128.store64_lane", 8, "lane-store", V128)],
  [92, mem("v128.load32_zero", 4, "load")], [93, mem("v128.load64_zero", 8, "load")],
]);

const ATOMIC = new Map([
  // notify and wait block or wake; their address is checked like a read.
  [0x00, mem("memory.atomic.notify", 4, "store", I32)],
  [0x01, mem("memory.atomic.wait32", 4, "none")], [0x02, mem("memory.atomic.wait64", 8, "none")],
  [0x10, mem("i32.atomic.load", 4, "load")], [0x11, mem("i64.atomic.load", 8, "load")],
  [0x12, mem("i32.atomic.load8_u", 1, "load")], [0x13, mem("i32.atomic.load16_u", 2, "load")],
  [0x14, mem("i64.atomic.load8_u", 1, "load")], [0x15, mem("i64.atomic.load16_u", 2, "load")],
  [0x16, mem("i64.atomic.load32_u", 4, "load")],
  [0x17, mem("i32.atomic.store", 4, "store", I32)], [0x18, mem("i64.atomic.store", 8, "store", I64)],
  [0x19, mem("i32.atomic.store8", 1, "store", I32)], [0x1a, mem("i32.atomic.store16", 2, "store", I32)],
  [0x1b, mem("i64.atomic.store8", 1, "store", I64)], [0x1c, mem("i64.atomic.store16", 2, "store", I64)],
  [0x1d, mem("i64.atomic.store32", 4, "store", I64)],
]);
{
  const widths = [["i32", "", 4, I32], ["i64", "", 8, I64], ["i32", "8", 1, I32], ["i32", "16", 2, I32],
                  ["i64", "8", 1, I64], ["i64", "16", 2, I64], ["i64", "32", 4, I64]];
  const ops = ["add", "sub", "and", "or", "xor", "xchg", "cmpxchg"];
  ops.forEach((op, g) => widths.forEach(([t, bits, size, type], i) => {
    const name = `${t}.atomic.rmw${bits}.${op}${bits ? "_u" : ""}`;
    ATOMIC.set(0x1e + 7 * g + i, mem(name, size, op === "cmpxchg" ? "cmpxchg" : "rmw", type));
  }));
}
export const OP_FILL = opId("memory.fill");
export const OP_COPY = opId("memory.copy");
export const OP_INIT = opId("memory.init");

/// info word: memory index (bits 0-7), access size (8-12), write (13),
/// operation id (16-31).
export const decodeInfo = (info) => ({
  memory: info & 0xff, size: (info >>> 8) & 0x1f, write: (info & 0x2000) !== 0, op: OP_NAMES[info >>> 16],
});
const encodeInfo = (memory, size, write, op) => (memory | (size << 8) | (write ? 0x2000 : 0) | (op << 16)) >>> 0;

// --- encoding helpers ------------------------------------------------------

function sleb(value) {
  const out = [];
  let v = BigInt(value);
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && !(b & 0x40)) || (v === -1n && (b & 0x40));
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}
const i32Const = (v) => [0x41, ...sleb(v | 0)];
const localGet = (i) => [0x20, ...encodeU32(i)];
const localSet = (i) => [0x21, ...encodeU32(i)];
const localTee = (i) => [0x22, ...encodeU32(i)];
const call = (f) => [0x10, ...encodeU32(f)];

// --- instruction skipping --------------------------------------------------

function skipBlockType(r) {
  const b = r.bytes[r.pos];
  if (b === 0x40 || (b >= 0x7b && b <= 0x7f) || b === 0x70 || b === 0x6f) {
    r.pos++;
    return;
  }
  if (b === 0x64 || b === 0x63) {
    r.pos++;
    r.sleb33();
    return;
  }
  r.sleb33(); // type index
}

function readMemarg(r) {
  const align = r.u32();
  const memory = align & 0x40 ? r.u32() : 0;
  const offset = r.uleb(64);
  if (offset > 0xffffffffn) r.fail("--strict does not support memory64 offsets");
  return { memory, offset: Number(offset) };
}

/// Walks one function body (after its locals), calling onMemory(op, start,
/// r) at every memory instruction whose immediates start at r.pos.
function walkCode(r, end, visit) {
  while (r.pos < end) {
    const start = r.pos;
    const op = r.u8();
    if (MVP.has(op)) {
      visit(MVP.get(op), start, readMemarg(r), r.pos);
      continue;
    }
    switch (op) {
    case 0x02: case 0x03: case 0x04: case 0x06: skipBlockType(r); break;
    case 0x07: case 0x08: case 0x09: case 0x18: r.u32(); break;
    case 0x1f: {
      skipBlockType(r);
      for (let n = r.u32(); n > 0; n--) {
        const kind = r.u8();
        if (kind === 0 || kind === 1) r.u32();
        r.u32();
      }
      break;
    }
    case 0x0c: case 0x0d: case 0x10: case 0x12: case 0x14: case 0x15: case 0xd2: case 0xd5: case 0xd6:
    case 0x20: case 0x21: case 0x22: case 0x23: case 0x24: case 0x25: case 0x26:
    case 0x3f: case 0x40:
      r.u32();
      break;
    case 0x0e: for (let n = r.u32() + 1; n > 0; n--) r.u32(); break;
    case 0x11: case 0x13: r.u32(); r.u32(); break;
    case 0x1c: for (let n = r.u32(); n > 0; n--) r.valtype(); break;
    case 0x41: r.sleb33(); break;
    case 0x42: r.sleb33(); break;
    case 0x43: r.take(4); break;
    case 0x44: r.take(8); break;
    case 0xd0: r.sleb33(); break;
    case 0xfc: {
      const sub = r.u32();
      if (sub <= 7) break;
      if (sub === 8) {
        r.u32();
        visit({ id: OP_INIT, shape: "init" }, start, { memory: r.u32(), offset: 0 }, r.pos);
      } else if (sub === 10) {
        const dst = r.u32();
        visit({ id: OP_COPY, shape: "copy" }, start, { memory: dst, source: r.u32(), offset: 0 }, r.pos);
      } else if (sub === 11) {
        visit({ id: OP_FILL, shape: "fill" }, start, { memory: r.u32(), offset: 0 }, r.pos);
      } else if (sub === 9 || sub === 13 || sub === 15 || sub === 16 || sub === 17) r.u32();
      else if (sub === 12 || sub === 14) { r.u32(); r.u32(); }
      else r.fail(`unknown 0xfc instruction ${sub}`);
      break;
    }
    case 0xfd: {
      const sub = r.u32();
      if (SIMD.has(sub)) {
        const m = SIMD.get(sub);
        const arg = readMemarg(r);
        if (sub >= 84 && sub <= 91) r.u8(); // lane
        visit(m, start, arg, r.pos);
      } else if (sub === 12 || sub === 13) r.take(16);
      else if (sub >= 21 && sub <= 34) r.u8();
      break;
    }
    case 0xfe: {
      const sub = r.u32();
      if (sub === 0x03) { r.u8(); break; }
      const m = ATOMIC.get(sub);
      if (!m) r.fail(`unknown atomic instruction 0x${sub.toString(16)}`);
      visit(m, start, readMemarg(r), r.pos);
      break;
    }
    case 0xfb: r.fail("--strict does not support GC instructions");
    default:
      // Every other opcode (control, parametric, numeric, reference) has no
      // immediate.
      break;
    }
  }
}

// --- the rewrite -------------------------------------------------------------

/// Returns the module bytes with checks before every memory access, plus the
/// index of the page-table memory. Throws BinaryError for what it cannot
/// instrument.
export function instrument(info) {
  const { bytes } = info;
  if (info.memories.some((m) => m.is64)) throw new BinaryError("--strict does not support memory64");
  const section = (id) => info.sections.find((s) => s.id === id);
  const funcTypes = [];
  const funcSec = section(3);
  if (funcSec) {
    const r = new Reader(bytes, funcSec.payload, funcSec.end);
    for (let n = r.u32(); n > 0; n--) funcTypes.push(r.u32());
  }
  const importedFuncs = info.imports.filter((i) => i.kind === 0).length;
  const checkFunc = importedFuncs + funcTypes.length;
  const rangeFunc = checkFunc + 1;
  const typeIndex = info.types.length;
  if (info.types.some((t) => t === null)) throw new BinaryError("--strict does not support GC type sections");
  const tableMemory = info.memories.length;

  // Type section: + (i32, i32, i32) -> ().
  const types = [...encodeU32(info.types.length + 1)];
  const typeSec = section(1);
  if (typeSec) {
    const r = new Reader(bytes, typeSec.payload, typeSec.end);
    r.u32();
    types.push(...bytes.subarray(r.pos, typeSec.end));
  }
  types.push(0x60, 3, I32, I32, I32, 0);

  // Function section: + the two checkers.
  const funcs = [...encodeU32(funcTypes.length + 2)];
  for (const t of funcTypes) funcs.push(...encodeU32(t));
  funcs.push(...encodeU32(typeIndex), ...encodeU32(typeIndex));

  // Memory section: + the page table (violation record + one table per memory).
  const pages = (TABLE_BASE + TABLE_STRIDE * info.memories.length) / 65536;
  const memSec = section(5);
  const mems = [];
  const defined = info.memories.filter((m) => !m.imported).length;
  mems.push(...encodeU32(defined + 1));
  if (memSec) {
    const r = new Reader(bytes, memSec.payload, memSec.end);
    r.u32();
    mems.push(...bytes.subarray(r.pos, memSec.end));
  }
  mems.push(0x01, ...encodeU32(pages), ...encodeU32(pages));

  // Code section.
  const code = [];
  const codeSec = section(10);
  let bodies = 0;
  if (codeSec) {
    const r = new Reader(bytes, codeSec.payload, codeSec.end);
    bodies = r.u32();
    if (bodies !== funcTypes.length) r.fail("function and code section counts differ");
    for (let f = 0; f < bodies; f++) {
      const size = r.u32();
      const end = r.pos + size;
      const type = info.types[funcTypes[f]];
      const body = instrumentBody(new Reader(bytes, r.pos, end), end, type.params.length, checkFunc, rangeFunc);
      code.push(...encodeU32(body.length), ...body);
      r.pos = end;
    }
  }
  for (const body of [checkBody(tableMemory), rangeBody(tableMemory)]) code.push(...encodeU32(body.length), ...body);
  const codePayload = [...encodeU32(bodies + 2), ...code];

  const out = replaceSections(info, new Map([[1, types], [3, funcs], [5, mems], [10, codePayload]]));
  return { bytes: out, tableMemory };
}

function instrumentBody(r, end, paramCount, checkFunc, rangeFunc) {
  const groups = r.u32();
  const groupsStart = r.pos;
  let count = paramCount;
  for (let g = 0; g < groups; g++) {
    count += r.u32();
    r.valtype();
  }
  const codeStart = r.pos;
  // Fresh locals: $a $b $c (i32), $x (i64), $f (f32), $d (f64), $v (v128), $y (i64).
  const L = { a: count, b: count + 1, c: count + 2, x: count + 3, f: count + 4, d: count + 5, v: count + 6, y: count + 7 };
  const out = [...encodeU32(groups + 6)];
  out.push(...r.bytes.subarray(groupsStart, codeStart));
  out.push(3, I32, 1, I64, 1, F32, 1, F64, 1, V128, 1, I64);
  const valueLocal = { [I32]: L.b, [I64]: L.x, [F32]: L.f, [F64]: L.d, [V128]: L.v };
  let copied = codeStart;
  walkCode(r, end, (m, start, arg) => {
    out.push(...r.bytes.subarray(copied, start));
    copied = start; // the instruction itself is copied after the check
    const check = (write) => [...localGet(L.a), ...i32Const(arg.offset),
                               ...i32Const(encodeInfo(arg.memory, m.size, write, m.id)), ...call(checkFunc)];
    switch (m.shape) {
    case "load":
      out.push(...localTee(L.a), ...check(false));
      break;
    case "store": case "rmw": case "lane-load": case "lane-store": {
      const v = valueLocal[m.type];
      const write = m.shape !== "lane-load" && m.name !== "memory.atomic.notify";
      out.push(...localSet(v), ...localTee(L.a), ...check(write), ...localGet(v));
      break;
    }
    case "cmpxchg": {
      const [e, rep] = m.type === I32 ? [L.b, L.c] : [L.x, L.y];
      out.push(...localSet(rep), ...localSet(e), ...localTee(L.a), ...check(true), ...localGet(e), ...localGet(rep));
      break;
    }
    case "fill": case "init": case "copy": {
      // [dst, value|src, len]
      const range = (addr, memory, write, op) => [...localGet(addr), ...localGet(L.c),
        ...i32Const(encodeInfo(memory, 0, write, op)), ...call(rangeFunc)];
      out.push(...localSet(L.c), ...localSet(L.b), ...localSet(L.a), ...range(L.a, arg.memory, true, m.id));
      if (m.shape === "copy") out.push(...range(L.b, arg.source, false, m.id));
      out.push(...localGet(L.a), ...localGet(L.b), ...localGet(L.c));
      break;
    }
    default: break; // wait32/wait64: not checked
    }
  });
  out.push(...r.bytes.subarray(copied, end));
  return out;
}

// The checkers, in wasm. Both take (addr, offset|len, info) and use locals
// 3 = current page, 4 = last page, 5 = table base, 6 = needed bit, 7 = ea.

/// Byte code shared by both checkers once locals 3 (first page), 4 (last
/// page) are set: loops over the pages and traps on a missing access bit.
function pageLoop(tableMemory) {
  const load8 = [0x2d, 0x40, ...encodeU32(tableMemory), 0]; // i32.load8_u (memory tableMemory) offset 0
  const store32 = (offset) => [0x36, 0x42, ...encodeU32(tableMemory), ...encodeU32(offset)];
  const store64 = (offset) => [0x37, 0x43, ...encodeU32(tableMemory), ...encodeU32(offset)];
  const page64 = [...localGet(3), 0xad, 0x42, ...sleb(PAGE_SHIFT), 0x86]; // (i64) page << 12
  return [
    // base = TABLE_BASE + (info & 0xff) * TABLE_STRIDE ; need = write ? 2 : 1
    ...i32Const(TABLE_BASE), ...localGet(2), ...i32Const(0xff), 0x71, ...i32Const(20), 0x74, 0x6a, ...localSet(5),
    ...localGet(2), ...i32Const(13), 0x76, ...i32Const(1), 0x71, ...i32Const(1), 0x6a, ...localSet(6),
    0x02, 0x40, 0x03, 0x40, // block loop
    // if (table[base + page] & need) != 0: record and trap
    ...localGet(5), ...localGet(3), 0x6a, ...load8, ...localGet(6), 0x71,
    0x04, 0x40,
    ...i32Const(0), ...i32Const(1), ...store32(RECORD.FLAG),
    ...i32Const(0), ...localGet(7), ...page64, ...localGet(7), ...page64, 0x56, 0x1b, ...store64(RECORD.ADDRESS),
    ...i32Const(0), ...localGet(2), ...store32(RECORD.INFO),
    0x00, 0x0b,
    // page++ ; continue while page <= last
    ...localGet(3), ...i32Const(1), 0x6a, ...localTee(3), ...localGet(4), 0x4d, 0x0d, 0x00,
    0x0b, 0x0b, // end loop, end block
  ];
}

/// $check(addr, offset, info): effective address ea = addr + offset (64-bit);
/// accesses past 4 GiB are left to the engine (out of bounds).
function checkBody(tableMemory) {
  return [
    2, 4, I32, 1, I64, // locals 3-6 i32 (page, last, base, need), 7 i64 (ea)
    ...localGet(0), 0xad, ...localGet(1), 0xad, 0x7c, ...localSet(7),
    // if ea + size > 2^32: return
    ...localGet(7), ...localGet(2), ...i32Const(8), 0x76, ...i32Const(0x1f), 0x71, 0xad, 0x7c,
    0x42, ...sleb(0x100000000n), 0x56, 0x04, 0x40, 0x0f, 0x0b,
    ...localGet(7), 0x42, ...sleb(PAGE_SHIFT), 0x88, 0xa7, ...localSet(3),
    ...localGet(7), ...localGet(2), ...i32Const(8), 0x76, ...i32Const(0x1f), 0x71, 0xad, 0x7c,
    0x42, 0x01, 0x7d, 0x42, ...sleb(PAGE_SHIFT), 0x88, 0xa7, ...localSet(4),
    ...pageLoop(tableMemory), 0x0b,
  ];
}

/// $check_range(addr, len, info): len 0 checks nothing; ranges past 4 GiB are
/// left to the engine.
function rangeBody(tableMemory) {
  return [
    2, 4, I32, 1, I64,
    ...localGet(1), 0x45, 0x04, 0x40, 0x0f, 0x0b,
    ...localGet(0), 0xad, ...localSet(7),
    ...localGet(7), ...localGet(1), 0xad, 0x7c, 0x42, ...sleb(0x100000000n), 0x56, 0x04, 0x40, 0x0f, 0x0b,
    ...localGet(7), 0x42, ...sleb(PAGE_SHIFT), 0x88, 0xa7, ...localSet(3),
    ...localGet(7), ...localGet(1), 0xad, 0x7c, 0x42, 0x01, 0x7d, 0x42, ...sleb(PAGE_SHIFT), 0x88, 0xa7, ...localSet(4),
    ...pageLoop(tableMemory), 0x0b,
  ];
}
