#include "quality/waste_signals.h"

#include <gtest/gtest.h>

#include "quality/file_metrics.h"

namespace scbench::quality {
namespace {

FileMeasurement Analyze(std::string_view source) {
  const Language& python = *LanguageByName("python");
  Parser parser;
  const SyntaxTree tree = parser.Parse(python, source);
  std::vector<std::string> names;
  CallSiteCollector calls(python, source, names);
  FileMeasurement file = MeasureSyntax(python, tree.get(), source, "a.py", {&calls});
  file.called_names = std::move(names);
  return file;
}

const CallableMeasurement& Named(const FileMeasurement& file, std::string_view name) {
  for (const auto& c : file.callables) {
    if (c.qualified_name == name) return c;
  }
  ADD_FAILURE() << name;
  static CallableMeasurement none;
  return none;
}

TEST(WasteSignals, TrivialWrappersForwardExactlyTheirParameters) {
  const auto file = Analyze(
      "def load(path):\n    return read_file(path)\n"
      "def load_doc(path, mode):\n    \"\"\"Doc.\"\"\"\n    return open(path, mode=mode)\n"
      "class Store:\n    def get(self, key):\n        return self._data.get(key)\n"
      "def reorder(a, b):\n    return f(b, a)\n"
      "def adds(a):\n    return f(a, 1)\n"
      "def works(a):\n    a = a + 1\n    return f(a)\n"
      "def splat(*args, **kwargs):\n    return f(*args, **kwargs)\n");
  EXPECT_TRUE(Named(file, "load").trivial_wrapper);
  EXPECT_TRUE(Named(file, "load_doc").trivial_wrapper);
  EXPECT_TRUE(Named(file, "Store.get").trivial_wrapper);
  EXPECT_TRUE(Named(file, "splat").trivial_wrapper);
  EXPECT_FALSE(Named(file, "reorder").trivial_wrapper);
  EXPECT_FALSE(Named(file, "adds").trivial_wrapper);
  EXPECT_FALSE(Named(file, "works").trivial_wrapper);
}

TEST(WasteSignals, SingleUseAcrossFiles) {
  std::vector<FileMeasurement> files = {
      Analyze("def helper(x):\n    return x\n\ndef twice(x):\n    return x\n\ndef unused():\n    pass\n"
              "def main():\n    helper(1)\n"),
      Analyze("import m\nm.twice(1)\nm.twice(2)\nclass K:\n    def __init__(self):\n        pass\nK()\n")};
  MarkSingleUseCallables(files);
  EXPECT_TRUE(Named(files[0], "helper").single_use);
  EXPECT_FALSE(Named(files[0], "twice").single_use);   // called twice
  EXPECT_FALSE(Named(files[0], "unused").single_use);  // never called
  EXPECT_FALSE(Named(files[0], "main").single_use);
  EXPECT_FALSE(Named(files[1], "K.__init__").single_use);
}

}  // namespace
}  // namespace scbench::quality
