#include "common/file_text.h"

#include <fstream>
#include <sstream>

namespace scbench {

std::optional<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return std::nullopt;
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

}  // namespace scbench
