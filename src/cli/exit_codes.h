#pragma once
/// Exit codes shared by every command.

namespace scbench::cli {

inline constexpr int kExitOk = 0;
/// A gate or check failed: a --fail-on threshold crossed, a rule example not behaving.
inline constexpr int kExitGateFailed = 1;
inline constexpr int kExitUsageOrIo = 2;

}  // namespace scbench::cli
