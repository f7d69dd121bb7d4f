#include "run/prompt.h"

#include <fstream>
#include <sstream>

namespace scbench::run {
namespace {

/// Keeps or drops every {{#name}}...{{/name}} section.
void ApplySection(std::string& text, const std::string& name, bool keep) {
  const std::string open = "{{#" + name + "}}", close = "{{/" + name + "}}";
  for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
    const std::size_t end = text.find(close, at);
    if (end == std::string::npos) return;
    if (keep) {
      text.erase(end, close.size());
      text.erase(at, open.size());
    } else {
      text.erase(at, end + close.size() - at);
    }
  }
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

/// Blank lines left where sections were dropped collapse to one.
void CollapseBlankLines(std::string& text) {
  while (text.find("\n\n\n") != std::string::npos) ReplaceAll(text, "\n\n\n", "\n\n");
  const auto first = text.find_first_not_of('\n');
  text.erase(0, first == std::string::npos ? text.size() : first);
}

}  // namespace

std::optional<std::string> LoadPromptTemplate(const std::filesystem::path& prompts_dir, const std::string& name,
                                              std::string& error) {
  const auto path = prompts_dir / (name + ".md");
  std::ifstream stream(path);
  if (!stream) {
    error = "unknown prompt '" + name + "' (no " + path.string() + ")";
    return std::nullopt;
  }
  std::stringstream text;
  text << stream.rdbuf();
  return text.str();
}

std::string EntryCommand(const harness::Problem& problem) { return "python3 " + problem.entry_file; }

std::string RenderPrompt(const std::string& prompt_template, const harness::Problem& problem, std::size_t checkpoint) {
  std::string text = prompt_template;
  ApplySection(text, "first", checkpoint == 0);
  ApplySection(text, "continuation", checkpoint > 0);
  ReplaceAll(text, "{{spec}}", harness::RenderSpec(problem, problem.checkpoints[checkpoint], EntryCommand(problem)));
  ReplaceAll(text, "{{entry_file}}", problem.entry_file);
  ReplaceAll(text, "{{entry_command}}", EntryCommand(problem));
  ReplaceAll(text, "{{checkpoint_number}}", std::to_string(checkpoint + 1));
  ReplaceAll(text, "{{checkpoint_count}}", std::to_string(problem.checkpoints.size()));
  CollapseBlankLines(text);
  return text;
}

}  // namespace scbench::run
