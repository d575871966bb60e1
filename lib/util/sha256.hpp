// SHA-256 over a stream of chunks (Nettle's: a checksum is exactly the code not to write
// ourselves, and Nettle links statically, so it costs the start-up of every command nothing —
// OpenSSL's libcrypto took 3 ms of it).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace guazhi::util {

class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view bytes);
    // The digest as 64 lower-case hex digits; call once, at the end.
    std::string hex();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace guazhi::util
