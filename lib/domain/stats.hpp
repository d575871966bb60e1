// The yearly figures leadership asks for (seed: "党外干部共计13名，占挂职干部总数的48.1%").
#pragma once

#include "domain/vocabulary.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace guazhi {

// What the figures need to know of one assignment.
struct AssignmentFacts {
    bool up = false, non_party = false, selected_graduate = false, county_reserve = false;
    bool from_township = false, female = false, minority = false;
};

// Counts for one batch year (or any filtered set of assignments).
struct YearStats {
    int year = 0;
    std::int64_t total = 0, up = 0, down = 0;
    std::int64_t non_party = 0, non_party_up = 0, non_party_down = 0;
    std::int64_t selected_graduate = 0, county_reserve = 0, selected_or_reserve = 0;
    std::int64_t up_from_township = 0, up_from_township_selected_graduate = 0, up_from_township_non_party = 0;
    std::int64_t female = 0, minority = 0;

    // Counts one more assignment: the definition of every figure.
    void add(const AssignmentFacts& a);
};

// One line of the summary: a count and, for a share, what it is a share of.
struct Figure {
    std::string_view key; // stable JSON/CSV key
    std::string_view zh;
    std::string_view en;
    std::int64_t count;
    std::optional<std::int64_t> denominator; // none for plain counts
    std::string_view of_key; // the figure the denominator is, e.g. "total"
    int depth = 0; // 1 for a breakdown of the line above ("其中")

    std::string_view label(Lang lang) const { return lang == Lang::zh ? zh : en; }
    // count / denominator; nullopt when there is no denominator or it is zero.
    std::optional<double> share() const;
};

// The bit of a category in a cadre's category mask (1 << its place in categories()); the
// schema's triggers (migration 5) write the same bits.
std::int64_t category_bit(std::string_view code);

// The figures of a summary, in the order they are printed.
std::vector<Figure> figures(const YearStats& s);

} // namespace guazhi
