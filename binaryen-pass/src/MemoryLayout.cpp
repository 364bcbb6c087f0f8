//===- MemoryLayout.cpp - wasm-memctl declarations, markers, sections -----===//
//
// Implements the shared decoding/encoding helpers declared in MemoryLayout.h:
// LEB128 records of `wmc.memories` and `wmc.protections`, the merge of
// declarations from several translation units with conflict diagnostics, and
// the final index assignment (memory 0, user memories 1..K dense, read-only
// memory last).
//
//===----------------------------------------------------------------------===//
#include "MemoryLayout.h"

#include "UserError.h"
#include "wmc_abi.h"

#include "ir/names.h"
#include "wasm-builder.h"

#include <algorithm>
#include <sstream>

namespace wmc {

std::string MemoryRef::describe() const {
  return ReadOnly ? std::string("the read-only memory")
                  : "memory " + std::to_string(Index);
}

namespace {

/// Parses a decimal memory index 0..WMC_MAX_MEMORY; nullopt if malformed.
std::optional<uint32_t> parseIndex(std::string_view Digits) {
  if (Digits.empty() || Digits.size() > 2)
    return std::nullopt;
  if (Digits.size() > 1 && Digits[0] == '0')
    return std::nullopt;
  uint32_t Value = 0;
  for (char C : Digits) {
    if (C < '0' || C > '9')
      return std::nullopt;
    Value = Value * 10 + uint32_t(C - '0');
  }
  if (Value > WMC_MAX_MEMORY)
    return std::nullopt;
  return Value;
}

/// Sequential reader of a custom section payload.
struct ByteReader {
  const std::vector<char> &Bytes;
  size_t Pos = 0;
  const char *What;

  [[noreturn]] void malformed(const std::string &Why) const {
    throw UserError("malformed '" + std::string(What) + "' section: " + Why +
                    " at byte offset " + std::to_string(Pos));
  }
  bool atEnd() const { return Pos >= Bytes.size(); }
  uint8_t u8() {
    if (atEnd())
      malformed("unexpected end of section");
    return uint8_t(Bytes[Pos++]);
  }
  uint32_t uleb32() {
    uint64_t Result = 0;
    for (unsigned Shift = 0;; Shift += 7) {
      if (Shift >= 35)
        malformed("LEB128 number longer than 5 bytes");
      uint8_t Byte = u8();
      Result |= uint64_t(Byte & 0x7f) << Shift;
      if (!(Byte & 0x80))
        break;
    }
    if (Result > 0xFFFFFFFFull)
      malformed("LEB128 number does not fit in 32 bits");
    return uint32_t(Result);
  }
  std::string name() {
    uint32_t Len = uleb32();
    if (Len > Bytes.size() - Pos)
      malformed("string of " + std::to_string(Len) +
                " bytes runs past the end of the section");
    std::string S(Bytes.begin() + Pos, Bytes.begin() + Pos + Len);
    Pos += Len;
    return S;
  }
};

void putULEB(std::vector<char> &Out, uint32_t Value) {
  do {
    uint8_t Byte = Value & 0x7f;
    Value >>= 7;
    if (Value)
      Byte |= 0x80;
    Out.push_back(char(Byte));
  } while (Value);
}

void putName(std::vector<char> &Out, const std::string &S) {
  putULEB(Out, uint32_t(S.size()));
  Out.insert(Out.end(), S.begin(), S.end());
}

std::string hex(uint32_t V) {
  std::ostringstream OS;
  OS << "0x" << std::hex << V;
  return OS.str();
}

std::string describeDecl(const MemoryDecl &D) {
  std::string Max =
      D.MaxPages == WMC_NO_MAX ? "none" : std::to_string(D.MaxPages);
  return "\"" + D.Name + "\" (min " + std::to_string(D.MinPages) +
         " pages, max " + Max + ", flags " +
         hex(D.Flags & ~WMC_MEMORY_IMPLICIT) + ", null guard " +
         std::to_string(D.NullGuardBytes) + " bytes) at " +
         (D.Source.empty() ? std::string("<unknown>") : D.Source);
}

bool sameDeclaration(const MemoryDecl &A, const MemoryDecl &B) {
  return A.Name == B.Name && A.MinPages == B.MinPages &&
         A.MaxPages == B.MaxPages &&
         (A.Flags & ~WMC_MEMORY_IMPLICIT) == (B.Flags & ~WMC_MEMORY_IMPLICIT) &&
         A.NullGuardBytes == B.NullGuardBytes;
}

/// Merges \p D into \p Slot: implicit records never conflict and yield to a
/// real declaration.
void mergeInto(std::optional<MemoryDecl> &Slot, const MemoryDecl &D) {
  if (!Slot) {
    Slot = D;
    return;
  }
  if (D.isImplicit())
    return;
  if (Slot->isImplicit()) {
    Slot = D;
    return;
  }
  if (!sameDeclaration(*Slot, D))
    throw UserError("conflicting declarations of " + D.Memory.describe() +
                    ": " + describeDecl(*Slot) + " and " + describeDecl(D));
}

} // namespace

bool MemoryDecl::isImplicit() const { return Flags & WMC_MEMORY_IMPLICIT; }

std::optional<MemoryRef> parseMarkerModule(std::string_view Module) {
  if (Module.substr(0, 4) != "wmc:")
    return std::nullopt;
  if (Module == WMC_MARKER_MODULE_READONLY)
    return MemoryRef{true, 0};
  std::string_view Prefix = WMC_MARKER_MODULE_PREFIX;
  if (Module.substr(0, Prefix.size()) == Prefix)
    if (auto Index = parseIndex(Module.substr(Prefix.size())))
      return MemoryRef{false, *Index};
  throw UserError("marker import module \"" + std::string(Module) +
                  "\" names no memory (expected \"wmc:m<k>\" with 0 <= k <= " +
                  std::to_string(WMC_MAX_MEMORY) + ", or \"wmc:ro\")");
}

std::optional<MemoryRef> parseSegmentName(std::string_view Name) {
  std::string_view RO = WMC_SEGMENT_PREFIX_READONLY;
  if (Name.substr(0, RO.size()) == RO &&
      (Name.size() == RO.size() || Name[RO.size()] == '.'))
    return MemoryRef{true, 0};
  std::string_view Mem = WMC_SEGMENT_PREFIX_MEMORY;
  if (Name.substr(0, Mem.size()) != Mem)
    return std::nullopt;
  std::string_view Rest = Name.substr(Mem.size());
  std::string_view Digits = Rest.substr(0, Rest.find('.'));
  if (auto Index = parseIndex(Digits))
    return MemoryRef{false, *Index};
  return std::nullopt;
}

std::vector<MemoryDecl> decodeDeclarations(const std::vector<char> &Bytes) {
  std::vector<MemoryDecl> Decls;
  ByteReader R{Bytes, 0, WMC_DECL_SECTION};
  while (!R.atEnd()) {
    size_t Start = R.Pos;
    uint8_t Version = R.u8();
    if (Version != WMC_DECL_VERSION) {
      R.Pos = Start;
      R.malformed("record version " + std::to_string(Version) +
                  " is not supported (expected " +
                  std::to_string(WMC_DECL_VERSION) + ")");
    }
    MemoryDecl D;
    uint32_t Index = R.uleb32();
    if (Index == WMC_DECL_READONLY_INDEX) {
      D.Memory = {true, 0};
    } else if (Index <= WMC_MAX_MEMORY) {
      D.Memory = {false, Index};
    } else {
      R.malformed("memory index " + std::to_string(Index) +
                  " is out of range (0.." + std::to_string(WMC_MAX_MEMORY) +
                  " or " + hex(WMC_DECL_READONLY_INDEX) + ")");
    }
    D.Name = R.name();
    D.MinPages = R.uleb32();
    D.MaxPages = R.uleb32();
    D.Flags = R.uleb32();
    D.NullGuardBytes = R.uleb32();
    D.Source = R.name();
    uint32_t Known = WMC_MEMORY_READONLY | WMC_MEMORY_MAPPABLE |
                     WMC_MEMORY_EXPORT | WMC_MEMORY_IMPLICIT;
    std::string Where = " in the declaration of " + D.Memory.describe() +
                        " at " + (D.Source.empty() ? "<unknown>" : D.Source);
    if (D.Flags & ~Known)
      throw UserError("malformed '" WMC_DECL_SECTION
                      "' section: unknown flags " +
                      hex(D.Flags & ~Known) + Where);
    if ((D.Flags & WMC_MEMORY_READONLY) && (D.Flags & WMC_MEMORY_MAPPABLE))
      throw UserError("malformed '" WMC_DECL_SECTION
                      "' section: a memory cannot be both read-only and "
                      "mappable" +
                      Where);
    if (D.NullGuardBytes % WMC_PROTECTION_PAGE_SIZE)
      throw UserError(
          "malformed '" WMC_DECL_SECTION "' section: null guard of " +
          std::to_string(D.NullGuardBytes) + " bytes is not a multiple of " +
          std::to_string(WMC_PROTECTION_PAGE_SIZE) + Where);
    if (D.MaxPages != WMC_NO_MAX && D.MinPages > D.MaxPages)
      throw UserError("malformed '" WMC_DECL_SECTION "' section: minimum " +
                      std::to_string(D.MinPages) + " pages exceeds maximum " +
                      std::to_string(D.MaxPages) + Where);
    if (D.MaxPages != WMC_NO_MAX && D.MaxPages > 65536)
      throw UserError("malformed '" WMC_DECL_SECTION "' section: maximum " +
                      std::to_string(D.MaxPages) +
                      " pages exceeds the 65536 pages of a 32-bit memory" +
                      Where);
    if (D.Name.empty())
      throw UserError("malformed '" WMC_DECL_SECTION
                      "' section: empty memory name" +
                      Where);
    Decls.push_back(std::move(D));
  }
  return Decls;
}

std::vector<char> encodeDeclaration(const MemoryDecl &D) {
  std::vector<char> Out;
  Out.push_back(char(WMC_DECL_VERSION));
  putULEB(Out, D.Memory.ReadOnly ? WMC_DECL_READONLY_INDEX : D.Memory.Index);
  putName(Out, D.Name);
  putULEB(Out, D.MinPages);
  putULEB(Out, D.MaxPages);
  putULEB(Out, D.Flags);
  putULEB(Out, D.NullGuardBytes);
  putName(Out, D.Source);
  return Out;
}

uint32_t MemoryLayout::highestUserIndex() const {
  return User.empty() ? 0 : User.rbegin()->first;
}

uint32_t MemoryLayout::finalIndex(const MemoryRef &Ref) const {
  return Ref.ReadOnly ? highestUserIndex() + 1 : Ref.Index;
}

uint32_t MemoryLayout::memoryCount() const {
  return highestUserIndex() + 1 + (ReadOnly ? 1 : 0);
}

const MemoryDecl *MemoryLayout::find(const MemoryRef &Ref) const {
  if (Ref.ReadOnly)
    return ReadOnly ? &*ReadOnly : nullptr;
  auto It = User.find(Ref.Index);
  return It == User.end() ? nullptr : &It->second;
}

bool hasDeclarations(const wasm::Module &M) {
  for (auto &Section : M.customSections)
    if (Section.name == WMC_DECL_SECTION)
      return true;
  return false;
}

MemoryLayout readLayout(const wasm::Module &M) {
  std::map<uint32_t, std::optional<MemoryDecl>> User;
  std::optional<MemoryDecl> ReadOnly;
  for (auto &Section : M.customSections) {
    if (Section.name != WMC_DECL_SECTION)
      continue;
    for (const MemoryDecl &D : decodeDeclarations(Section.data))
      mergeInto(D.Memory.ReadOnly ? ReadOnly : User[D.Memory.Index], D);
  }
  MemoryLayout L;
  for (auto &[Index, D] : User)
    L.User.emplace(Index, *D);
  L.ReadOnly = ReadOnly;
  return L;
}

void removeDeclarations(wasm::Module &M) {
  std::erase_if(M.customSections, [](const wasm::CustomSection &S) {
    return S.name == WMC_DECL_SECTION;
  });
}

wasm::Memory *memoryFor(wasm::Module &M, const MemoryLayout &Layout,
                        const MemoryRef &Ref) {
  uint32_t Index = Layout.finalIndex(Ref);
  if (Index >= M.memories.size())
    throw UserError(Ref.describe() +
                    " has no memory in the module (final "
                    "index " +
                    std::to_string(Index) + ", " +
                    std::to_string(M.memories.size()) + " memories)");
  return M.memories[Index].get();
}

std::vector<char> encodeProtections(const std::vector<ProtectionEntry> &E) {
  std::vector<char> Out;
  Out.push_back(char(WMC_PROT_VERSION));
  putULEB(Out, uint32_t(E.size()));
  for (const ProtectionEntry &P : E) {
    putULEB(Out, P.Memory);
    putULEB(Out, P.Flags);
    putULEB(Out, P.NullGuardBytes);
  }
  return Out;
}

std::optional<std::vector<ProtectionEntry>>
readProtections(const wasm::Module &M) {
  for (auto &Section : M.customSections) {
    if (Section.name != WMC_PROT_SECTION)
      continue;
    ByteReader R{Section.data, 0, WMC_PROT_SECTION};
    uint8_t Version = R.u8();
    if (Version != WMC_PROT_VERSION)
      R.malformed("version " + std::to_string(Version) + " is not supported");
    uint32_t Count = R.uleb32();
    std::vector<ProtectionEntry> Entries;
    for (uint32_t I = 0; I < Count; ++I) {
      ProtectionEntry P;
      P.Memory = R.uleb32();
      P.Flags = R.uleb32();
      P.NullGuardBytes = R.uleb32();
      Entries.push_back(P);
    }
    if (!R.atEnd())
      R.malformed("trailing bytes after " + std::to_string(Count) + " entries");
    return Entries;
  }
  return std::nullopt;
}

wasm::Name getOrAddBuiltin(wasm::Module &M, const std::string &Field,
                           wasm::Signature Sig) {
  for (auto &Func : M.functions)
    if (Func->imported() && Func->module == WMC_BUILTIN_MODULE &&
        Func->base == Field) {
      if (Func->getSig() != Sig)
        throw UserError("import \"" WMC_BUILTIN_MODULE "\" \"" + Field +
                        "\" already exists with a different signature");
      return Func->name;
    }
  wasm::Name Name =
      wasm::Names::getValidFunctionName(M, "wasm:memctl." + Field);
  // Imports are inexact (exact function imports need custom descriptors).
  auto Func = wasm::Builder::makeFunction(
      Name, wasm::Type(wasm::HeapType(Sig), wasm::NonNullable, wasm::Inexact),
      {});
  Func->module = WMC_BUILTIN_MODULE;
  Func->base = Field;
  M.addFunction(std::move(Func));
  return Name;
}

void MemoryIndexGuard::capture(const wasm::Module &M) {
  Memories.clear();
  for (auto &Mem : M.memories)
    Memories.push_back({Mem->name, Mem->initial, Mem->max, Mem->shared});
}

void MemoryIndexGuard::repair(wasm::Module &M) {
  auto IndexOf = [&](wasm::Name Name) -> std::optional<uint32_t> {
    for (uint32_t I = 0; I < M.memories.size(); ++I)
      if (M.memories[I]->name == Name)
        return I;
    return std::nullopt;
  };
  // Builtins first: they may need a removed memory back.
  for (auto &Func : M.functions) {
    if (!Func->imported() || Func->module != WMC_BUILTIN_MODULE)
      continue;
    std::string Field = Func->base.toString();
    size_t Dot = Field.rfind('.');
    if (Dot == std::string::npos)
      continue;
    std::string Digits = Field.substr(Dot + 1);
    if (Digits.empty() ||
        Digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    size_t Old = std::stoul(Digits);
    if (Old >= Memories.size())
      continue;
    const Recorded &R = Memories[Old];
    auto New = IndexOf(R.Name);
    if (!New) {
      auto Mem = wasm::Builder::makeMemory(R.Name, R.Initial, R.Max, R.Shared);
      Mem->hasExplicitName = true;
      M.addMemory(std::move(Mem));
      New = uint32_t(M.memories.size() - 1);
    }
    if (*New != Old)
      Func->base = Field.substr(0, Dot + 1) + std::to_string(*New);
  }
  if (auto Entries = readProtections(M)) {
    std::vector<ProtectionEntry> Kept;
    for (ProtectionEntry E : *Entries) {
      if (E.Memory >= Memories.size())
        continue;
      if (auto New = IndexOf(Memories[E.Memory].Name)) {
        E.Memory = *New;
        Kept.push_back(E);
      }
    }
    std::sort(Kept.begin(), Kept.end(),
              [](const ProtectionEntry &A, const ProtectionEntry &B) {
                return A.Memory < B.Memory;
              });
    for (auto &Section : M.customSections)
      if (Section.name == WMC_PROT_SECTION)
        Section.data = encodeProtections(Kept);
  }
  capture(M);
}

} // namespace wmc
