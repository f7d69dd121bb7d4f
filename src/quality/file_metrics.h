#pragma once
/// Per-file metrics from one walk of the syntax tree: line kinds, callables with their
/// cyclomatic complexity, statements, nesting and parameters, and parse errors.

#include <string>
#include <string_view>

#include "quality/language.h"
#include "quality/measurement.h"
#include "quality/syntax_tree.h"

namespace scbench::quality {

/// `also_visit` joins the same walk (clone tokens, call sites) so the tree is traversed once.
FileMeasurement MeasureSyntax(const Language& language, const TSTree* tree, std::string_view source,
                              std::string path, const std::vector<SyntaxVisitor*>& also_visit = {});

/// Convenience for tests and one-off use: parses and measures `source`.
FileMeasurement MeasureSource(const Language& language, std::string_view source, std::string path = "<memory>");

}  // namespace scbench::quality
