#include "util/temp_files.hpp"

#include "error.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <pthread.h>
#include <sys/stat.h>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <unistd.h>

namespace guazhi::util {

namespace fs = std::filesystem;

namespace {

// The temporaries a signal handler must remove: fixed slots of fixed size, written before the
// handler can see them (a slot is published by its flag), because a handler may neither
// allocate nor take a lock.
constexpr int kSlots = 16;
constexpr std::size_t kPathMax = 4096;
struct Slot {
    char path[kPathMax];
    volatile std::sig_atomic_t used;
};
Slot slots[kSlots];

void unlink_with_sqlite_files(const char* path) {
    ::unlink(path);
    char buffer[kPathMax + 16];
    for (const char* suffix : {"-journal", "-wal", "-shm"}) {
        std::size_t n = std::strlen(path);
        if (n + std::strlen(suffix) + 1 > sizeof buffer) continue;
        std::memcpy(buffer, path, n);
        std::memcpy(buffer + n, suffix, std::strlen(suffix) + 1);
        ::unlink(buffer);
    }
}

extern "C" void remove_temporaries_and_die(int sig) {
    for (auto& slot : slots)
        if (slot.used) unlink_with_sqlite_files(slot.path);
    std::signal(sig, SIG_DFL);
    ::raise(sig);
}

void install_handlers_once() {
    static bool installed = [] {
        for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
            struct sigaction current {};
            ::sigaction(sig, nullptr, &current);
            if (current.sa_handler == SIG_IGN) continue; // ignored (nohup): stays ignored
            struct sigaction action {};
            action.sa_handler = remove_temporaries_and_die;
            sigemptyset(&action.sa_mask);
            ::sigaction(sig, &action, nullptr);
        }
        return true;
    }();
    (void)installed;
}

int register_temporary(const std::string& path) {
    install_handlers_once();
    if (path.size() >= kPathMax) return -1;
    for (int i = 0; i < kSlots; ++i)
        if (!slots[i].used) {
            std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
            slots[i].used = 1;
            return i;
        }
    return -1; // more than kSlots at once: removed by the destructor only
}

// Holds back the signals the handler catches for as long as it lives: a signal that arrives
// while a temporary is being created is delivered once the handler knows the file, so that
// no moment exists when the file is there and a signal would leave it behind.
class SignalsHeld {
  public:
    SignalsHeld() {
        sigset_t held;
        sigemptyset(&held);
        for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&held, sig);
        ::pthread_sigmask(SIG_BLOCK, &held, &previous_);
    }
    ~SignalsHeld() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
    SignalsHeld(const SignalsHeld&) = delete;
    SignalsHeld& operator=(const SignalsHeld&) = delete;

  private:
    sigset_t previous_{};
};

} // namespace

int create_private_file(const fs::path& path) {
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0 && ::fchmod(fd, 0600) != 0) { // 0600 whatever the umask (it can only take bits away)
        int saved = errno;
        ::close(fd);
        ::unlink(path.c_str());
        errno = saved;
        return -1;
    }
    return fd;
}

PrivateTemp::PrivateTemp(const fs::path& target)
    : path_(target.string() + ".tmp-" + std::to_string(::getpid())) {
    // What a SIGKILLed earlier run left goes before we add our own.
    remove_stale_temporaries(target);
    install_handlers_once();
    int error = 0;
    {
        SignalsHeld held;
        fd_ = create_private_file(path_);
        error = errno;
        if (fd_ >= 0) slot_ = register_temporary(path_.string());
    }
    if (fd_ < 0) throw Error(msg("{}: cannot create the file: {}", target.string(), std::strerror(error)));
}

PrivateTemp::~PrivateTemp() {
    if (fd_ >= 0) ::close(fd_);
    if (!kept_) unlink_with_sqlite_files(path_.c_str());
    if (slot_ >= 0) slots[slot_].used = 0;
}

int PrivateTemp::release_fd() {
    int fd = fd_;
    fd_ = -1;
    return fd;
}

void PrivateTemp::keep() {
    kept_ = true;
    if (slot_ >= 0) slots[slot_].used = 0;
    slot_ = -1;
}

namespace {

int sync_opened(const fs::path& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return errno;
    int error = ::fsync(fd) == 0 || errno == EINVAL ? 0 : errno;
    ::close(fd);
    return error;
}

} // namespace

int sync_file(const fs::path& path) { return sync_opened(path, O_RDONLY); }

int sync_directory_of(const fs::path& target) {
    fs::path dir = target.parent_path();
    return sync_opened(dir.empty() ? fs::path(".") : dir, O_RDONLY | O_DIRECTORY);
}

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
