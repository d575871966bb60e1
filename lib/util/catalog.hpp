// The translations of guazhi's texts: po/zh_CN.po, compiled by msgfmt and built into the binary
// (catalog_data.cpp, generated), so that the one file speaks Chinese on any machine, whatever
// locales it has installed and wherever it was copied.
#pragma once

#include "util/lang.hpp"
#include "util/message.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace guazhi::util {

// The text `english` in `lang`: itself in English, else its translation, else itself (the
// catalog test makes sure there is one).
std::string_view translate(Lang lang, std::string_view english);

// Whether the catalog of `lang` translates `english` (English translates everything).
bool translated(Lang lang, std::string_view english);

// The message worded in `lang`, its nested messages too. A translation that does not format
// with the message's arguments falls back to the English text.
std::string words(const Message& m, Lang lang);

// The number of texts in `lang`'s catalog (0 for English): for tests.
std::size_t catalog_size(Lang lang);

// The i-th (English, translation) pair of `lang`'s catalog, in the catalog's order.
std::pair<std::string_view, std::string_view> catalog_entry(Lang lang, std::size_t i);

} // namespace guazhi::util
