// Baseline for the benchmark: discover, read and parse every file exactly as `scbench
// measure` does, on the same worker pool, and do nothing else. The ratio of measure's time
// to this one is what our analysis costs on top of tree-sitter.

#include <cstdio>
#include <algorithm>
#include <memory>
#include <numeric>
#include <string>

#include "quality/file_discovery.h"
#include "quality/source_file.h"
#include "quality/syntax_tree.h"
#include "common/work_queue.h"

using namespace scbench::quality;
using scbench::RunParallel;
using scbench::WorkerCount;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_only PATH [JOBS]\n");
    return 2;
  }
  Discovery discovery;
  std::string error;
  if (!DiscoverSources(argv[1], {}, discovery, error)) {
    std::fprintf(stderr, "parse_only: %s\n", error.c_str());
    return 2;
  }
  const unsigned workers = WorkerCount(argc > 2 ? static_cast<unsigned>(std::stoul(argv[2])) : 0);
  // Each parser is made by the thread that uses it, as measure does (see tree_measurer.cc).
  std::vector<std::unique_ptr<Parser>> parsers(workers);
  std::vector<std::uint32_t> nodes(discovery.files.size(), 0);
  std::vector<std::size_t> order(discovery.files.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return discovery.files[a].size > discovery.files[b].size; });
  RunParallel(order.size(), workers, [&](std::size_t position, unsigned worker) {
    const std::size_t index = order[position];
    std::string source;
    std::string read_error;
    const SourceFile& file = discovery.files[index];
    if (!ReadSourceFile(file.absolute, 64u << 20, source, read_error) || LooksBinary(source)) return;
    if (!parsers[worker]) parsers[worker] = std::make_unique<Parser>();
    const SyntaxTree tree = parsers[worker]->Parse(*file.language, source);
    if (tree) nodes[index] = ts_node_child_count(ts_tree_root_node(tree.get()));
  });
  std::size_t total = 0;
  for (const auto n : nodes) total += n;
  std::printf("parsed %zu files (%zu top-level nodes)\n", discovery.files.size(), total);
  return 0;
}
