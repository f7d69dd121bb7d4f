#pragma once
/// JsonText: JSON written as it is read, member by member, in the two-space layout of every
/// scbench document, without building a tree of values first.
///
/// Why not nlohmann's tree and dump(): a measure of a large project holds tens of thousands
/// of callables and rule hits, and building then serializing their tree was most of the
/// time a run spends after the parallel walk. RapidJSON's writer streams the same layout.

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <string>
#include <string_view>
#include <type_traits>

namespace scbench::report {

class JsonText {
 public:
  /// `expected_bytes`: room to reserve, so that a long text is not copied as it grows.
  explicit JsonText(std::size_t expected_bytes = 0);
  JsonText(const JsonText&) = delete;
  JsonText& operator=(const JsonText&) = delete;

  void BeginObject() { writer_.StartObject(); }
  void EndObject() { writer_.EndObject(); }
  void BeginArray() { writer_.StartArray(); }
  void EndArray() { writer_.EndArray(); }
  void Key(std::string_view key) { writer_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size())); }
  void Null() { writer_.Null(); }

  /// A string (bytes that are not UTF-8 become U+FFFD), a number (a double that is not
  /// finite becomes null, as in nlohmann's dump) or a boolean.
  template <typename T>
  void Value(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      writer_.Bool(value);
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      writer_.Int64(value);
    } else if constexpr (std::is_integral_v<T>) {
      writer_.Uint64(value);
    } else if constexpr (std::is_floating_point_v<T>) {
      Double(value);
    } else {
      String(value);
    }
  }

  template <typename T>
  void Member(std::string_view key, const T& value) {
    Key(key);
    Value(value);
  }

  /// Bytes written so far.
  std::size_t size() const { return buffer_.GetSize(); }
  /// The text written from byte `from` to byte `to` (default: the end).
  std::string Slice(std::size_t from, std::size_t to = std::string::npos) const;

 private:
  void String(std::string_view text);
  void Double(double value);

  rapidjson::StringBuffer buffer_;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer_;
};

}  // namespace scbench::report
