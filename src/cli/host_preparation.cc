#include "cli/host_preparation.h"

#include <iostream>
#include <unistd.h>

#include "harness/mount_space.h"
#include "harness/work_area.h"

namespace scbench::cli {

void PrepareHost(const char* command) {
  std::string error;
  if (!harness::EnterPrivateMountSpace(error) && geteuid() == 0) {
    std::cerr << "scbench " << command << ": warning: no private mount space (" << error
              << "); disk quotas are not enforced\n";
  }
  harness::SweepAbandonedWorkAreas();
}

}  // namespace scbench::cli
