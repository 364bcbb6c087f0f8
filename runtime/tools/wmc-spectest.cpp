//===- runtime/tools/wmc-spectest.cpp - WebAssembly spec test runner ------===//
//
// Usage: wmc-spectest [-v] [--disable-multi-memory] FILE.wast...
// (--disable-multi-memory: Wasm 2.0 rules, for the core suite)
//
// Converts each .wast script with `wast2json --enable-multi-memory` into a
// temporary directory and runs every command against the engine: module
// (binary and named), register, action/invoke/get, assert_return (incl.
// nan:canonical / nan:arithmetic), assert_trap, assert_exhaustion,
// assert_invalid, assert_malformed, assert_unlinkable and
// assert_uninstantiable, with the standard `spectest` host module. Text-format
// assert_malformed cases are checked with `wat2wasm` (passed if it rejects
// them). Prints one line per failure and a final "N passed, N failed";
// exits 0 only if nothing failed.
//===----------------------------------------------------------------------===//
#include "Json.h"
#include "Module.h"
#include "Runtime.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace wmc;
namespace fs = std::filesystem;

namespace {

bool Verbose = false;
Features Feats;

std::string readFile(const fs::path &P, bool &Ok) {
  std::ifstream In(P, std::ios::binary);
  Ok = (bool)In;
  std::stringstream SS;
  SS << In.rdbuf();
  return SS.str();
}

std::string shellQuote(const std::string &S) {
  std::string Out = "'";
  for (char C : S) {
    if (C == '\'')
      Out += "'\\''";
    else
      Out += C;
  }
  return Out + "'";
}

TrapKind hostNop(void *, Instance *, Slot *) { return TrapKind::None; }

class Runner {
public:
  Runner(std::string File, fs::path Dir) : File(std::move(File)), Dir(Dir) {
    setupSpectest();
  }
  void runCommand(const json::Value &C);
  unsigned Passed = 0, Failed = 0, Skipped = 0;

private:
  std::string File;
  fs::path Dir;
  Store S;
  std::map<std::string, std::map<std::string, Extern>> Registered;
  std::map<std::string, Instance *> Named;
  Instance *Current = nullptr;
  unsigned Line = 0;

  void fail(const std::string &Msg) {
    ++Failed;
    std::printf("%s:%u: FAIL: %s\n", File.c_str(), Line, Msg.c_str());
  }
  void pass() { ++Passed; }

  void setupSpectest() {
    auto &M = Registered["spectest"];
    auto Fn = [&](const char *Name, std::vector<ValType> Params) {
      FuncType T;
      T.Params = std::move(Params);
      M[Name] = {ExternKind::Func,
                 S.addHostFunction(T, hostNop, nullptr,
                                   std::string("spectest.") + Name)};
    };
    Fn("print", {});
    Fn("print_i32", {ValType::I32});
    Fn("print_i64", {ValType::I64});
    Fn("print_f32", {ValType::F32});
    Fn("print_f64", {ValType::F64});
    Fn("print_i32_f32", {ValType::I32, ValType::F32});
    Fn("print_f64_f64", {ValType::F64, ValType::F64});
    Slot V{};
    V.I64 = 666;
    M["global_i32"] = {ExternKind::Global, S.addGlobal({ValType::I32, false}, V)};
    M["global_i64"] = {ExternKind::Global, S.addGlobal({ValType::I64, false}, V)};
    V.I64 = 0;
    V.F32 = 666.6f;
    M["global_f32"] = {ExternKind::Global, S.addGlobal({ValType::F32, false}, V)};
    V.F64 = 666.6;
    M["global_f64"] = {ExternKind::Global, S.addGlobal({ValType::F64, false}, V)};
    TableType TT;
    TT.Elem = ValType::FuncRef;
    TT.Lim = {10, true, 20};
    M["table"] = {ExternKind::Table, S.addTable(TT)};
    MemoryType MT;
    MT.Lim = {1, true, 2};
    std::string Err;
    M["memory"] = {ExternKind::Memory, S.addMemory(MT, Err)};
  }

  std::shared_ptr<const Module> load(const std::string &Name,
                                     std::string &Err) {
    bool Ok;
    std::string Bytes = readFile(Dir / Name, Ok);
    if (!Ok) {
      Err = "cannot read " + Name;
      return nullptr;
    }
    try {
      return loadModule((const uint8_t *)Bytes.data(), Bytes.size(), Feats);
    } catch (const LoadError &E) {
      Err = "@" + std::to_string(E.Offset) + ": " + E.what();
      return nullptr;
    }
  }

  /// Resolves imports; returns false with Err for an unknown import.
  bool resolve(const Module &M, std::vector<Extern> &Out, std::string &Err) {
    for (const Import &I : M.Imports) {
      auto It = Registered.find(I.Module);
      if (It == Registered.end()) {
        Err = "unknown import module \"" + I.Module + "\"";
        return false;
      }
      auto F = It->second.find(I.Name);
      if (F == It->second.end()) {
        Err = "unknown import \"" + I.Module + "\" \"" + I.Name + "\"";
        return false;
      }
      Out.push_back(F->second);
    }
    return true;
  }

  Instance *target(const json::Value &A) {
    std::string Mod = A.str("module");
    if (Mod.empty())
      return Current;
    auto It = Named.find(Mod);
    return It == Named.end() ? nullptr : It->second;
  }

  static bool parseValue(const json::Value &V, Slot &Out) {
    std::string T = V.str("type"), S = V.str("value");
    Out.I64 = 0;
    if (T == "externref" || T == "funcref") {
      if (S == "null")
        Out.I64 = 0;
      else
        Out.I64 = std::stoull(S) + 1;
      return true;
    }
    if (T == "v128")
      return false;
    Out.I64 = std::stoull(S);
    return true;
  }

  bool matches(const json::Value &Exp, Slot Got, std::string &Desc) {
    std::string T = Exp.str("type"), V = Exp.str("value");
    char Buf[64];
    if (T == "i32") {
      snprintf(Buf, sizeof Buf, "i32:%u", Got.I32);
      Desc = Buf;
      return Got.I32 == (uint32_t)std::stoull(V);
    }
    if (T == "i64") {
      snprintf(Buf, sizeof Buf, "i64:%llu", (unsigned long long)Got.I64);
      Desc = Buf;
      return Got.I64 == std::stoull(V);
    }
    if (T == "f32") {
      snprintf(Buf, sizeof Buf, "f32:0x%08x", Got.I32);
      Desc = Buf;
      uint32_t B = Got.I32;
      if (V == "nan:canonical")
        return (B & 0x7FFFFFFF) == 0x7FC00000;
      if (V == "nan:arithmetic")
        return (B & 0x7FC00000) == 0x7FC00000;
      return B == (uint32_t)std::stoull(V);
    }
    if (T == "f64") {
      snprintf(Buf, sizeof Buf, "f64:0x%016llx", (unsigned long long)Got.I64);
      Desc = Buf;
      uint64_t B = Got.I64;
      if (V == "nan:canonical")
        return (B & 0x7FFFFFFFFFFFFFFFull) == 0x7FF8000000000000ull;
      if (V == "nan:arithmetic")
        return (B & 0x7FF8000000000000ull) == 0x7FF8000000000000ull;
      return B == std::stoull(V);
    }
    if (T == "externref" || T == "funcref") {
      snprintf(Buf, sizeof Buf, "%s:%llx", T.c_str(), (unsigned long long)Got.I64);
      Desc = Buf;
      if (V == "null")
        return Got.I64 == 0;
      if (T == "funcref")
        return Got.I64 != 0;
      return Got.I64 == std::stoull(V) + 1;
    }
    Desc = "unsupported type " + T;
    return false;
  }

  /// Runs an action; returns false (and records nothing) if it could not
  /// even be started, with Err set.
  bool act(const json::Value &A, Trap &T, std::vector<Slot> &Results,
           std::string &Err) {
    Instance *I = target(A);
    if (!I) {
      Err = "no module for action";
      return false;
    }
    std::string Field = A.str("field");
    auto E = I->exported(Field);
    if (!E) {
      Err = "unknown export \"" + Field + "\"";
      return false;
    }
    if (A.str("type") == "get") {
      if (E->Kind != ExternKind::Global) {
        Err = "export is not a global";
        return false;
      }
      Results = {((Global *)E->Ptr)->Value};
      return true;
    }
    if (E->Kind != ExternKind::Func) {
      Err = "export is not a function";
      return false;
    }
    std::vector<Slot> Args;
    if (const json::Value *AV = A.get("args"))
      for (const json::Value &V : AV->A) {
        Slot Sl;
        if (!parseValue(V, Sl)) {
          Err = "unsupported argument type";
          return false;
        }
        Args.push_back(Sl);
      }
    Function *F = (Function *)E->Ptr;
    if (Args.size() != F->Type.Params.size()) {
      Err = "argument count mismatch";
      return false;
    }
    T = invoke(F, Args, Results);
    return true;
  }

  void moduleCommand(const json::Value &C) {
    std::string Err;
    auto M = load(C.str("filename"), Err);
    if (!M)
      return fail("module failed to load: " + Err);
    std::vector<Extern> Imports;
    if (!resolve(*M, Imports, Err))
      return fail("module failed to link: " + Err);
    Trap T;
    Instance *I = S.instantiate(M, Imports, Err, T);
    if (!I)
      return fail("module failed to link: " + Err);
    if (T.Kind != TrapKind::None)
      return fail(std::string("module start trapped: ") + trapMessage(T.Kind));
    Current = I;
    std::string Name = C.str("name");
    if (!Name.empty())
      Named[Name] = I;
    pass();
  }
};

void Runner::runCommand(const json::Value &C) {
  std::string Type = C.str("type");
  if (const json::Value *L = C.get("line"))
    Line = (unsigned)L->N;
  if (Verbose)
    std::printf("%s:%u: %s\n", File.c_str(), Line, Type.c_str());
  if (Type == "module") {
    moduleCommand(C);
    return;
  }
  if (Type == "register") {
    std::string Name = C.str("name");
    Instance *I = Name.empty() ? Current : Named[Name];
    if (!I)
      return fail("register: no module");
    Registered[C.str("as")] = {I->Exports.begin(), I->Exports.end()};
    return pass();
  }
  if (Type == "action" || Type == "assert_return" || Type == "assert_trap" ||
      Type == "assert_exhaustion") {
    const json::Value *A = C.get("action");
    Trap T;
    std::vector<Slot> Results;
    std::string Err;
    if (!A || !act(*A, T, Results, Err))
      return fail(Type + ": " + Err);
    if (Type == "action") {
      if (T.Kind != TrapKind::None)
        return fail(std::string("action trapped: ") + trapMessage(T.Kind));
      return pass();
    }
    if (Type == "assert_return") {
      if (T.Kind != TrapKind::None)
        return fail(std::string("unexpected trap: ") + trapMessage(T.Kind) +
                    " in " + A->str("field"));
      const json::Value *Exp = C.get("expected");
      size_t N = Exp ? Exp->A.size() : 0;
      if (N != Results.size())
        return fail("result count mismatch");
      for (size_t I = 0; I < N; ++I) {
        std::string Desc;
        if (!matches(Exp->A[I], Results[I], Desc))
          return fail("wrong result in " + A->str("field") + ": got " + Desc +
                      ", expected " + Exp->A[I].str("type") + ":" +
                      Exp->A[I].str("value"));
      }
      return pass();
    }
    std::string Want = C.str("text");
    if (T.Kind == TrapKind::None)
      return fail("expected trap \"" + Want + "\" in " + A->str("field"));
    std::string Got = trapMessage(T.Kind);
    if (Type == "assert_exhaustion" ? T.Kind != TrapKind::StackExhausted
                                    : Want.rfind(Got, 0) != 0)
      return fail("wrong trap: got \"" + Got + "\", expected \"" + Want + "\"");
    return pass();
  }
  if (Type == "assert_invalid" || Type == "assert_malformed") {
    std::string Name = C.str("filename");
    if (C.str("module_type") == "text") {
      std::string Cmd = "wat2wasm --enable-multi-memory -o /dev/null " +
                        shellQuote((Dir / Name).string()) + " >/dev/null 2>&1";
      if (std::system(Cmd.c_str()) != 0)
        return pass();
      ++Skipped;
      if (Verbose)
        std::printf("%s:%u: skipped text module wat2wasm accepts\n", File.c_str(), Line);
      return;
    }
    std::string Err;
    auto M = load(Name, Err);
    if (M)
      return fail(Type + ": module loaded but should fail (\"" + C.str("text") +
                  "\")");
    if (Verbose)
      std::printf("%s:%u: ok %s: %s (expected \"%s\")\n", File.c_str(), Line,
                  Type.c_str(), Err.c_str(), C.str("text").c_str());
    return pass();
  }
  if (Type == "assert_unlinkable" || Type == "assert_uninstantiable") {
    std::string Err;
    auto M = load(C.str("filename"), Err);
    if (!M)
      return fail(Type + ": module failed to load: " + Err);
    std::vector<Extern> Imports;
    bool Linked = resolve(*M, Imports, Err);
    Trap T;
    Instance *I = Linked ? S.instantiate(M, Imports, Err, T) : nullptr;
    if (Type == "assert_unlinkable") {
      if (I)
        return fail("module linked but should not (\"" + C.str("text") + "\")");
      return pass();
    }
    if (!I)
      return fail("assert_uninstantiable: link failed: " + Err);
    if (T.Kind == TrapKind::None)
      return fail("assert_uninstantiable: instantiation succeeded");
    return pass();
  }
  fail("unknown command " + Type);
}

bool runFile(const std::string &Wast, unsigned &Passed, unsigned &Failed,
             unsigned &Skipped) {
  char Tmpl[] = "/tmp/wmc-spectest-XXXXXX";
  if (!mkdtemp(Tmpl)) {
    std::printf("%s: cannot create temp dir\n", Wast.c_str());
    ++Failed;
    return false;
  }
  fs::path Dir = Tmpl;
  std::string Json = (Dir / "test.json").string();
  std::string Cmd = "wast2json --enable-multi-memory " + shellQuote(Wast) +
                    " -o " + shellQuote(Json);
  int Rc = std::system(Cmd.c_str());
  bool Ok = false;
  if (Rc != 0) {
    std::printf("%s: wast2json failed\n", Wast.c_str());
    ++Failed;
  } else {
    bool Read;
    std::string Text = readFile(Json, Read);
    try {
      json::Value Root = json::Parser(Text).parse();
      Runner R(fs::path(Wast).filename().string(), Dir);
      if (const json::Value *Cmds = Root.get("commands"))
        for (const json::Value &C : Cmds->A)
          R.runCommand(C);
      std::printf("%s: %u passed, %u failed%s\n", Wast.c_str(), R.Passed,
                  R.Failed,
                  R.Skipped ? (", " + std::to_string(R.Skipped) +
                               " text cases skipped").c_str()
                            : "");
      Passed += R.Passed;
      Failed += R.Failed;
      Skipped += R.Skipped;
      Ok = R.Failed == 0;
    } catch (const std::exception &E) {
      std::printf("%s: error: %s\n", Wast.c_str(), E.what());
      ++Failed;
    }
  }
  std::error_code EC;
  fs::remove_all(Dir, EC);
  return Ok;
}

} // namespace

int main(int Argc, char **Argv) {
  std::vector<std::string> Files;
  for (int I = 1; I < Argc; ++I) {
    std::string A = Argv[I];
    if (A == "-v") {
      Verbose = true;
    } else if (A == "--disable-multi-memory") {
      Feats.MultiMemory = false;
    } else if (A == "-h" || A == "--help") {
      std::printf("usage: wmc-spectest [-v] [--disable-multi-memory] FILE.wast...\n");
      return 0;
    } else {
      Files.push_back(A);
    }
  }
  if (Files.empty()) {
    std::fprintf(stderr, "usage: wmc-spectest [-v] FILE.wast...\n");
    return 2;
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  unsigned Passed = 0, Failed = 0, Skipped = 0;
  for (const std::string &F : Files)
    runFile(F, Passed, Failed, Skipped);
  std::printf("%u passed, %u failed\n", Passed, Failed);
  return Failed ? 1 : 0;
}
