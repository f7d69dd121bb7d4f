// Predicates are built against a grammar and planned by cost: these tests pin which
// regular expressions get a first-byte range (only those that can match nowhere but at the
// start of the text) and that a range never turns away a text the expression matches.

#include "quality/rules/predicate.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>

#include "quality/language.h"

namespace scbench::quality {
namespace {

const TSLanguage* Python() { return LanguageByName("python")->grammar(); }

Predicate Build(const std::string& name, const std::vector<std::string>& values) {
  std::vector<PredicateArgument> arguments{{.is_capture = true, .capture = 0, .text = ""}};
  for (const std::string& value : values) arguments.push_back({.is_capture = false, .capture = 0, .text = value});
  Predicate predicate;
  std::string error;
  EXPECT_TRUE(MakePredicate(name, arguments, Python(), predicate, error)) << name << ": " << error;
  return predicate;
}

Predicate Match(const std::string& pattern) { return Build("match?", {pattern}); }

TEST(Predicate, FirstByteRangeOnlyWhereEveryMatchStartsTheText) {
  for (const char* anchored : {"^[fF][rR]?['\"]", "^(a|b)c", "^[|]x", "^\\|x", "^[]|]x", "^abc$", "^_*[A-Z]"}) {
    EXPECT_TRUE(Match(anchored).has_first_byte_range) << anchored;
  }
  for (const char* unanchored : {"\n", "abc", "\\{", "^a|b", "(^|::)[A-Z]", "(?m)^x", "(?i)^abc", "^\\Q|\\Eb"}) {
    EXPECT_FALSE(Match(unanchored).has_first_byte_range) << unanchored;
  }
  for (const char* empty_match : {"^x?", "^.*", "^$", "^(a|)"}) {
    EXPECT_FALSE(Match(empty_match).has_first_byte_range) << empty_match;
  }
}

TEST(Predicate, FirstByteRangeNeverTurnsAwayAMatch) {
  const std::vector<std::string> patterns{"^[fF][rR]?['\"]", "^(a|b)c", "^[|]x", "^_*[A-Z]", "^['\"]r['\"]$",
                                          "^[rbuRBU]?(''|\"\")$", "^(is|has)[A-Z_]", "^\\{\\s*\\}$"};
  std::vector<std::string> texts{"", "f'x'", "F\"", "fr'", "'f'", "\"\"", "rb''", "u\"\"", "__Init", "Init", "_x",
                                 "isA", "has_", "{ }", "{}", "ac", "bc", "cc", "|x", "x", "\xc3\xa9", "'r'"};
  for (unsigned char first = 1; first < 128; ++first) texts.push_back(std::string(1, static_cast<char>(first)) + "c");
  int turned_away = 0;
  for (const std::string& pattern : patterns) {
    const Predicate predicate = Match(pattern);
    ASSERT_TRUE(predicate.has_first_byte_range) << pattern;
    for (const std::string& text : texts) {
      const bool in_range = !text.empty() && static_cast<unsigned char>(text[0]) >= predicate.first_byte_min &&
                            static_cast<unsigned char>(text[0]) <= predicate.first_byte_max;
      if (re2::RE2::PartialMatch(text, *predicate.regex)) {
        EXPECT_TRUE(in_range) << pattern << " matches '" << text << "' outside its first-byte range";
      }
      turned_away += in_range ? 0 : 1;
    }
  }
  EXPECT_GT(turned_away, 500);  // the ranges are narrow enough to save work
}

TEST(Predicate, OnlyExpressionsThatMayScanAreExpensive) {
  EXPECT_TRUE(IsCheap(Build("eq?", {"len"})));
  EXPECT_TRUE(IsCheap(Build("any-of?", {"a", "b"})));
  EXPECT_TRUE(IsCheap(Build("not-has-parent?", {"concatenated_string"})));
  EXPECT_TRUE(IsCheap(Match("^[fF]")));
  EXPECT_FALSE(IsCheap(Match("\\{")));
  EXPECT_FALSE(IsCheap(Build("not-match?", {"\n"})));
}

TEST(Predicate, NodeKindsAreLookedUpInTheGrammar) {
  const Predicate parent = Build("has-parent?", {"concatenated_string", "call"});
  for (const char* kind : {"concatenated_string", "call"}) {
    const TSSymbol symbol = ts_language_symbol_for_name(Python(), kind, static_cast<std::uint32_t>(strlen(kind)), true);
    EXPECT_NE(std::find(parent.kind_symbols.begin(), parent.kind_symbols.end(), symbol), parent.kind_symbols.end());
  }
  std::vector<PredicateArgument> arguments{{.is_capture = true, .capture = 0, .text = ""},
                                           {.is_capture = false, .capture = 0, .text = "no_such_kind"}};
  Predicate predicate;
  std::string error;
  EXPECT_FALSE(MakePredicate("has-ancestor?", arguments, Python(), predicate, error));
  EXPECT_NE(error.find("no node kind 'no_such_kind'"), std::string::npos) << error;
}

}  // namespace
}  // namespace scbench::quality
