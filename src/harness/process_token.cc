#include "harness/process_token.h"

#include <charconv>
#include <fstream>
#include <optional>
#include <sys/types.h>
#include <unistd.h>

namespace scbench::harness {
namespace {

/// Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot.
std::optional<std::string> StartTime(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return std::nullopt;
  std::size_t at = line.rfind(')');
  if (at == std::string::npos) return std::nullopt;
  // After the command name: state is field 3, start time field 22.
  for (int field = 2; field < 22 && at != std::string::npos; ++field) at = line.find(' ', at + 1);
  if (at == std::string::npos) return std::nullopt;
  return line.substr(at + 1, line.find(' ', at + 1) - at - 1);
}

}  // namespace

const std::string& OwnerToken() {
  static const std::string token = std::to_string(getpid()) + "." + StartTime(getpid()).value_or("0");
  return token;
}

bool OwnerAlive(std::string_view token) {
  const auto dot = token.find('.');
  if (dot == std::string_view::npos) return true;
  pid_t pid = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + dot, pid);
  if (ec != std::errc() || end != token.data() + dot || pid <= 0) return true;
  const auto started = StartTime(pid);
  return started && *started == token.substr(dot + 1);
}

}  // namespace scbench::harness
