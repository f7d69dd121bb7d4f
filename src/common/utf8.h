#pragma once
/// Checking and repairing UTF-8: source files and file names are bytes, JSON text is UTF-8.

#include <cstddef>
#include <string>
#include <string_view>

namespace scbench {

/// Length of the well-formed UTF-8 sequence starting at `at`, or 0 if it is malformed
/// (overlong forms, surrogates and truncated sequences included).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t at);

/// Offset of the first byte that does not start a well-formed sequence, or npos.
std::size_t FirstInvalidUtf8(std::string_view text);

/// `text` with every malformed byte replaced by U+FFFD, the replacement character.
std::string ReplaceInvalidUtf8(std::string_view text);

}  // namespace scbench
