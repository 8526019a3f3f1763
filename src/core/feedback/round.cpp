#include "core/feedback/round.hpp"

#include "core/util/files.hpp"
#include "core/util/privacy.hpp"
#include "core/util/text.hpp"
#include "core/yaml/yaml_fields.hpp"
#include "core/yaml/yaml_tree.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>

namespace leadctl {

std::string_view to_string(RaterGroup g) {
    return kRaterGroups[static_cast<std::size_t>(g)];
}

std::optional<RaterGroup> parse_rater_group(std::string_view s) {
    for (std::size_t k = 0; k < kRaterGroups.size(); ++k) {
        if (kRaterGroups[k] == s) return static_cast<RaterGroup>(k);
    }
    return std::nullopt;
}

namespace {

/// Scale ends and invited counts beyond this are refused (a limit of ours, far above
/// any questionnaire), so that every whole number read fits an int.
constexpr double kMaxScale = 1'000'000;

std::optional<long long> whole(std::string_view s) {
    long long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<double> number(std::string_view s) {
    s = text::trim(s);
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

/// An id that looks like an e-mail address or a person's name ("Jane Smith").
bool identifying(std::string_view id) {
    if (id.find('@') != std::string_view::npos) return true;
    int words = 0;
    bool name_like = true;
    std::size_t i = 0;
    while (i < id.size()) {
        while (i < id.size() && id[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < id.size() && id[i] != ' ') ++i;
        if (i == start) break;
        const std::string_view w = id.substr(start, i - start);
        ++words;
        const bool capital = std::isupper(static_cast<unsigned char>(w[0])) != 0;
        const bool letters = std::all_of(w.begin() + 1, w.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '\'';
        });
        if (!capital || !letters) name_like = false;
    }
    return words >= 2 && name_like;
}

class Reader {
public:
    Reader(const std::string& file, const RoundFrameworks& frameworks, bool privacy, Diagnostics& d)
        : file_(file), frameworks_(frameworks), privacy_(privacy), d_(d) {}

    std::optional<Round> read(const yaml::Node& root) {
        static constexpr std::string_view kTop[] = {"format", "round", "raters", "responses"};
        if (!yaml::expect_map(root, file_, d_, "a feedback round")) return std::nullopt;
        yaml::Fields top(root, file_, d_, kTop, "the round file");
        const std::string format = top.text("format");
        if (!format.empty() && format != kFeedbackFormat) {
            d_.error(top.at(*top.get("format")), "unknown-format",
                     fmt::format("format \"{}\" is not {}", format, kFeedbackFormat));
        }
        Round r;
        const yaml::Node* head = top.mapping("round", true);
        if (!head) return std::nullopt;
        if (!read_header(*head, r)) return std::nullopt;
        if (const auto* raters = top.list("raters", true)) read_raters(*raters, r);
        if (const auto* responses = top.list("responses", true)) read_responses(*responses, r);
        check_round(r, top.where());
        if (d_.has_errors()) return std::nullopt;
        return r;
    }

private:
    std::optional<RatingScale> read_scale(const yaml::Node& n, std::string_view what) {
        static constexpr std::string_view kKeys[] = {"min", "max", "labels"};
        RatingScale s;
        if (n.is_scalar() && n.value == "levels") return s;
        if (!n.is_map()) {
            d_.error({file_, n.line, n.column}, "wrong-type",
                     fmt::format("{} must be \"levels\" or a mapping with min, max and labels", what));
            return std::nullopt;
        }
        yaml::Fields f(n, file_, d_, kKeys, std::string(what));
        s.levels = false;
        const auto lo = f.integer("min");
        const auto hi = f.integer("max");
        if (!lo || !hi) {
            if (!f.get("min")) f.missing("min");
            if (!f.get("max")) f.missing("max");
            return std::nullopt;
        }
        s.min = static_cast<double>(*lo);
        s.max = static_cast<double>(*hi);
        if (std::abs(s.min) > kMaxScale || std::abs(s.max) > kMaxScale) {
            d_.error(f.where(), "invalid-scale",
                     fmt::format("{}: min and max must be from -{} to {}", what, kMaxScale, kMaxScale));
            return std::nullopt;
        }
        if (s.max <= s.min) {
            d_.error(f.where(), "invalid-scale", fmt::format("{}: max ({}) must be above min ({})", what, *hi, *lo));
            return std::nullopt;
        }
        if (const auto* labels = f.mapping("labels")) {
            for (const auto& [k, v] : labels->entries) {
                const auto at = number(k->value);
                if (!at || *at < s.min || *at > s.max || std::floor(*at) != *at) {
                    d_.error({file_, k->line, k->column}, "invalid-scale",
                             fmt::format("{}: label key \"{}\" is not a whole number from {} to {}", what, k->value,
                                         *lo, *hi));
                    continue;
                }
                s.labels.emplace_back(static_cast<int>(*at), v->value);
            }
        }
        return s;
    }

    std::optional<Date> date(yaml::Fields& f, std::string_view key, bool required) {
        const std::string t = f.text(key, required);
        if (t.empty()) return std::nullopt;
        auto dt = parse_date(t);
        if (!dt) d_.error(f.at(*f.get(key)), "invalid-date", fmt::format("{} \"{}\" is not a date YYYY-MM-DD", key, t));
        return dt;
    }

    bool read_header(const yaml::Node& head, Round& r) {
        static constexpr std::string_view kKeys[] = {"id",     "person", "framework",        "instrument",  "scale",
                                                     "opened", "closed", "importance_scale", "facilitated", "invited"};
        yaml::Fields f(head, file_, d_, kKeys, "round");
        r.id = f.text("id", true);
        if (const auto* p = f.mapping("person", true)) {
            static constexpr std::string_view kPerson[] = {"id", "name"};
            yaml::Fields pf(*p, file_, d_, kPerson, "person");
            r.person_id = pf.text("id", true);
            r.person_name = pf.text("name");
        }
        const std::string fw = f.text("framework", true);
        if (!fw.empty()) {
            r.framework = frameworks_(fw);
            if (!r.framework) {
                d_.error(f.at(*f.get("framework")), "unknown-framework",
                         fmt::format("framework \"{}\" is not known (bundled or on the framework path)", fw));
            }
        }
        r.instrument = f.text("instrument");
        if (const auto* s = f.get("scale")) {
            if (auto scale = read_scale(*s, "scale")) r.scale = *scale;
        }
        if (const auto* s = f.get("importance_scale")) {
            auto scale = read_scale(*s, "importance_scale");
            if (scale && scale->levels) {
                d_.error(f.at(*s), "invalid-scale", "importance_scale must be a numeric range (min, max)");
            } else if (scale) {
                r.importance_scale = scale;
            }
        }
        if (r.framework && r.scale.levels) {
            if (r.framework->scale.empty()) {
                d_.error(f.where(), "invalid-scale",
                         fmt::format("{} has no scale of levels: declare a numeric scale (min, max)", r.framework->id));
            } else {
                r.scale.min = 1;
                r.scale.max = static_cast<double>(r.framework->scale.size());
            }
        }
        const auto opened = date(f, "opened", true);
        const auto closed = date(f, "closed", true);
        if (opened) r.opened = *opened;
        if (closed) r.closed = *closed;
        if (opened && closed && *closed < *opened) {
            d_.error(f.at(*f.get("closed")), "closed-before-opened",
                     fmt::format("closed {} is before opened {}", closed->str(), opened->str()));
        }
        if (const auto* fac = f.mapping("facilitated")) {
            static constexpr std::string_view kFac[] = {"by", "date"};
            yaml::Fields ff(*fac, file_, d_, kFac, "facilitated");
            r.facilitated_by = ff.text("by", true);
            r.facilitated_on = date(ff, "date", false);
        }
        if (const auto* inv = f.mapping("invited")) {
            for (const auto& [k, v] : inv->entries) {
                const auto g = parse_rater_group(k->value);
                const auto n = number(v->value);
                if (!g || *g == RaterGroup::self) {
                    unknown_group({file_, k->line, k->column}, k->value, true);
                } else if (!n || *n < 0 || *n > kMaxScale || std::floor(*n) != *n) {
                    d_.error({file_, v->line, v->column}, "invalid-value",
                             fmt::format("invited {}: \"{}\" is not a whole number from 0 to {}", k->value, v->value,
                                         kMaxScale));
                } else {
                    r.invited[static_cast<std::size_t>(*g)] = static_cast<int>(*n);
                }
            }
        }
        return r.framework != nullptr;
    }

    void unknown_group(SourceLocation at, const std::string& g, bool no_self) {
        std::vector<std::string> names;
        for (const auto& x : kRaterGroups) {
            if (!(no_self && x == "self")) names.emplace_back(x);
        }
        d_.error(at, "unknown-group",
                 fmt::format("\"{}\" is not a rater group{}; groups: {}", g, text::did_you_mean(g, names),
                             text::join(names, ", ")));
    }

    void read_raters(const yaml::Node& list, Round& r) {
        static constexpr std::string_view kKeys[] = {"id", "group"};
        int self = -1;
        for (const auto& n : list.items) {
            if (!yaml::expect_map(*n, file_, d_, "a rater")) continue;
            yaml::Fields f(*n, file_, d_, kKeys, "rater");
            Rater rt{f.text("id", true), RaterGroup::other, f.where()};
            const std::string g = f.text("group", true);
            if (rt.id.empty() || g.empty()) continue;
            const auto group = parse_rater_group(g);
            if (!group) {
                unknown_group(f.at(*f.get("group")), g, false);
                continue;
            }
            rt.group = *group;
            const auto dup =
                std::find_if(r.raters.begin(), r.raters.end(), [&](const Rater& x) { return x.id == rt.id; });
            if (dup != r.raters.end()) {
                d_.error(f.at(*f.get("id")), "duplicate-rater",
                         fmt::format("rater \"{}\" is already listed at line {}", rt.id, dup->location.line));
                continue;
            }
            if (rt.group == RaterGroup::self) {
                if (self >= 0) {
                    const auto& first = r.raters[static_cast<std::size_t>(self)];
                    d_.error(f.where(), "two-selves",
                             fmt::format("a second self rater; the self rater is \"{}\" at line {}", first.id,
                                         first.location.line));
                    continue;
                }
                self = static_cast<int>(r.raters.size());
            } else if (identifying(rt.id)) {
                d_.warning(f.at(*f.get("id")), "identifying-rater-id",
                           "rater id looks like an e-mail address or a name; use an opaque code (r01, r02...) so "
                           "that the file itself keeps raters anonymous");
            }
            r.raters.push_back(std::move(rt));
        }
    }

    std::optional<double> rating(const yaml::Node& v, const RatingScale& s, const Framework& fw, std::string_view key,
                                 SourceLocation at) {
        if (!v.is_scalar()) {
            d_.error(at, "wrong-type", fmt::format("{} must be a single value", key));
            return std::nullopt;
        }
        const auto n = number(v.value);
        if (s.levels) {
            if (n && std::floor(*n) == *n && *n >= s.min && *n <= s.max) return *n;
            const int i = fw.level_index(text::to_lower(text::trim(v.value)));
            if (!n && i >= 0) return static_cast<double>(i + 1);
            std::vector<std::string> ids;
            for (const auto& l : fw.scale) ids.push_back(l.id);
            d_.error(at, "rating-off-scale",
                     fmt::format("{} \"{}\" is not on the scale: a level of {} ({}) or its rank 1 to {}{}", key,
                                 v.value, fw.id, text::join(ids, ", "), fw.scale.size(),
                                 n ? std::string() : text::did_you_mean(v.value, ids)));
            return std::nullopt;
        }
        if (n && *n >= s.min && *n <= s.max) return *n;
        d_.error(at, "rating-off-scale",
                 fmt::format("{} \"{}\" is not on the scale: a number from {} to {}", key, v.value, s.min, s.max));
        return std::nullopt;
    }

    void read_responses(const yaml::Node& list, Round& r) {
        static constexpr std::string_view kKeys[] = {"rater", "item", "rating", "importance", "comment"};
        const Framework& fw = *r.framework;
        std::map<std::pair<int, int>, int> seen;  // (rater, item) -> line
        for (const auto& n : list.items) {
            if (!yaml::expect_map(*n, file_, d_, "a response")) continue;
            yaml::Fields f(*n, file_, d_, kKeys, "response");
            const std::string rater = f.text("rater", true);
            const std::string item = f.text("item", true);
            Response x;
            x.location = f.where();
            x.comment = f.text("comment");
            if (!rater.empty()) {
                const auto it =
                    std::find_if(r.raters.begin(), r.raters.end(), [&](const Rater& y) { return y.id == rater; });
                if (it == r.raters.end()) {
                    d_.error(f.at(*f.get("rater")), "unknown-rater",
                             fmt::format("rater \"{}\" is not in the raters list", rater));
                } else {
                    x.rater = static_cast<int>(it - r.raters.begin());
                }
            }
            if (!item.empty()) x.item = find_item(fw, item, f.at(*f.get("item")));
            const auto* rv = f.get("rating");
            if (!rv) f.missing("rating");
            std::optional<double> value = rv ? rating(*rv, r.scale, fw, "rating", f.at(*rv)) : std::nullopt;
            if (const auto* iv = f.get("importance")) {
                if (!r.importance_scale) {
                    d_.error(f.at(*iv), "no-importance-scale",
                             "importance is given but the round declares no importance_scale");
                } else {
                    x.importance = rating(*iv, *r.importance_scale, fw, "importance", f.at(*iv));
                }
            }
            if (privacy_ && !x.comment.empty()) {
                for (const auto& found : privacy::scan(x.comment)) {
                    d_.warning(f.at(*f.get("comment")), std::string(privacy::code(found.kind)),
                               fmt::format("comment seems to contain {} ({}); feedback must not hold "
                                           "patient-identifiable data",
                                           privacy::describe(found.kind), privacy::mask(found.text)));
                }
            }
            if (x.rater < 0 || x.item < 0 || !value) continue;
            x.rating = *value;
            const auto [it, inserted] = seen.try_emplace({x.rater, x.item}, x.location.line);
            if (!inserted) {
                d_.error(x.location, "duplicate-response",
                         fmt::format("rater \"{}\" already rated {}:{} at line {}", rater, fw.id,
                                     fw.items[static_cast<std::size_t>(x.item)].code, it->second));
                continue;
            }
            r.responses.push_back(std::move(x));
        }
    }

    int find_item(const Framework& fw, const std::string& ref, SourceLocation at) {
        std::string code = ref;
        if (const auto p = parse_reference(ref)) {
            if (p->prefix != fw.id) {
                d_.error(at, "wrong-framework",
                         fmt::format("\"{}\" is not an item of {}, the round's framework", ref, fw.id));
                return -1;
            }
            code = p->code;
        }
        const int i = fw.find(code);
        if (i >= 0) return i;
        std::vector<std::string> codes;
        for (const auto& it : fw.items) codes.push_back(it.code);
        d_.error(at, "unknown-item",
                 fmt::format("{} has no item \"{}\"{}", fw.id, code, text::did_you_mean(code, codes)));
        return -1;
    }

    void check_round(const Round& r, SourceLocation at) {
        const bool has_self =
            std::any_of(r.raters.begin(), r.raters.end(), [](const Rater& x) { return x.group == RaterGroup::self; });
        if (!has_self) {
            d_.warning(at, "no-self", "no rater has the group self: the report cannot compare self with others");
        }
    }

    const std::string& file_;
    const RoundFrameworks& frameworks_;
    bool privacy_;
    Diagnostics& d_;
};

}  // namespace

RoundLoad load_round(std::string_view text, const std::string& file, const RoundFrameworks& frameworks, bool privacy) {
    RoundLoad out;
    auto doc = yaml::parse(text, file);
    out.diagnostics = std::move(doc.diagnostics);
    if (!doc.root || out.diagnostics.has_errors()) return out;
    auto more = load_round(*doc.root, file, frameworks, privacy);
    out.diagnostics.append(more.diagnostics);
    out.diagnostics.sort();
    out.round = std::move(more.round);
    return out;
}

RoundLoad load_round(const yaml::Node& root, const std::string& file, const RoundFrameworks& frameworks, bool privacy) {
    RoundLoad out;
    Reader reader(file, frameworks, privacy, out.diagnostics);
    out.round = reader.read(root);
    out.diagnostics.sort();
    if (out.diagnostics.has_errors()) out.round.reset();
    return out;
}

std::optional<Round> read_listed_round(const std::string& log_path, const std::string& ref,
                                       const SourceLocation& ref_at, const RoundFrameworks& frameworks,
                                       Diagnostics& diags) {
    namespace fs = std::filesystem;
    fs::path path(ref);
    if (path.is_relative() && log_path != "-") path = fs::path(log_path).parent_path() / path;
    const std::string name = path.lexically_normal().string();
    auto read = files::read(name);
    if (!read.text) {
        diags.error(ref_at, "feedback-unreadable", fmt::format("cannot read feedback round {}: {}", name, read.error));
        return std::nullopt;
    }
    auto load = load_round(*read.text, name, frameworks);
    diags.append(load.diagnostics);
    if (!load.round) {
        diags.error(ref_at, "feedback-invalid",
                    fmt::format("feedback round {} has errors (leadctl feedback validate {})", name, name));
    }
    return std::move(load.round);
}

}  // namespace leadctl

namespace leadctl {

std::optional<RatingScale> parse_scale_range(std::string_view text, std::string& why) {
    const std::string_view t = text::trim(text);
    // The separator is the first "-" or ".." after the first character (MIN may be negative).
    std::size_t sep = std::string_view::npos, len = 0;
    if (const auto dots = t.find("..", 1); dots != std::string_view::npos) {
        sep = dots;
        len = 2;
    } else if (const auto dash = t.find('-', 1); dash != std::string_view::npos) {
        sep = dash;
        len = 1;
    }
    const auto lo = sep == std::string_view::npos ? std::nullopt : whole(t.substr(0, sep));
    const auto hi = sep == std::string_view::npos ? std::nullopt : whole(t.substr(sep + len));
    if (!lo || !hi) {
        why = fmt::format("\"{}\" is not a scale MIN-MAX of whole numbers (such as 1-5)", text);
        return std::nullopt;
    }
    if (std::abs(static_cast<double>(*lo)) > kMaxScale || std::abs(static_cast<double>(*hi)) > kMaxScale) {
        why = fmt::format("\"{}\": MIN and MAX must be from -{} to {}", text, kMaxScale, kMaxScale);
        return std::nullopt;
    }
    if (*hi <= *lo) {
        why = fmt::format("\"{}\": MAX ({}) must be above MIN ({})", text, *hi, *lo);
        return std::nullopt;
    }
    RatingScale s;
    s.levels = false;
    s.min = static_cast<double>(*lo);
    s.max = static_cast<double>(*hi);
    return s;
}

}  // namespace leadctl
