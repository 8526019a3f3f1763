// Evidence logs: a person and their entries of leadership activity, each tagged
// to competencies of any framework. Format: leadctl-evidence(5). Logs come as
// YAML, CSV or JSON Lines; all three are read into the same model, one entry at
// a time, so that memory stays flat however long a log grows.
#pragma once

#include "core/model/entry_types.hpp"
#include "core/util/date.hpp"
#include "core/util/diagnostic.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <array>
#include <functional>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace leadctl {

inline constexpr std::array<std::string_view, 3> kRoles{"led", "contributed", "attended"};

struct Tag {
    std::string ref;  ///< as written: "mlcf:2.4", "hlm:engaging-the-team"
    SourceLocation location;
};

/// A free-text field with where its value starts, for the privacy check.
struct TextField {
    std::string value;
    SourceLocation location;
    int last_line = 0;  ///< the last line the value's text reaches (0: unknown)
};

/// Any other string of an entry or of the person, with its field's name
/// ("signed_off.by", "attachments", "id"), for the privacy check: every string a
/// log holds is scanned, not only the free text.
struct NamedText {
    std::string field;
    TextField text;
};

struct Person {
    std::string id;
    std::string name;
    std::string stage;
    std::string programme;
    std::optional<double> ltft;
    SourceLocation location;
    std::vector<NamedText> texts;  ///< every string of the person as written
};

struct SignOff {
    std::string by;
    std::optional<Date> date;
    SourceLocation date_location;
};

struct Entry {
    std::string id;
    std::optional<Date> date;  ///< unset when missing or invalid (reported)
    std::string type;
    TextField title;
    TextField description;
    TextField reflection;
    std::vector<Tag> competencies;
    std::string level;
    std::string role;
    std::optional<SignOff> signed_off;
    bool showcase = false;
    std::vector<std::string> attachments;
    /// Every string of the entry as written, except title, description and
    /// reflection (ids, sign-off, attachments, references, unknown keys and values).
    std::vector<NamedText> texts;
    SourceLocation location;  ///< the entry itself
    SourceLocation date_location;
    SourceLocation level_location;
};

enum class LogFormat { yaml, csv, jsonl };

/// Format from the file name (kLogExtensions in log_files.hpp), else from the
/// first non-blank character of `head` ('{' JSON Lines; a header row with commas
/// and no ':' CSV; otherwise YAML).
LogFormat detect_log_format(std::string_view path, std::string_view head);
std::string_view format_name(LogFormat f);

/// The columns of a CSV log, in the order of leadctl-evidence(5): the entry's,
/// then the person's (person_id ... person_ltft).
std::span<const std::string_view> csv_log_columns();

/// Receives a log as it is read.
/// A 360-degree feedback round a log lists (top-level "feedback", YAML logs):
/// the path as written, relative to the log's folder unless absolute.
struct FeedbackRef {
    std::string path;
    SourceLocation location;
};

struct EvidenceSink {
    std::function<void(const Person&)> person;
    std::function<void(const FeedbackRef&)> feedback;
    std::function<void(const Entry&)> entry;  ///< the entry is valid only during the call
    /// Strings of the log outside the person and the entries (the keys and values
    /// of an unknown top-level key, itself an error), for the privacy scan.
    std::function<void(const std::vector<NamedText>&)> other;
};

/// One entry, or the person, from its YAML node (also used for CSV rows and JSON
/// lines, which are turned into the same node shape).
Entry entry_from_node(const yaml::Node& n, const FileName& file, Diagnostics& diags);
Person person_from_node(const yaml::Node& n, const FileName& file, Diagnostics& diags);

/// Read a log from `in`, calling the sink for the person and for each entry, and
/// reporting problems of shape (missing fields, wrong types, unknown keys, bad
/// dates, unknown types and roles, syntax) in `diags`. Checks that need the
/// frameworks are done by EvidenceChecker.
void read_evidence(std::istream& in, const FileName& file, LogFormat format, const EvidenceSink& sink,
                   Diagnostics& diags);

}  // namespace leadctl
