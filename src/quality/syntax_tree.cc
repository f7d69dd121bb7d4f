#include "quality/syntax_tree.h"

#include <mutex>

#ifdef SCBENCH_USE_MIMALLOC
#include <mimalloc.h>
#endif

namespace scbench::quality {
namespace {

// tree-sitter allocates and frees one small object per syntax node; mimalloc does that
// markedly faster than glibc under two threads (see bench/compare.py). Sanitizer builds
// keep the system allocator so that every allocation stays checked.
void UseFastAllocatorOnce() {
#ifdef SCBENCH_USE_MIMALLOC
  static std::once_flag once;
  std::call_once(once, [] { ts_set_allocator(mi_malloc, mi_calloc, mi_realloc, mi_free); });
#endif
}

}  // namespace

Parser::Parser() : parser_((UseFastAllocatorOnce(), ts_parser_new())) {}

Parser::~Parser() { ts_parser_delete(parser_); }

SyntaxTree Parser::Parse(const Language& language, std::string_view source) {
  if (current_ != language.grammar()) {
    ts_parser_set_language(parser_, language.grammar());
    current_ = language.grammar();
  }
  return SyntaxTree(
      ts_parser_parse_string(parser_, nullptr, source.data(), static_cast<std::uint32_t>(source.size())));
}

VisitorGroup::VisitorGroup(std::vector<SyntaxVisitor*> visitors) : visitors_(std::move(visitors)) {
  for (SyntaxVisitor* visitor : visitors_) {
    if (visitor->NeedsLeave()) leaving_.push_back(visitor);
  }
}

bool VisitorGroup::Enter(const TSNode& node, std::uint32_t depth, const NodeContext& context) {
  bool descend = false;
  for (SyntaxVisitor* visitor : visitors_) descend = visitor->Enter(node, depth, context) || descend;
  return descend;
}

void VisitorGroup::Leave(const TSNode& node, std::uint32_t depth) {
  for (SyntaxVisitor* visitor : leaving_) visitor->Leave(node, depth);
}

}  // namespace scbench::quality
