# Profile-guided optimisation with GCC. Half of `scbench measure` is tree-sitter's parser, a
# table-driven loop whose hot branches the compiler cannot guess; told by a training run
# which ones are taken, it lays the code out for them (about a fifth off the parse time of
# the Python stdlib; README.md, "Benchmark", has the ratios).
#
# A build with SCBENCH_PGO on (the default for optimised GCC builds without sanitizers)
# makes a second, instrumented build of the measuring code inside its own tree
# (<build>/pgo/build), runs bench/profile_training over this repository's sources and the
# grammar packages (never the benchmark's corpus), and compiles with the counts that run
# left in <build>/pgo/profiles. The training build is that same CMake project configured
# with SCBENCH_PGO_PROFILE_DIR set: it builds only what the trainer needs.
#
# The training runs once per build tree. After editing the measuring code the counts of
# the edited functions no longer match and GCC ignores them (-Wno-coverage-mismatch);
# `rm -rf <build>/pgo` retrains.

option(SCBENCH_PGO "Profile-guided optimisation: train an instrumented build first (GCC, no sanitizers)" ON)
set(SCBENCH_PGO_PROFILE_DIR "" CACHE PATH "Set by a profile-guided build in its instrumented training build")

# Object files are named in the profile directory by their path below the build tree, so
# that the training build's counts reach the same objects of the optimised build.
set(_pgo_prefix "-fprofile-prefix-path=${CMAKE_BINARY_DIR}")

if(SCBENCH_PGO_PROFILE_DIR)
  # Atomic counters: the trainer runs one measuring thread, but renders JSON on every core,
  # and counts torn by racing increments make GCC reject the profile as corrupt.
  add_compile_options(-fprofile-generate -fprofile-update=atomic "-fprofile-dir=${SCBENCH_PGO_PROFILE_DIR}"
                      "${_pgo_prefix}")
  add_link_options(-fprofile-generate)
  add_executable(profile_training "${PROJECT_SOURCE_DIR}/bench/profile_training.cc")
  target_link_libraries(profile_training PRIVATE scbench_quality scbench_report)
  set(_scbench_pgo_use OFF)
elseif(SCBENCH_PGO AND NOT SCBENCH_SANITIZE AND CMAKE_C_COMPILER_ID STREQUAL "GNU"
       AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
  set(_scbench_pgo_use ON)
  set(_profiles "${CMAKE_BINARY_DIR}/pgo/profiles")
  include(ExternalProject)
  ExternalProject_Add(scbench_pgo_training
    SOURCE_DIR "${PROJECT_SOURCE_DIR}"
    PREFIX "${CMAKE_BINARY_DIR}/pgo"
    BINARY_DIR "${CMAKE_BINARY_DIR}/pgo/build"
    CMAKE_ARGS "-DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}" "-DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}"
               "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}" "-DSCBENCH_NODE_MODULES=${SCBENCH_NODE_MODULES}"
               "-DSCBENCH_PGO_PROFILE_DIR=${_profiles}" -DSCBENCH_PGO=OFF -DSCBENCH_TESTS=OFF
               -DSCBENCH_BENCHMARKS=OFF
    # The "install" step is the training run; stale counts from an earlier run would add up.
    INSTALL_COMMAND "${CMAKE_COMMAND}" -E rm -rf "${_profiles}"
            COMMAND "<BINARY_DIR>/profile_training" "${PROJECT_SOURCE_DIR}" "${SCBENCH_NODE_MODULES}")
  add_compile_options(-fprofile-use -fprofile-partial-training -fprofile-correction "-fprofile-dir=${_profiles}"
                      "${_pgo_prefix}" -Wno-missing-profile -Wno-coverage-mismatch)
else()
  set(_scbench_pgo_use OFF)
endif()

# scbench_use_profiles(<targets...>): the targets' objects are compiled after the training
# run, with its counts. Call it once every target exists.
function(scbench_use_profiles)
  if(_scbench_pgo_use)
    foreach(target IN LISTS ARGN)
      add_dependencies(${target} scbench_pgo_training)
    endforeach()
  endif()
endfunction()
