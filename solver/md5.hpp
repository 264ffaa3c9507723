// MD5 (RFC 1321), only because herd7's `Hash=` line is an MD5 over its canonical form of the
// test (solver/herd_hash.hpp); nothing in memx uses it for security.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace memx::solver {

using Md5Digest = std::array<std::uint8_t, 16>;

Md5Digest md5(std::string_view data);

// 32 lower-case hex digits, as OCaml's Digest.to_hex prints them.
std::string md5Hex(const Md5Digest& digest);

}  // namespace memx::solver
