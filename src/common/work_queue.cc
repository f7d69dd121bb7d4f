#include "common/work_queue.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace scbench {

unsigned WorkerCount(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

void RunParallel(std::size_t count, unsigned workers, const std::function<void(std::size_t, unsigned)>& work) {
  workers = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(std::max<std::size_t>(count, 1))));
  std::atomic<std::size_t> next{0};
  const auto drain = [&](unsigned worker) {
    for (std::size_t index = next++; index < count; index = next++) work(index, worker);
  };
  if (workers == 1) {
    drain(0);
    return;
  }
  std::vector<std::jthread> threads;
  for (unsigned worker = 1; worker < workers; ++worker) threads.emplace_back(drain, worker);
  drain(0);
}

}  // namespace scbench
