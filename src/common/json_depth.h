#pragma once
/// How deeply a JSON text nests, found without parsing it: a hostile text nested a million
/// levels deep would overflow the stack of a recursive parser, dumper or destructor, so
/// such text is refused before any of them sees it.

#include <string_view>

namespace scbench {

/// JSON from untrusted sources may nest this deep and no deeper.
inline constexpr int kMaxJsonDepth = 256;

/// True when no array or object in `text` (outside strings) is nested deeper than
/// `max_depth`; malformed text is not this function's concern.
bool JsonNestingWithin(std::string_view text, int max_depth = kMaxJsonDepth);

}  // namespace scbench
