#pragma once
/// Reading a whole file as bytes, for the small files scbench reads whole (ignore files,
/// agent logs, snapshot files, files a test case writes).

#include <filesystem>
#include <optional>
#include <string>

namespace scbench {

/// The file's content, or nullopt when it cannot be opened.
std::optional<std::string> ReadWholeFile(const std::filesystem::path& path);

}  // namespace scbench
