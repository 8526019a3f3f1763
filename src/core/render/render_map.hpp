// Renderers for `leadctl map`: text and a matrix for people; JSON, CSV and Markdown
// for scripts and documents. SSSOM lives in sssom.hpp.
#pragma once

#include "core/crosswalk/map_query.hpp"
#include "core/util/format_table.hpp"
#include "core/util/table.hpp"

#include <string>

namespace leadctl {

inline constexpr std::string_view kMapSchema = "leadctl.map/1";

struct MapRenderOptions {
    Style style;
    bool item_mode = false;  ///< one item: add the reasons for each mapping
    MapFilter filter;        ///< echoed in JSON
};

std::string render_map_text(const MapResult& r, const MapRenderOptions& opt);
std::string render_map_matrix(const MapResult& r, const MapRenderOptions& opt);
/// How the matrix's columns are cut into bands printed one under the other: indexes into
/// `columns` (each column's width, without the two spaces before it), band by band, so that
/// `labels` (the row labels' narrowest width) plus each band's columns fit in `width`. One
/// band when `width` is 0 or everything fits; else the fewest bands, as even in size as
/// they can be while each fits; a column too wide for any band stands alone.
std::vector<std::vector<std::size_t>> matrix_bands(std::size_t labels, const std::vector<std::size_t>& columns,
                                                   std::size_t width);
std::string render_map_json(const MapResult& r, const MapRenderOptions& opt);
std::string render_map_csv(const MapResult& r);
std::string render_map_markdown(const MapResult& r);

/// A map query's formats (`map --format`). SSSOM has no writer here: it exports
/// whole crosswalks from the index, not a query's result (sssom.hpp).
using MapWriter = std::string (*)(const MapResult& r, const MapRenderOptions& opt);
inline constexpr FormatTable<MapWriter, 5> kMapFormats{{
    {"text", ".txt", render_map_text},
    {"json", ".json", render_map_json},
    {"csv", ".csv", [](const MapResult& r, const MapRenderOptions&) { return render_map_csv(r); }},
    {"markdown", ".md", [](const MapResult& r, const MapRenderOptions&) { return render_map_markdown(r); }},
    {"sssom", ".sssom.tsv", nullptr},
}};

/// "via hlm:6" / "" for a direct mapping.
std::string via_text(const Resolved& r);

}  // namespace leadctl
