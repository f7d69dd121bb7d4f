#pragma once
/// Clone detection: syntax subtrees (functions and compound statements) are hashed after
/// normalisation — names renamed by order of first appearance, literals replaced by their
/// kind, comments and docstrings dropped — and equal hashes across the measured tree form
/// clone groups.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "quality/language.h"
#include "quality/measurement.h"
#include "quality/syntax_tree.h"

namespace scbench::quality {

/// Collects normalised tokens and candidate subtrees during the shared walk of one file.
class CloneTokenCollector final : public SyntaxVisitor {
 public:
  /// Candidates nested deeper than this inside other candidates are not hashed, which
  /// bounds the work at this many passes over the file's tokens.
  static constexpr std::size_t kMaxNestedCandidates = 8;
  static constexpr int kMinSloc = 3;
  static constexpr int kMinStatements = 2;

  CloneTokenCollector(const Language& language, std::string_view source);
  bool Enter(const TSNode& node, std::uint32_t depth, const NodeContext& context) override;
  void Leave(const TSNode& node, std::uint32_t depth) override;

  /// Hashes the candidates that are big enough, given the file's line kinds.
  std::vector<CloneCandidate> Finish(std::span<const LineKind> line_kinds) const;

 private:
  struct OpenCandidate {
    std::uint32_t depth;
    std::uint32_t first_token;
    std::uint32_t statements_before;
    int start_line;
    int end_line;
  };
  struct ClosedCandidate {
    std::uint32_t first_token;
    std::uint32_t end_token;
    int statements;
    int start_line;
    int end_line;
  };

  std::uint32_t InternIdentifier(TSNode node);

  const Language& language_;
  std::string_view source_;
  std::vector<std::uint32_t> tokens_;
  std::vector<std::string_view> identifier_texts_;  // index = interned id
  std::vector<OpenCandidate> open_;
  std::vector<ClosedCandidate> closed_;
  std::uint32_t statements_seen_ = 0;
  std::uint32_t skipped_depth_ = UINT32_MAX;  // inside a literal, comment or docstring
};

/// Groups equal candidates across files. A group whose every instance lies inside
/// instances of larger groups is dropped (a clone's sub-blocks are not reported again).
/// Groups come largest first.
std::vector<CloneGroup> FindCloneGroups(std::span<const FileMeasurement> files);

/// Per file, one byte per line: 1 where the line lies inside a clone instance.
std::vector<std::vector<std::uint8_t>> CloneLineMasks(std::span<const CloneGroup> groups,
                                                      std::span<const FileMeasurement> files);

}  // namespace scbench::quality
