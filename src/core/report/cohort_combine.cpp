#include "core/report/cohort_combine.hpp"

#include "core/util/text.hpp"
#include "core/yaml/yaml_fields.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>
#include <charconv>
#include <limits>
#include <map>

namespace leadctl {

namespace {

constexpr std::string_view kShardKeys[] = {"schema",  "framework", "target",  "as_of", "at_risk_below",
                                           "policy",  "summary",   "domains", "items", "common_gaps",
                                           "at_risk", "people",    "errors"};
constexpr std::string_view kFrameworkKeys[] = {"id", "title", "edition"};
constexpr std::string_view kPersonRowKeys[] = {"path",    "person",  "profile", "entries", "warnings",
                                               "privacy", "summary", "domains", "items",   "report"};
constexpr std::string_view kWhoKeys[] = {"id", "name", "stage", "programme"};
constexpr std::string_view kSummaryKeys[] = {"assessed", "met", "partial", "gap", "coverage"};
constexpr std::string_view kCellKeys[] = {"status", "count"};
constexpr std::string_view kErrorRowKeys[] = {"path",   "person",   "message",     "entries",
                                              "errors", "warnings", "diagnostics", "privacy"};
constexpr std::string_view kDiagnosticKeys[] = {"file", "line", "column", "severity", "code", "message"};

/// The header every shard must share, with where the first shard gave it.
struct Header {
    const Framework* framework = nullptr;
    std::string target;
    Date as_of;
    double at_risk_below = 0.5;
    Policy policy;
    std::string policy_text;  ///< the settings written out, for comparison
};

std::string policy_text(const Policy& p) {
    std::string s =
        fmt::format("{} {} {} {} {} {} {} {} {} |", p.window_years, p.max_items_per_entry, p.min_entries, p.min_types,
                    p.require_signoff, p.max_hops, p.max_share, p.min_pairs_for_distribution, p.max_suggestions);
    for (auto r : p.count_relations) s += fmt::format(" {}", info(r).name);
    s += " |";
    for (auto r : p.level_relations) s += fmt::format(" {}", info(r).name);
    s += fmt::format(" | {} {}", p.max_steps, p.min_direct_entries);
    return s;
}

class ShardReader {
public:
    ShardReader(const std::string& file, Diagnostics& d) : file_(file), d_(d) {}

    std::optional<double> number(yaml::Fields& f, std::string_view key, bool required) {
        const auto* n = f.get(key);
        if (n == nullptr) {
            if (required) f.missing(key);
            return std::nullopt;
        }
        double x = 0;
        const auto& v = n->value;
        const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
        if (!n->is_scalar() || n->quoted || ec != std::errc{} || ptr != v.data() + v.size()) {
            f.wrong_type(key, *n, "a number");
            return std::nullopt;
        }
        return x;
    }

    template <typename T>
    T count(yaml::Fields& f, std::string_view key, bool required = true) {
        const auto v = f.integer(key);
        if (!v) {
            if (required && f.get(key) == nullptr) f.missing(key);
            return 0;
        }
        if (*v < 0 || static_cast<unsigned long long>(*v) > std::numeric_limits<T>::max()) {
            d_.error(f.at(*f.get(key)), "invalid-value", fmt::format("{} is out of range", key));
            return 0;
        }
        return static_cast<T>(*v);
    }

    /// "mlcf:2.4" -> the item's index in `fw`, or -1 (reported).
    int item_of(const Framework& fw, const yaml::Node& key) {
        const auto& ref = key.value;
        const auto prefix = fw.id + ":";
        const int i = ref.starts_with(prefix) ? fw.find(std::string_view(ref).substr(prefix.size())) : -1;
        if (i < 0) {
            d_.error({file_, key.line, key.column}, "unknown-item",
                     fmt::format("{} has no item \"{}\" (was the shard made with another version of it?)", fw.id, ref));
        }
        return i;
    }

    void person_row(const yaml::Node& n, const Framework& fw, std::vector<CohortRow>& rows) {
        if (!yaml::expect_map(n, file_, d_, "a person")) return;
        yaml::Fields f(n, file_, d_, kPersonRowKeys, "a person");
        CohortRow row;
        row.ok = true;
        row.path = f.text("path", true);
        path_at_.push_back(f.get("path") ? f.at(*f.get("path")) : f.where());
        person(f, row);
        row.profile = f.text("profile");
        row.entries = count<std::uint32_t>(f, "entries");
        row.warnings = count<std::uint32_t>(f, "warnings");
        diagnostics(f, "privacy", row.privacy);
        row.privacy_count = static_cast<std::uint32_t>(row.privacy.size());
        if (const auto* s = f.mapping("summary", true)) {
            yaml::Fields sf(*s, file_, d_, kSummaryKeys, "a summary");
            row.assessed = count<int>(sf, "assessed");
            row.met = count<int>(sf, "met");
            row.partial = count<int>(sf, "partial");
            row.gap = count<int>(sf, "gap");
            row.coverage = number(sf, "coverage", true).value_or(0);
        }
        row.items.assign(fw.items.size(), CohortCell{});
        if (const auto* items = f.mapping("items", true)) {
            for (const auto& [key, cell] : items->entries) {
                const int i = item_of(fw, *key);
                if (i < 0 || !yaml::expect_map(*cell, file_, d_, "an item's result")) continue;
                yaml::Fields cf(*cell, file_, d_, kCellKeys, "an item's result");
                const auto status = cf.text("status", true);
                if (status == "met") {
                    row.at(i).status = ItemStatus::met;
                } else if (status == "partial") {
                    row.at(i).status = ItemStatus::partial;
                } else if (status == "gap") {
                    row.at(i).status = ItemStatus::gap;
                } else if (!status.empty()) {
                    d_.error(cf.at(*cf.get("status")), "invalid-value",
                             fmt::format("status \"{}\" is not met, partial or gap", status));
                }
                row.at(i).entries = count<std::uint16_t>(cf, "count");
            }
        }
        row.per_person_file = f.text("report");
        redact_row(row);
        rows.push_back(std::move(row));
    }

    void error_row(const yaml::Node& n, std::vector<CohortRow>& rows) {
        if (!yaml::expect_map(n, file_, d_, "an error row")) return;
        yaml::Fields f(n, file_, d_, kErrorRowKeys, "an error row");
        CohortRow row;
        row.path = f.text("path", true);
        path_at_.push_back(f.get("path") ? f.at(*f.get("path")) : f.where());
        person(f, row);
        row.failure = f.text("message", true);
        row.entries = count<std::uint32_t>(f, "entries", false);
        row.errors = count<std::uint32_t>(f, "errors");
        row.warnings = count<std::uint32_t>(f, "warnings", false);
        diagnostics(f, "diagnostics", row.problems);
        diagnostics(f, "privacy", row.privacy);
        row.privacy_count = static_cast<std::uint32_t>(row.privacy.size());
        redact_row(row);
        rows.push_back(std::move(row));
    }

    /// A row's "person": {id, name, stage, programme}.
    void person(yaml::Fields& f, CohortRow& row) {
        if (const auto* who = f.mapping("person", true)) {
            yaml::Fields w(*who, file_, d_, kWhoKeys, "a person");
            row.person = {w.text("id"), w.text("name"), w.text("stage"), w.text("programme")};
        }
    }

    /// A list of diagnostics under `key` (optional), at most kMaxProblemsKept kept.
    void diagnostics(yaml::Fields& f, std::string_view key, std::vector<Diagnostic>& out) {
        const auto* list = f.list(key);
        if (list == nullptr) return;
        for (const auto& dn : list->items) {
            if (!yaml::expect_map(*dn, file_, d_, "a diagnostic")) continue;
            yaml::Fields df(*dn, file_, d_, kDiagnosticKeys, "a diagnostic");
            Diagnostic diag;
            diag.location.file = df.text("file");
            diag.location.line = count<int>(df, "line", false);
            diag.location.column = count<int>(df, "column", false);
            diag.severity = df.text("severity") == "warning" ? Severity::warning : Severity::error;
            diag.code = df.text("code");
            diag.message = df.text("message");
            if (out.size() < kMaxProblemsKept) out.push_back(std::move(diag));
        }
    }

    /// The header of this shard; nullopt when it cannot be used (reported).
    std::optional<Header> header(yaml::Fields& f, const FrameworkLookup& frameworks) {
        Header h;
        if (const auto* fw = f.mapping("framework", true)) {
            yaml::Fields ff(*fw, file_, d_, kFrameworkKeys, "the framework");
            const auto id = ff.text("id", true);
            const auto edition = ff.text("edition");
            h.framework = id.empty() ? nullptr : frameworks(id);
            if (!id.empty() && h.framework == nullptr) {
                d_.error(ff.at(*ff.get("id")), "unknown-framework",
                         fmt::format("framework \"{}\" is not on the framework search path", id));
            } else if (h.framework != nullptr && h.framework->edition != edition) {
                d_.error(ff.where(), "framework-edition",
                         fmt::format("the shard was made with {} edition \"{}\"; this leadctl has edition \"{}\"", id,
                                     edition, h.framework->edition));
                h.framework = nullptr;
            }
        }
        h.target = f.text("target");
        const auto as_of = f.text("as_of", true);
        if (auto d = parse_date(as_of)) {
            h.as_of = *d;
        } else if (!as_of.empty()) {
            d_.error(f.at(*f.get("as_of")), "invalid-value", "as_of is not a date (YYYY-MM-DD)");
        }
        h.at_risk_below = number(f, "at_risk_below", true).value_or(0.5);
        if (const auto* p = f.get("policy")) {
            auto load = load_policy(*p, file_, "the policy");
            d_.append(load.diagnostics);
            h.policy = load.policy;
        } else {
            f.missing("policy");
        }
        h.policy_text = policy_text(h.policy);
        if (h.framework == nullptr) return std::nullopt;
        return h;
    }

    /// Where each row read so far gave its path.
    [[nodiscard]] const std::vector<SourceLocation>& path_locations() const { return path_at_; }

private:
    const std::string& file_;
    Diagnostics& d_;
    std::vector<SourceLocation> path_at_;
};

/// An error when `mine` differs from the first shard's, at `where`.
void agree(bool same, std::string_view what, const std::string& mine, const std::string& first,
           const std::string& first_file, const SourceLocation& where, Diagnostics& d) {
    if (same) return;
    d.error(
        where, "shards-disagree",
        fmt::format("{} is {} here but {} in {}: combine only shards of one report", what, mine, first, first_file));
}

}  // namespace

CombinedCohort combine_cohorts(const std::vector<CohortShard>& shards, const FrameworkLookup& frameworks) {
    CombinedCohort out;
    Diagnostics& d = out.diagnostics;
    std::optional<Header> first;
    std::string first_file;
    std::vector<CohortRow> rows;
    std::map<std::string, std::string> shard_of_path;
    yaml::Limits limits;
    limits.max_bytes = std::size_t{1} << 30;  // a shard of a large cohort is bigger than any framework
    for (const auto& shard : shards) {
        auto doc = yaml::parse(shard.text, shard.path, limits);
        d.append(doc.diagnostics);
        if (!doc.root || !yaml::expect_map(*doc.root, shard.path, d, "a cohort report")) continue;
        const auto* schema = doc.root->find("schema");
        if (schema == nullptr || !schema->is_scalar() || schema->value != kCohortSchema) {
            const auto& at = schema != nullptr ? *schema : *doc.root;
            d.error({shard.path, at.line, at.column}, "not-a-cohort",
                    fmt::format("this is not a {} report (schema {}): combine the JSON of "
                                "'leadctl report --format json'",
                                kCohortSchema,
                                schema != nullptr && schema->is_scalar() ? "\"" + schema->value.substr(0, 60) + "\""
                                                                         : "missing"));
            continue;
        }
        const auto errors_before = d.error_count();
        ShardReader reader(shard.path, d);
        yaml::Fields f(*doc.root, shard.path, d, kShardKeys, "the report");
        auto h = reader.header(f, frameworks);
        if (!h) continue;
        if (!first) {
            first = h;
            first_file = shard.path;
        } else {
            const auto where = [&f](std::string_view key) { return f.get(key) ? f.at(*f.get(key)) : f.where(); };
            agree(h->framework == first->framework, "the framework", h->framework->id, first->framework->id, first_file,
                  where("framework"), d);
            agree(h->target == first->target, "the target", h->target.empty() ? "each person's stage" : h->target,
                  first->target.empty() ? "each person's stage" : first->target, first_file, where("target"), d);
            agree(h->as_of == first->as_of, "as_of", h->as_of.str(), first->as_of.str(), first_file, where("as_of"), d);
            agree(h->at_risk_below == first->at_risk_below, "at_risk_below", fmt::format("{}", h->at_risk_below),
                  fmt::format("{}", first->at_risk_below), first_file, where("at_risk_below"), d);
            agree(h->policy_text == first->policy_text, "the policy", "other settings", "different ones", first_file,
                  where("policy"), d);
            if (d.error_count() > errors_before) continue;
        }
        const auto rows_before = rows.size();
        if (const auto* people = f.list("people", true)) {
            for (const auto& n : people->items) reader.person_row(*n, *first->framework, rows);
        }
        if (const auto* errs = f.list("errors", true)) {
            for (const auto& n : errs->items) reader.error_row(*n, rows);
        }
        for (std::size_t i = rows_before; i < rows.size(); ++i) {
            auto [it, inserted] = shard_of_path.emplace(rows[i].path, shard.path);
            if (!inserted) {
                d.error(reader.path_locations()[i - rows_before], "log-in-two-shards",
                        fmt::format("the log {} is in this shard and in {}: each log belongs to one shard",
                                    rows[i].path, it->second));
            }
        }
    }
    d.sort();
    if (!first || d.has_errors()) {
        if (!first && !d.has_errors()) d.error(SourceLocation{}, "no-shards", "no cohort report to combine");
        return out;
    }
    CohortReport c;
    c.framework = first->framework;
    c.target = first->target;
    c.as_of = first->as_of;
    c.policy = first->policy;
    c.at_risk_below = first->at_risk_below;
    c.rows = std::move(rows);
    finish_cohort(c);
    out.report = std::move(c);
    return out;
}

}  // namespace leadctl
