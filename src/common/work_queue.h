#pragma once
/// The one place where scbench runs work in parallel: a shared counter hands out item
/// indices to a fixed set of worker threads.

#include <cstddef>
#include <functional>

namespace scbench {

/// Number of workers to use when the caller asks for `requested` (0 = all cores).
unsigned WorkerCount(unsigned requested);

/// Calls `work(index, worker)` for every index in [0, count), on `workers` threads.
/// `worker` is in [0, workers) so callers can keep per-thread state (a parser).
void RunParallel(std::size_t count, unsigned workers, const std::function<void(std::size_t, unsigned)>& work);

}  // namespace scbench
