//===- UserError.h - bad-input errors raised by wasm-memctl passes -*- C++ -*-//
//
// Passes report problems with the user's input (conflicting declarations,
// leftover markers, malformed custom sections) by throwing UserError from the
// module-level part of a pass; wmc-opt catches it, prints
// "wmc-opt: error: <message>" and exits with status 1 without writing output.
// Bugs in the passes themselves remain asserts.
//
//===----------------------------------------------------------------------===//
#ifndef WMC_BINARYEN_USERERROR_H
#define WMC_BINARYEN_USERERROR_H

#include <stdexcept>
#include <string>

namespace wmc {

struct UserError : std::runtime_error {
  explicit UserError(const std::string &Message)
      : std::runtime_error(Message) {}
};

} // namespace wmc

#endif
