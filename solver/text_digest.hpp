// memx's own digest of a test's text for the `Hash=` line: 128-bit FNV-1a, 32 hex digits.
// (herd's Hash is an MD5 of its normalised test; memx does not claim to reproduce it.)
#pragma once

#include <string>
#include <string_view>

namespace memx::solver {

std::string textDigest(std::string_view text);

}  // namespace memx::solver
