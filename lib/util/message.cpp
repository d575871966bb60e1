#include "util/message.hpp"

#include "util/catalog.hpp"

namespace guazhi {

namespace {
Message joined(std::vector<Message> items, Message::Join join) {
    Message m;
    m.join = join;
    for (auto& item : items) m.args.push_back(detail::message_arg(std::move(item)));
    return m;
}
} // namespace

Message list_of(std::vector<Message> items) { return joined(std::move(items), Message::Join::list); }
Message lines_of(std::vector<Message> lines) { return joined(std::move(lines), Message::Join::lines); }

std::string english(const Message& m) {
    return util::words(m, Lang::en);
}

} // namespace guazhi
