//===- runtime/tools/Json.h - Minimal JSON reader --------------*- C++ -*-===//
//
// Just enough JSON for wast2json's output: objects, arrays, strings (with
// \uXXXX escapes), numbers, true/false/null. Throws std::runtime_error on
// malformed input.
//===----------------------------------------------------------------------===//
#ifndef WMC_TOOLS_JSON_H
#define WMC_TOOLS_JSON_H

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace wmc::json {

struct Value {
  enum Kind { Null, Bool, Number, String, Array, Object } K = Null;
  bool B = false;
  double N = 0;
  std::string S;
  std::vector<Value> A;
  std::map<std::string, Value> O;

  const Value *get(const std::string &Key) const {
    auto It = O.find(Key);
    return It == O.end() ? nullptr : &It->second;
  }
  std::string str(const std::string &Key, std::string Def = "") const {
    const Value *V = get(Key);
    return V && V->K == String ? V->S : Def;
  }
};

class Parser {
public:
  explicit Parser(const std::string &Text) : T(Text) {}
  Value parse() {
    Value V = value();
    ws();
    if (P != T.size())
      throw std::runtime_error("json: trailing characters");
    return V;
  }

private:
  const std::string &T;
  size_t P = 0;
  void ws() {
    while (P < T.size() && (T[P] == ' ' || T[P] == '\n' || T[P] == '\t' || T[P] == '\r'))
      ++P;
  }
  char peek() {
    ws();
    if (P >= T.size())
      throw std::runtime_error("json: unexpected end");
    return T[P];
  }
  void expect(char C) {
    if (peek() != C)
      throw std::runtime_error(std::string("json: expected '") + C + "'");
    ++P;
  }
  static void utf8(std::string &Out, unsigned Cp) {
    if (Cp < 0x80) {
      Out += (char)Cp;
    } else if (Cp < 0x800) {
      Out += (char)(0xC0 | (Cp >> 6));
      Out += (char)(0x80 | (Cp & 0x3F));
    } else if (Cp < 0x10000) {
      Out += (char)(0xE0 | (Cp >> 12));
      Out += (char)(0x80 | ((Cp >> 6) & 0x3F));
      Out += (char)(0x80 | (Cp & 0x3F));
    } else {
      Out += (char)(0xF0 | (Cp >> 18));
      Out += (char)(0x80 | ((Cp >> 12) & 0x3F));
      Out += (char)(0x80 | ((Cp >> 6) & 0x3F));
      Out += (char)(0x80 | (Cp & 0x3F));
    }
  }
  std::string string() {
    expect('"');
    std::string Out;
    while (true) {
      if (P >= T.size())
        throw std::runtime_error("json: unterminated string");
      char C = T[P++];
      if (C == '"')
        return Out;
      if (C != '\\') {
        Out += C;
        continue;
      }
      char E = T.at(P++);
      switch (E) {
      case 'n': Out += '\n'; break;
      case 't': Out += '\t'; break;
      case 'r': Out += '\r'; break;
      case 'b': Out += '\b'; break;
      case 'f': Out += '\f'; break;
      case 'u': {
        unsigned Cp = std::stoul(T.substr(P, 4), nullptr, 16);
        P += 4;
        if (Cp >= 0xD800 && Cp < 0xDC00 && T.compare(P, 2, "\\u") == 0) {
          unsigned Lo = std::stoul(T.substr(P + 2, 4), nullptr, 16);
          P += 6;
          Cp = 0x10000 + ((Cp - 0xD800) << 10) + (Lo - 0xDC00);
        }
        utf8(Out, Cp);
        break;
      }
      default: Out += E;
      }
    }
  }
  Value value() {
    Value V;
    char C = peek();
    if (C == '{') {
      ++P;
      V.K = Value::Object;
      if (peek() == '}') {
        ++P;
        return V;
      }
      while (true) {
        std::string K = string();
        expect(':');
        V.O[K] = value();
        if (peek() == ',') {
          ++P;
          continue;
        }
        expect('}');
        return V;
      }
    }
    if (C == '[') {
      ++P;
      V.K = Value::Array;
      if (peek() == ']') {
        ++P;
        return V;
      }
      while (true) {
        V.A.push_back(value());
        if (peek() == ',') {
          ++P;
          continue;
        }
        expect(']');
        return V;
      }
    }
    if (C == '"') {
      V.K = Value::String;
      V.S = string();
      return V;
    }
    if (T.compare(P, 4, "true") == 0) {
      P += 4;
      V.K = Value::Bool;
      V.B = true;
      return V;
    }
    if (T.compare(P, 5, "false") == 0) {
      P += 5;
      V.K = Value::Bool;
      return V;
    }
    if (T.compare(P, 4, "null") == 0) {
      P += 4;
      return V;
    }
    size_t End;
    V.K = Value::Number;
    V.N = std::stod(T.substr(P, 40), &End);
    P += End;
    return V;
  }
};

} // namespace wmc::json

#endif
