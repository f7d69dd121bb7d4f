#pragma once
/// The versioned JSON form of a measurement (schema documented in docs/measure-json.md).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "quality/measurement.h"

namespace scbench::report {

inline constexpr const char* kMeasureSchema = "scbench.measure";
inline constexpr int kMeasureSchemaVersion = 1;

nlohmann::ordered_json MeasureToJson(const quality::TreeMeasurement& measurement);

/// The text of MeasureToJson(measurement).dump(2) plus a newline, with the file entries
/// (most of the document) rendered on every core.
std::string MeasureToJsonText(const quality::TreeMeasurement& measurement);

/// The same text in pieces, to be written one after the other: joining the file entries
/// would copy megabytes at the end of a run.
std::vector<std::string> MeasureToJsonPieces(const quality::TreeMeasurement& measurement);

}  // namespace scbench::report
