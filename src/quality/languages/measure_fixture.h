#pragma once
/// Test support for the per-language tests: measure a snippet the way `scbench measure`
/// does (metrics, clone candidates and call sites in one walk), look callables up, and the
/// checks every language repeats (line counts, a callable's shape, clone groups, calls).
///
/// The Expect* helpers take the caller's location as a defaulted last argument, so a
/// failure names the test line that called them (and the language and path measured).

#include <gtest/gtest.h>

#include <optional>
#include <source_location>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quality/clone_index.h"
#include "quality/file_metrics.h"
#include "quality/language.h"
#include "quality/waste_signals.h"

namespace scbench::quality::testing {

inline FileMeasurement Analyze(std::string_view language_name, std::string_view source, std::string path = "snippet") {
  const Language* language = LanguageByName(language_name);
  EXPECT_NE(language, nullptr) << language_name;
  if (language == nullptr) return {};
  Parser parser;
  const SyntaxTree tree = parser.Parse(*language, source);
  CloneTokenCollector clones(*language, source);
  std::vector<std::string> calls;
  CallSiteCollector call_sites(*language, source, calls);
  FileMeasurement file = MeasureSyntax(*language, tree.get(), source, std::move(path), {&clones, &call_sites});
  file.clone_candidates = clones.Finish(file.line_kinds);
  file.called_names = std::move(calls);
  return file;
}

/// The callable with this qualified name (a test failure when there is none).
inline const CallableMeasurement& Callable(const FileMeasurement& file, std::string_view qualified_name) {
  for (const CallableMeasurement& callable : file.callables) {
    if (callable.qualified_name == qualified_name) return callable;
  }
  ADD_FAILURE() << "no callable " << qualified_name;
  static const CallableMeasurement none;
  return none;
}

/// Qualified names of every callable, in order.
inline std::vector<std::string> QualifiedNames(const FileMeasurement& file) {
  std::vector<std::string> names;
  for (const CallableMeasurement& callable : file.callables) names.push_back(callable.qualified_name);
  return names;
}

namespace internal {

/// Traces failures in a helper back to the test line that called it.
inline ::testing::ScopedTrace TraceCaller(const std::source_location& where, const std::string& what) {
  return ::testing::ScopedTrace(where.file_name(), static_cast<int>(where.line()), what);
}

inline std::string Describe(const FileMeasurement& file) { return file.language + " " + file.path; }

}  // namespace internal

/// Every line count of `file`, docstring lines included, e.g.
/// `ExpectLineCounts(file, {.total = 8, .blank = 1, .comment = 4, .sloc = 3})`.
inline void ExpectLineCounts(const FileMeasurement& file, const LineCounts& expected,
                             std::source_location where = std::source_location::current()) {
  const auto trace = internal::TraceCaller(where, "line counts of " + internal::Describe(file));
  EXPECT_EQ(file.lines.total, expected.total) << "total lines";
  EXPECT_EQ(file.lines.blank, expected.blank) << "blank lines";
  EXPECT_EQ(file.lines.comment, expected.comment) << "comment lines";
  EXPECT_EQ(file.lines.docstring, expected.docstring) << "docstring lines";
  EXPECT_EQ(file.lines.sloc, expected.sloc) << "source lines";
}

/// What ExpectShape checks of one callable; the span is checked only when given.
struct CallableShape {
  std::optional<int> start_line;
  std::optional<int> end_line;
  int sloc = 0;
  int statements = 0;
  int max_nesting = 0;
};

/// The size and depth of the callable `qualified_name` in `file`.
inline void ExpectShape(const FileMeasurement& file, std::string_view qualified_name, const CallableShape& expected,
                        std::source_location where = std::source_location::current()) {
  const auto trace =
      internal::TraceCaller(where, "shape of " + std::string(qualified_name) + " in " + internal::Describe(file));
  const CallableMeasurement& callable = Callable(file, qualified_name);
  if (expected.start_line) {
    EXPECT_EQ(callable.start_line, *expected.start_line) << "start line";
  }
  if (expected.end_line) {
    EXPECT_EQ(callable.end_line, *expected.end_line) << "end line";
  }
  EXPECT_EQ(callable.sloc, expected.sloc) << "source lines";
  EXPECT_EQ(callable.statements, expected.statements) << "statements";
  EXPECT_EQ(callable.max_nesting, expected.max_nesting) << "max nesting";
}

/// A lambda assigned to a name inside `enclosing`; no other callable is in the file.
struct NamedLambda {
  std::string_view enclosing;
  int enclosing_cc = 0;  // the lambdas' decisions included
  std::string_view lambda;
  int lambda_cc = 0;
};

/// For lizard, gocyclo and radon a lambda's decisions count for the enclosing callable; a
/// named lambda is also measured on its own, an unnamed one is no callable of its own.
inline void ExpectLambdaCountsForTheEnclosingCallable(const FileMeasurement& file, const NamedLambda& expected,
                                                      std::source_location where = std::source_location::current()) {
  const auto trace = internal::TraceCaller(where, "lambda " + std::string(expected.lambda) + " in " +
                                                      internal::Describe(file));
  EXPECT_EQ(Callable(file, expected.enclosing).cyclomatic_complexity, expected.enclosing_cc) << expected.enclosing;
  EXPECT_EQ(Callable(file, expected.lambda).cyclomatic_complexity, expected.lambda_cc) << expected.lambda;
  EXPECT_EQ(Callable(file, expected.lambda).kind, "lambda") << expected.lambda;
  EXPECT_EQ(file.callables.size(), 2u) << "callables (the enclosing one and the named lambda only)";
}

/// What ExpectRenamedCopiesFormOneCloneGroup checks of the group; start lines only when given.
struct ExpectedCloneGroup {
  int sloc = 0;  // of one instance
  std::optional<int> first_start_line;
  std::optional<int> second_start_line;
};

/// `files` are two renamed copies of one another: FindCloneGroups reports exactly one group,
/// with one instance in each.
inline void ExpectRenamedCopiesFormOneCloneGroup(const std::vector<FileMeasurement>& files,
                                                 const ExpectedCloneGroup& expected,
                                                 std::source_location where = std::source_location::current()) {
  const auto trace = internal::TraceCaller(
      where, "clone groups of " + (files.empty() ? std::string("no files") : internal::Describe(files.front())) +
                 (files.size() < 2 ? std::string() : " and " + internal::Describe(files[1])));
  const std::vector<CloneGroup> groups = FindCloneGroups(files);
  ASSERT_EQ(groups.size(), 1u) << "clone groups";
  const CloneGroup& group = groups[0];
  EXPECT_EQ(group.sloc, expected.sloc) << "source lines of one instance";
  ASSERT_EQ(group.instances.size(), 2u) << "instances";
  if (expected.first_start_line) {
    EXPECT_EQ(group.instances[0].start_line, *expected.first_start_line) << "start line of the first copy";
  }
  if (expected.second_start_line) {
    EXPECT_EQ(group.instances[1].start_line, *expected.second_start_line) << "start line of the second copy";
  }
}

/// What ExpectCallsAndSingleUse checks.
struct ExpectedCalls {
  std::vector<std::string> called_names;  // by the last file, one per call, in order
  std::vector<std::string> single_use;    // callables of the first file
  std::vector<std::string> not_single_use = {};
};

/// The names the last of `files` calls, and which callables of the first are single-use
/// once MarkSingleUseCallables has seen every file.
inline void ExpectCallsAndSingleUse(std::vector<FileMeasurement> files, const ExpectedCalls& expected,
                                    std::source_location where = std::source_location::current()) {
  ASSERT_FALSE(files.empty());
  const auto trace = internal::TraceCaller(where, "calls in " + internal::Describe(files.back()) +
                                                      ", callables of " + internal::Describe(files.front()));
  EXPECT_EQ(files.back().called_names, expected.called_names) << "called names";
  MarkSingleUseCallables(files);
  for (const std::string& name : expected.single_use) {
    EXPECT_TRUE(Callable(files.front(), name).single_use) << name << " should be single-use";
  }
  for (const std::string& name : expected.not_single_use) {
    EXPECT_FALSE(Callable(files.front(), name).single_use) << name << " should not be single-use";
  }
}

/// A file with syntax errors counts them and still measures what parsed: the callable
/// `measured` is there with this cyclomatic complexity.
inline void ExpectParseErrorsAndTheRestMeasured(const FileMeasurement& file, std::string_view measured,
                                                int cyclomatic_complexity,
                                                std::source_location where = std::source_location::current()) {
  const auto trace = internal::TraceCaller(where, "syntax errors in " + internal::Describe(file));
  EXPECT_GT(file.parse_errors, 0) << "parse errors";
  EXPECT_EQ(Callable(file, measured).cyclomatic_complexity, cyclomatic_complexity) << measured;
}

}  // namespace scbench::quality::testing
