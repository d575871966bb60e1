#include "render/datasets.hpp"

#include "domain/roster.hpp"
#include "util/id_number.hpp"

namespace guazhi {

RowValues canonical_row(Assignment a, bool reveal_id) {
    RowValues row = to_row(std::move(a));
    if (!reveal_id) {
        auto& id = row[static_cast<std::size_t>(Field::id_number)];
        id = util::mask_id_number(id);
        // The full birth date is the ID's digits 7..14: with a masked ID only the month.
        auto& born = row[static_cast<std::size_t>(Field::birth_date)];
        born = born.substr(0, 7);
        auto& phone = row[static_cast<std::size_t>(Field::phone)];
        phone = util::mask_phone(phone);
    }
    return row;
}

const std::vector<std::string_view>& dataset_names() {
    static const std::vector<std::string_view> names = {"roster",     "assignments", "events",      "reports",
                                                        "appraisals", "final-appraisals", "allowance", "united-front",
                                                        "applications"};
    return names;
}

} // namespace guazhi
