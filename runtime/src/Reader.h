//===- runtime/src/Reader.h - Bounds-checked binary reader -----*- C++ -*-===//
//
// A cursor over the module bytes used by the decoder and the function-body
// compiler. Every read is bounds checked and every LEB128 is checked for the
// exact encoding rules of the spec (maximum length, unused bits zero or
// sign-extended), so malformed input always ends in a LoadError naming the
// byte offset, never in an out-of-bounds read.
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_READER_H
#define WMC_RUNTIME_READER_H

#include "Module.h"

#include <cstring>
#include <string>

namespace wmc {

class Reader {
public:
  Reader(const uint8_t *Data, size_t Size) : Data(Data), Size(Size) {}

  size_t offset() const { return Pos; }
  size_t size() const { return Size; }
  bool atEnd() const { return Pos >= Limit(); }
  /// Restricts reads to [.., End) (a section or body); returns the old limit.
  size_t setLimit(size_t End) {
    size_t Old = End_;
    End_ = End;
    return Old;
  }
  size_t Limit() const { return End_ == SIZE_MAX ? Size : End_; }
  void seek(size_t P) { Pos = P; }

  [[noreturn]] void fail(const std::string &Msg) const {
    throw LoadError(Pos, Msg, true);
  }
  [[noreturn]] void failAt(size_t Off, const std::string &Msg) const {
    throw LoadError(Off, Msg, true);
  }

  uint8_t u8() {
    if (Pos >= Limit())
      fail(Pos >= Size ? "unexpected end" : "unexpected end of section or function");
    return Data[Pos++];
  }
  uint8_t peek() {
    if (Pos >= Limit())
      fail("unexpected end");
    return Data[Pos];
  }
  const uint8_t *bytes(size_t N) {
    if (N > Limit() - Pos)
      fail(Pos + N > Size ? "unexpected end" : "length out of bounds");
    const uint8_t *P = Data + Pos;
    Pos += N;
    return P;
  }
  uint32_t fixed32() {
    uint32_t V;
    std::memcpy(&V, bytes(4), 4);
    return V;
  }
  uint64_t fixed64() {
    uint64_t V;
    std::memcpy(&V, bytes(8), 8);
    return V;
  }

  /// Unsigned LEB128 of at most `Bits` bits.
  uint64_t uleb(unsigned Bits) {
    uint64_t Result = 0;
    unsigned MaxBytes = (Bits + 6) / 7;
    size_t Start = Pos;
    for (unsigned I = 0;; ++I) {
      uint8_t B = u8();
      unsigned Shift = 7 * I;
      if (I == MaxBytes - 1) {
        if (B & 0x80)
          failAt(Start, "integer representation too long");
        unsigned Used = Bits - Shift;
        uint8_t Mask = (uint8_t)((0x7F >> Used) << Used);
        if (B & Mask)
          failAt(Start, "integer too large");
      }
      Result |= (uint64_t)(B & 0x7F) << Shift;
      if (!(B & 0x80))
        return Result;
    }
  }
  /// Signed LEB128 of at most `Bits` bits, sign-extended to 64 bits.
  int64_t sleb(unsigned Bits) {
    uint64_t Result = 0;
    unsigned MaxBytes = (Bits + 6) / 7;
    size_t Start = Pos;
    unsigned Shift = 0;
    uint8_t B;
    for (unsigned I = 0;; ++I) {
      B = u8();
      Shift = 7 * I;
      if (I == MaxBytes - 1) {
        if (B & 0x80)
          failAt(Start, "integer representation too long");
        unsigned Used = Bits - Shift;
        uint8_t Mask = (uint8_t)(((0x7F >> (Used - 1)) << (Used - 1)) & 0x7F);
        if ((B & Mask) != 0 && (B & Mask) != Mask)
          failAt(Start, "integer too large");
      }
      Result |= (uint64_t)(B & 0x7F) << Shift;
      if (!(B & 0x80))
        break;
    }
    Shift += 7;
    if (Shift < 64 && (B & 0x40))
      Result |= ~0ULL << Shift;
    return (int64_t)Result;
  }
  uint32_t u32() { return (uint32_t)uleb(32); }
  int32_t s32() { return (int32_t)sleb(32); }
  int64_t s64() { return sleb(64); }

  /// A length-prefixed UTF-8 name (validated).
  std::string name() {
    uint32_t Len = u32();
    size_t Start = Pos;
    const uint8_t *P = bytes(Len);
    if (!validUtf8(P, Len))
      failAt(Start, "malformed UTF-8 encoding");
    return std::string((const char *)P, Len);
  }

  static bool validUtf8(const uint8_t *P, size_t N) {
    size_t I = 0;
    while (I < N) {
      uint8_t C = P[I];
      if (C < 0x80) {
        ++I;
        continue;
      }
      unsigned Len;
      uint32_t Cp;
      if ((C & 0xE0) == 0xC0) {
        Len = 2;
        Cp = C & 0x1F;
      } else if ((C & 0xF0) == 0xE0) {
        Len = 3;
        Cp = C & 0x0F;
      } else if ((C & 0xF8) == 0xF0) {
        Len = 4;
        Cp = C & 0x07;
      } else {
        return false;
      }
      if (I + Len > N)
        return false;
      for (unsigned K = 1; K < Len; ++K) {
        if ((P[I + K] & 0xC0) != 0x80)
          return false;
        Cp = (Cp << 6) | (P[I + K] & 0x3F);
      }
      if ((Len == 2 && Cp < 0x80) || (Len == 3 && Cp < 0x800) ||
          (Len == 4 && (Cp < 0x10000 || Cp > 0x10FFFF)) ||
          (Cp >= 0xD800 && Cp <= 0xDFFF))
        return false;
      I += Len;
    }
    return true;
  }

private:
  const uint8_t *Data;
  size_t Size;
  size_t Pos = 0;
  size_t End_ = SIZE_MAX;
};

} // namespace wmc

#endif
