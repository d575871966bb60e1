// A sentence to be worded in the reader's language (issue "Chinese by default"). Lib says what
// to tell; the caller, who knows the reader's language, words it (util/catalog.hpp).
//
// A Message is its English text, with {} (or {:spec}) for each argument, and the arguments:
// the English text is the catalog's msgid (po/zh_CN.po), so an English reader sees it as
// written here and a Chinese reader its translation. An argument is either a value, already
// text, or a Message of its own (a parser's reason inside "FILE:LINE: COLUMN: REASON").
//
// Mark each English text where it is written, with msg(...) or N_(...): xgettext finds them
// there (po/CMakeLists.txt), and a test fails when the catalog lacks one.
#pragma once

#include <fmt/format.h>

#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// Marks a literal for the catalog without translating it (a table of texts, a default).
#define N_(text) text

namespace guazhi {

struct Message;

// One argument of a Message.
struct MessageArg {
    std::string text;                      // a value, as fmt formats it
    std::shared_ptr<const Message> nested; // or a sentence of its own
};

struct Message {
    // How the arguments make the text when they are not put into `id`: a list is worded with
    // the language's separator (", " / "、"), lines one below the other.
    enum class Join : unsigned char { pattern, list, lines };

    std::string id; // the English text, with a {} per argument
    std::vector<MessageArg> args;
    Join join = Join::pattern;

    Message() = default;
    // A text with no arguments. Not marked for the catalog: use msg() for a sentence of lib's own,
    // and this for what is already worded (a value, a library's own message).
    Message(std::string text) : id(std::move(text)) {} // NOLINT: implicit, a text is a Message
    Message(const char* text) : id(text) {}             // NOLINT

    bool empty() const { return id.empty(); }
};

namespace detail {
inline MessageArg message_arg(const Message& m) { return {{}, std::make_shared<const Message>(m)}; }
inline MessageArg message_arg(Message&& m) { return {{}, std::make_shared<const Message>(std::move(m))}; }
template <class T> MessageArg message_arg(const T& value) {
    if constexpr (std::is_convertible_v<const T&, std::string_view>) return {std::string(std::string_view(value)), nullptr};
    else return {fmt::format("{}", value), nullptr};
}
} // namespace detail

// A sentence of guazhi's own: `english` is marked for the catalog (xgettext keyword msg).
template <class... Args> Message msg(std::string english, Args&&... args) {
    Message m(std::move(english));
    m.args.reserve(sizeof...(args));
    (m.args.push_back(detail::message_arg(std::forward<Args>(args))), ...);
    return m;
}

// Messages (or values) as one list ("a, b" in English, "a、b" in Chinese), or as lines.
Message list_of(std::vector<Message> items);
Message lines_of(std::vector<Message> lines);

// The message in English: its text with its arguments, as written in the code.
std::string english(const Message& m);

// A message equals the text of its English words (for tests and logs).
inline bool operator==(const Message& m, std::string_view text) { return english(m).compare(text) == 0; }

} // namespace guazhi

// A Message formats as its English words (logs, what(), tests); a reader's words come from
// util::words (util/catalog.hpp).
template <> struct fmt::formatter<guazhi::Message> : fmt::formatter<std::string_view> {
    template <class Context> auto format(const guazhi::Message& m, Context& ctx) const {
        return fmt::formatter<std::string_view>::format(guazhi::english(m), ctx);
    }
};
