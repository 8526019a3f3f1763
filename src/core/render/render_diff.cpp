#include "core/render/render_diff.hpp"

#include "core/util/text.hpp"

#include <fmt/format.h>
#include <cmath>
#include <nlohmann/json.hpp>

namespace leadctl {

namespace {

using Json = nlohmann::ordered_json;

std::string old_label(const FrameworkDiff& d, const DiffRenderOptions& o) {
    return o.old_label.empty() ? d.old_id : o.old_label;
}
std::string new_label(const FrameworkDiff& d, const DiffRenderOptions& o) {
    return o.new_label.empty() ? d.new_id : o.new_label;
}

bool is_addition(ChangeKind k) {
    return k == ChangeKind::added || k == ChangeKind::level_added || k == ChangeKind::profile_added;
}
bool is_removal(ChangeKind k) {
    return k == ChangeKind::removed || k == ChangeKind::level_removed || k == ChangeKind::profile_removed;
}
bool is_order(ChangeKind k) {
    return k == ChangeKind::reordered || k == ChangeKind::scale_reordered;
}

/// The code (or field) a change is listed under.
std::string subject_of(const Change& c) {
    if (info(c.kind).subject == DiffSubject::header) return c.field;
    if (c.kind == ChangeKind::recoded) return fmt::format("{} → {}", *c.old_code, *c.new_code);
    if (c.kind == ChangeKind::scale_reordered) return "order";
    if (c.new_code) return *c.new_code;
    if (c.old_code) return *c.old_code;
    return "(top level)";
}

std::string quoted(const std::optional<std::string>& v) {
    return v ? "\"" + *v + "\"" : "(none)";
}

/// "(theme in self)" for an added or removed item, "" when there is nothing to say.
std::string placement(const Change& c) {
    std::string s = c.item_type;
    if (c.parent) s += (s.empty() ? "in " : " in ") + *c.parent;
    return s.empty() ? s : " (" + s + ")";
}

std::string recode_reason(const Change& c) {
    switch (c.match) {
        case RecodeMatch::name:
            return "same name";
        case RecodeMatch::alias:
            return "by alias";
        case RecodeMatch::similarity:
            return fmt::format("similarity {:.2f}", c.similarity);
    }
    return "";
}

std::string parent_name(const std::optional<std::string>& v) {
    return v ? *v : "(top level)";
}

/// What a change says after its subject: on the same line when it fits, else a
/// prefix there and "- old" / "+ new" lines below.
struct Detail {
    std::string inline_text;
    std::string prefix;                              ///< "" or "name: " before the values
    std::vector<std::pair<char, std::string>> rows;  ///< for the long form; empty: always inline
};

Detail list_detail(const Change& c, std::string prefix) {
    Detail d;
    d.prefix = std::move(prefix);
    if (is_order(c.kind) || (c.removed.empty() && c.added.empty())) {
        d.inline_text = d.prefix + text::join(c.old_list, ", ") + " → " + text::join(c.new_list, ", ");
        d.rows = {{'-', text::join(c.old_list, ", ")}, {'+', text::join(c.new_list, ", ")}};
        return d;
    }
    std::vector<std::string> parts;
    for (const auto& v : c.removed) {
        parts.push_back("-\"" + v + "\"");
        d.rows.emplace_back('-', v);
    }
    for (const auto& v : c.added) {
        parts.push_back("+\"" + v + "\"");
        d.rows.emplace_back('+', v);
    }
    d.inline_text = d.prefix + text::join(parts, " ");
    return d;
}

Detail detail_of(const Change& c) {
    const std::string prefix = c.field.empty() || info(c.kind).subject == DiffSubject::header ? "" : c.field + ": ";
    if (c.list) return list_detail(c, prefix);
    switch (c.kind) {
        case ChangeKind::added:
            return {quoted(c.new_value) + placement(c), "", {}};
        case ChangeKind::removed:
            return {quoted(c.old_value) + placement(c), "", {}};
        case ChangeKind::recoded:
            return {fmt::format("{} ({})", quoted(c.old_value), recode_reason(c)), "", {}};
        case ChangeKind::moved:
            return {parent_name(c.old_value) + " → " + parent_name(c.new_value), "", {}};
        case ChangeKind::level_added:
        case ChangeKind::profile_added:
            return {quoted(c.new_value), "", {}};
        case ChangeKind::level_removed:
        case ChangeKind::profile_removed:
            return {quoted(c.old_value), "", {}};
        default:
            break;
    }
    Detail d;
    d.prefix = prefix;
    d.inline_text = prefix + quoted(c.old_value) + " → " + quoted(c.new_value);
    d.rows = {{'-', c.old_value.value_or("(none)")}, {'+', c.new_value.value_or("(none)")}};
    return d;
}

std::string sgr_of(ChangeKind k) {
    if (is_addition(k)) return "32";
    if (is_removal(k)) return "31";
    return "33";
}

char sigil_of(ChangeKind k) {
    if (is_addition(k)) return '+';
    if (is_removal(k)) return '-';
    return '~';
}

std::string pad(std::string s, std::size_t width) {
    const std::size_t w = text::display_width(s);
    if (w < width) s.append(width - w, ' ');
    return s;
}

/// Counts in the summary: items first, then the header, the scale and the profiles.
std::vector<std::string> summary_parts(const FrameworkDiff& d) {
    const auto n = d.counts();
    std::vector<std::string> parts;
    for (auto subject : {DiffSubject::item, DiffSubject::header, DiffSubject::level, DiffSubject::profile}) {
        for (const auto& k : kDiffKinds) {
            const std::size_t count = n[static_cast<std::size_t>(k.kind)];
            if (k.subject != subject || count == 0) continue;
            parts.push_back(fmt::format("{} {}", count, count == 1 ? k.singular : k.plural));
        }
    }
    return parts;
}

/// The summary, broken between counts to fit the width; continuation lines indented.
std::vector<std::string> summary_lines(const FrameworkDiff& d, const DiffRenderOptions& opt) {
    if (d.identical()) return {diff_summary(d, opt)};
    std::vector<std::string> lines{fmt::format("{} → {}:", old_label(d, opt), new_label(d, opt))};
    const auto parts = summary_parts(d);
    for (std::size_t k = 0; k < parts.size(); ++k) {
        const std::string part = parts[k] + (k + 1 < parts.size() ? "," : "");
        if (text::display_width(lines.back()) + 1 + text::display_width(part) > opt.width) lines.emplace_back(" ");
        lines.back() += " " + part;
    }
    return lines;
}

/// A caution when items were added or removed and a side is held only in part:
/// such an item may only be unknown to that side. "" otherwise.
std::string partial_note(const FrameworkDiff& d, const DiffRenderOptions& opt) {
    const auto n = d.counts();
    const bool old_partial = d.old_completeness == "partial", new_partial = d.new_completeness == "partial";
    if (n[static_cast<std::size_t>(ChangeKind::added)] + n[static_cast<std::size_t>(ChangeKind::removed)] == 0)
        return "";
    if (old_partial && new_partial) {
        return fmt::format(
            "{} and {} are both held only in part (completeness: partial), so an item shown as added "
            "or removed may only be missing from one of them.",
            old_label(d, opt), new_label(d, opt));
    }
    if (!old_partial && !new_partial) return "";
    return fmt::format(
        "{} is held only in part (completeness: partial), so an item shown as {} may only be missing "
        "from it.",
        old_partial ? old_label(d, opt) : new_label(d, opt), old_partial ? "added" : "removed");
}

}  // namespace

std::string diff_summary(const FrameworkDiff& d, const DiffRenderOptions& opt) {
    const std::string what = d.identical() ? std::string("identical") : text::join(summary_parts(d), ", ");
    return fmt::format("{} → {}: {}", old_label(d, opt), new_label(d, opt), what);
}

// ---------------------------------------------------------------- text

std::string render_diff_text(const FrameworkDiff& d, const DiffRenderOptions& opt) {
    const Style& s = opt.style;
    // The summary, wrapped to the width; continuation lines indented.
    // The user's text (labels, codes, values) is made safe for a terminal before it is
    // measured and styled.
    const auto safe = [](std::string_view x) { return text::terminal_safe(x); };
    std::string out;
    for (const auto& line : summary_lines(d, opt)) out += s.bold(safe(line)) + "\n";
    if (d.identical()) return out;
    constexpr std::size_t kMaxSubject = 24;  // longer subjects are not padded to
    std::size_t label_w = 0, subject_w = 0;
    for (const auto& c : d.changes) {
        label_w = std::max(label_w, text::display_width(info(c.kind).label));
        subject_w = std::max(subject_w, std::min(kMaxSubject, text::display_width(safe(subject_of(c)))));
    }
    out += '\n';
    for (const auto& c : d.changes) {
        const std::string sgr = sgr_of(c.kind);
        const std::string head =
            fmt::format("{} {}  ", sigil_of(c.kind), pad(std::string(info(c.kind).label), label_w));
        const std::string subject = pad(safe(subject_of(c)), subject_w) + "  ";
        const Detail det = detail_of(c);
        const std::size_t used = text::display_width(head) + text::display_width(subject);
        const bool fits = det.rows.empty() || (used + text::display_width(safe(det.inline_text)) <= opt.width &&
                                               det.inline_text.find('\n') == std::string::npos);
        std::string tail = safe(fits ? det.inline_text : det.prefix);
        while (!tail.empty() && tail.back() == ' ') tail.pop_back();
        // A change that is always on one line (a name and where the item sits) but does not
        // fit wraps, continuing under its own start: before the parenthesis when each part
        // then fits, else at spaces; below 20 columns left there, on indented lines of its own.
        std::vector<std::string> rest;
        if (fits && used + text::display_width(tail) > opt.width) {
            const std::size_t room = opt.width >= used + 20 ? opt.width - used : 0;
            const std::size_t paren = tail.rfind(" (");
            if (room > 0 && paren != std::string::npos && text::display_width(tail.substr(0, paren)) <= room &&
                text::display_width(tail.substr(paren + 1)) <= room) {
                rest = {tail.substr(paren + 1)};
                tail.resize(paren);
                rest.front() = std::string(used, ' ') + rest.front();
            } else if (room > 0) {
                rest = text::wrap(tail, room);
                tail = rest.front();
                rest.erase(rest.begin());
                for (auto& l : rest) l = std::string(used, ' ') + l;
            } else {
                rest = text::wrap(tail, opt.width > 30 ? opt.width - 6 : 60);
                tail.clear();
                for (auto& l : rest) l = "      " + l;
            }
        }
        // No trailing spaces: the subject is padded only when something follows it.
        out += s.paint(head, sgr) + s.cyan(tail.empty() ? safe(subject_of(c)) : subject) + tail + "\n";
        for (const auto& l : rest) out += l + "\n";
        if (fits) continue;
        const std::size_t wrap_w = opt.width > 30 ? opt.width - 6 : 60;
        for (const auto& [sign, value] : det.rows) {
            const auto lines = text::wrap(text::terminal_safe(value, text::TerminalText::block), wrap_w);
            for (std::size_t k = 0; k < lines.size(); ++k) {
                const std::string mark = k == 0 ? std::string(1, sign) + " " : "  ";
                out += "    " + s.paint(mark, sign == '+' ? "32" : "31") + lines[k] + "\n";
            }
            if (lines.empty()) out += "    " + s.paint(std::string(1, sign), sign == '+' ? "32" : "31") + "\n";
        }
    }
    if (const auto note = partial_note(d, opt); !note.empty()) {
        out += '\n';
        for (const auto& l : text::wrap("Note: " + safe(note), opt.width)) out += s.dim(l) + "\n";
    }
    return out;
}

// ---------------------------------------------------------------- Markdown

namespace {

const auto md_cell = text::markdown_cell;

std::string md_value(const std::optional<std::string>& v) {
    return v ? md_cell(*v) : "—";
}

std::string md_list(const std::vector<std::string>& v) {
    if (v.empty()) return "—";
    std::vector<std::string> cells;
    for (const auto& x : v) cells.push_back(md_cell(x));
    return text::join(cells, "; ");
}

std::string md_parent(const std::optional<std::string>& v) {
    return v ? text::markdown_safe(*v, text::MarkdownSink::code) : "(top level)";
}

/// The Old and New cells of a change.
std::pair<std::string, std::string> md_values(const Change& c) {
    if (c.list) {
        if (is_order(c.kind) || (c.removed.empty() && c.added.empty())) {
            return {md_cell(text::join(c.old_list, ", ")), md_cell(text::join(c.new_list, ", "))};
        }
        return {c.removed.empty() ? "—" : "removed: " + md_list(c.removed),
                c.added.empty() ? "—" : "added: " + md_list(c.added)};
    }
    switch (c.kind) {
        case ChangeKind::added:
            return {"—", md_value(c.new_value) + md_cell(placement(c))};
        case ChangeKind::removed:
            return {md_value(c.old_value) + md_cell(placement(c)), "—"};
        case ChangeKind::recoded:
            return {md_value(c.old_value), md_value(c.new_value) + " (" + recode_reason(c) + ")"};
        case ChangeKind::moved:
            return {md_parent(c.old_value), md_parent(c.new_value)};
        default:
            return {md_value(c.old_value), md_value(c.new_value)};
    }
}

std::string md_code(const std::string& s) {
    return text::markdown_safe(s, text::MarkdownSink::code);
}

/// The Change cell: what happened, with the field where it matters.
std::string md_change(const Change& c) {
    const auto& k = info(c.kind);
    if (k.subject == DiffSubject::item) return c.field.empty() ? std::string(k.label) : md_code(c.field);
    if (is_addition(c.kind)) return "added";
    if (is_removal(c.kind)) return "removed";
    if (is_order(c.kind)) return "order";
    return md_code(c.field);
}

std::string md_subject(const Change& c) {
    if (c.kind == ChangeKind::recoded) return md_code(*c.old_code) + " → " + md_code(*c.new_code);
    if (c.kind == ChangeKind::scale_reordered) return "—";
    if (c.new_code) return md_code(*c.new_code);
    if (c.old_code) return md_code(*c.old_code);
    return "(top level)";
}

void md_section(std::string& out, const FrameworkDiff& d, DiffSubject subject, std::string_view title,
                std::string_view what) {
    std::string rows;
    for (const auto& c : d.changes) {
        if (info(c.kind).subject != subject) continue;
        const auto [old_cell, new_cell] = md_values(c);
        if (subject == DiffSubject::header) {
            rows += fmt::format("| {} | {} | {} |\n", md_code(c.field), old_cell, new_cell);
        } else {
            rows += fmt::format("| {} | {} | {} | {} |\n", md_change(c), md_subject(c), old_cell, new_cell);
        }
    }
    if (rows.empty()) return;
    out += fmt::format("\n## {}\n\n", title);
    out += subject == DiffSubject::header ? "| Field | Old | New |\n|---|---|---|\n"
                                          : fmt::format("| Change | {} | Old | New |\n|---|---|---|---|\n", what);
    out += rows;
}

std::string md_side(std::string_view label, const std::string& title, const std::string& edition) {
    std::string s = text::markdown_safe(label, text::MarkdownSink::code);
    if (!title.empty()) s += " — " + md_cell(title);
    if (!edition.empty()) s += " (" + md_cell(edition) + ")";
    return s;
}

}  // namespace

std::string render_diff_markdown(const FrameworkDiff& d, const DiffRenderOptions& opt) {
    std::string out =
        fmt::format("# Changes from {} to {}\n\n", md_code(old_label(d, opt)), md_code(new_label(d, opt)));
    out += fmt::format("- **Old:** {}\n", md_side(old_label(d, opt), d.old_title, d.old_edition));
    out += fmt::format("- **New:** {}\n\n", md_side(new_label(d, opt), d.new_title, d.new_edition));
    out +=
        d.identical() ? std::string("**Identical.**\n") : fmt::format("**{}.**\n", text::join(summary_parts(d), ", "));
    md_section(out, d, DiffSubject::header, "Header", "");
    md_section(out, d, DiffSubject::item, "Items", "Code");
    md_section(out, d, DiffSubject::level, "Scale", "Level");
    md_section(out, d, DiffSubject::profile, "Profiles", "Profile");
    if (const auto note = partial_note(d, opt); !note.empty()) out += "\n> **Note:** " + md_cell(note) + "\n";
    return out;
}

// ---------------------------------------------------------------- JSON

namespace {

Json opt_json(const std::optional<std::string>& v) {
    return v ? Json(*v) : Json(nullptr);
}

Json change_json(const Change& c) {
    Json j;
    j["kind"] = to_string(c.kind);
    j["subject"] = to_string(info(c.kind).subject);
    j["field"] = c.field.empty() ? Json(nullptr) : Json(c.field);
    j["old_code"] = opt_json(c.old_code);
    j["new_code"] = opt_json(c.new_code);
    if (c.list) {
        j["old"] = c.old_list;
        j["new"] = c.new_list;
        j["removed"] = c.removed;
        j["added"] = c.added;
    } else {
        j["old"] = opt_json(c.old_value);
        j["new"] = opt_json(c.new_value);
    }
    if (c.kind == ChangeKind::added || c.kind == ChangeKind::removed) {
        j["type"] = c.item_type;
        j["parent"] = opt_json(c.parent);
    }
    if (c.kind == ChangeKind::recoded) {
        j["match"] = to_string(c.match);
        j["similarity"] = std::round(c.similarity * 1000) / 1000;
    }
    return j;
}

Json side_json(const std::string& label, const std::string& id, const std::string& title, const std::string& edition,
               const std::string& completeness) {
    return {{"source", label},
            {"id", id},
            {"title", title},
            {"edition", edition},
            {"completeness", completeness.empty() ? Json(nullptr) : Json(completeness)}};
}

}  // namespace

std::string render_diff_json(const FrameworkDiff& d, const DiffRenderOptions& opt) {
    Json j;
    j["schema"] = kDiffSchema;
    j["old"] = side_json(old_label(d, opt), d.old_id, d.old_title, d.old_edition, d.old_completeness);
    j["new"] = side_json(new_label(d, opt), d.new_id, d.new_title, d.new_edition, d.new_completeness);
    j["identical"] = d.identical();
    Json summary = Json::object();
    const auto n = d.counts();
    for (const auto& k : kDiffKinds) summary[std::string(k.name)] = n[static_cast<std::size_t>(k.kind)];
    j["summary"] = std::move(summary);
    Json changes = Json::array();
    for (const auto& c : d.changes) changes.push_back(change_json(c));
    j["changes"] = std::move(changes);
    return j.dump(2) + "\n";
}

}  // namespace leadctl
