#include "core/render/render_map.hpp"

#include <doctest/doctest.h>

using namespace leadctl;

namespace {

using Bands = std::vector<std::vector<std::size_t>>;

/// Columns of the widest band: the labels plus two spaces and the width of each column.
std::size_t widest_band(std::size_t labels, const std::vector<std::size_t>& columns, const Bands& bands) {
    std::size_t most = 0;
    for (const auto& b : bands) {
        std::size_t w = labels;
        for (std::size_t c : b) w += 2 + columns[c];
        most = std::max(most, w);
    }
    return most;
}

/// Every column once, in order, across the bands.
bool in_order(std::size_t n, const Bands& bands) {
    std::size_t next = 0;
    for (const auto& b : bands) {
        for (std::size_t c : b) {
            if (c != next++) return false;
        }
    }
    return next == n;
}

}  // namespace

TEST_SUITE("core::render::map") {
    TEST_CASE("a matrix that fits, or has no width to fit, is one band") {
        const std::vector<std::size_t> cols(9, 1);  // 9 one-character columns: 27 with the gaps
        CHECK(matrix_bands(40, cols, 0) == Bands{{0, 1, 2, 3, 4, 5, 6, 7, 8}});
        CHECK(matrix_bands(40, cols, 67) == Bands{{0, 1, 2, 3, 4, 5, 6, 7, 8}});
        CHECK(matrix_bands(40, {}, 10) == Bands{{}});
    }

    TEST_CASE("a matrix one column too wide is cut into two even bands") {
        const std::vector<std::size_t> cols(20, 3);  // hlm → mlcf: codes 1.1 … 5.4
        const auto bands = matrix_bands(27, cols, 80);
        REQUIRE(bands.size() == 2);
        CHECK(bands[0].size() == 10);
        CHECK(bands[1].size() == 10);
        CHECK(in_order(20, bands));
        CHECK(widest_band(27, cols, bands) <= 80);
        // One column less room than a single band needs is already two bands.
        CHECK(matrix_bands(27, cols, 27 + 20 * 5 - 1).size() == 2);
    }

    TEST_CASE("bands are as few as fit, and as even as they can be") {
        // 10 columns of 5 (7 with the gap) after labels of 20, in 50 columns: at most 4 a
        // band, so 3 bands; evenly 4, 3, 3 rather than 4, 4, 2.
        const std::vector<std::size_t> cols(10, 5);
        const auto bands = matrix_bands(20, cols, 50);
        REQUIRE(bands.size() == 3);
        CHECK(bands[0].size() == 4);
        CHECK(bands[1].size() == 3);
        CHECK(bands[2].size() == 3);
        CHECK(in_order(10, bands));
        CHECK(widest_band(20, cols, bands) <= 50);
    }

    TEST_CASE("uneven widths keep the packed bands when an even split would not fit") {
        // Labels 10, width 40: packed, [13 13] (40), [28] (40), [2 2] (18). An even split into
        // three bands (2, 2, 1) would put 28 and 2 together: 44, too wide.
        const std::vector<std::size_t> cols{13, 13, 28, 2, 2};
        const auto bands = matrix_bands(10, cols, 40);
        CHECK(bands == Bands{{0, 1}, {2}, {3, 4}});
        CHECK(widest_band(10, cols, bands) <= 40);
    }

    TEST_CASE("a column wider than any band stands alone, and nothing is lost") {
        const std::vector<std::size_t> cols{3, 60, 3};
        const auto bands = matrix_bands(20, cols, 40);
        CHECK(in_order(3, bands));
        bool alone = false;
        for (const auto& b : bands) alone = alone || b == std::vector<std::size_t>{1};
        CHECK(alone);
    }
}
