#pragma once
/// Prompt templates (prompts/<name>.md): the spec wrapped in instructions. Sections
/// {{#first}}...{{/first}} appear only at checkpoint 1 and {{#continuation}}...{{/continuation}}
/// only later, so that continuation checkpoints say the code is the agent's to extend.
/// Placeholders: {{spec}} {{entry_file}} {{entry_command}} {{checkpoint_number}} {{checkpoint_count}}.

#include <filesystem>
#include <optional>
#include <string>

#include "harness/problem.h"

namespace scbench::run {

std::optional<std::string> LoadPromptTemplate(const std::filesystem::path& prompts_dir, const std::string& name,
                                              std::string& error);

std::string RenderPrompt(const std::string& prompt_template, const harness::Problem& problem, std::size_t checkpoint);

/// How the agent is told to run its program, e.g. "python3 ledger.py".
std::string EntryCommand(const harness::Problem& problem);

}  // namespace scbench::run
