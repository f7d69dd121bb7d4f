#include "quality/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "common/utf8.h"

namespace scbench::quality {

bool ReadSourceFile(const std::filesystem::path& path, std::uintmax_t max_bytes, std::string& out,
                    std::string& error) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    error = "cannot read: " + ec.message();
    return false;
  }
  if (size > max_bytes) {
    error = "skipped: " + std::to_string(size) + " bytes exceeds the limit of " + std::to_string(max_bytes);
    return false;
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  out.resize(size);
  stream.read(out.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(stream.gcount()) != size) {
    out.resize(static_cast<std::size_t>(stream.gcount()));
    if (stream.bad()) {
      error = std::string("read failed: ") + std::strerror(errno);
      return false;
    }
  }
  return true;
}

bool LooksBinary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

std::optional<int> FirstInvalidUtf8Line(std::string_view bytes) {
  // Lines are counted only when an invalid sequence is found.
  const std::size_t at = FirstInvalidUtf8(bytes);
  if (at == std::string_view::npos) return std::nullopt;
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace scbench::quality
