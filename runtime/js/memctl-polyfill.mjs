// The wasm-memctl memory-control polyfill for engines without page
// protection (V8 in node 26, JavaScriptCore in bun).
//
// It provides every `wasm:memctl` import of the runtime ABI
// (docs/memory-control.md, names from abi-table.mjs generated from
// abi/wmc_abi.h) with the same operand checks and trap messages as wmc-run:
//   protect.<k>  -> checks, then records the access in a page table
//   discard.<k>  -> checks, then fills the range with zeros
//   map.<k>      -> checks, then copies the bytes of a file the guest opened
//                   through WASI (or zeros for fd -1)
//   unmap.<k>    -> checks, then fills zeros (pages unmapped again in a
//                   mappable memory)
//   page_size    -> 4096
// Data flow: prepare(bytes) parses the module (wasm-binary.mjs), validates the
// builtin imports and the `wmc.protections` section, and rewrites the export
// section so every memory is reachable from JS ("wmc:memory.<k>"). The caller
// compiles the rewritten bytes, wraps its WASI import object with wrapWasi()
// (fd -> host path tracking for map, EFAULT for host accesses to protected
// pages), instantiates with importObject(), then calls attach(instance).
// Guest loads/stores are not checked by default; `strict` mode instruments
// the module (strict-instrument.mjs) so every access checks the page table
// and traps like wmc-run (see docs/memory-control.md §7).
import * as fs from "node:fs";
import * as path from "node:path";
import {
  WMC_BUILTIN_DISCARD, WMC_BUILTIN_MAP, WMC_BUILTIN_MODULE, WMC_BUILTIN_PAGE_SIZE,
  WMC_BUILTIN_PROTECT, WMC_BUILTIN_UNMAP, WMC_MEMORY_MAPPABLE, WMC_MEMORY_READONLY,
  WMC_PROT_NONE, WMC_PROT_READ, WMC_PROT_READWRITE, WMC_PROT_SECTION, WMC_PROT_VERSION,
  WMC_PROTECTION_PAGE_SIZE,
} from "./abi-table.mjs";
import {
  decodeInfo, instrument, PAGETABLE_EXPORT, RECORD, TABLE_BASE, TABLE_STRIDE,
} from "./strict-instrument.mjs";
import { addMemoryExports, BinaryError, formatType, parseModule, Reader } from "./wasm-binary.mjs";

const PAGE = WMC_PROTECTION_PAGE_SIZE;
const WASM_PAGE = 65536;
/// Export name under which the polyfill reaches memory k.
export const MEMORY_EXPORT_PREFIX = "wmc:memory.";

// WASI preview1 errno values used here.
export const ERRNO = Object.freeze({ SUCCESS: 0, ACCES: 2, BADF: 8, FAULT: 21, INVAL: 28, IO: 29, NODEV: 43 });
/// path_open's fd_read right (rights bit 1).
const RIGHT_FD_READ = 1n << 1n;

// Page-table entries: the access (prot value 0, 1 or 3) in the low bits,
// plus where the state comes from.
const ACCESS_MASK = 0x03;
const UNMAPPED = 0x40; // mappable memory, not mapped: no-access
const GUARD = 0x80;    // null guard: no-access forever

/// Expected types of the builtins (docs/memory-control.md §2).
const BUILTIN_TYPES = new Map([
  [WMC_BUILTIN_PROTECT, { params: ["i32", "i32", "i32"], results: [] }],
  [WMC_BUILTIN_DISCARD, { params: ["i32", "i32"], results: [] }],
  [WMC_BUILTIN_MAP, { params: ["i32", "i32", "i32", "i64", "i32"], results: ["i32"] }],
  [WMC_BUILTIN_UNMAP, { params: ["i32", "i32"], results: [] }],
  [WMC_BUILTIN_PAGE_SIZE, { params: [], results: ["i32"] }],
]);

/// A load, validation or instantiation problem (not a trap): the runner
/// prints "error: <message>" and exits 1.
export class MemctlError extends Error {}

/// A memory-control trap. It is a WebAssembly.RuntimeError so it unwinds the
/// guest like an engine trap; `kind` is the fixed phrase of the message.
export class MemctlTrap extends WebAssembly.RuntimeError {
  constructor(kind, details) {
    super(details ? `${kind} (${details})` : kind);
    this.kind = kind;
    this.wmcTrap = true;
  }
}

/// Strict-mode page-table byte for a page state: the accesses it denies
/// (bit 0 reads, bit 1 writes).
const denied = (state) => ~state & ACCESS_MASK;
const hex = (n) => `0x${n.toString(16)}`;
const sameType = (a, b) =>
  a && a.params.length === b.params.length && a.results.length === b.results.length &&
  a.params.every((t, i) => t === b.params[i]) && a.results.every((t, i) => t === b.results[i]);

/// Parses and validates the builtin imports of `info` (from parseModule);
/// returns [{name, op, memory}] or throws MemctlError naming the import.
function validateBuiltins(info) {
  const builtins = [];
  const funcTypes = info.types;
  for (const imp of info.imports) {
    if (imp.module !== WMC_BUILTIN_MODULE) continue;
    const label = `import "${imp.module}" "${imp.name}"`;
    const m = /^([a-z_]+)(?:\.(0|[1-9][0-9]*))?$/.exec(imp.name);
    const op = m && m[1];
    const expected = op && BUILTIN_TYPES.get(op);
    const hasIndex = m && m[2] !== undefined;
    if (!expected || hasIndex !== (op !== WMC_BUILTIN_PAGE_SIZE))
      throw new MemctlError(`${label}: unknown memory-control builtin (expected protect.<k>, discard.<k>, map.<k>, unmap.<k> or page_size)`);
    if (imp.kind !== 0) throw new MemctlError(`${label}: must be a function import`);
    const memory = hasIndex ? Number(m[2]) : null;
    if (memory !== null && memory >= info.memories.length)
      throw new MemctlError(`${label}: memory ${memory} does not exist (the module has ${info.memories.length} memories)`);
    const type = funcTypes[imp.typeIndex];
    if (!sameType(type, expected))
      throw new MemctlError(`${label}: expected type ${formatType(expected)}, got ${formatType(type)}`);
    builtins.push({ name: imp.name, op, memory });
  }
  return builtins;
}

/// Decodes and validates the `wmc.protections` section (§1); returns a Map
/// memory index -> {flags, guard}.
function parseProtections(info) {
  const sections = info.customs.filter((c) => c.name === WMC_PROT_SECTION);
  const table = new Map();
  if (sections.length === 0) return table;
  const where = `section '${WMC_PROT_SECTION}'`;
  if (sections.length > 1) throw new MemctlError(`${where}: appears ${sections.length} times`);
  const { payload, end } = sections[0];
  const r = new Reader(info.bytes, payload, end);
  try {
    const version = r.u8();
    if (version !== WMC_PROT_VERSION)
      throw new MemctlError(`${where}: unsupported version ${version} (expected ${WMC_PROT_VERSION})`);
    const count = r.u32();
    for (let i = 0; i < count; i++) {
      const memory = r.u32();
      const flags = r.u32();
      const guard = r.u32();
      const at = `${where}: entry ${i}`;
      if (memory >= info.memories.length) throw new MemctlError(`${at}: memory ${memory} does not exist`);
      if (table.has(memory)) throw new MemctlError(`${at}: duplicate entry for memory ${memory}`);
      if (flags & ~(WMC_MEMORY_READONLY | WMC_MEMORY_MAPPABLE))
        throw new MemctlError(`${at}: unknown flag bits ${hex(flags)}`);
      if ((flags & WMC_MEMORY_READONLY) && (flags & WMC_MEMORY_MAPPABLE))
        throw new MemctlError(`${at}: memory ${memory} cannot be both read-only and mappable`);
      if (guard % PAGE) throw new MemctlError(`${at}: null guard of ${guard} bytes is not a multiple of ${PAGE}`);
      const initial = info.memories[memory].min * WASM_PAGE;
      if (guard > initial)
        throw new MemctlError(`${at}: null guard of ${guard} bytes exceeds the initial size of memory ${memory} (${initial} bytes)`);
      table.set(memory, { flags, guard });
    }
    if (!r.atEnd()) throw new MemctlError(`${where}: ${end - r.pos} trailing bytes after ${count} entries`);
  } catch (e) {
    if (e instanceof BinaryError) throw new MemctlError(`${where}: malformed: ${e.message}`);
    throw e;
  }
  return table;
}

/// State of one memory as the polyfill sees it.
class MemoryState {
  constructor(index, name, flags, guardBytes) {
    this.index = index;
    this.name = name;
    this.readOnly = (flags & WMC_MEMORY_READONLY) !== 0;
    this.mappable = (flags & WMC_MEMORY_MAPPABLE) !== 0;
    this.guardBytes = guardBytes;
    /// WebAssembly.Memory, set by attach().
    this.memory = null;
    /// One entry per protection page of the current size (see ACCESS_MASK).
    this.pages = new Uint8Array(0);
    /// Number of pages that are not read-write (0 = nothing to check).
    this.restricted = 0;
  }
  label() { return this.name ? `memory ${this.index} "${this.name}"` : `memory ${this.index}`; }
  /// Access of pages added by memory.grow (§3).
  grownState() {
    if (this.readOnly) return WMC_PROT_READ;
    if (this.mappable) return UNMAPPED | WMC_PROT_NONE;
    return WMC_PROT_READWRITE;
  }
}

/// The polyfill for one module instance. Create it with prepare().
export class MemoryControl {
  constructor(info, builtins, protections, strict) {
    this.info = info;
    this.builtins = builtins;
    this.strict = strict;
    this.memories = info.memories.map((_, k) => {
      const p = protections.get(k) ?? { flags: 0, guard: 0 };
      return new MemoryState(k, info.memoryNames.get(k), p.flags, p.guard);
    });
    /// Guest fd -> { hostPath, rights } for files opened through WASI.
    this.files = new Map();
    this.attached = false;
    /// Strict mode: bytes of the page-table memory the instrumented code reads.
    this.pageTable = null;
  }

  /// The module bytes to compile: the input plus one export per memory.
  get bytes() { return this.rewritten; }

  /// The imports object part for module "wasm:memctl".
  importObject() {
    const ops = {};
    for (const { name, op, memory } of this.builtins) {
      if (op === WMC_BUILTIN_PAGE_SIZE) ops[name] = () => PAGE;
      else if (op === WMC_BUILTIN_PROTECT) ops[name] = (a, l, p) => this.protect(memory, a, l, p);
      else if (op === WMC_BUILTIN_DISCARD) ops[name] = (a, l) => this.discard(memory, a, l);
      else if (op === WMC_BUILTIN_MAP) ops[name] = (a, l, fd, o, p) => this.map(memory, a, l, fd, o, p);
      else if (op === WMC_BUILTIN_UNMAP) ops[name] = (a, l) => this.unmap(memory, a, l);
    }
    return { [WMC_BUILTIN_MODULE]: ops };
  }

  /// Takes the memories from the instance and applies the initial
  /// protections (§1): called after instantiation, before `_start`.
  attach(instance) {
    if (this.strict) {
      const table = instance.exports[PAGETABLE_EXPORT];
      if (!(table instanceof WebAssembly.Memory)) throw new MemctlError(`strict mode: export "${PAGETABLE_EXPORT}" missing`);
      this.pageTable = new Uint8Array(table.buffer);
      // Pages past the current size get the state memory.grow gives them.
      for (const m of this.memories) {
        const base = TABLE_BASE + m.index * TABLE_STRIDE;
        this.pageTable.fill(denied(m.grownState()), base, base + TABLE_STRIDE);
      }
    }
    for (const m of this.memories) {
      m.memory = instance.exports[MEMORY_EXPORT_PREFIX + m.index];
      if (!(m.memory instanceof WebAssembly.Memory))
        throw new MemctlError(`memory ${m.index} is not reachable (export "${MEMORY_EXPORT_PREFIX}${m.index}" missing)`);
      const count = m.memory.buffer.byteLength / PAGE;
      m.pages = new Uint8Array(count).fill(WMC_PROT_READWRITE);
      m.restricted = 0;
      if (this.pageTable)
        this.pageTable.fill(denied(WMC_PROT_READWRITE), TABLE_BASE + m.index * TABLE_STRIDE, TABLE_BASE + m.index * TABLE_STRIDE + count);
      const initial = m.readOnly ? WMC_PROT_READ : m.mappable ? UNMAPPED : WMC_PROT_READWRITE;
      for (let p = 0; p < count; p++) this.setPage(m, p, initial);
      for (let p = 0; p < m.guardBytes / PAGE; p++) this.setPage(m, p, GUARD | WMC_PROT_NONE);
    }
    this.attached = true;
  }

  // --- the builtins --------------------------------------------------------

  protect(k, addr, len, prot) {
    const m = this.checkRange(WMC_BUILTIN_PROTECT, k, addr, len, prot);
    const first = (addr >>> 0) / PAGE, last = first + (len >>> 0) / PAGE;
    if (m.mappable) {
      for (let p = first; p < last; p++)
        if (m.pages[p] & UNMAPPED)
          throw new MemctlTrap("memory-control range not mapped",
                               `${WMC_BUILTIN_PROTECT}.${k} page at ${hex(p * PAGE)} of ${m.label()}`);
    }
    for (let p = first; p < last; p++) this.setPage(m, p, prot);
  }

  discard(k, addr, len) {
    const m = this.checkRange(WMC_BUILTIN_DISCARD, k, addr, len);
    addr >>>= 0; len >>>= 0;
    new Uint8Array(m.memory.buffer, addr, len).fill(0);
  }

  map(k, addr, len, fd, offset, prot) {
    const m = this.checkRange(WMC_BUILTIN_MAP, k, addr, len, prot);
    addr >>>= 0; len >>>= 0;
    if (len === 0) return ERRNO.SUCCESS; // a no-op once the range checks pass
    const errno = this.copyFile(m, addr, len, fd, offset);
    if (errno !== ERRNO.SUCCESS) return errno;
    for (let p = addr / PAGE; p < (addr + len) / PAGE; p++) this.setPage(m, p, prot);
    return ERRNO.SUCCESS;
  }

  unmap(k, addr, len) {
    const m = this.checkRange(WMC_BUILTIN_UNMAP, k, addr, len);
    addr >>>= 0; len >>>= 0;
    new Uint8Array(m.memory.buffer, addr, len).fill(0);
    const state = m.mappable ? UNMAPPED | WMC_PROT_NONE : WMC_PROT_READWRITE;
    for (let p = addr / PAGE; p < (addr + len) / PAGE; p++) this.setPage(m, p, state);
  }

  /// Checks 1-5 of §2 in order; returns the memory state or throws a trap.
  checkRange(op, k, addr, len, prot) {
    this.verify(`${op}.${k}`);
    const m = this.memories[k];
    addr >>>= 0; len >>>= 0;
    const call = `${op}.${k} addr=${hex(addr)} len=${hex(len)}`;
    if (prot !== undefined && prot !== WMC_PROT_NONE && prot !== WMC_PROT_READ && prot !== WMC_PROT_READWRITE)
      throw new MemctlTrap("invalid protection value", `${call} prot=${prot}`);
    if (addr % PAGE || len % PAGE)
      throw new MemctlTrap("misaligned memory-control range", `${call}: must be multiples of ${PAGE}`);
    const size = m.memory.buffer.byteLength;
    if (addr + len > size)
      throw new MemctlTrap("out of bounds memory-control range", `${call}: ${m.label()} has ${hex(size)} bytes`);
    if (m.readOnly) throw new MemctlTrap("memory-control operation on read-only memory", `${call}: ${m.label()}`);
    if (len && addr < m.guardBytes)
      throw new MemctlTrap("memory-control range overlaps null guard",
                           `${call}: ${m.label()} guard is [0, ${hex(m.guardBytes)})`);
    return m;
  }

  /// Copies the file behind guest fd into [addr, addr+len) of m; returns an errno.
  copyFile(m, addr, len, fd, offset) {
    if (fd === -1) {
      new Uint8Array(m.memory.buffer, addr, len).fill(0);
      return ERRNO.SUCCESS;
    }
    if (offset < 0n || offset % BigInt(PAGE) !== 0n || offset > BigInt(Number.MAX_SAFE_INTEGER)) return ERRNO.INVAL;
    if (fd >= 0 && fd <= 2) return ERRNO.NODEV;
    const file = this.files.get(fd);
    if (!file) return ERRNO.BADF;
    let stat;
    try {
      stat = fs.statSync(file.hostPath);
    } catch {
      return ERRNO.IO;
    }
    if (!stat.isFile()) return ERRNO.NODEV;
    if (!(file.rights & RIGHT_FD_READ)) return ERRNO.ACCES;
    let hostFd;
    try {
      hostFd = fs.openSync(file.hostPath, "r");
    } catch {
      return ERRNO.IO;
    }
    try {
      const target = new Uint8Array(m.memory.buffer, addr, len);
      let done = 0;
      let position = Number(offset);
      while (done < len) {
        const n = fs.readSync(hostFd, target, done, len - done, position);
        if (n === 0) break;
        done += n;
        position += n;
      }
      target.fill(0, done); // past end of file reads as zero
      return ERRNO.SUCCESS;
    } catch {
      return ERRNO.IO;
    } finally {
      fs.closeSync(hostFd);
    }
  }

  // --- page table ------------------------------------------------------------

  setPage(m, p, state) {
    const wasRestricted = (m.pages[p] & ACCESS_MASK) !== WMC_PROT_READWRITE;
    const isRestricted = (state & ACCESS_MASK) !== WMC_PROT_READWRITE;
    m.pages[p] = state;
    m.restricted += isRestricted - wasRestricted;
    if (this.pageTable) this.pageTable[TABLE_BASE + m.index * TABLE_STRIDE + p] = denied(state);
  }

  /// Extends the page table after memory.grow (§3).
  sync(m) {
    const count = m.memory.buffer.byteLength / PAGE;
    if (count === m.pages.length) return;
    const old = m.pages;
    m.pages = new Uint8Array(count);
    m.pages.set(old);
    for (let p = old.length; p < count; p++) {
      m.pages[p] = WMC_PROT_READWRITE;
      this.setPage(m, p, m.grownState());
    }
  }

  /// Brings the page tables up to date after memory.grow; `where` names the
  /// host call (for the error when a start function calls a builtin).
  verify(where) {
    if (!this.attached) throw new MemctlError(`${where} called before the instance was attached (a start function cannot use the polyfill)`);
    for (const m of this.memories) this.sync(m);
  }

  /// Strict mode: the trap message for an access the instrumented code
  /// refused (it traps with `unreachable` after recording it), or null.
  violation() {
    const table = this.pageTable;
    if (!table) return null;
    const view = new DataView(table.buffer);
    if (view.getUint32(RECORD.FLAG, true) !== 1) return null;
    const address = Number(view.getBigUint64(RECORD.ADDRESS, true));
    const { memory, write, op } = decodeInfo(view.getUint32(RECORD.INFO, true));
    const m = this.memories[memory];
    const details = `${m.label()}, address ${hex(address)}, ${op}`;
    this.sync(m);
    if (address >= m.memory.buffer.byteLength) return `out of bounds memory access (${details})`;
    const access = m.pages[Math.floor(address / PAGE)] & ACCESS_MASK;
    if (write && access === WMC_PROT_READ) return `write to read-only memory (${details})`;
    return `access to no-access memory (${details})`;
  }

  /// True if the host may access [addr, addr+len) of memory 0 (§4).
  hostCan(addr, len, write) {
    const m = this.memories[0];
    if (!m) return true;
    addr >>>= 0; len >>>= 0;
    if (addr + len > m.memory.buffer.byteLength) return false;
    if (m.restricted === 0 || len === 0) return true;
    const last = Math.floor((addr + len - 1) / PAGE);
    for (let p = Math.floor(addr / PAGE); p <= last; p++) {
      const access = m.pages[p] & ACCESS_MASK;
      if (access === WMC_PROT_NONE || (write && access !== WMC_PROT_READWRITE)) return false;
    }
    return true;
  }

  // --- WASI ------------------------------------------------------------------

  /// Returns a WASI preview1 import object wrapping `wasiImport`: host
  /// accesses to protected pages of memory 0 return EFAULT, path_open /
  /// fd_close / fd_renumber maintain the fd -> host path table used by map.
  /// `preopens` maps guest names to host directories, in the order the WASI
  /// implementation numbers them (from fd 3); `args` and `env` are what the
  /// WASI instance was given (args_get/environ_get sizes).
  wrapWasi(wasiImport, { preopens = {}, args = [], env = {} } = {}) {
    let fd = 3;
    for (const hostDir of Object.values(preopens))
      this.files.set(fd++, { hostPath: path.resolve(hostDir), rights: 0n, dir: true });
    const enc = new TextEncoder();
    const argBytes = args.reduce((n, a) => n + enc.encode(a).length + 1, 0);
    const envList = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    const envBytes = envList.reduce((n, a) => n + enc.encode(a).length + 1, 0);
    const sizes = { args: [args.length, argBytes], env: [envList.length, envBytes] };
    const wrapped = {};
    for (const [name, fn] of Object.entries(wasiImport)) {
      const ranges = WASI_RANGES[name];
      const after = name === "path_open" ? this.afterPathOpen : name === "fd_close" ? this.afterClose
        : name === "fd_renumber" ? this.afterRenumber : null;
      wrapped[name] = (...a) => {
        this.verify(name);
        if (ranges && this.memories[0] && this.memories[0].restricted) {
          const view = new DataView(this.memories[0].memory.buffer);
          if (!this.rangesOk(ranges, a, view, sizes)) return ERRNO.FAULT;
        }
        const result = fn(...a);
        if (after && result === ERRNO.SUCCESS) after.call(this, a);
        return result;
      };
    }
    return wrapped;
  }

  /// Checks the memory operands of one WASI call; `ranges(args, view, sizes,
  /// check)` calls check(addr, len, write) for each and stops at the first
  /// false (check also guards the reads of iovec arrays).
  rangesOk(ranges, args, view, sizes) {
    let ok = true;
    const check = (addr, len, write) => {
      if (ok && !this.hostCan(addr, len, write)) ok = false;
      return ok;
    };
    ranges(args.map((x) => (typeof x === "number" ? x >>> 0 : x)), view, sizes, check);
    return ok;
  }

  afterPathOpen([dirFd, , pathPtr, pathLen, , rightsBase, , , fdOut]) {
    const mem = this.memories[0].memory.buffer;
    const fd = new DataView(mem).getUint32(fdOut >>> 0, true);
    const dir = this.files.get(dirFd);
    if (!dir) return;
    const guestPath = new TextDecoder().decode(new Uint8Array(mem, pathPtr >>> 0, pathLen >>> 0));
    this.files.set(fd, { hostPath: path.resolve(dir.hostPath, guestPath), rights: BigInt(rightsBase) });
  }
  afterClose([fd]) { this.files.delete(fd); }
  afterRenumber([from, to]) {
    const f = this.files.get(from);
    this.files.delete(from);
    if (f) this.files.set(to, f);
    else this.files.delete(to);
  }
}

// Memory operands of each WASI preview1 function: (args, view, sizes, check).
// `check(addr, len, write)` returns false once a range is refused.
const iovecs = (view, iovs, count, write, check) => {
  if (!check(iovs, count * 8, false)) return;
  for (let i = 0; i < count; i++) {
    const base = view.getUint32(iovs + 8 * i, true);
    const len = view.getUint32(iovs + 8 * i + 4, true);
    if (!check(base, len, write)) return;
  }
};
const WASI_RANGES = {
  args_get: ([argv, buf], v, s, c) => c(argv, s.args[0] * 4, true) && c(buf, s.args[1], true),
  args_sizes_get: ([a, b], v, s, c) => c(a, 4, true) && c(b, 4, true),
  environ_get: ([envp, buf], v, s, c) => c(envp, s.env[0] * 4, true) && c(buf, s.env[1], true),
  environ_sizes_get: ([a, b], v, s, c) => c(a, 4, true) && c(b, 4, true),
  clock_res_get: ([, out], v, s, c) => c(out, 8, true),
  clock_time_get: ([, , out], v, s, c) => c(out, 8, true),
  fd_fdstat_get: ([, out], v, s, c) => c(out, 24, true),
  fd_filestat_get: ([, out], v, s, c) => c(out, 64, true),
  fd_prestat_get: ([, out], v, s, c) => c(out, 8, true),
  fd_prestat_dir_name: ([, buf, len], v, s, c) => c(buf, len, true),
  fd_read: ([, iovs, n, out], v, s, c) => c(out, 4, true) && iovecs(v, iovs, n, true, c),
  fd_pread: ([, iovs, n, , out], v, s, c) => c(out, 4, true) && iovecs(v, iovs, n, true, c),
  fd_write: ([, iovs, n, out], v, s, c) => c(out, 4, true) && iovecs(v, iovs, n, false, c),
  fd_pwrite: ([, iovs, n, , out], v, s, c) => c(out, 4, true) && iovecs(v, iovs, n, false, c),
  fd_readdir: ([, buf, len, , out], v, s, c) => c(buf, len, true) && c(out, 4, true),
  fd_seek: ([, , , out], v, s, c) => c(out, 8, true),
  fd_tell: ([, out], v, s, c) => c(out, 8, true),
  path_open: ([, , p, pl, , , , , out], v, s, c) => c(p, pl, false) && c(out, 4, true),
  path_filestat_get: ([, , p, pl, out], v, s, c) => c(p, pl, false) && c(out, 64, true),
  path_filestat_set_times: ([, , p, pl], v, s, c) => c(p, pl, false),
  path_create_directory: ([, p, pl], v, s, c) => c(p, pl, false),
  path_remove_directory: ([, p, pl], v, s, c) => c(p, pl, false),
  path_unlink_file: ([, p, pl], v, s, c) => c(p, pl, false),
  path_readlink: ([, p, pl, buf, len, out], v, s, c) => c(p, pl, false) && c(buf, len, true) && c(out, 4, true),
  path_rename: ([, p, pl, , q, ql], v, s, c) => c(p, pl, false) && c(q, ql, false),
  path_link: ([, , p, pl, , q, ql], v, s, c) => c(p, pl, false) && c(q, ql, false),
  path_symlink: ([p, pl, , q, ql], v, s, c) => c(p, pl, false) && c(q, ql, false),
  poll_oneoff: ([inp, out, n, nout], v, s, c) => c(inp, n * 48, false) && c(out, n * 32, true) && c(nout, 4, true),
  random_get: ([buf, len], v, s, c) => c(buf, len, true),
  sock_accept: ([, , out], v, s, c) => c(out, 4, true),
  sock_recv: ([, iovs, n, , outLen, outFlags], v, s, c) =>
    c(outLen, 4, true) && c(outFlags, 2, true) && iovecs(v, iovs, n, true, c),
  sock_send: ([, iovs, n, , out], v, s, c) => c(out, 4, true) && iovecs(v, iovs, n, false, c),
};

/// Parses and validates `bytes` (a wasm module) and returns the polyfill for
/// it; `.bytes` is the module to compile (all memories exported). Throws
/// MemctlError for a malformed module, a bad builtin import or a bad
/// protections section.
export function prepare(bytes, { strict = false } = {}) {
  let info;
  try {
    info = parseModule(bytes);
  } catch (e) {
    if (e instanceof BinaryError) throw new MemctlError(e.message);
    throw e;
  }
  const builtins = validateBuiltins(info);
  const protections = parseProtections(info);
  const control = new MemoryControl(info, builtins, protections, strict);
  const names = info.memories.map((_, k) => [k, MEMORY_EXPORT_PREFIX + k]);
  let target = info;
  try {
    if (strict) {
      const { bytes: instrumented, tableMemory } = instrument(info);
      target = parseModule(instrumented);
      names.push([tableMemory, PAGETABLE_EXPORT]);
    }
  } catch (e) {
    if (e instanceof BinaryError) throw new MemctlError(`--strict: cannot instrument the module: ${e.message}`);
    throw e;
  }
  // WASI implementations find memory 0 as the export "memory" (wasm-ld always
  // exports it); provide it for modules that do not.
  if (info.memories.length && !info.exports.some((e) => e.name === "memory")) names.push([0, "memory"]);
  try {
    control.rewritten = addMemoryExports(target, names);
  } catch (e) {
    if (e instanceof BinaryError) throw new MemctlError(e.message);
    throw e;
  }
  return control;
}
