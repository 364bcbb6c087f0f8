//===- MemoryModel.h - wasm memories as Clang address spaces ----*- C++ -*-===//
//
// The plugin's view of wasm memories: which Clang address space names which
// memory (abi/wmc_abi.h: memory k = address space 100 + k, the read-only
// memory = 99, the default memory = 0), how to describe a memory in a
// diagnostic ("memory 1 ('secrets')"), and the WASM_MEMORY declarations seen
// so far in the translation unit. Shared by the diagnostic rewriter (which
// runs while Clang parses) and the checker (which runs on the finished AST).
//
//===----------------------------------------------------------------------===//
#ifndef WMC_CLANG_EXT_MEMORYMODEL_H
#define WMC_CLANG_EXT_MEMORYMODEL_H

#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class VarDecl;
} // namespace clang

namespace wmc {

/// What an address space means to wasm-memctl.
struct Memory {
  enum KindTy {
    Default,  ///< address space 0: memory 0
    Numbered, ///< address space 100+k, 1 <= k <= WMC_MAX_MEMORY
    ReadOnly, ///< address space 99
    BadIndex, ///< address space 100 (k = 0 spelled non-literally) or > 131
    Foreign,  ///< any other address space: not ours, never diagnosed
  };
  KindTy Kind = Default;
  /// The memory index k (Numbered, BadIndex), 0 for Default.
  unsigned Index = 0;

  bool isOurs() const { return Kind != Foreign; }
  bool isNonDefault() const { return Kind == Numbered || Kind == ReadOnly; }
  bool operator==(const Memory &O) const {
    return Kind == O.Kind && Index == O.Index;
  }
  /// The index used by WASM_MEMORY and the intrinsics (65535 = read-only).
  unsigned declIndex() const;
};

/// Classifies a Clang address space.
Memory memoryOfAddressSpace(clang::LangAS AS);
/// Classifies a target address-space number (as in address_space(N)).
Memory memoryOfTargetAddressSpace(unsigned N);
/// The memory an object of type \p T lives in (its own address space).
Memory memoryOfObjectType(clang::QualType T);
/// The memory \p T points or refers into, if \p T is a pointer, block
/// pointer or reference type.
std::optional<Memory> memoryOfPointee(clang::QualType T);
/// The memory named by an intrinsic's index operand (0..31 or 65535).
std::optional<Memory> memoryOfIndex(uint64_t Index);

/// One WASM_MEMORY declaration, decoded from its __wmc_memdecl_* variable.
struct MemoryDecl {
  unsigned Index = 0;
  uint64_t MinPages = 0, MaxPages = 0, Flags = 0;
  std::string Name;
  clang::SourceLocation Loc;
};

/// Decodes a __wmc_memdecl_* variable produced by WASM_MEMORY; returns
/// std::nullopt when \p VD is not one or its fields are not constants (the
/// checker reports why).
std::optional<MemoryDecl> decodeMemoryDecl(const clang::VarDecl *VD,
                                           clang::ASTContext &Ctx,
                                           std::string *Why = nullptr);
/// True if \p VD is a variable produced by WASM_MEMORY.
bool isMemoryDeclVar(const clang::VarDecl *VD);

/// The WASM_MEMORY declarations of the translation unit, first one per index.
class MemoryNames {
public:
  void add(const MemoryDecl &D) { Decls.emplace(D.Index, D); }
  const MemoryDecl *lookup(unsigned DeclIndex) const {
    auto It = Decls.find(DeclIndex);
    return It == Decls.end() ? nullptr : &It->second;
  }
  bool empty() const { return Decls.empty(); }
  const std::map<unsigned, MemoryDecl> &all() const { return Decls; }

  /// "memory 1 ('secrets')", "memory 2", "the default memory", "the
  /// read-only memory".
  std::string describe(const Memory &M) const;
  /// "a pointer into memory 1 ('secrets')", "a default-memory pointer", ...
  std::string describePointer(const Memory &M) const;

private:
  std::map<unsigned, MemoryDecl> Decls;
};

/// The source spelling of the qualifier for \p M ("__wasm_mem(1)").
std::string qualifierSpelling(const Memory &M);

} // namespace wmc

#endif // WMC_CLANG_EXT_MEMORYMODEL_H
