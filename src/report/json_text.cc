#include "report/json_text.h"

#include <algorithm>
#include <cmath>

#include "common/utf8.h"

namespace scbench::report {

namespace {

// A copy: RapidJSON declares the constant without defining it, so it cannot be bound to
// std::max's reference parameters.
constexpr std::size_t kMinimumCapacity = rapidjson::StringBuffer::kDefaultCapacity;

}  // namespace

JsonText::JsonText(std::size_t expected_bytes)
    : buffer_(nullptr, std::max(expected_bytes, kMinimumCapacity)), writer_(buffer_) {
  writer_.SetIndent(' ', 2);
}

std::string JsonText::Slice(std::size_t from, std::size_t to) const {
  to = std::min(to, size());
  return std::string(buffer_.GetString() + from, to - from);
}

void JsonText::String(std::string_view text) {
  // File names and names read from source are bytes; JSON text must be UTF-8.
  if (FirstInvalidUtf8(text) != std::string_view::npos) {
    const std::string repaired = ReplaceInvalidUtf8(text);
    writer_.String(repaired.data(), static_cast<rapidjson::SizeType>(repaired.size()), true);
    return;
  }
  writer_.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void JsonText::Double(double value) {
  if (std::isfinite(value)) {
    writer_.Double(value);
  } else {
    writer_.Null();
  }
}

}  // namespace scbench::report
