//===- runtime/tools/wmc-run.cpp - Run a WebAssembly module ---------------===//
//
// Usage: wmc-run [options] module.wasm [args...]
//
// Loads (decode + validate + translate), links WASI preview1 imports
// (runtime/src/wasi), instantiates and runs `_start` — or, with --invoke, an
// exported function with arguments parsed from the command line, printing
// its results. See docs/runtime.md for options and exit codes:
//   0..125  the program's exit code (proc_exit, or 0 when _start returns)
//   1       the module could not be read, decoded, validated or linked
//   2       command-line usage error
//   134     the program trapped ("wasm trap: <kind>" + backtrace on stderr)
//===----------------------------------------------------------------------===//
#include "MemoryControl.h"
#include "Module.h"
#include "PageReclaimer.h"
#include "Runtime.h"
#include "wmc_abi.h"

#ifdef WMC_HAVE_WASI
#include "Wasi.h"
#endif

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

using namespace wmc;

namespace {

constexpr int ExitLoadError = 1;
constexpr int ExitUsage = 2;
constexpr int ExitTrap = 134;

const char *Usage =
    "usage: wmc-run [options] module.wasm [args...]\n"
    "\n"
    "Runs a WebAssembly module (2.0 + multi-memory) with WASI preview1.\n"
    "Calls the export `_start` (if any) and exits with the program's exit\n"
    "code.\n"
    "\n"
    "options:\n"
    "  --dir HOST[::GUEST]   preopen host directory HOST as GUEST (default:\n"
    "                        the same path); repeatable\n"
    "  --env NAME=VALUE      add an environment variable; repeatable\n"
    "  --describe            print the module's memories (index, name,\n"
    "                        limits, flags, data segments, protected ranges)\n"
    "                        and exit\n"
    "  --discard=async|sync  how discard.<k> releases large ranges: async\n"
    "                        (default) detaches the pages and frees them on a\n"
    "                        background thread; sync frees them before the\n"
    "                        call returns (see docs/memory-control.md)\n"
    "  --invoke NAME         call export NAME instead of _start; the args\n"
    "                        after the module are its parameters; results are\n"
    "                        printed one per line\n"
    "  --help                show this help\n"
    "\n"
    "exit status: the program's exit code; 1 = invalid module or link error;\n"
    "2 = usage error; 134 = wasm trap.\n";

[[noreturn]] void usageError(const std::string &Msg) {
  std::fprintf(stderr, "wmc-run: error: %s\n(run 'wmc-run --help' for usage)\n",
               Msg.c_str());
  std::exit(ExitUsage);
}

[[noreturn]] void loadFailure(const std::string &Msg) {
  std::fprintf(stderr, "wmc-run: error: %s\n", Msg.c_str());
  std::exit(ExitLoadError);
}

void printTrap(const Trap &T) {
  std::fprintf(stderr, "wasm trap: %s", trapMessage(T.Kind));
  if (!T.Message.empty())
    std::fprintf(stderr, T.Kind == TrapKind::HostError ? ": %s" : " (%s)",
                 T.Message.c_str());
  std::fprintf(stderr, "\nwasm backtrace:\n");
  for (size_t I = 0; I < T.Backtrace.size(); ++I)
    std::fprintf(stderr, "  %zu: %s\n", I, T.Backtrace[I].c_str());
}

#ifdef WMC_HAVE_WASI
struct WasiImport {
  wasi::Context *Ctx;
  const wasi::Function *Fn;
};

TrapKind callWasi(void *P, Instance *Caller, Slot *Args) {
  auto *W = (WasiImport *)P;
  uint64_t Raw[16];
  size_t N = std::strlen(W->Fn->Params);
  for (size_t I = 0; I < N && I < 16; ++I)
    Raw[I] = W->Fn->Params[I] == 'i' ? (uint64_t)Args[I].I32 : Args[I].I64;
  wasi::GuestMemory GM;
  if (Caller && !Caller->Mems.empty()) {
    GM.Base = Caller->Mems[0]->base();
    GM.Size = Caller->Mems[0]->byteSize();
    if (auto *MS = Caller->Mems[0]->Control) { // memory control: EFAULT
      GM.CanRead = memctl::hostCanRead;
      GM.CanWrite = memctl::hostCanWrite;
      GM.Ctx = MS;
    }
  }
  wasi::Outcome O = W->Fn->Call(*W->Ctx, GM, Raw);
  if (O.K == wasi::Outcome::Exit) {
    setExitCode(O.Value);
    return TrapKind::Exit;
  }
  if (std::strlen(W->Fn->Results) == 1)
    Args[0].I64 = O.Value;
  return TrapKind::None;
}

ValType wasiType(char C) { return C == 'I' ? ValType::I64 : ValType::I32; }
#endif

bool parseArg(const std::string &S, ValType T, Slot &Out) {
  char *End = nullptr;
  errno = 0;
  Out.I64 = 0;
  switch (T) {
  case ValType::I32:
  case ValType::I64: {
    if (!S.empty() && S[0] == '-')
      Out.I64 = (uint64_t)std::strtoll(S.c_str(), &End, 0);
    else
      Out.I64 = std::strtoull(S.c_str(), &End, 0);
    if (T == ValType::I32)
      Out.I64 = (uint32_t)Out.I64;
    break;
  }
  case ValType::F32:
    Out.F32 = std::strtof(S.c_str(), &End);
    break;
  case ValType::F64:
    Out.F64 = std::strtod(S.c_str(), &End);
    break;
  default:
    return false;
  }
  return End && *End == 0 && !S.empty() && errno == 0;
}

void printValue(ValType T, Slot V) {
  switch (T) {
  case ValType::I32: std::printf("%" PRId32 "\n", V.S32); break;
  case ValType::I64: std::printf("%" PRId64 "\n", V.S64); break;
  case ValType::F32: std::printf("%.9g\n", (double)V.F32); break;
  case ValType::F64: std::printf("%.17g\n", V.F64); break;
  default:
    if (V.I64 == 0)
      std::printf("null\n");
    else
      std::printf("%s\n", valTypeName(T));
  }
}

} // namespace

static int runMain(int Argc, char **Argv);

int main(int Argc, char **Argv) {
  try {
    return runMain(Argc, Argv);
  } catch (const std::bad_alloc &) {
    std::fprintf(stderr, "wmc-run: error: out of host memory\n");
  } catch (const std::exception &E) {
    std::fprintf(stderr, "wmc-run: error: %s\n", E.what());
  }
  return ExitLoadError;
}

static int runMain(int Argc, char **Argv) {
  std::vector<std::pair<std::string, std::string>> Dirs;
  std::vector<std::string> Env;
  std::string InvokeName;
  bool Invoke = false, Describe = false;
  int I = 1;
  for (; I < Argc; ++I) {
    std::string A = Argv[I];
    auto Value = [&](const char *Opt) -> std::string {
      std::string Prefix = std::string(Opt) + "=";
      if (A.rfind(Prefix, 0) == 0)
        return A.substr(Prefix.size());
      if (I + 1 >= Argc)
        usageError(std::string("missing value for ") + Opt);
      return Argv[++I];
    };
    if (A == "--help" || A == "-h") {
      std::fputs(Usage, stdout);
      return 0;
    }
    if (A == "--") {
      ++I;
      break;
    }
    if (A == "--dir" || A.rfind("--dir=", 0) == 0) {
      std::string V = Value("--dir");
      size_t Sep = V.find("::");
      if (Sep == std::string::npos)
        Dirs.push_back({V, V});
      else
        Dirs.push_back({V.substr(0, Sep), V.substr(Sep + 2)});
      continue;
    }
    if (A == "--env" || A.rfind("--env=", 0) == 0) {
      std::string V = Value("--env");
      if (V.find('=') == std::string::npos || V[0] == '=')
        usageError("--env expects NAME=VALUE, got '" + V + "'");
      Env.push_back(V);
      continue;
    }
    if (A == "--describe") {
      Describe = true;
      continue;
    }
    if (A == "--discard" || A.rfind("--discard=", 0) == 0) {
      std::string V = Value("--discard");
      if (V != "async" && V != "sync")
        usageError("--discard expects 'async' or 'sync', got '" + V + "'");
      memctl::PageReclaimer::setEnabled(V == "async");
      continue;
    }
    if (A == "--invoke" || A.rfind("--invoke=", 0) == 0) {
      InvokeName = Value("--invoke");
      Invoke = true;
      continue;
    }
    if (A.size() > 1 && A[0] == '-')
      usageError("unknown option '" + A + "'");
    break;
  }
  if (I >= Argc)
    usageError("no module given");
  std::string Path = Argv[I];
  std::vector<std::string> GuestArgs(Argv + I, Argv + Argc);

  std::ifstream In(Path, std::ios::binary);
  if (!In)
    loadFailure("cannot read '" + Path + "': " + std::strerror(errno));
  std::stringstream SS;
  SS << In.rdbuf();
  std::string Bytes = SS.str();

  std::shared_ptr<const Module> M;
  try {
    M = loadModule((const uint8_t *)Bytes.data(), Bytes.size());
  } catch (const LoadError &E) {
    char Off[64];
    std::snprintf(Off, sizeof Off, "%zu (0x%zx)", E.Offset, E.Offset);
    loadFailure(std::string(E.Malformed ? "malformed" : "invalid") +
                " module '" + Path + "' at byte offset " + Off + ": " +
                E.what());
  }

  if (Describe) {
    try {
      memctl::describe(*M, stdout);
    } catch (const std::runtime_error &E) {
      loadFailure(Path + ": " + E.what());
    }
    return 0;
  }
  // Memory control (docs/memory-control.md): the wmc.protections section and
  // the wasm:memctl builtins.
  std::unique_ptr<memctl::Controller> MemCtl;
  try {
    MemCtl = std::make_unique<memctl::Controller>(M);
  } catch (const std::runtime_error &E) {
    loadFailure(Path + ": " + E.what());
  }

  Store S;
#ifdef WMC_HAVE_WASI
  std::unique_ptr<wasi::Context> Wasi;
  std::vector<std::unique_ptr<WasiImport>> WasiImports;
#endif
  std::vector<Extern> Imports;
  for (const Import &Imp : M->Imports) {
    std::string What = "\"" + Imp.Module + "\" \"" + Imp.Name + "\"";
    if (Imp.Module == WMC_BUILTIN_MODULE) {
      std::string Err;
      Function *F = MemCtl->resolveImport(S, Imp, Err);
      if (!F)
        loadFailure(Path + ": " + Err);
      Imports.push_back({ExternKind::Func, F});
      continue;
    }
#ifdef WMC_HAVE_WASI
    if (Imp.Module == "wasi_snapshot_preview1" && Imp.Kind == ExternKind::Func) {
      const wasi::Function *Fn = wasi::Context::lookup(Imp.Name);
      if (!Fn)
        loadFailure("unknown import " + What +
                    ": not a WASI preview1 function wmc-run implements");
      FuncType T;
      for (const char *P = Fn->Params; *P; ++P)
        T.Params.push_back(wasiType(*P));
      for (const char *P = Fn->Results; *P; ++P)
        T.Results.push_back(wasiType(*P));
      if (T != M->Types[Imp.Index])
        loadFailure("incompatible import type for " + What + ": expected " +
                    T.str() + ", module declares " + M->Types[Imp.Index].str());
      if (!Wasi) {
        wasi::Options O;
        O.Args = GuestArgs;
        O.Env = Env;
        for (auto &[Host, Guest] : Dirs)
          O.Preopens.push_back({Host, Guest});
        try {
          Wasi = std::make_unique<wasi::Context>(std::move(O));
        } catch (const std::exception &E) {
          loadFailure(E.what());
        }
      }
      WasiImports.push_back(std::make_unique<WasiImport>(WasiImport{Wasi.get(), Fn}));
      Imports.push_back({ExternKind::Func,
                         S.addHostFunction(T, callWasi, WasiImports.back().get(),
                                           "wasi_snapshot_preview1." + Imp.Name)});
      continue;
    }
#endif
    loadFailure("unknown import " + What + " (" + externKindName(Imp.Kind) +
                ")");
  }

  std::string LinkErr;
  Trap T;
  // The start function runs after the protections are applied.
  Instance *Inst = S.instantiate(M, Imports, LinkErr, T, /*RunStart=*/false);
  if (!Inst)
    loadFailure("cannot instantiate '" + Path + "': " + LinkErr);
#ifdef WMC_HAVE_WASI
  if (Wasi)
    MemCtl->HostFd = [W = Wasi.get()](uint32_t Fd, uint64_t Rights) {
      return W->hostFd(Fd, Rights);
    };
#endif
  if (T.Kind == TrapKind::None && MemCtl->active() &&
      !MemCtl->apply(*Inst, LinkErr))
    loadFailure("cannot instantiate '" + Path + "': " + LinkErr);
  if (T.Kind == TrapKind::None && M->HasStart) {
    std::vector<Slot> None;
    T = invoke(Inst->Funcs[M->Start], {}, None);
  }
  std::fflush(stdout);
  if (T.Kind == TrapKind::Exit)
    return (int)T.ExitCode;
  if (T.Kind != TrapKind::None) {
    printTrap(T);
    return ExitTrap;
  }

  // WASI reactors export _initialize: run it before any other export.
  if (auto Init = Inst->exported("_initialize");
      Init && Init->Kind == ExternKind::Func && !Inst->exported("_start")) {
    std::vector<Slot> None;
    T = invoke((Function *)Init->Ptr, {}, None);
    if (T.Kind == TrapKind::Exit)
      return (int)T.ExitCode;
    if (T.Kind != TrapKind::None) {
      printTrap(T);
      return ExitTrap;
    }
  }

  std::string Entry = Invoke ? InvokeName : "_start";
  auto E = Inst->exported(Entry);
  if (!E) {
    if (!Invoke)
      return 0; // a module without _start: instantiation (start) is the run
    loadFailure("module has no export named '" + Entry + "'");
  }
  if (E->Kind != ExternKind::Func)
    loadFailure("export '" + Entry + "' is a " + externKindName(E->Kind) +
                ", not a function");
  Function *F = (Function *)E->Ptr;
  std::vector<Slot> Args;
  if (Invoke) {
    std::vector<std::string> Raw(GuestArgs.begin() + 1, GuestArgs.end());
    if (Raw.size() != F->Type.Params.size())
      usageError("'" + Entry + "' expects " +
                 std::to_string(F->Type.Params.size()) + " argument(s) " +
                 F->Type.str() + ", got " + std::to_string(Raw.size()));
    for (size_t K = 0; K < Raw.size(); ++K) {
      Slot V;
      if (!parseArg(Raw[K], F->Type.Params[K], V))
        usageError("cannot parse argument '" + Raw[K] + "' as " +
                   valTypeName(F->Type.Params[K]));
      Args.push_back(V);
    }
  } else if (!F->Type.Params.empty()) {
    loadFailure("'_start' must take no parameters");
  }
  std::vector<Slot> Results;
  T = invoke(F, Args, Results);
  std::fflush(stdout);
  if (T.Kind == TrapKind::Exit)
    return (int)T.ExitCode;
  if (T.Kind != TrapKind::None) {
    printTrap(T);
    return ExitTrap;
  }
  if (Invoke)
    for (size_t K = 0; K < Results.size(); ++K)
      printValue(F->Type.Results[K], Results[K]);
  return 0;
}
