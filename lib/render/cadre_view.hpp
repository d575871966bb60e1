// How a cadre's profile and its changes look (`cadre show`, `cadre edit`, the diff of an
// import that would change what is recorded).
#pragma once

#include "domain/cadre_history.hpp"
#include "domain/vocabulary.hpp"
#include "util/json.hpp"

#include <string>
#include <string_view>

namespace guazhi {

// A field's name as a roster heads it (政治面貌) or its key in English.
std::string field_label(std::string_view field, Lang lang);
// A field's value as a clerk reads it: labels for codes, categories joined by 、, the phone
// masked unless `reveal`; "—" for none.
std::string value_label(std::string_view field, const std::string& value, Lang lang, bool reveal = false);

// "张三 政治面貌: 群众 → 中共党员（2008-07-01 起）": one change of a cadre.
std::string change_line(std::string_view name, std::string_view field, const std::string& before,
                        const std::string& after, const std::optional<util::Date>& since, Lang lang);

// `cadre show`: the profile in force today, each dated attribute's history, and with
// `corrections` the values corrected (old name …). The ID number, birth date and phone are
// masked unless `reveal_id`.
std::string cadre_text(const CadreProfile& p, Lang lang, bool corrections, bool reveal_id);
// The same as one JSON object: codes, ISO dates.
void write_cadre_json(JsonWriter& json, const CadreProfile& p, bool corrections, bool reveal_id);

} // namespace guazhi
