#include "domain/stats.hpp"

namespace guazhi {

std::optional<double> Figure::share() const {
    if (!denominator || *denominator == 0) return std::nullopt;
    return static_cast<double>(count) / static_cast<double>(*denominator);
}

void YearStats::add(const AssignmentFacts& a) {
    // Seed: "今年我们安排了7名党外干部上挂、6名党外干部下派" and "选调生和县级后备干部8名，占29.6%":
    // each figure is a count over the batch, a breakdown counts within the line above it.
    ++total;
    ++(a.up ? up : down);
    if (a.non_party) ++non_party, ++(a.up ? non_party_up : non_party_down);
    selected_graduate += a.selected_graduate;
    county_reserve += a.county_reserve;
    selected_or_reserve += a.selected_graduate || a.county_reserve;
    if (a.up && a.from_township) {
        ++up_from_township;
        up_from_township_selected_graduate += a.selected_graduate;
        up_from_township_non_party += a.non_party;
    }
    female += a.female;
    minority += a.minority;
}

std::int64_t category_bit(std::string_view code) {
    const auto& terms = categories().terms();
    for (std::size_t i = 0; i < terms.size(); ++i)
        if (terms[i].code == code) return std::int64_t{1} << i;
    return 0;
}

std::vector<Figure> figures(const YearStats& s) {
    return {
        {"total", "挂职干部总数", "secondees", s.total, std::nullopt, "", 0},
        {"up", "上挂", "up-seconded", s.up, s.total, "total", 0},
        {"down", "下派", "down-dispatched", s.down, s.total, "total", 0},
        {"non_party", "党外干部", "non-Party cadres", s.non_party, s.total, "total", 0},
        {"non_party_up", "其中上挂", "of them up", s.non_party_up, s.up, "up", 1},
        {"non_party_down", "其中下派", "of them down", s.non_party_down, s.down, "down", 1},
        {"selected_graduate", "选调生", "selected graduates", s.selected_graduate, s.total, "total", 0},
        {"county_reserve", "县级后备干部", "county-level reserve cadres", s.county_reserve, s.total, "total", 0},
        {"selected_or_reserve", "选调生和县级后备干部", "selected graduates and reserve cadres",
         s.selected_or_reserve, s.total, "total", 0},
        {"up_from_township", "上挂干部中来自乡镇", "up-seconded from townships", s.up_from_township, s.up, "up", 0},
        {"up_from_township_selected_graduate", "其中选调生", "of them selected graduates",
         s.up_from_township_selected_graduate, s.up_from_township, "up_from_township", 1},
        {"up_from_township_non_party", "其中党外干部", "of them non-Party", s.up_from_township_non_party,
         s.up_from_township, "up_from_township", 1},
        {"female", "女干部", "women", s.female, s.total, "total", 0},
        {"minority", "少数民族干部", "ethnic minorities", s.minority, s.total, "total", 0},
    };
}

} // namespace guazhi
