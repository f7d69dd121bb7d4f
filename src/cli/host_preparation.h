#pragma once
/// What the commands that run untrusted code do first, before any thread starts: enter
/// scbench's own mount space (so disk quotas can be mounted and vanish with the process)
/// and remove what scbench processes killed earlier left behind (work trees, control
/// groups, and the processes in them).

namespace scbench::cli {

/// `command` names the caller in the one warning it may print (root, but no mount space).
void PrepareHost(const char* command);

}  // namespace scbench::cli
