#pragma once
/// The text of a JSON value as scbench writes it to files and streams.
///
/// Strings that reach a document may be bytes that are not UTF-8: file names, paths given
/// on the command line, text read from submissions. nlohmann's dump() throws on them
/// (type_error 316), which aborted the command; here each malformed byte becomes U+FFFD,
/// as in the measure JSON (common/utf8.h).

#include <string>

namespace scbench {

/// `value` (an nlohmann::json or ordered_json) dumped with `indent` spaces (-1: one line).
template <typename Json>
std::string DumpJson(const Json& value, int indent = -1) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace scbench
