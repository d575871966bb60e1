// Four sample assignments that differ in every filterable way (罗鸿灵 2005 up, 何俊杰 2006 up,
// 付强 2006 down, 蒋涛 2007 up), inserted through the store alone: the store's and the
// filters' tests share them.
#pragma once

#include "store/assignment_store.hpp"
#include "util/date.hpp"

#include <string>
#include <vector>

namespace guazhi::test::sample {

using util::Date;

inline Assignment make(std::string id_number, std::string name, std::string status, std::string direction, int year,
                Unit home, Unit host, Date start, Date end, std::vector<std::string> categories = {}) {
    Assignment a;
    a.cadre.id_number = std::move(id_number);
    a.cadre.name = std::move(name);
    a.cadre.gender = "male";
    a.cadre.birth_date = "1970-01-01";
    a.cadre.political_status = std::move(status);
    a.cadre.categories = std::move(categories);
    a.direction = std::move(direction);
    a.batch_year = year;
    a.home_unit = std::move(home);
    a.host_unit = std::move(host);
    a.home_post = "post at home";
    a.host_post = "post at host";
    a.start = start;
    a.end = end;
    return a;
}

inline Assignment luo() {
    return make("511028197003141730", "罗鸿灵", "cpc_member", "up", 2005, {"隆昌县国土资源局", "county_dept", "隆昌县"},
                {"市国土资源局", "city_organ", ""}, {2005, 8, 1}, {2006, 7, 31});
}
inline Assignment he() {
    return make("511002198104161811", "何俊杰", "cpc_member", "up", 2006, {"史家镇", "township", "市中区"},
                {"市财政局", "city_organ", ""}, {2006, 8, 1}, {2007, 7, 31}, {"selected_graduate"});
}
inline Assignment fu() {
    return make("511002197205055810", "付强", "cdl", "down", 2006, {"市规划局", "city_organ", ""},
                {"白马镇", "township", ""}, {2006, 8, 1}, {2007, 7, 31});
}
inline Assignment jiang() {
    return make("511024197103021757", "蒋涛", "masses", "up", 2007, {"威远县统计局", "county_dept", "威远县"},
                {"市统计局", "city_organ", ""}, {2007, 8, 1}, {2008, 7, 31}, {"county_reserve"});
}

// Inserts through the store alone, reusing cadres and units already there.
inline std::int64_t insert(AssignmentStore& store, const Assignment& a) {
    auto cadre = store.find_cadre(a.cadre.id_number);
    std::int64_t cadre_id = cadre ? cadre->id : store.insert_cadre(a.cadre);
    auto unit_id = [&](const Unit& u) {
        auto found = store.find_unit(u.name);
        return found ? found->id : store.insert_unit(u);
    };
    std::int64_t home = unit_id(a.home_unit);
    std::int64_t host = unit_id(a.host_unit);
    return store.insert_assignment(a, cadre_id, home, host);
}

inline std::vector<std::string> names(AssignmentStore& store, const AssignmentFilter& f, const Config& cfg = {}) {
    std::vector<std::string> out;
    store.for_each(f, cfg, [&](const Assignment& a) { out.push_back(a.cadre.name); });
    return out;
}

using Names = std::vector<std::string>;

} // namespace guazhi::test::sample
