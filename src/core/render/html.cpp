#include "core/render/html.hpp"

#include "core/util/text.hpp"

#include <fmt/format.h>
#include <cctype>

namespace leadctl::html {

namespace {

// Colours: text colours have a contrast of at least 4.5:1 on white and on their
// cell tints (WCAG AA); status never rests on colour alone (symbol and word).
constexpr std::string_view kStyle = R"(*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;max-width:64rem;margin:1.5rem auto;padding:0 1rem;color:#1f2328;background:#fff}
h1{font-size:1.6rem;margin:0 0 .3rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid #d0d7de}
h3{font-size:1rem;margin:1.2rem 0 .3rem}
p{margin:.4rem 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #59636e}
.num{text-align:right;font-variant-numeric:tabular-nums}
.code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;white-space:nowrap}
.st{font-weight:600;white-space:nowrap}
.met{color:#116329}.partial{color:#7d4e00}.gap{color:#a40e26}.na{color:#59636e}
.muted{color:#59636e}
a{color:#0550ae}
.legend{border:1px solid #d0d7de;border-radius:6px;padding:.4rem .8rem;margin:1rem 0;font-size:.9rem}
.legend h2{font-size:1rem;border:0;margin:.2rem 0;padding:0}
.legend dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.3rem 0}
.legend dt{font-weight:600}.legend dd{margin:0}
.alert{border:2px solid #a40e26;border-radius:6px;padding:.4rem .8rem;margin:1rem 0}
.alert h2{border:0;margin:.2rem 0;padding:0;color:#a40e26}
footer{margin-top:2.5rem;padding-top:.5rem;border-top:1px solid #d0d7de;font-size:.85rem;color:#59636e}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}h2,h3{break-after:avoid}
tr,li,.item,.legend,.alert{break-inside:avoid}thead{display:table-header-group}a{color:inherit;text-decoration:none}}
)";

}  // namespace

std::string escape(std::string_view s) {
    return text::escape_html(s);
}

std::string begin_page(std::string_view title, std::string_view extra_css) {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"leadctl\">\n<title>{}</title>\n<style>\n{}{}</style>\n</head>\n<body>\n",
        escape(title), kStyle, extra_css);
}

std::string end_page() {
    return "</body>\n</html>\n";
}

std::string_view symbol(ItemStatus s) {
    switch (s) {
        case ItemStatus::met:
            return "✓";
        case ItemStatus::partial:
            return "◐";
        case ItemStatus::gap:
            return "✗";
        case ItemStatus::not_required:
            return "–";
    }
    return "";
}

std::string_view css_class(ItemStatus s) {
    switch (s) {
        case ItemStatus::met:
            return "met";
        case ItemStatus::partial:
            return "partial";
        case ItemStatus::gap:
            return "gap";
        case ItemStatus::not_required:
            return "na";
    }
    return "";
}

std::string badge(ItemStatus s, std::string_view label) {
    const std::string word = s == ItemStatus::not_required ? "not required" : std::string(to_string(s));
    return fmt::format("<span class=\"st {}\">{} {}</span>", css_class(s), symbol(s),
                       label.empty() ? word : escape(label));
}

std::string legend(const std::vector<LegendEntry>& entries) {
    std::string out = "<section class=\"legend\" aria-labelledby=\"legend\">\n<h2 id=\"legend\">Legend</h2>\n<dl>\n";
    for (const auto& e : entries) out += "<dt>" + e.term + "</dt><dd>" + escape(e.meaning) + "</dd>\n";
    return out + "</dl>\n</section>\n";
}

std::string policy_sentence(const Policy& p) {
    std::vector<std::string> rels;
    for (auto r : p.count_relations) rels.emplace_back(info(r).name);
    std::string s = fmt::format("an item is met with at least {} counted entr{} of at least {} type{}", p.min_entries,
                                p.min_entries == 1 ? "y" : "ies", p.min_types, p.min_types == 1 ? "" : "s");
    if (p.require_signoff) s += ", one of them signed off";
    if (p.min_direct_entries > 0) s += fmt::format(", {} tagged to the item itself", p.min_direct_entries);
    s += fmt::format(
        " (and the target level, where the profile sets one); an entry counts within {} year{} before the as-of day, "
        "toward at most {} items, and through crosswalks of kind {} (at most {} hop{})",
        p.window_years, p.window_years == 1 ? "" : "s", p.max_items_per_entry,
        rels.empty() ? std::string("none") : text::join(rels, ", "), p.max_hops, p.max_hops == 1 ? "" : "s");
    return s;
}

std::string footer(const Style& style, const Framework& fw, std::string_view against, const Date& as_of,
                   const Policy& policy) {
    std::string out = "<footer>\n<p>";
    if (!style.generated.empty()) out += "Generated on " + escape(style.generated) + " by leadctl; ";
    out += "as of " + as_of.str() + ". ";
    out += "Framework: " + escape(fw.title) + " (<span class=\"code\">" + escape(fw.id) + "</span>";
    if (!fw.edition.empty()) out += ", edition " + escape(fw.edition);
    out += "), assessed against " + escape(against) + ".</p>\n";
    out += "<p>Policy: " + escape(policy_sentence(policy)) +
           ". These are leadctl's settings (leadctl-policy(5)), not rules of the framework.</p>\n</footer>\n";
    return out;
}

std::string generated_by(const Style& style) {
    return style.generated.empty() ? std::string() : "Generated on " + escape(style.generated) + " by leadctl. ";
}

std::string anchor(std::string_view ref) {
    std::string out = "item-";
    for (char c : ref) {
        const auto u = static_cast<unsigned char>(c);
        out += (std::isalnum(u) != 0 || c == '.' || c == '_' || c == '-') ? c : '-';
    }
    return out;
}

}  // namespace leadctl::html
