#include "domain/cadre_history.hpp"

#include "domain/vocabulary.hpp"

#include <algorithm>
#include <stdexcept>

namespace guazhi {

const std::vector<std::string_view>& dated_attributes() {
    static const std::vector<std::string_view> all = {"political_status",    "education", "education_fulltime",
                                                      "education_inservice", "rank",      "categories"};
    return all;
}

bool is_dated_attribute(std::string_view field) {
    const auto& all = dated_attributes();
    return std::find(all.begin(), all.end(), field) != all.end();
}

const std::vector<std::string_view>& correctable_fields() {
    // Not the ID number, nor the birth date and gender, which are its digits.
    static const std::vector<std::string_view> all = {
        "name",         "ethnicity",    "political_status", "education", "education_fulltime", "education_inservice",
        "native_place", "started_work", "joined_party",     "rank",      "phone",              "categories"};
    return all;
}

namespace {

// The member a field name is, for a Cadre or a const Cadre.
template <class C> auto field_of(C& c, std::string_view f) -> decltype(&c.name) {
    if (f == "name") return &c.name;
    if (f == "gender") return &c.gender;
    if (f == "ethnicity") return &c.ethnicity;
    if (f == "birth_date") return &c.birth_date;
    if (f == "political_status") return &c.political_status;
    if (f == "education") return &c.education;
    if (f == "education_fulltime") return &c.education_fulltime;
    if (f == "education_inservice") return &c.education_inservice;
    if (f == "native_place") return &c.native_place;
    if (f == "started_work") return &c.started_work;
    if (f == "joined_party") return &c.joined_party;
    if (f == "rank") return &c.rank;
    if (f == "phone") return &c.phone;
    return nullptr;
}

} // namespace

std::string attribute_value(const Cadre& c, std::string_view attribute) {
    if (attribute == "categories") {
        std::string out;
        for (const auto& k : c.categories) out += (out.empty() ? "" : ";") + k;
        return out;
    }
    auto* f = field_of(c, attribute);
    if (!f) throw std::logic_error("attribute_value: no field " + std::string(attribute));
    return *f;
}

void set_attribute(Cadre& c, std::string_view attribute, const std::string& value) {
    if (attribute == "categories") {
        c.categories.clear();
        // In vocabulary order, whatever order the text had.
        for (const Term& t : categories().terms()) {
            std::string_view rest = value;
            while (!rest.empty()) {
                auto cut = rest.find(';');
                if (rest.substr(0, cut) == t.code) {
                    c.categories.emplace_back(t.code);
                    break;
                }
                rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
            }
        }
        return;
    }
    auto* f = field_of(c, attribute);
    if (!f) throw std::logic_error("set_attribute: no field " + std::string(attribute));
    *f = value;
}

Cadre in_force(Cadre baseline, const std::vector<DatedValue>& values, util::Date day) {
    for (std::string_view attribute : dated_attributes()) {
        const DatedValue* latest = nullptr;
        for (const auto& v : values)
            if (v.attribute == attribute && v.since <= day && (!latest || latest->since < v.since)) latest = &v;
        if (latest) set_attribute(baseline, attribute, latest->value);
    }
    return baseline;
}

} // namespace guazhi
