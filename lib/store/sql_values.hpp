// How the store reads and binds an optional date: NULL, or ISO 8601 text.
#pragma once

#include "util/date.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>

namespace guazhi {

// NULL (or text that is no date, which check reports) reads as none.
inline std::optional<util::Date> optional_date(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    auto d = util::parse_date(c.getString());
    return d ? d.value : std::nullopt;
}

inline void bind_date(SQLite::Statement& s, int index, const std::optional<util::Date>& d) {
    if (d) s.bind(index, d->iso());
    else s.bind(index);
}

} // namespace guazhi
