//===- FoldReadOnlyLoads.cpp - constant loads from read-only memory -------===//
//
// A read-only memory (MemoryFacts: flagged read-only in `wmc.protections`,
// never written by the module, unreachable by the host, access never changed
// by a builtin) holds exactly its active data segments -- before the start
// function and forever after. So a load from it at a constant address that
// lies inside its initial size and outside its null guard cannot trap and
// always yields the same bytes: this pass replaces it with that constant.
// Loads from writable memories are never touched, whatever their address.
//
//   (data (memory $rodata) (i32.const 16) "\2a\00\00\00")
//   (i32.load $rodata offset=4 (i32.const 12))
//   =>
//   (i32.const 42)
//
//===----------------------------------------------------------------------===//
#include "MemoryFacts.h"
#include "Passes.h"

#include "ir/module-utils.h"
#include "pass.h"
#include "wasm-builder.h"

#include <atomic>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>

namespace wmc {
namespace {

/// The initial bytes of each read-only memory (its active data segments).
using Images = std::map<wasm::Name, std::vector<uint8_t>>;

struct Folder : public wasm::WalkerPass<wasm::PostWalker<Folder>> {
  std::shared_ptr<const Images> Contents;
  std::shared_ptr<const MemoryFacts> Facts;
  std::shared_ptr<std::atomic<size_t>> Folded;

  Folder(std::shared_ptr<const Images> Contents,
         std::shared_ptr<const MemoryFacts> Facts,
         std::shared_ptr<std::atomic<size_t>> Folded)
      : Contents(std::move(Contents)), Facts(std::move(Facts)),
        Folded(std::move(Folded)) {}

  bool isFunctionParallel() override { return true; }
  std::unique_ptr<wasm::Pass> create() override {
    return std::make_unique<Folder>(Contents, Facts, Folded);
  }

  void visitLoad(wasm::Load *curr) {
    auto It = Contents->find(curr->memory);
    auto *Ptr = curr->ptr->dynCast<wasm::Const>();
    if (It == Contents->end() || !Ptr)
      return;
    if (!Facts->cannotTrap(curr->memory, Ptr, curr->offset, curr->bytes))
      return;
    uint64_t Address = Ptr->value.getUnsigned() + curr->offset;
    const std::vector<uint8_t> &Image = It->second;
    uint8_t Bytes[16] = {};
    for (unsigned I = 0; I < curr->bytes; ++I)
      Bytes[I] = Address + I < Image.size() ? Image[Address + I] : 0;
    replaceCurrent(wasm::Builder(*getModule()).makeConst(decode(curr, Bytes)));
    ++*Folded;
  }

  /// The value a load of \p curr's width, type and signedness reads from the
  /// little-endian \p Bytes.
  static wasm::Literal decode(wasm::Load *curr, const uint8_t *Bytes) {
    if (curr->type == wasm::Type::v128)
      return wasm::Literal(Bytes);
    uint64_t Raw = 0;
    for (unsigned I = 0; I < curr->bytes; ++I)
      Raw |= uint64_t(Bytes[I]) << (8 * I);
    unsigned Bits = 8 * curr->bytes;
    if (curr->signed_ && Bits < 64 && (Raw >> (Bits - 1)) & 1)
      Raw |= ~uint64_t(0) << Bits;
    switch (curr->type.getBasic()) {
    case wasm::Type::i32:
      return wasm::Literal(int32_t(uint32_t(Raw)));
    case wasm::Type::i64:
      return wasm::Literal(int64_t(Raw));
    case wasm::Type::f32:
      return wasm::Literal(int32_t(uint32_t(Raw))).castToF32();
    case wasm::Type::f64:
      return wasm::Literal(int64_t(Raw)).castToF64();
    default:
      WASM_UNREACHABLE("unexpected load type");
    }
  }
};

struct FoldReadOnlyLoads : public wasm::Pass {
  void run(wasm::Module *M) override {
    auto Facts = std::make_shared<MemoryFacts>(MemoryFacts::analyze(*M));
    auto Contents = std::make_shared<Images>();
    for (auto &[Name, Info] : Facts->Memories)
      if (Info.ReadOnly)
        (*Contents)[Name];
    if (Contents->empty())
      return;
    for (auto &Seg : M->dataSegments) {
      if (!Seg->isActive() || !Contents->count(Seg->memory))
        continue;
      auto *Offset = Seg->offset->dynCast<wasm::Const>();
      if (!Offset) {
        // Unknown placement: give up on this memory.
        Contents->erase(Seg->memory);
        continue;
      }
      std::vector<uint8_t> &Image = (*Contents)[Seg->memory];
      uint64_t Begin = Offset->value.getUnsigned();
      if (Image.size() < Begin + Seg->data.size())
        Image.resize(Begin + Seg->data.size());
      std::memcpy(Image.data() + Begin, Seg->data.data(), Seg->data.size());
    }
    auto Folded = std::make_shared<std::atomic<size_t>>(0);
    Folder Walker(Contents, Facts, Folded);
    Walker.setPassRunner(getPassRunner());
    Walker.run(M);
    if (hasArgument("wmc-stats"))
      std::cerr << "wmc-opt: stats: wmc-fold-readonly-loads folded "
                << Folded->load() << " load(s)\n";
  }
};

} // namespace

wasm::Pass *createFoldReadOnlyLoadsPass() { return new FoldReadOnlyLoads(); }

} // namespace wmc
