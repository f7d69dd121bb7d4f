// Build step: reads the rule packs under rules/ and writes them out as C++ constants
// (builtin_rule_data.h), so that scbench does not parse YAML at every start. A broken
// shipped pack stops the build with the same message `scbench measure --rules` would print.
//
// usage: compile_rule_packs OUTPUT.cc RULES_DIR

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/atomic_file.h"
#include "quality/rules/rule_pack.h"

namespace {

using scbench::quality::Rule;

/// `text` as a C++ expression of type std::string_view, exact to the byte: quotes,
/// backslashes, question marks and every byte outside printable ASCII are escaped (three-digit octal, which
/// no following digit can extend), and the length is given, so NUL bytes survive too.
std::string Literal(std::string_view text) {
  std::string out = "std::string_view{\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\' || c == '?') {  // '?': no trigraph warnings
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\%03o", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\", " + std::to_string(text.size()) + "}";
}

/// A named array of `texts` for one rule's examples ("{}" when there are none: C++ has no
/// empty arrays), defined in `definitions`; returns what the rule's field holds.
std::string Examples(const std::vector<std::string>& texts, const std::string& name, std::string& definitions) {
  if (texts.empty()) return "{}";
  definitions += "constexpr std::string_view " + name + "[] = {\n";
  for (const std::string& text : texts) definitions += "    " + Literal(text) + ",\n";
  definitions += "};\n";
  return name;
}

std::string Source(const std::vector<Rule>& rules) {
  std::string definitions;
  std::string table;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    const std::string flag = Examples(rule.flag_examples, "kFlag" + std::to_string(i), definitions);
    const std::string pass = Examples(rule.pass_examples, "kPass" + std::to_string(i), definitions);
    table += "    {" + Literal(rule.id) + ", " + Literal(rule.language) + ", " + Literal(rule.category) + ", " +
             std::to_string(rule.severity) + ",\n     " + Literal(rule.message) + ",\n     " + Literal(rule.query) +
             ",\n     " + Literal(rule.capture) + ", " + flag + ", " + pass + ", " + Literal(rule.origin) + "},\n";
  }
  return "// Generated from rules/ by compile_rule_packs (src/quality/rules); do not edit.\n"
         "#include \"quality/rules/builtin_rule_data.h\"\n\n"
         "namespace scbench::quality {\nnamespace {\n\n" +
         definitions + "\nconstexpr CompiledRule kRules[] = {\n" + table +
         "};\n\n}  // namespace\n\n"
         "std::span<const CompiledRule> CompiledBuiltinRules() { return kRules; }\n\n"
         "}  // namespace scbench::quality\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: compile_rule_packs OUTPUT.cc RULES_DIR\n");
    return 2;
  }
  const std::filesystem::path output = argv[1];
  const std::filesystem::path rules_dir = argv[2];
  std::vector<Rule> rules;
  std::string error;
  if (!scbench::quality::LoadRulePackDirectory(rules_dir, rules, error)) {
    std::fprintf(stderr, "compile_rule_packs: %s\n", error.c_str());
    return 1;
  }
  if (rules.empty()) {  // C++ has no empty arrays, and a build without rules is a mistake
    std::fprintf(stderr, "compile_rule_packs: %s: no rule packs\n", rules_dir.c_str());
    return 1;
  }
  // Messages name the pack as the repository does: "rules/python/loops.yaml".
  for (Rule& rule : rules) {
    rule.origin = "rules/" + std::filesystem::relative(rule.origin, rules_dir).generic_string();
  }
  std::error_code ec;
  std::filesystem::create_directories(output.parent_path(), ec);
  if (!scbench::WriteFileAtomically(output, Source(rules), error)) {
    std::fprintf(stderr, "compile_rule_packs: %s\n", error.c_str());
    return 1;
  }
  return 0;
}
