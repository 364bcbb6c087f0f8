//===- runtime/src/Module.h - Decoded and validated wasm module -*- C++ -*-===//
//
// The in-memory form of a WebAssembly 2.0 + multi-memory module after
// decoding (Decoder.cpp) and validation/translation (Compiler.cpp). A Module
// is immutable once loaded and may be instantiated any number of times; every
// function body is already translated into the interpreter's pre-resolved
// code (see Code.h), so instantiation never re-validates.
//
// Errors while loading are reported as a single LoadError carrying the byte
// offset into the binary and a one-line reason.
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_MODULE_H
#define WMC_RUNTIME_MODULE_H

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace wmc {

/// Value types, numbered by their binary encoding. `Any` is the validator's
/// "unknown" type (polymorphic stack after unreachable code).
enum class ValType : uint8_t {
  Any = 0,
  I32 = 0x7F,
  I64 = 0x7E,
  F32 = 0x7D,
  F64 = 0x7C,
  V128 = 0x7B,
  FuncRef = 0x70,
  ExternRef = 0x6F,
};

inline bool isRef(ValType T) {
  return T == ValType::FuncRef || T == ValType::ExternRef;
}
const char *valTypeName(ValType T);

/// A function signature.
struct FuncType {
  std::vector<ValType> Params;
  std::vector<ValType> Results;
  bool operator==(const FuncType &O) const = default;
  std::string str() const;
};

/// Returns a process-wide id shared by every structurally equal FuncType
/// (what call_indirect compares at run time, also across instances).
uint32_t internFuncType(const FuncType &T);

/// Memory or table limits (in pages or elements).
struct Limits {
  uint64_t Min = 0;
  bool HasMax = false;
  uint64_t Max = 0;
};

struct TableType {
  ValType Elem = ValType::FuncRef;
  Limits Lim;
};
struct MemoryType {
  Limits Lim; ///< in 64 KiB pages
};
struct GlobalType {
  ValType Type = ValType::I32;
  bool Mutable = false;
};

enum class ExternKind : uint8_t { Func = 0, Table = 1, Memory = 2, Global = 3 };
const char *externKindName(ExternKind K);

struct Import {
  std::string Module, Name;
  ExternKind Kind;
  uint32_t Index = 0; ///< type index (Func) or index into the kind's space
  TableType Table;
  MemoryType Memory;
  GlobalType Global;
};

struct Export {
  std::string Name;
  ExternKind Kind;
  uint32_t Index;
};

/// A constant expression (global initialisers, segment offsets, element
/// items), already validated. Wasm 2.0 only allows a single instruction.
struct ConstExpr {
  enum Kind : uint8_t { I32, I64, F32, F64, RefNull, RefFunc, GlobalGet } K = I32;
  uint64_t Bits = 0; ///< constant bits, function index or global index
};

struct ElemSegment {
  enum Mode : uint8_t { Passive, Active, Declarative } M = Passive;
  ValType Type = ValType::FuncRef;
  uint32_t Table = 0;
  ConstExpr Offset;
  std::vector<ConstExpr> Items;
};

struct DataSegment {
  enum Mode : uint8_t { Passive, Active } M = Passive;
  uint32_t Memory = 0;
  ConstExpr Offset;
  std::vector<uint8_t> Bytes;
};

/// One defined function after translation (see Code.h for the encoding).
struct CompiledFunc {
  uint32_t TypeIndex = 0;
  uint32_t NumLocals = 0;  ///< params + declared locals
  uint32_t FrameSlots = 0; ///< locals + maximum operand stack height
  std::vector<uint64_t> Code;
  std::vector<ValType> LocalTypes; ///< types of non-parameter locals
};

/// A fully decoded and validated module.
struct Module {
  std::vector<FuncType> Types;
  std::vector<uint32_t> TypeIds; ///< internFuncType of each entry of Types
  std::vector<Import> Imports;
  /// Function index space: imported functions first; value = type index.
  std::vector<uint32_t> FuncTypes;
  uint32_t NumImportedFuncs = 0;
  std::vector<TableType> Tables; ///< imported first
  uint32_t NumImportedTables = 0;
  std::vector<MemoryType> Memories; ///< imported first
  uint32_t NumImportedMemories = 0;
  std::vector<GlobalType> Globals; ///< imported first
  uint32_t NumImportedGlobals = 0;
  std::vector<ConstExpr> GlobalInits; ///< for defined globals only
  std::vector<Export> Exports;
  bool HasStart = false;
  uint32_t Start = 0;
  std::vector<ElemSegment> Elems;
  std::vector<DataSegment> Datas;
  std::vector<CompiledFunc> Funcs; ///< defined functions only
  std::map<uint32_t, std::string> FuncNames; ///< from the name section
  std::string ModuleName;                    ///< from the name section
  /// Raw custom sections (name -> payload), e.g. "wmc.protections".
  std::vector<std::pair<std::string, std::vector<uint8_t>>> CustomSections;

  /// Name of function `Index` for diagnostics ("$name" or "func[N]").
  std::string funcName(uint32_t Index) const;
};

/// A decoding or validation failure: byte offset into the binary + reason.
struct LoadError : std::runtime_error {
  size_t Offset;
  bool Malformed; ///< true: binary format error; false: validation error
  LoadError(size_t Off, const std::string &Msg, bool IsMalformed)
      : std::runtime_error(Msg), Offset(Off), Malformed(IsMalformed) {}
};

/// Optional proposals the decoder accepts (all on by default).
struct Features {
  /// More than one memory (the multi-memory proposal). Off = Wasm 2.0 rule
  /// "multiple memories" is a validation error.
  bool MultiMemory = true;
};

/// Decodes, validates and translates a binary module. Throws LoadError.
std::shared_ptr<const Module> loadModule(const uint8_t *Data, size_t Size,
                                         Features F = {});

} // namespace wmc

#endif
