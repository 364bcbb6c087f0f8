//===- runtime/src/MemoryControl.cpp - Memory control for wmc-run ---------===//
//
// Implementation of MemoryControl.h: section parsing, builtins (mprotect,
// madvise, mmap MAP_FIXED), the per-page table, fault classification and
// --describe. Trap kinds and details follow docs/memory-control.md §5 and
// the JS polyfill (runtime/js/memctl-polyfill.mjs) so outputs agree.
//===----------------------------------------------------------------------===//
#include "MemoryControl.h"
#include "PageReclaimer.h"

#include "wmc_abi.h"

#include <algorithm>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/stat.h>
#include <ucontext.h>
#include <unistd.h>

namespace wmc::memctl {

namespace {

constexpr uint32_t ErrnoSuccess = 0, ErrnoAcces = 2, ErrnoBadf = 8,
                   ErrnoInval = 28, ErrnoIo = 29, ErrnoNodev = 43;
constexpr uint64_t RightFdRead = 1ull << 1;

std::string hex(uint64_t V) {
  char B[32];
  std::snprintf(B, sizeof B, "0x%llx", (unsigned long long)V);
  return B;
}

int hostProt(uint8_t Access) {
  switch (Access & AccessMask) {
  case WMC_PROT_READ: return PROT_READ;
  case WMC_PROT_READWRITE: return PROT_READ | PROT_WRITE;
  default: return PROT_NONE;
  }
}

/// Minimal LEB128 reader over a custom section payload.
struct SecReader {
  const std::vector<uint8_t> &B;
  size_t P = 0;
  bool Bad = false;
  uint8_t u8() {
    if (P >= B.size()) {
      Bad = true;
      return 0;
    }
    return B[P++];
  }
  uint32_t u32() {
    uint64_t V = 0;
    for (unsigned Shift = 0; Shift < 35; Shift += 7) {
      uint8_t C = u8();
      if (Bad)
        return 0;
      V |= (uint64_t)(C & 0x7f) << Shift;
      if (!(C & 0x80)) {
        if (V > 0xffffffffu)
          Bad = true;
        return (uint32_t)V;
      }
    }
    Bad = true;
    return 0;
  }
};

/// `(i32, i32) -> ()`, as in docs/memory-control.md and the JS polyfill.
std::string typeText(const FuncType &T) {
  auto List = [](const std::vector<ValType> &V) {
    std::string S = "(";
    for (size_t I = 0; I < V.size(); ++I)
      S += (I ? ", " : "") + std::string(valTypeName(V[I]));
    return S + ")";
  };
  return List(T.Params) + " -> " + List(T.Results);
}

} // namespace

// ---- section ---------------------------------------------------------------

std::vector<ProtectionEntry> parseProtections(const Module &M) {
  std::vector<ProtectionEntry> Out;
  const std::vector<uint8_t> *Payload = nullptr;
  std::string Where = std::string("section '") + WMC_PROT_SECTION + "'";
  for (auto &[Name, Bytes] : M.CustomSections) {
    if (Name != WMC_PROT_SECTION)
      continue;
    if (Payload)
      throw std::runtime_error(Where + ": appears more than once");
    Payload = &Bytes;
  }
  if (!Payload)
    return Out;
  SecReader R{*Payload};
  auto Fail = [&](const std::string &Why) {
    throw std::runtime_error(Where + ": " + Why);
  };
  uint8_t Version = R.u8();
  if (R.Bad)
    Fail("truncated (no version byte)");
  if (Version != WMC_PROT_VERSION)
    Fail("unsupported version " + std::to_string(Version) + " (expected " +
         std::to_string(WMC_PROT_VERSION) + ")");
  uint32_t Count = R.u32();
  if (R.Bad)
    Fail("truncated or malformed entry count");
  for (uint32_t I = 0; I < Count; ++I) {
    ProtectionEntry E;
    E.Memory = R.u32();
    E.Flags = R.u32();
    E.GuardBytes = R.u32();
    std::string At = "entry " + std::to_string(I) + ": ";
    if (R.Bad)
      Fail(At + "truncated or malformed LEB128");
    if (E.Memory >= M.Memories.size())
      Fail(At + "memory " + std::to_string(E.Memory) + " does not exist");
    for (auto &P : Out)
      if (P.Memory == E.Memory)
        Fail(At + "duplicate entry for memory " + std::to_string(E.Memory));
    if (E.Flags & ~(WMC_MEMORY_READONLY | WMC_MEMORY_MAPPABLE))
      Fail(At + "unknown flag bits " + hex(E.Flags));
    if ((E.Flags & WMC_MEMORY_READONLY) && (E.Flags & WMC_MEMORY_MAPPABLE))
      Fail(At + "memory " + std::to_string(E.Memory) +
           " cannot be both read-only and mappable");
    if (E.GuardBytes % PageSize)
      Fail(At + "null guard of " + std::to_string(E.GuardBytes) +
           " bytes is not a multiple of 4096");
    uint64_t Init = M.Memories[E.Memory].Lim.Min * 65536;
    if (E.GuardBytes > Init)
      Fail(At + "null guard of " + std::to_string(E.GuardBytes) +
           " bytes exceeds the initial size of memory " +
           std::to_string(E.Memory) + " (" + std::to_string(Init) + " bytes)");
    Out.push_back(E);
  }
  if (R.P != Payload->size())
    Fail("trailing bytes after " + std::to_string(Count) + " entries");
  return Out;
}

std::map<uint32_t, std::string> memoryNames(const Module &M) {
  std::map<uint32_t, std::string> Out;
  for (auto &[Name, Bytes] : M.CustomSections) {
    if (Name != "name")
      continue;
    SecReader R{Bytes};
    while (!R.Bad && R.P < Bytes.size()) {
      uint8_t Id = R.u8();
      uint32_t Size = R.u32();
      if (R.Bad || Size > Bytes.size() - R.P)
        break;
      size_t End = R.P + Size;
      if (Id == 6) { // memory names
        uint32_t N = R.u32();
        for (uint32_t I = 0; I < N && !R.Bad; ++I) {
          uint32_t Idx = R.u32();
          uint32_t Len = R.u32();
          if (R.Bad || Len > End - R.P)
            break;
          Out[Idx] = std::string((const char *)Bytes.data() + R.P, Len);
          R.P += Len;
        }
      }
      R.P = End;
    }
  }
  return Out;
}

// ---- memory state ------------------------------------------------------------

bool MemoryState::readOnly() const { return Flags & WMC_MEMORY_READONLY; }
bool MemoryState::mappable() const { return Flags & WMC_MEMORY_MAPPABLE; }

std::string MemoryState::label() const {
  std::string L = "memory " + std::to_string(Index);
  if (!Name.empty())
    L += " \"" + Name + "\"";
  return L;
}

bool MemoryState::allows(uint64_t Addr, uint64_t Len, bool Write,
                         uint64_t *Bad) const {
  if (Len == 0)
    return true;
  uint8_t Need = Write ? WMC_PROT_READWRITE : WMC_PROT_READ;
  uint64_t First = Addr / PageSize, Last = (Addr + Len - 1) / PageSize;
  for (uint64_t P = First; P <= Last; ++P) {
    if (P >= Pages.size() || (Pages[P] & Need) != Need) {
      if (Bad)
        *Bad = P == First ? Addr : P * PageSize;
      return false;
    }
  }
  return true;
}

// ---- builtins ------------------------------------------------------------------

enum class Op { Protect, Discard, Map, Unmap, PageSize };

struct Controller::Builtin {
  Controller *C;
  Op O;
  uint32_t K;
};

static TrapKind callBuiltin(void *Ctx, Instance *, Slot *Args) {
  auto *B = (Controller::Builtin *)Ctx;
  switch (B->O) {
  case Op::Protect:
    return B->C->protect(B->K, Args[0].I32, Args[1].I32, (int32_t)Args[2].I32);
  case Op::Discard:
    return B->C->discard(B->K, Args[0].I32, Args[1].I32);
  case Op::Unmap:
    return B->C->unmap(B->K, Args[0].I32, Args[1].I32);
  case Op::Map: {
    uint32_t Errno = 0;
    TrapKind T = B->C->map(B->K, Args[0].I32, Args[1].I32, (int32_t)Args[2].I32,
                           (int64_t)Args[3].I64, (int32_t)Args[4].I32, Errno);
    Args[0].I64 = Errno;
    return T;
  }
  case Op::PageSize:
    Args[0].I64 = PageSize;
    return TrapKind::None;
  }
  return TrapKind::None;
}

Controller::Controller(std::shared_ptr<const Module> M)
    : Mod(std::move(M)), Entries(parseProtections(*Mod)),
      Names(memoryNames(*Mod)) {}

// The memories may already be gone (wmc-run destroys its Store first), so
// the destructor does not touch them; see the class comment.
Controller::~Controller() = default;

Function *Controller::resolveImport(Store &S, const Import &Imp,
                                    std::string &Err) {
  std::string Label = "import \"" + Imp.Module + "\" \"" + Imp.Name + "\"";
  std::string Field = Imp.Name, Base = Field, Index;
  if (size_t Dot = Field.find('.'); Dot != std::string::npos) {
    Base = Field.substr(0, Dot);
    Index = Field.substr(Dot + 1);
  }
  static const std::pair<const char *, Op> Ops[] = {
      {WMC_BUILTIN_PROTECT, Op::Protect}, {WMC_BUILTIN_DISCARD, Op::Discard},
      {WMC_BUILTIN_MAP, Op::Map},         {WMC_BUILTIN_UNMAP, Op::Unmap},
      {WMC_BUILTIN_PAGE_SIZE, Op::PageSize}};
  const Op *Found = nullptr;
  for (auto &[N, O] : Ops)
    if (Base == N)
      Found = &O;
  bool IndexOk = !Index.empty() && Index.size() <= 10 &&
                 Index.find_first_not_of("0123456789") == std::string::npos &&
                 (Index == "0" || Index[0] != '0');
  bool WantIndex = Found && *Found != Op::PageSize;
  if (!Found || (WantIndex ? !IndexOk : Field.find('.') != std::string::npos)) {
    Err = Label + ": unknown memory-control builtin (expected protect.<k>, "
                  "discard.<k>, map.<k>, unmap.<k> or page_size)";
    return nullptr;
  }
  if (Imp.Kind != ExternKind::Func) {
    Err = Label + ": must be a function import";
    return nullptr;
  }
  uint32_t K = 0;
  if (WantIndex) {
    uint64_t V = std::stoull(Index);
    if (V >= Mod->Memories.size()) {
      Err = Label + ": memory " + Index + " does not exist (the module has " +
            std::to_string(Mod->Memories.size()) + " memories)";
      return nullptr;
    }
    K = (uint32_t)V;
  }
  FuncType Want;
  auto I32 = ValType::I32;
  switch (*Found) {
  case Op::Protect: Want.Params = {I32, I32, I32}; break;
  case Op::Discard: case Op::Unmap: Want.Params = {I32, I32}; break;
  case Op::Map:
    Want.Params = {I32, I32, I32, ValType::I64, I32};
    Want.Results = {I32};
    break;
  case Op::PageSize: Want.Results = {I32}; break;
  }
  const FuncType &Got = Mod->Types[Imp.Index];
  if (Got != Want) {
    Err = Label + ": expected type " + typeText(Want) + ", got " +
          typeText(Got);
    return nullptr;
  }
  if (WantIndex && std::find(Used.begin(), Used.end(), K) == Used.end())
    Used.push_back(K);
  Builtins.push_back(std::make_unique<Builtin>(Builtin{this, *Found, K}));
  return S.addHostFunction(Want, callBuiltin, Builtins.back().get(),
                           std::string(WMC_BUILTIN_MODULE) + "." + Field);
}

bool Controller::apply(Instance &I, std::string &Err) {
  Inst = &I;
  States.resize(I.Mems.size());
  auto Need = [&](uint32_t K) -> MemoryState & {
    if (!States[K]) {
      auto St = std::make_unique<MemoryState>();
      LinearMemory *LM = I.Mems[K];
      St->Mem = LM;
      St->Index = K;
      if (auto It = Names.find(K); It != Names.end())
        St->Name = It->second;
      St->Pages.assign(LM->byteCapacity() / PageSize, WMC_PROT_READWRITE);
      LM->Control = St.get();
      States[K] = std::move(St);
    }
    return *States[K];
  };
  for (uint32_t K : Used)
    Need(K);
  for (const ProtectionEntry &E : Entries) {
    MemoryState &St = Need(E.Memory);
    LinearMemory *LM = St.Mem;
    St.Flags = E.Flags;
    St.GuardBytes = E.GuardBytes;
    uint64_t Size = LM->byteSize();
    uint8_t *B = LM->base();
    auto Fail = [&](const char *What) {
      Err = St.label() + ": cannot apply " + What + ": " + strerror(errno);
      return false;
    };
    if (St.readOnly()) {
      if (Size && mprotect(B, Size, PROT_READ))
        return Fail("read-only protection");
      std::fill(St.Pages.begin(), St.Pages.end(), (uint8_t)WMC_PROT_READ);
      LM->GrowProt = PROT_READ;
    } else if (St.mappable()) {
      if (Size > E.GuardBytes &&
          mprotect(B + E.GuardBytes, Size - E.GuardBytes, PROT_NONE))
        return Fail("mappable (no-access) protection");
      std::fill(St.Pages.begin(), St.Pages.end(),
                (uint8_t)(Unmapped | WMC_PROT_NONE));
      LM->GrowProt = PROT_NONE;
    }
    if (E.GuardBytes) {
      if (mprotect(B, E.GuardBytes, PROT_NONE))
        return Fail("null guard");
      std::fill(St.Pages.begin(), St.Pages.begin() + E.GuardBytes / PageSize,
                (uint8_t)(Guard | WMC_PROT_NONE));
    }
  }
  return true;
}

TrapKind Controller::check(const char *OpName, uint32_t K, uint64_t Addr,
                           uint64_t Len, const int32_t *Prot,
                           MemoryState *&St) {
  St = States.size() > K ? States[K].get() : nullptr;
  // The operation as the details show it (built only when trapping).
  auto Call = [&] {
    return std::string(OpName) + "." + std::to_string(K) + " addr=" +
           hex(Addr) + " len=" + hex(Len);
  };
  if (!St) { // builtins called before apply() (from a start function)
    setHostTrapDetail(Call() + ": called before the instance was initialised");
    return TrapKind::HostError;
  }
  if (Prot && *Prot != WMC_PROT_NONE && *Prot != WMC_PROT_READ &&
      *Prot != WMC_PROT_READWRITE) {
    setHostTrapDetail(Call() + " prot=" + std::to_string(*Prot));
    return TrapKind::MemCtlInvalidProt;
  }
  if (Addr % PageSize || Len % PageSize) {
    setHostTrapDetail(Call() + ": must be multiples of 4096");
    return TrapKind::MemCtlMisaligned;
  }
  uint64_t Size = St->Mem->byteSize();
  if (Addr + Len > Size) {
    setHostTrapDetail(Call() + ": " + St->label() + " has " + hex(Size) +
                      " bytes");
    return TrapKind::MemCtlOutOfBounds;
  }
  if (St->readOnly()) {
    setHostTrapDetail(Call() + ": " + St->label());
    return TrapKind::MemCtlReadOnly;
  }
  if (Len && Addr < St->GuardBytes) {
    setHostTrapDetail(Call() + ": " + St->label() + " guard is [0, " +
                      hex(St->GuardBytes) + ")");
    return TrapKind::MemCtlGuard;
  }
  return TrapKind::None;
}

bool Controller::replaceAnonymous(MemoryState &St, uint64_t Addr, uint64_t Len,
                                  uint8_t Bits) {
  if (!Len)
    return true;
  void *P = mmap(St.Mem->base() + Addr, Len, hostProt(Bits),
                 MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (P == MAP_FAILED)
    return false;
  std::fill(St.Pages.begin() + Addr / PageSize,
            St.Pages.begin() + (Addr + Len) / PageSize, Bits);
  return true;
}

TrapKind Controller::protect(uint32_t K, uint32_t Addr, uint32_t Len,
                             int32_t Prot) {
  MemoryState *St;
  if (TrapKind T = check(WMC_BUILTIN_PROTECT, K, Addr, Len, &Prot, St);
      T != TrapKind::None)
    return T;
  uint64_t First = Addr / PageSize, Last = ((uint64_t)Addr + Len) / PageSize;
  if (St->mappable())
    for (uint64_t P = First; P < Last; ++P)
      if (St->Pages[P] & Unmapped) {
        setHostTrapDetail(std::string(WMC_BUILTIN_PROTECT) + "." +
                          std::to_string(K) + " page at " +
                          hex(P * PageSize) + " of " + St->label());
        return TrapKind::MemCtlNotMapped;
      }
  if (Len && mprotect(St->Mem->base() + Addr, Len, hostProt((uint8_t)Prot))) {
    setHostTrapDetail(std::string("protect: mprotect failed: ") +
                      strerror(errno));
    return TrapKind::HostError;
  }
  for (uint64_t P = First; P < Last; ++P)
    St->Pages[P] = (uint8_t)((St->Pages[P] & FileBacked) | (uint8_t)Prot);
  return TrapKind::None;
}

TrapKind Controller::discard(uint32_t K, uint32_t Addr, uint32_t Len) {
  MemoryState *St;
  if (TrapKind T = check(WMC_BUILTIN_DISCARD, K, Addr, Len, nullptr, St);
      T != TrapKind::None)
    return T;
  uint64_t P = Addr / PageSize, End = ((uint64_t)Addr + Len) / PageSize;
  // Runs of pages with the same state: anonymous runs are detached for the
  // reclaimer thread (PageReclaimer.h; large runs) or released with
  // MADV_DONTNEED (they read zero afterwards either way); file-backed runs
  // would read the file again, so they are replaced by anonymous zero pages.
  while (P < End) {
    uint8_t B = St->Pages[P];
    uint64_t Q = P + 1;
    while (Q < End && St->Pages[Q] == B)
      ++Q;
    uint64_t Off = P * PageSize, N = (Q - P) * PageSize;
    bool Ok = (B & FileBacked)
                  ? replaceAnonymous(*St, Off, N, (uint8_t)(B & ~FileBacked))
                  : PageReclaimer::detach(St->Mem->base() + Off, N) ||
                        madvise(St->Mem->base() + Off, N, MADV_DONTNEED) == 0;
    if (!Ok) {
      setHostTrapDetail(std::string("discard: host call failed: ") +
                        strerror(errno));
      return TrapKind::HostError;
    }
    P = Q;
  }
  return TrapKind::None;
}

TrapKind Controller::map(uint32_t K, uint32_t Addr, uint32_t Len, int32_t Fd,
                         int64_t Offset, int32_t Prot, uint32_t &Errno) {
  MemoryState *St;
  Errno = ErrnoSuccess;
  if (TrapKind T = check(WMC_BUILTIN_MAP, K, Addr, Len, &Prot, St);
      T != TrapKind::None)
    return T;
  if (Len == 0)
    return TrapKind::None;
  uint8_t Access = (uint8_t)Prot;
  if (Fd == -1) {
    if (!replaceAnonymous(*St, Addr, Len, Access))
      Errno = ErrnoIo;
    return TrapKind::None;
  }
  if (Offset < 0 || Offset % (int64_t)PageSize) {
    Errno = ErrnoInval;
    return TrapKind::None;
  }
  if (Fd >= 0 && Fd <= 2) {
    Errno = ErrnoNodev;
    return TrapKind::None;
  }
  int H = HostFd && Fd >= 0 ? HostFd((uint32_t)Fd, 0) : -1;
  if (H < 0) {
    Errno = ErrnoBadf;
    return TrapKind::None;
  }
  struct stat SB;
  if (fstat(H, &SB)) {
    Errno = ErrnoIo;
    return TrapKind::None;
  }
  if (!S_ISREG(SB.st_mode)) {
    Errno = ErrnoNodev;
    return TrapKind::None;
  }
  if (HostFd((uint32_t)Fd, RightFdRead) < 0) {
    Errno = ErrnoAcces;
    return TrapKind::None;
  }
  // The file part (whole pages that hold file bytes), then an anonymous tail
  // so no access past end of file ever raises SIGBUS.
  uint64_t FileLen = 0;
  if ((uint64_t)Offset < (uint64_t)SB.st_size) {
    uint64_t Avail = (uint64_t)SB.st_size - (uint64_t)Offset;
    Avail = (Avail + PageSize - 1) / PageSize * PageSize;
    FileLen = std::min<uint64_t>(Avail, Len);
  }
  uint8_t *B = St->Mem->base();
  if (FileLen) {
    void *P = mmap(B + Addr, FileLen, hostProt(Access), MAP_FIXED | MAP_PRIVATE,
                   H, Offset);
    if (P == MAP_FAILED) {
      Errno = ErrnoIo;
      return TrapKind::None;
    }
    std::fill(St->Pages.begin() + Addr / PageSize,
              St->Pages.begin() + (Addr + FileLen) / PageSize,
              (uint8_t)(Access | FileBacked));
  }
  if (!replaceAnonymous(*St, Addr + FileLen, Len - FileLen, Access))
    Errno = ErrnoIo;
  return TrapKind::None;
}

TrapKind Controller::unmap(uint32_t K, uint32_t Addr, uint32_t Len) {
  MemoryState *St;
  if (TrapKind T = check(WMC_BUILTIN_UNMAP, K, Addr, Len, nullptr, St);
      T != TrapKind::None)
    return T;
  uint8_t Bits = St->mappable() ? (uint8_t)(Unmapped | WMC_PROT_NONE)
                                : (uint8_t)WMC_PROT_READWRITE;
  if (!replaceAnonymous(*St, Addr, Len, Bits)) {
    setHostTrapDetail(std::string("unmap: mmap failed: ") + strerror(errno));
    return TrapKind::HostError;
  }
  return TrapKind::None;
}

// ---- engine hooks ------------------------------------------------------------

TrapKind checkBulk(LinearMemory *M, uint64_t Off, uint64_t Len, bool Write,
                   const char *Op) {
  const MemoryState *St = M->Control;
  uint64_t Bad = 0;
  if (!St || St->allows(Off, Len, Write, &Bad))
    return TrapKind::None;
  uint8_t Access = St->Pages[Bad / PageSize] & AccessMask;
  std::string D = St->label() + ", address " + hex(Bad) + ", " + Op;
  setHostTrapDetail(D);
  return Write && Access == WMC_PROT_READ ? TrapKind::ReadOnlyWrite
                                          : TrapKind::NoAccess;
}

static char FaultBuf[256];

TrapKind classifyFault(LinearMemory *M, const void *Addr, void *UContext) {
  const MemoryState *St = M->Control;
  uint64_t Off = (uint64_t)((uintptr_t)Addr - (uintptr_t)M->base());
  if (!St || Off >= M->byteSize())
    return TrapKind::MemoryOutOfBounds;
  bool Write = false, Known = false;
#if defined(__x86_64__) && defined(REG_ERR)
  if (UContext) {
    auto *UC = (ucontext_t *)UContext;
    Write = UC->uc_mcontext.gregs[REG_ERR] & 2; // page-fault error code W bit
    Known = true;
  }
#else
  (void)UContext;
#endif
  uint8_t Access = St->Pages[Off / PageSize] & AccessMask;
  TrapKind K;
  if (Access == WMC_PROT_READ) {
    K = TrapKind::ReadOnlyWrite; // reads of read pages never fault
    Write = Known = true;
  } else if (Access == WMC_PROT_NONE) {
    K = TrapKind::NoAccess;
  } else {
    return TrapKind::MemoryOutOfBounds;
  }
  // snprintf with only integer/string conversions does not allocate in
  // glibc; the handler longjmps out right after.
  std::snprintf(FaultBuf, sizeof FaultBuf, "memory %u%s%s%s, address 0x%llx, %s",
                St->Index, St->Name.empty() ? "" : " \"", St->Name.c_str(),
                St->Name.empty() ? "" : "\"", (unsigned long long)Off,
                !Known ? "access" : Write ? "write" : "read");
  return K;
}

const char *faultDetail() { return FaultBuf; }

bool hostCanRead(void *Ctx, uint64_t Addr, uint64_t Len) {
  return ((const MemoryState *)Ctx)->allows(Addr, Len, false);
}
bool hostCanWrite(void *Ctx, uint64_t Addr, uint64_t Len) {
  return ((const MemoryState *)Ctx)->allows(Addr, Len, true);
}

// ---- --describe ----------------------------------------------------------------

void describe(const Module &M, std::FILE *Out) {
  auto Entries = parseProtections(M);
  auto Names = memoryNames(M);
  std::fprintf(Out, "%-6s %-16s %8s %8s  %s\n", "memory", "name", "min", "max",
               "flags");
  for (uint32_t K = 0; K < M.Memories.size(); ++K) {
    const MemoryType &T = M.Memories[K];
    const ProtectionEntry *E = nullptr;
    for (auto &X : Entries)
      if (X.Memory == K)
        E = &X;
    std::string Flags;
    if (K < M.NumImportedMemories)
      Flags += "imported ";
    if (E && (E->Flags & WMC_MEMORY_READONLY))
      Flags += "readonly ";
    if (E && (E->Flags & WMC_MEMORY_MAPPABLE))
      Flags += "mappable ";
    if (E && E->GuardBytes)
      Flags += "null-guard ";
    if (Flags.empty())
      Flags = "-";
    else
      Flags.pop_back();
    std::string Name = Names.count(K) ? Names[K] : "-";
    std::string Max = T.Lim.HasMax ? std::to_string(T.Lim.Max) : "-";
    std::fprintf(Out, "%-6u %-16s %8llu %8s  %s\n", K, Name.c_str(),
                 (unsigned long long)T.Lim.Min, Max.c_str(), Flags.c_str());
    for (size_t D = 0; D < M.Datas.size(); ++D) {
      const DataSegment &S = M.Datas[D];
      if (S.M != DataSegment::Active || S.Memory != K)
        continue;
      if (S.Offset.K == ConstExpr::I32) {
        uint64_t A = (uint32_t)S.Offset.Bits;
        std::fprintf(Out, "         data %zu: [%s, %s) %zu bytes\n", D,
                     hex(A).c_str(), hex(A + S.Bytes.size()).c_str(),
                     S.Bytes.size());
      } else {
        std::fprintf(Out, "         data %zu: offset from a global, %zu bytes\n",
                     D, S.Bytes.size());
      }
    }
    uint64_t Init = T.Lim.Min * 65536;
    if (E && E->GuardBytes)
      std::fprintf(Out, "         protected [0x0, %s) no-access (null guard)\n",
                   hex(E->GuardBytes).c_str());
    uint64_t From = E ? E->GuardBytes : 0;
    if (E && (E->Flags & WMC_MEMORY_READONLY) && Init > From)
      std::fprintf(Out,
                   "         protected [%s, %s) read-only (and grown pages)\n",
                   hex(From).c_str(), hex(Init).c_str());
    if (E && (E->Flags & WMC_MEMORY_MAPPABLE) && Init > From)
      std::fprintf(Out,
                   "         protected [%s, %s) no-access until mapped "
                   "(and grown pages)\n",
                   hex(From).c_str(), hex(Init).c_str());
  }
  for (const Import &I : M.Imports)
    if (I.Module == WMC_BUILTIN_MODULE)
      std::fprintf(Out, "builtin %s.%s\n", I.Module.c_str(), I.Name.c_str());
}

} // namespace wmc::memctl

static_assert((PROT_READ | PROT_WRITE) == 3,
              "LinearMemory::GrowProt defaults to PROT_READ | PROT_WRITE");
