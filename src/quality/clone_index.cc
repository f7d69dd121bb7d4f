#include "quality/clone_index.h"

#include <algorithm>
#include <unordered_map>
#include <xxhash.h>

namespace scbench::quality {
namespace {

// Token codes: the top two bits say what the low bits hold.
constexpr std::uint32_t kNodeTag = 1u << 30;        // named node entered: its symbol
constexpr std::uint32_t kTokenTag = 2u << 30;       // keyword, operator or literal kind: its symbol
constexpr std::uint32_t kIdentifierTag = 3u << 30;  // a name: its interned id (renamed when hashed)
constexpr std::uint32_t kTagMask = 3u << 30;

}  // namespace

CloneTokenCollector::CloneTokenCollector(const Language& language, std::string_view source)
    : language_(language), source_(source) {}

std::uint32_t CloneTokenCollector::InternIdentifier(TSNode node) {
  // Files hold few distinct names; a linear probe over recent names would be slower than
  // this map only for tiny files.
  static thread_local std::unordered_map<std::string_view, std::uint32_t> ids;
  if (identifier_texts_.empty()) ids.clear();
  const std::string_view text = NodeText(node, source_);
  const auto [it, inserted] = ids.emplace(text, static_cast<std::uint32_t>(identifier_texts_.size()));
  if (inserted) identifier_texts_.push_back(text);
  return it->second;
}

bool CloneTokenCollector::Enter(const TSNode& node, std::uint32_t depth, const NodeContext& context) {
  if (skipped_depth_ != UINT32_MAX) return true;
  const TSSymbol symbol = context.symbol;
  const std::uint16_t roles = language_.roles(symbol);
  if ((roles & kRoleComment) != 0) {
    skipped_depth_ = depth;  // with what a comment holds (Rust's doc-comment markers)
    return true;
  }
  if ((roles & kRoleStatement) != 0) {
    if (language_.spec().is_docstring != nullptr && language_.spec().is_docstring(node, context)) {
      skipped_depth_ = depth;
      return true;
    }
    ++statements_seen_;
  }
  if ((roles & kRoleIdentifier) != 0 && context.leaf) {
    tokens_.push_back(kIdentifierTag | InternIdentifier(node));
    return true;
  }
  if ((roles & kRoleLiteral) != 0) {
    tokens_.push_back(kTokenTag | symbol);
    skipped_depth_ = depth;
    return true;
  }
  const bool leaf = context.leaf;
  if (leaf || context.named) tokens_.push_back((leaf ? kTokenTag : kNodeTag) | symbol);
  if ((roles & kRoleCloneRoot) != 0 && open_.size() < kMaxNestedCandidates) {
    open_.push_back({depth, static_cast<std::uint32_t>(tokens_.size() - 1), statements_seen_,
                     static_cast<int>(context.start_row) + 1, static_cast<int>(context.end_row) + 1});
  }
  return true;
}

void CloneTokenCollector::Leave(const TSNode&, std::uint32_t depth) {
  if (skipped_depth_ == depth) skipped_depth_ = UINT32_MAX;
  if (open_.empty() || open_.back().depth != depth) return;
  const OpenCandidate& open = open_.back();
  closed_.push_back({open.first_token, static_cast<std::uint32_t>(tokens_.size()),
                     static_cast<int>(statements_seen_ - open.statements_before), open.start_line, open.end_line});
  open_.pop_back();
}

std::vector<CloneCandidate> CloneTokenCollector::Finish(std::span<const LineKind> line_kinds) const {
  std::vector<int> code_before(line_kinds.size() + 1, 0);
  for (std::size_t i = 0; i < line_kinds.size(); ++i) {
    code_before[i + 1] = code_before[i] + (line_kinds[i] == LineKind::kCode ? 1 : 0);
  }
  const int last_line = static_cast<int>(line_kinds.size());
  // local_name[id] is valid for the candidate whose number is in stamp[id].
  std::vector<std::uint32_t> stamp(identifier_texts_.size(), UINT32_MAX);
  std::vector<std::uint32_t> local_name(identifier_texts_.size(), 0);
  std::vector<std::uint32_t> normalised;
  std::vector<CloneCandidate> candidates;
  for (std::uint32_t number = 0; number < closed_.size(); ++number) {
    const ClosedCandidate& c = closed_[number];
    const int end = std::min(c.end_line, last_line);
    const int sloc = end >= c.start_line ? code_before[end] - code_before[c.start_line - 1] : 0;
    if (sloc < kMinSloc || c.statements < kMinStatements) continue;
    normalised.clear();
    std::uint32_t next_name = 0;
    for (std::uint32_t t = c.first_token; t < c.end_token; ++t) {
      std::uint32_t token = tokens_[t];
      if ((token & kTagMask) == kIdentifierTag) {
        const std::uint32_t id = token & ~kTagMask;
        if (stamp[id] != number) {
          stamp[id] = number;
          local_name[id] = next_name++;
        }
        token = kIdentifierTag | local_name[id];
      }
      normalised.push_back(token);
    }
    const std::uint64_t hash = XXH3_64bits(normalised.data(), normalised.size() * sizeof(std::uint32_t));
    candidates.push_back({hash, c.start_line, c.end_line, sloc});
  }
  return candidates;
}

namespace {

/// Whether every line of the span is already inside a kept, larger clone.
bool AlreadyCovered(const std::vector<std::uint8_t>& covered, int start_line, int end_line) {
  for (int line = start_line; line <= end_line && line <= static_cast<int>(covered.size()); ++line) {
    if (covered[line - 1] == 0) return false;
  }
  return true;
}

constexpr std::uint32_t kNoGroup = UINT32_MAX;

/// The candidates of all files grouped by hash, for the hashes that occur twice or more.
std::vector<CloneGroup> GroupRepeatedHashes(std::span<const FileMeasurement> files) {
  // Most hashes occur once: the first sighting is only remembered by where it sits, and a
  // group is made when a second one turns up.
  struct FirstSeen {
    std::uint32_t file = 0;
    std::uint32_t candidate = 0;
    std::uint32_t group = kNoGroup;
  };
  std::size_t candidates = 0;
  for (const FileMeasurement& file : files) candidates += file.clone_candidates.size();
  std::unordered_map<std::uint64_t, FirstSeen> seen;
  seen.reserve(candidates);
  std::vector<CloneGroup> groups;
  for (std::size_t f = 0; f < files.size(); ++f) {
    const std::vector<CloneCandidate>& in_file = files[f].clone_candidates;
    for (std::size_t c = 0; c < in_file.size(); ++c) {
      const auto [at, first] = seen.try_emplace(in_file[c].hash, FirstSeen{static_cast<std::uint32_t>(f),
                                                                            static_cast<std::uint32_t>(c)});
      if (first) continue;
      FirstSeen& earlier = at->second;
      if (earlier.group == kNoGroup) {
        earlier.group = static_cast<std::uint32_t>(groups.size());
        const CloneCandidate& original = files[earlier.file].clone_candidates[earlier.candidate];
        groups.push_back({original.hash, original.sloc, {{earlier.file, original.start_line, original.end_line}}});
      }
      CloneGroup& group = groups[earlier.group];
      group.sloc = std::max(group.sloc, in_file[c].sloc);
      group.instances.push_back({f, in_file[c].start_line, in_file[c].end_line});
    }
  }
  return groups;
}

}  // namespace

std::vector<CloneGroup> FindCloneGroups(std::span<const FileMeasurement> files) {
  std::vector<CloneGroup> groups = GroupRepeatedHashes(files);
  std::sort(groups.begin(), groups.end(), [](const CloneGroup& a, const CloneGroup& b) {
    if (a.sloc != b.sloc) return a.sloc > b.sloc;
    if (a.instances.size() != b.instances.size()) return a.instances.size() > b.instances.size();
    return a.hash < b.hash;
  });
  // Larger groups come first, so a container is kept before what it contains.
  std::vector<CloneGroup> kept;
  std::vector<std::vector<std::uint8_t>> kept_lines(files.size());
  for (std::size_t f = 0; f < files.size(); ++f) kept_lines[f].resize(files[f].line_kinds.size(), 0);
  for (CloneGroup& group : groups) {
    const bool redundant = std::all_of(group.instances.begin(), group.instances.end(), [&](const CloneInstance& i) {
      return AlreadyCovered(kept_lines[i.file], i.start_line, i.end_line);
    });
    if (redundant) continue;
    for (const CloneInstance& instance : group.instances) {
      for (int line = instance.start_line; line <= instance.end_line; ++line) {
        if (line <= static_cast<int>(kept_lines[instance.file].size())) kept_lines[instance.file][line - 1] = 1;
      }
    }
    std::sort(group.instances.begin(), group.instances.end(), [](const CloneInstance& a, const CloneInstance& b) {
      return std::tie(a.file, a.start_line) < std::tie(b.file, b.start_line);
    });
    kept.push_back(std::move(group));
  }
  return kept;
}

std::vector<std::vector<std::uint8_t>> CloneLineMasks(std::span<const CloneGroup> groups,
                                                      std::span<const FileMeasurement> files) {
  std::vector<std::vector<std::uint8_t>> masks(files.size());
  for (std::size_t f = 0; f < files.size(); ++f) masks[f].resize(files[f].line_kinds.size(), 0);
  for (const CloneGroup& group : groups) {
    for (const CloneInstance& instance : group.instances) {
      auto& lines = masks[instance.file];
      const int last = std::min(instance.end_line, static_cast<int>(lines.size()));
      for (int line = instance.start_line; line <= last; ++line) lines[line - 1] = 1;
    }
  }
  return masks;
}

}  // namespace scbench::quality
