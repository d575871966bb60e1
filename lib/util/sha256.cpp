#include "util/sha256.hpp"

#include <cstdint>
#include <fmt/format.h>
#include <nettle/sha2.h>

namespace guazhi::util {

struct Sha256::Impl {
    sha256_ctx ctx;
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) { sha256_init(&impl_->ctx); }

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
    sha256_update(&impl_->ctx, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
}

std::string Sha256::hex() {
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&impl_->ctx, SHA256_DIGEST_SIZE, digest);
    std::string out;
    out.reserve(2 * SHA256_DIGEST_SIZE);
    for (auto byte : digest) fmt::format_to(std::back_inserter(out), "{:02x}", byte);
    return out;
}

} // namespace guazhi::util
