// memx's own digest of a test's text for the `Hash=` line: 128-bit FNV-1a, 32 hex digits.
// (`memx run --memx-block` prints it; herd7's own Hash is solver/herd_hash.hpp.)
#pragma once

#include <string>
#include <string_view>

namespace memx::solver {

std::string textDigest(std::string_view text);

}  // namespace memx::solver
