#include "solver/text_digest.hpp"

#include <fmt/format.h>
#include <cstdint>

namespace memx::solver {

std::string textDigest(std::string_view text) {
    // FNV-1a over 128 bits: offset basis and prime from the FNV specification.
    using u128 = unsigned __int128;
    const u128 prime = (static_cast<u128>(0x0000000001000000ULL) << 64) | 0x000000000000013BULL;
    u128 h = (static_cast<u128>(0x6C62272E07BB0142ULL) << 64) | 0x62B821756295C58DULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= prime;
    }
    return fmt::format("{:016x}{:016x}", static_cast<std::uint64_t>(h >> 64),
                       static_cast<std::uint64_t>(h));
}

}  // namespace memx::solver
