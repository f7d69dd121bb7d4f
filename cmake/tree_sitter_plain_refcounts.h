/* Force-included before tree-sitter's core (cmake/TreeSitter.cmake), in place of the core's
 * own atomic.h, whose include guard it takes.
 *
 * tree-sitter counts references to syntax nodes with atomic instructions so that a tree may be
 * shared between threads through ts_tree_copy(). scbench never does that: a tree is parsed,
 * walked and deleted by the one worker that owns it, and no tree is handed to a parser as an
 * old tree. Plain increments are then exact, and parsing is a few percent faster (measured
 * with interleaved runs of bench/parse_only against a build with the atomic header). Anyone
 * who starts sharing trees between threads (ts_tree_copy, incremental parsing across
 * workers) must drop this file from the build.
 */
#ifndef TREE_SITTER_ATOMIC_H_
#define TREE_SITTER_ATOMIC_H_

#include <stddef.h>
#include <stdint.h>

static inline size_t atomic_load(const volatile size_t *value) { return *value; }

static inline uint32_t atomic_inc(volatile uint32_t *count) {
  *count = *count + 1;
  return *count;
}

static inline uint32_t atomic_dec(volatile uint32_t *count) {
  *count = *count - 1;
  return *count;
}

#endif
