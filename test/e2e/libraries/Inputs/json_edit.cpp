// Parses, edits and re-serialises JSON with nlohmann-json (Debian
// nlohmann-json3-dev). Built natively and with wmc-c++ (which compiles with
// -fno-exceptions: nlohmann then replaces every `throw` by std::abort()), so
// errors are observed the ways the library offers without exceptions:
// json::accept, json::parse(..., allow_exceptions = false) and a SAX handler
// whose parse_error() receives the exception object instead of a throw.
//
//   json_edit edit FILE      parse FILE, edit it, print dumps, binary formats,
//                            patches and checksums (exit 1 if FILE is invalid)
//   json_edit check FILE     one JSON text per line: print whether it is
//                            accepted and, if not, the parser's message
//   json_edit throw FILE     json::parse(FILE) with default arguments: an
//                            invalid document aborts (no exceptions)
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

using nlohmann::json;

static bool readFile(const char *path, std::string &out) {
  std::FILE *f = std::fopen(path, "rb");
  if (!f) {
    std::printf("cannot open %s\n", path);
    return false;
  }
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
    out.append(buf, n);
  std::fclose(f);
  return true;
}

template <class Bytes> static unsigned fnv1a(const Bytes &b) {
  unsigned h = 0x811C9DC5u;
  for (auto c : b)
    h = (h ^ (unsigned char)c) * 0x01000193u;
  return h;
}

// nlohmann-json 3.11.2 (Debian 12) reads binary formats from unsigned-char
// ranges through std::char_traits<unsigned char>, which libc++ 19+ (the
// libc++ of wmc-c++) no longer provides (nlohmann/json#4490, fixed in
// 3.11.3): hand the readers char data instead.
static std::string chars(const std::vector<std::uint8_t> &v) {
  return std::string(v.begin(), v.end());
}

// Counts SAX events; records the first parse error without throwing.
struct Events : json::json_sax_t {
  unsigned values = 0, keys = 0, objects = 0, arrays = 0;
  bool failed = false;
  std::size_t position = 0;
  std::string lastToken, message;
  bool null() override { return ++values; }
  bool boolean(bool) override { return ++values; }
  bool number_integer(number_integer_t) override { return ++values; }
  bool number_unsigned(number_unsigned_t) override { return ++values; }
  bool number_float(number_float_t, const string_t &) override {
    return ++values;
  }
  bool string(string_t &) override { return ++values; }
  bool binary(binary_t &) override { return ++values; }
  bool start_object(std::size_t) override { return ++objects; }
  bool key(string_t &) override { return ++keys; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return ++arrays; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string &last,
                   const nlohmann::detail::exception &ex) override {
    failed = true;
    position = pos;
    lastToken = last;
    message = ex.what();
    return false;
  }
};

static int edit(const std::string &text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    std::printf("invalid JSON\n");
    return 1;
  }
  std::printf("parsed: type=%s size=%zu fnv=%08x\n", j.type_name(), j.size(),
              fnv1a(j.dump()));

  // Edits: insert, overwrite, erase, append, arithmetic on parsed numbers.
  j["edited"] = true;
  j["version"] = j.value("version", 0) + 1;
  j["tags"].push_back("wasm");
  j["tags"].push_back(u8"m\u00e9moire \U0001F600");
  j.erase("obsolete");
  double sum = 0;
  for (const json &v : j["measurements"])
    sum += v.get<double>();
  j["sum"] = sum;
  j["third"] = 1.0 / 3.0;
  j["tiny"] = 5e-324;
  j["huge"] = 1.7976931348623157e308;
  j["neg_zero"] = -0.0;
  j["/nested/deep/list/1"_json_pointer] = "replaced";
  j["nested"]["counts"] = {{"keys", j.size()}, {"tags", j["tags"].size()}};

  const std::string compact = j.dump();
  std::printf("compact: %s\n", compact.c_str());
  std::cout << "pretty:\n" << std::setw(2) << j << "\n";
  std::printf("ascii: %s\n", j.dump(-1, ' ', /*ensure_ascii=*/true).c_str());
  std::printf("fnv: %08x\n", fnv1a(compact));

  // Binary formats and back.
  const std::vector<std::uint8_t> cbor = json::to_cbor(j),
                                  msgpack = json::to_msgpack(j),
                                  ubjson = json::to_ubjson(j);
  // BSON has no unsigned 64-bit integers (to_bson would abort on u64max).
  json bsonable = j;
  bsonable.erase("limits");
  bsonable.erase("measurements");
  const std::vector<std::uint8_t> bson = json::to_bson(bsonable);
  std::printf("cbor: %zu bytes fnv=%08x roundtrip=%d\n", cbor.size(),
              fnv1a(cbor), json::from_cbor(chars(cbor)) == j);
  std::printf("msgpack: %zu bytes fnv=%08x roundtrip=%d\n", msgpack.size(),
              fnv1a(msgpack), json::from_msgpack(chars(msgpack)) == j);
  std::printf("ubjson: %zu bytes fnv=%08x roundtrip=%d\n", ubjson.size(),
              fnv1a(ubjson), json::from_ubjson(chars(ubjson)) == j);
  std::printf("bson: %zu bytes fnv=%08x roundtrip=%d\n", bson.size(),
              fnv1a(bson), json::from_bson(chars(bson)) == bsonable);

  // Patches: diff against the original, apply, merge, flatten.
  json original = json::parse(text, nullptr, false);
  json patch = json::diff(original, j);
  std::printf("patch: %zu operations, applies=%d\n", patch.size(),
              original.patch(patch) == j);
  json merged = original;
  merged.merge_patch(R"({"version": null, "merged": [1, 2.5, "x"]})"_json);
  std::printf("merged: %s\n", merged.dump().c_str());
  json flat = j.flatten();
  std::printf("flatten: %zu leaves, unflatten=%d\n", flat.size(),
              flat.unflatten() == j);
  std::printf("reparse equal: %d\n", json::parse(compact) == j);
  return 0;
}

static int check(const std::string &text) {
  size_t start = 0, line = 0;
  int accepted = 0, rejected = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    if (end == text.size() && start == end)
      break;
    std::string doc = text.substr(start, end - start);
    start = end + 1;
    ++line;
    bool ok = json::accept(doc);
    json j = json::parse(doc, nullptr, false);
    Events ev;
    bool sax = json::sax_parse(doc, &ev);
    if (ok != !j.is_discarded() || ok != sax || ok == ev.failed)
      std::printf("line %zu: accept/parse/sax_parse disagree\n", line);
    if (ok) {
      ++accepted;
      std::printf("line %zu: ok values=%u keys=%u objects=%u arrays=%u -> %s\n",
                  line, ev.values, ev.keys, ev.objects, ev.arrays,
                  j.dump().substr(0, 60).c_str());
    } else {
      ++rejected;
      std::printf("line %zu: error at byte %zu (last token '%s'): %s\n", line,
                  ev.position, ev.lastToken.c_str(), ev.message.c_str());
    }
  }
  std::printf("%d accepted, %d rejected\n", accepted, rejected);
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: json_edit edit|check|throw FILE\n");
    return 2;
  }
  std::string mode = argv[1], text;
  if (!readFile(argv[2], text))
    return 1;
  if (mode == "edit")
    return edit(text);
  if (mode == "check")
    return check(text);
  if (mode == "throw") {
    std::printf("parsing %s with exceptions disabled\n", argv[2]);
    std::fflush(stdout);
    json j = json::parse(text);
    std::printf("parsed: %s\n", j.dump().c_str());
    return 0;
  }
  std::fprintf(stderr, "unknown mode '%s'\n", argv[1]);
  return 2;
}
