#pragma once
/// Names for what a scbench process leaves on the machine while it works (temporary
/// trees, control groups), from which a later scbench can tell whether the owner is gone:
/// "<pid>.<start time>", so that a reused pid is not mistaken for the owner.

#include <string>
#include <string_view>

namespace scbench::harness {

/// This process's token.
const std::string& OwnerToken();

/// True while the process that made `token` runs. An unreadable token counts as alive:
/// only what is surely abandoned is removed.
bool OwnerAlive(std::string_view token);

}  // namespace scbench::harness
