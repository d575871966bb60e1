#include "util/temp_files.hpp"

#include <cerrno>
#include <csignal>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <unistd.h>

namespace guazhi::util {

namespace fs = std::filesystem;

int remove_stale_temporaries(const fs::path& target) {
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string prefix = target.filename().string() + ".tmp-";
    int removed = 0;
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!name.starts_with(prefix)) continue;
        std::string_view rest = std::string_view(name).substr(prefix.size());
        std::size_t digits = 0;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
        std::string_view suffix = rest.substr(digits);
        if (digits == 0 || digits > 9 || !(suffix.empty() || suffix == "-journal" || suffix == "-wal" || suffix == "-shm"))
            continue;
        auto pid = static_cast<pid_t>(std::stol(std::string(rest.substr(0, digits))));
        // kill(pid, 0) probes without signalling: EPERM means alive but another user's.
        if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
        std::error_code remove_ec;
        if (fs::remove(it->path(), remove_ec)) ++removed;
    }
    return removed;
}

} // namespace guazhi::util
