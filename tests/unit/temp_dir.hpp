// A fresh directory for one test case, removed with everything in it afterwards: for the
// tests that need real files (databases, backups, configs, workbooks, attachments).
#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace guazhi::test {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        static std::atomic<int> counter{0};
        path = std::filesystem::temp_directory_path() /
               ("guazhi-unit-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // Writes `bytes` to `relative` (a UTF-8 name; its directories made), returning the path.
    std::filesystem::path write(std::string_view relative, std::string_view bytes) const {
        std::filesystem::path p = path / std::filesystem::u8path(relative);
        std::filesystem::create_directories(p.parent_path());
        std::ofstream out(p, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return out.good() ? p : std::filesystem::path();
    }
};

} // namespace guazhi::test
