# tree-sitter's core and grammars come from the npm registry (package.json + package-lock.json,
# installed by `npm ci` into node_modules/). They are compiled here as plain C libraries.
set(_ts_core "${SCBENCH_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib")
if(NOT EXISTS "${_ts_core}/src/lib.c")
  message(FATAL_ERROR "tree-sitter sources not found under ${SCBENCH_NODE_MODULES}; run `npm ci` first")
endif()

add_library(tree_sitter_core STATIC "${_ts_core}/src/lib.c")
# Above the core's private headers (included as "src/subtree.h"), for the one file that reads
# its subtrees: src/quality/syntax_walk.cc.
set(TREE_SITTER_CORE_PRIVATE_INCLUDE "${_ts_core}")
target_include_directories(tree_sitter_core SYSTEM PUBLIC "${_ts_core}/include")
target_include_directories(tree_sitter_core PRIVATE "${_ts_core}/src")
target_compile_definitions(tree_sitter_core PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
set_target_properties(tree_sitter_core PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
# -fno-semantic-interposition: the library is linked statically, so its global functions can
# be inlined into each other (-fPIC alone forbids that); about 5% fewer instructions per parse.
target_compile_options(tree_sitter_core PRIVATE -O3 -w -fno-semantic-interposition
                       -include "${CMAKE_CURRENT_LIST_DIR}/tree_sitter_plain_refcounts.h")

# scbench_grammar(<name> <package-relative source dir>) builds tree_sitter_<name>.
function(scbench_grammar name dir)
  set(src "${SCBENCH_NODE_MODULES}/${dir}/src")
  set(sources "${src}/parser.c")
  if(EXISTS "${src}/scanner.c")
    list(APPEND sources "${src}/scanner.c")
  endif()
  add_library(tree_sitter_${name} STATIC ${sources})
  target_include_directories(tree_sitter_${name} PRIVATE "${src}")
  set_target_properties(tree_sitter_${name} PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
  target_compile_options(tree_sitter_${name} PRIVATE -O3 -w -fno-semantic-interposition)
  target_link_libraries(tree_sitter_${name} PUBLIC tree_sitter_core)
  set_property(GLOBAL APPEND PROPERTY SCBENCH_GRAMMAR_TARGETS tree_sitter_${name})
endfunction()

scbench_grammar(python tree-sitter-python)
scbench_grammar(javascript tree-sitter-javascript)
scbench_grammar(typescript tree-sitter-typescript/typescript)
scbench_grammar(tsx tree-sitter-typescript/tsx)
scbench_grammar(go tree-sitter-go)
scbench_grammar(rust tree-sitter-rust)
scbench_grammar(java tree-sitter-java)
scbench_grammar(c tree-sitter-c)
scbench_grammar(cpp tree-sitter-cpp)

# Every grammar library above, for those that link or build them all.
get_property(TREE_SITTER_GRAMMARS GLOBAL PROPERTY SCBENCH_GRAMMAR_TARGETS)
