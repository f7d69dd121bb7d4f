#include "quality/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

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

namespace {

// Length of the valid UTF-8 sequence starting at `i`, or 0 if it is malformed.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

/// Whether the eight bytes at `at` exist and are all ASCII.
bool AsciiWordAt(std::string_view bytes, std::size_t at) {
  std::uint64_t word = 0;
  if (at + sizeof word > bytes.size()) return false;
  std::memcpy(&word, bytes.data() + at, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

std::optional<int> FirstInvalidUtf8Line(std::string_view bytes) {
  // Source is mostly ASCII: skip it eight bytes at a time, and count lines only when
  // an invalid sequence is found.
  for (std::size_t i = 0; i < bytes.size();) {
    if (AsciiWordAt(bytes, i)) {
      i += sizeof(std::uint64_t);
      continue;
    }
    const std::size_t length = Utf8SequenceLength(bytes, i);
    if (length == 0) return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + i, '\n'));
    i += length;
  }
  return std::nullopt;
}

}  // namespace scbench::quality
