#pragma once
/// Writing files so that readers see either the old content or the new, never a torn one:
/// write to a temporary file beside the target, flush it to disk, then rename over it.
/// Devices and pipes (`-o /dev/null`) are written in place: they cannot be replaced.

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace scbench {

/// Returns false and sets `error` (naming the path) when any step fails; the target is
/// then untouched and the temporary file removed.
bool WriteFileAtomically(const std::filesystem::path& path, std::string_view content, std::string& error);
/// Same, for content given in pieces (written one after the other, never joined).
bool WriteFileAtomically(const std::filesystem::path& path, std::span<const std::string> pieces, std::string& error);

}  // namespace scbench
