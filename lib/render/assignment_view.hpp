// How assignments look in listings (table/CSV with labels) and in JSON (codes).
#pragma once

#include "config.hpp"
#include "domain/model.hpp"
#include "domain/vocabulary.hpp"
#include "util/json.hpp"
#include "render/table.hpp"

#include <string>
#include <vector>

namespace guazhi {

// The columns of `assign list` in a language.
std::vector<TableColumn> list_columns(Lang lang);

// One row of `assign list`, labels in `lang`, status judged on `as_of`.
std::vector<std::string> list_cells(const Assignment& a, Lang lang, util::Date as_of);

// One assignment as a JSON object: codes, ISO dates, the status on `as_of`, whether the
// cadre is 党外干部 under `config`. The ID number is masked unless `reveal_id`.
void write_assignment_json(JsonWriter& json, const Assignment& a, util::Date as_of, const Config& config,
                           bool reveal_id);

// The same object with the appointment and events (for `assign show` and `export`).
void write_assignment_json(JsonWriter& json, const Assignment& a, util::Date as_of, const Config& config,
                           bool reveal_id, const Appointment& appointment, const std::vector<Event>& events);

// The appointment and the history (events, oldest first) under `assign show`.
std::string history_text(const Appointment& appointment, const std::vector<Event>& events, Lang lang);

// The same as JSON members "appointment" and "events" of an open object.
void write_history_json(JsonWriter& json, const Appointment& appointment, const std::vector<Event>& events);

// `assign show`: every field, one "label: value" line each.
std::string show_text(const Assignment& a, Lang lang, util::Date as_of, const Config& config, bool reveal_id);

} // namespace guazhi
