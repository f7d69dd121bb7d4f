#pragma once
/// Waste signals: callables that add a name but little else. Trivial wrappers are found
/// per callable by the language (see LanguageSpec::is_trivial_wrapper); single-use
/// callables need the whole tree: defined once, called exactly once.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "quality/language.h"
#include "quality/measurement.h"
#include "quality/syntax_tree.h"

namespace scbench::quality {

/// Records the called name of every call in a file during the shared walk.
class CallSiteCollector final : public SyntaxVisitor {
 public:
  CallSiteCollector(const Language& language, std::string_view source, std::vector<std::string>& names)
      : language_(language), source_(source), names_(names) {}
  bool Enter(const TSNode& node, std::uint32_t depth, const NodeContext& context) override;
  void Leave(const TSNode&, std::uint32_t) override {}
  bool NeedsLeave() const override { return false; }

 private:
  const Language& language_;
  std::string_view source_;
  std::vector<std::string>& names_;
};

/// Sets `single_use` on callables whose name is defined once and called once across
/// `files`. Lambdas, dunder methods and `main` are never single-use.
void MarkSingleUseCallables(std::span<FileMeasurement> files);

}  // namespace scbench::quality
