#include "run/run_context.h"

namespace scbench::run {

std::optional<double> CostOf(const RunContext& context, const Usage& usage) {
  return usage.cost_usd ? usage.cost_usd : context.catalog.Cost(context.config.model, usage);
}

}  // namespace scbench::run
