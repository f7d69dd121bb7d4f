#include "quality/language.h"

#include <algorithm>
#include <stdexcept>

namespace scbench::quality {

Language::Language(const LanguageSpec& spec)
    : spec_(&spec),
      grammar_(spec.grammar()),
      roles_(ts_language_symbol_count(grammar_), 0),
      decision_index_(roles_.size(), 0) {
  assign(spec.function_kinds, kRoleFunction);
  assign(spec.anonymous_callable_kinds, kRoleAnonymousCallable);
  assign(spec.class_kinds, kRoleClass);
  assign(spec.namespace_kinds, kRoleNamespace);
  assign(spec.opaque_kinds, kRoleOpaque);
  assign(spec.comment_kinds, kRoleComment);
  assign(spec.statement_kinds, kRoleStatement);
  assign(spec.nesting_kinds, kRoleNesting);
  assign(spec.parameter_kinds, kRoleParameter);
  assign(spec.clone_kinds, kRoleCloneRoot);
  assign(spec.identifier_kinds, kRoleIdentifier);
  assign(spec.literal_kinds, kRoleLiteral);
  assign(spec.call_kinds, kRoleCall);
  for (std::size_t rule = 0; rule < spec.decisions.size(); ++rule) {
    const std::string_view kind = spec.decisions[rule].node_kind;
    assign(std::span(&kind, 1), kRoleDecision);
    for (TSSymbol symbol = 0; symbol < roles_.size(); ++symbol) {
      if (kind == ts_language_symbol_name(grammar_, symbol)) decision_index_[symbol] = static_cast<std::uint16_t>(rule);
    }
  }
  body_field_ = FieldId(spec.function_body_field);
  parameters_field_ = FieldId(spec.parameters_field);
  call_function_field_ = FieldId(spec.call_function_field);
}

TSFieldId Language::FieldId(std::string_view name) const {
  return ts_language_field_id_for_name(grammar_, name.data(), static_cast<std::uint32_t>(name.size()));
}

// Grammars may give one node kind several symbol ids (aliases), so roles are assigned by
// name to every matching named symbol rather than through ts_language_symbol_for_name.
void Language::assign(std::span<const std::string_view> kinds, NodeRole role) {
  for (const std::string_view kind : kinds) {
    bool found = false;
    for (TSSymbol symbol = 0; symbol < roles_.size(); ++symbol) {
      if (ts_language_symbol_type(grammar_, symbol) == TSSymbolTypeRegular &&
          kind == ts_language_symbol_name(grammar_, symbol)) {
        roles_[symbol] |= role;
        found = true;
      }
    }
    if (!found) {
      throw std::logic_error("language " + std::string(spec_->name) + ": grammar has no node kind '" +
                             std::string(kind) + "'");
    }
  }
}

const Language* LanguageForPath(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return nullptr;
  const std::string_view extension = path.substr(dot);
  for (const Language& language : BuiltinLanguages()) {
    const auto& extensions = language.spec().extensions;
    if (std::find(extensions.begin(), extensions.end(), extension) != extensions.end()) return &language;
  }
  return nullptr;
}

const Language* LanguageByName(std::string_view name) {
  for (const Language& language : BuiltinLanguages()) {
    if (language.name() == name) return &language;
  }
  return nullptr;
}

}  // namespace scbench::quality
