// The cells of a 花名册 that hold more than one value, or a value written the way clerks
// write it: a term in one cell, a unit and a post in one cell, education with its kind, a
// name padded with spaces.
#pragma once

#include "util/message.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace guazhi {

// A term written in one cell: 2007.08—2008.07, 2007.8-2008.7, 2007年8月至2008年7月,
// 2007-08-01—2008-07-31, with —, –, -, ~ or 至/到 between. The two sides as written (the
// roster's date rules read them); an open end (2007.08— , 2007.08至今) gives an empty end.
// nullopt when the cell is not such a range.
struct PeriodText {
    std::string start, end;
};
std::optional<PeriodText> split_period(std::string_view cell);

// A unit and a post in one cell (派出单位及职务: 白马镇副镇长, 市财政局预算科科长助理). The rule,
// in order:
//  1. a space between them (our own 花名册 writes "市财政局 科长助理");
//  2. the longest leading unit already recorded (`is_known_unit`);
//  3. the first unit suffix (局 委 办 部 院 厅 中心 镇 乡 街道 …) that is not part of a post word
//     (副镇长, 局长, 委员) — passing over a Party committee or government (市委, 县政府) that a
//     department follows (市委组织部, 县政府办公室);
// and the post that is left must end as a post does (…长, 主任, 书记, 助理, 科员 …). When the
// rule cannot tell, the answer is an error saying so, never a guess.
struct UnitPost {
    std::string unit, post;
};
struct UnitPostSplit {
    std::optional<UnitPost> value;
    Message error;
};
UnitPostSplit split_unit_post(std::string_view cell, const std::function<bool(std::string_view)>& is_known_unit);

// Education as typed: 全日制本科, 在职研究生, 全日制大学, 本科. The level's text (本科) and the
// kind: "fulltime" (全日制), "inservice" (在职), or "" when the cell does not say.
struct EducationText {
    std::string level;
    std::string kind;
};
EducationText split_education(std::string_view cell);

// A person's name as recorded: spaces padding a Chinese name removed (李　芳, 王 强), the dots
// of a minority name made the one middle dot U+00B7 (阿依古丽·买买提 typed with •, ・ or ．).
std::string clean_person_name(std::string_view name);

} // namespace guazhi
