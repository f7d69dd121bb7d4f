#include "run/usage.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace scbench::run {
namespace {

TEST(ModelCatalog, PricesTokensPerMillion) {
  const auto path = std::filesystem::temp_directory_path() / "scbench_catalog_test.yaml";
  std::ofstream(path) << "models:\n  m: {input: 2.0, output: 10.0, cache_read: 0.5}\n";
  ModelCatalog catalog;
  std::string error;
  ASSERT_TRUE(catalog.Load(path, error)) << error;
  Usage u;
  u.input_tokens = 1'000'000;
  u.output_tokens = 100'000;
  u.reasoning_tokens = 100'000;
  u.cache_read_tokens = 2'000'000;
  EXPECT_NEAR(*catalog.Cost("m", u), 2.0 + 2.0 + 1.0, 1e-9);
  EXPECT_FALSE(catalog.Cost("unknown", u));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace scbench::run
