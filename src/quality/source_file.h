#pragma once
/// Reading a source file and judging whether its bytes are measurable text.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace scbench::quality {

/// Reads the whole file into `out`. On failure returns false and sets `error` to a message
/// (without the path; callers name the file).
bool ReadSourceFile(const std::filesystem::path& path, std::uintmax_t max_bytes, std::string& out,
                    std::string& error);

/// True when the text holds a NUL byte in its first 8 KiB, as git decides.
bool LooksBinary(std::string_view bytes);

/// 1-based line of the first byte sequence that is not valid UTF-8, if any.
std::optional<int> FirstInvalidUtf8Line(std::string_view bytes);

}  // namespace scbench::quality
