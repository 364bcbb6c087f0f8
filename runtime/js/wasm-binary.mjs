// Minimal WebAssembly binary reader/rewriter for the memory-control polyfill.
//
// The polyfill needs three things an engine's JS API does not give: the
// signatures of imports (to validate `wasm:memctl` builtins like wmc-run does),
// the custom sections (`wmc.protections`, memory names from the `name`
// section), and access to memories the module does not export. This file
// reads the section structure of a module, decodes the type, import, memory,
// export and name sections, and rewrites the export section so that every
// memory is exported under a reserved name. It decodes nothing else (code and
// data stay opaque bytes), so any module the engines accept passes through.

/// Thrown for a module this reader cannot understand; the message names the
/// byte offset and the reason.
export class BinaryError extends Error {}

const SECTION_CUSTOM = 0;
const SECTION_TYPE = 1;
const SECTION_IMPORT = 2;
const SECTION_MEMORY = 5;
const SECTION_EXPORT = 7;

const VALTYPE_NAMES = new Map([
  [0x7f, "i32"], [0x7e, "i64"], [0x7d, "f32"], [0x7c, "f64"], [0x7b, "v128"],
  [0x70, "funcref"], [0x6f, "externref"],
]);

/// Cursor over a byte range with LEB128 and name decoding.
class Reader {
  constructor(bytes, pos = 0, end = bytes.length) {
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
  }
  fail(why) {
    throw new BinaryError(`at byte offset 0x${this.pos.toString(16)}: ${why}`);
  }
  atEnd() { return this.pos >= this.end; }
  u8() {
    if (this.pos >= this.end) this.fail("unexpected end");
    return this.bytes[this.pos++];
  }
  /// Unsigned LEB128 of at most `bits` bits, returned as a Number (bits <= 53)
  /// or a BigInt (bits = 64).
  uleb(bits = 32) {
    let result = 0n, shift = 0n;
    for (;;) {
      const b = this.u8();
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if (!(b & 0x80)) break;
      if (shift >= BigInt(bits + 7)) this.fail("LEB128 too long");
    }
    if (result >> BigInt(bits)) this.fail(`integer does not fit in ${bits} bits`);
    return bits > 53 ? result : Number(result);
  }
  u32() { return this.uleb(32); }
  take(n) {
    if (n > this.end - this.pos) this.fail("unexpected end");
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  name() { return new TextDecoder("utf-8", { fatal: true }).decode(this.take(this.u32())); }
  /// A value type; reference types with a heap type are spelled "(ref ...)".
  valtype() {
    const b = this.u8();
    if (VALTYPE_NAMES.has(b)) return VALTYPE_NAMES.get(b);
    if (b === 0x64 || b === 0x63) {
      this.sleb33();
      return b === 0x64 ? "(ref)" : "(ref null)";
    }
    // Abbreviated heap types of GC (anyref, eqref, ...).
    if (b >= 0x69 && b <= 0x74) return `reftype 0x${b.toString(16)}`;
    this.pos--;
    this.fail(`unknown value type 0x${b.toString(16)}`);
  }
  sleb33() {
    let b;
    do b = this.u8(); while (b & 0x80);
  }
  limits() {
    const flags = this.u8();
    const is64 = (flags & 4) !== 0;
    const min = this.uleb(is64 ? 64 : 32);
    const max = flags & 1 ? this.uleb(is64 ? 64 : 32) : null;
    if (flags & 8) this.u32(); // custom page size exponent
    return { min: Number(min), max: max === null ? null : Number(max), shared: (flags & 2) !== 0, is64 };
  }
}

/// Decoded facts about a module: its sections (payload ranges), function
/// types, imports, memories, exports, custom sections and memory names.
export function parseModule(bytes) {
  if (!(bytes instanceof Uint8Array)) bytes = new Uint8Array(bytes);
  const r = new Reader(bytes);
  const magic = r.take(4);
  if (magic[0] !== 0 || magic[1] !== 0x61 || magic[2] !== 0x73 || magic[3] !== 0x6d)
    throw new BinaryError("not a WebAssembly module (bad magic number)");
  const version = r.take(4);
  if (version[0] !== 1 || version[1] || version[2] || version[3])
    throw new BinaryError("unsupported WebAssembly binary version");

  const info = {
    bytes, sections: [], types: [], imports: [], memories: [], exports: [],
    customs: [], memoryNames: new Map(),
  };
  while (!r.atEnd()) {
    const start = r.pos;
    const id = r.u8();
    const size = r.u32();
    const payload = r.pos;
    if (size > r.end - payload) r.fail(`section ${id} runs past the end of the module`);
    const end = payload + size;
    info.sections.push({ id, start, payload, end });
    const s = new Reader(bytes, payload, end);
    switch (id) {
    case SECTION_CUSTOM: {
      const name = s.name();
      info.customs.push({ name, payload: s.pos, end });
      if (name === "name") parseNames(new Reader(bytes, s.pos, end), info);
      break;
    }
    case SECTION_TYPE: parseTypes(s, info); break;
    case SECTION_IMPORT: parseImports(s, info); break;
    case SECTION_MEMORY:
      for (let n = s.u32(); n > 0; n--) info.memories.push({ ...s.limits(), imported: false });
      break;
    case SECTION_EXPORT:
      for (let n = s.u32(); n > 0; n--) {
        const name = s.name();
        const kind = s.u8();
        info.exports.push({ name, kind, index: s.u32() });
      }
      break;
    default: break;
    }
    r.pos = end;
  }
  return info;
}

function parseTypes(s, info) {
  for (let n = s.u32(); n > 0; n--) {
    const form = s.u8();
    if (form !== 0x60) {
      // GC rec groups / struct / array types: signatures after this point are
      // unknown; builtin imports using them are reported as such.
      info.types.push(null);
      return;
    }
    const params = [];
    for (let p = s.u32(); p > 0; p--) params.push(s.valtype());
    const results = [];
    for (let q = s.u32(); q > 0; q--) results.push(s.valtype());
    info.types.push({ params, results });
  }
}

function parseImports(s, info) {
  for (let n = s.u32(); n > 0; n--) {
    const module = s.name();
    const name = s.name();
    const kind = s.u8();
    const imp = { module, name, kind };
    switch (kind) {
    case 0: imp.typeIndex = s.u32(); break;
    case 1: s.valtype(); s.limits(); break;
    case 2: info.memories.push({ ...s.limits(), imported: true }); break;
    case 3: s.valtype(); s.u8(); break;
    case 4: s.u8(); imp.typeIndex = s.u32(); break;
    default: s.fail(`unknown import kind ${kind}`);
    }
    info.imports.push(imp);
  }
}

/// Memory names: subsection 6 of the extended name section (Binaryen writes it).
function parseNames(s, info) {
  try {
    while (!s.atEnd()) {
      const id = s.u8();
      const size = s.u32();
      const end = s.pos + size;
      if (id === 6) {
        const sub = new Reader(s.bytes, s.pos, end);
        for (let n = sub.u32(); n > 0; n--) {
          const index = sub.u32();
          info.memoryNames.set(index, sub.name());
        }
      }
      s.pos = end;
    }
  } catch (e) {
    if (!(e instanceof BinaryError)) throw e;
    // A malformed name section only loses names; engines ignore it too.
  }
}

/// Renders a function type like wmc-run does: "(i32, i32) -> (i32)".
export function formatType(type) {
  if (!type) return "<unknown type>";
  return `(${type.params.join(", ")}) -> (${type.results.join(", ")})`;
}

function encodeU32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value >>>= 7;
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

function encodeName(text) {
  const utf8 = new TextEncoder().encode(text);
  return [...encodeU32(utf8.length), ...utf8];
}

/// Canonical order of the non-custom sections (tag = 13 sits after memory,
/// datacount = 12 before code).
const SECTION_ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];

/// Returns a copy of the module in which each section id of `payloads` (a
/// Map id -> Uint8Array or array of bytes) has that payload: an existing
/// section is replaced in place, a missing one is inserted at its canonical
/// position.
export function replaceSections(info, payloads) {
  const { bytes } = info;
  const pieces = [];
  const pending = new Map(payloads);
  const emit = (id) => {
    const body = pending.get(id);
    pending.delete(id);
    pieces.push(Uint8Array.from([id, ...encodeU32(body.length)]), Uint8Array.from(body));
  };
  let pos = 0;
  for (const sec of info.sections) {
    if (sec.id !== SECTION_CUSTOM) {
      // Insert missing sections that come before this one.
      for (const id of [...pending.keys()]) {
        if (id !== sec.id && !info.sections.some((x) => x.id === id) &&
            SECTION_ORDER.indexOf(id) < SECTION_ORDER.indexOf(sec.id)) {
          pieces.push(bytes.subarray(pos, sec.start));
          pos = sec.start;
          emit(id);
        }
      }
    }
    if (pending.has(sec.id) && sec.id !== SECTION_CUSTOM) {
      pieces.push(bytes.subarray(pos, sec.start));
      emit(sec.id);
      pos = sec.end;
    }
  }
  pieces.push(bytes.subarray(pos));
  for (const id of SECTION_ORDER.filter((x) => pending.has(x))) emit(id);
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/// Returns a copy of the module whose export section also exports memory k
/// as `name` for every [k, name] in `names` (an array of pairs). Existing
/// exports are kept in order; the section is created at the right place when
/// the module has none.
export function addMemoryExports(info, names) {
  const { bytes } = info;
  const taken = new Set(info.exports.map((e) => e.name));
  const entries = [];
  for (const [index, name] of names) {
    if (taken.has(name))
      throw new BinaryError(`the module already exports a field named "${name}", reserved for the memory-control polyfill`);
    entries.push(...encodeName(name), 2, ...encodeU32(index));
  }
  const old = info.sections.find((s) => s.id === SECTION_EXPORT);
  let body;
  if (old) {
    const r = new Reader(bytes, old.payload, old.end);
    const count = r.u32();
    body = [...encodeU32(count + names.length), ...bytes.subarray(r.pos, old.end), ...entries];
  } else {
    body = [...encodeU32(names.length), ...entries];
  }
  return replaceSections(info, new Map([[SECTION_EXPORT, body]]));
}

export { encodeU32, Reader };
