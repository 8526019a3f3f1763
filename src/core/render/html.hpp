// What every HTML report of leadctl shares: one self-contained page (no scripts,
// fonts or images from anywhere), one style sheet for screen and paper, status
// shown by word and symbol as well as colour (it survives greyscale and printing
// with backgrounds off), a legend and a footer saying what the page rests on.
// Values from users' files go through text::escape_html; nothing here trusts them.
#pragma once

#include "core/assess/assess.hpp"
#include "core/util/table.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace leadctl::html {

/// text::escape_html, for text and attribute values alike.
std::string escape(std::string_view s);

/// From the doctype to the opening of <body>: the page's <title> (escaped here)
/// and the shared style sheet, followed by `extra_css` (the report's own rules).
std::string begin_page(std::string_view title, std::string_view extra_css = "");
/// The closing of <body> and <html>.
std::string end_page();

/// The symbol of a status: ✓ met, ◐ partial, ✗ gap, – not required.
std::string_view symbol(ItemStatus s);
/// The CSS class of a status: met, partial, gap, na.
std::string_view css_class(ItemStatus s);
/// A status as a badge: `<span class="st met">✓ met</span>`; `label` replaces
/// the status word when given (escaped here).
std::string badge(ItemStatus s, std::string_view label = "");

/// One line of a legend: what a symbol or word means.
struct LegendEntry {
    std::string term;     ///< HTML (a badge, a code), not escaped
    std::string meaning;  ///< text, escaped here
};
/// A legend box headed "Legend", a definition list of `entries`.
std::string legend(const std::vector<LegendEntry>& entries);

/// The policy in a sentence, for footers: when an item is met and what counts.
std::string policy_sentence(const Policy& p);

/// The page's footer: generated on (when `style.generated` is set), as of, the
/// framework's title, id and edition, what it was assessed against, the policy.
std::string footer(const Style& style, const Framework& fw, std::string_view against, const Date& as_of,
                   const Policy& policy);

/// "Generated on DATE by leadctl. " (escaped) when `style.generated` is set, else "":
/// the opening of the footers of the pages that have no assessment behind them.
std::string generated_by(const Style& style);

/// A fragment id from a reference: "mlcf:1.2" → "item-mlcf-1.2".
std::string anchor(std::string_view ref);

}  // namespace leadctl::html
