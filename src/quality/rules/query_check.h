#pragma once
/// tree-sitter's own analysis of a rule's query. scbench matches queries itself
/// (query_pattern.h), whose reader catches syntax, kinds, fields and captures; tree-sitter
/// also proves that a pattern can occur at all (a child kind its parent never has, a
/// field on the wrong node). That analysis costs a noticeable share of a second per pack,
/// so it runs on rules users bring, when `scbench rules test` runs, and on the built-in
/// packs in the test suite, not on every measure.

#include <span>
#include <string>

#include "quality/rules/rule.h"

namespace scbench::quality {

/// Compiles `rule`'s query with tree-sitter for every language it runs on. Returns false
/// with `error` naming the rule's file and id, the reason and the query line.
bool CheckQueryStructure(const Rule& rule, std::string& error);

/// Checks every rule of `rules` in parallel; on failure `error` names the first broken
/// rule in `rules` order.
bool CheckQueryStructures(std::span<const Rule> rules, std::string& error);

}  // namespace scbench::quality
