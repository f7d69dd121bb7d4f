#pragma once
/// The versioned JSON form of a measurement (schema documented in docs/measure-json.md).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "quality/measurement.h"

namespace scbench::report {

inline constexpr const char* kMeasureSchema = "scbench.measure";
inline constexpr int kMeasureSchemaVersion = 1;

/// The document's text, ending with a newline.
std::string MeasureToJsonText(const quality::TreeMeasurement& measurement);

/// The same text in pieces to be written one after the other, the files' entries (most of
/// the document) written on every core; joining them would copy megabytes at the end of a run.
std::vector<std::string> MeasureToJsonPieces(const quality::TreeMeasurement& measurement);

/// The document as a JSON value, for callers that embed or edit it.
nlohmann::ordered_json MeasureToJson(const quality::TreeMeasurement& measurement);

}  // namespace scbench::report
