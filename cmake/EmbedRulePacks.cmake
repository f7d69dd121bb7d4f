# cmake -DRULES_DIR=... -DOUTPUT=... -P EmbedRulePacks.cmake
# Writes a C++ file defining BuiltinRulePacks() with every rules/**/*.yaml as a string.
file(GLOB_RECURSE packs RELATIVE "${RULES_DIR}" "${RULES_DIR}/*.yaml")
list(SORT packs)
set(body "")
foreach(pack IN LISTS packs)
  file(READ "${RULES_DIR}/${pack}" text)
  string(FIND "${text}" ")scbench_pack\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${pack} contains the raw-string delimiter )scbench_pack\"")
  endif()
  string(APPEND body "    {\"${pack}\", R\"scbench_pack(${text})scbench_pack\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from rules/ by cmake/EmbedRulePacks.cmake; do not edit.
#include \"quality/rules/builtin_rule_packs.h\"

namespace scbench::quality {

std::span<const EmbeddedRulePack> BuiltinRulePacks() {
  static const EmbeddedRulePack packs[] = {
${body}    {\"\", \"\"}};
  return std::span(packs, sizeof(packs) / sizeof(packs[0]) - 1);
}

}  // namespace scbench::quality
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
