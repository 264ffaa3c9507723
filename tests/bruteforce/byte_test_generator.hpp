// A seeded generator of small byte-granular litmus tests (issue 13, result 2): buffers of 1 to
// 16 bytes, every copy primitive (whole buffers and sub-ranges, at equal or shifted offsets),
// scalar accesses of 1, 2 and 4 bytes, external and ordinary threads, under LKMM or RC11 and
// either --usercopy mode. The same seed always gives the same test.
#pragma once

#include <cstdint>
#include <string>

#include "model/events/byte_types.hpp"

namespace memx::bruteforce {

struct GeneratedByteTest {
    std::string name;   // "gen-<seed>"
    std::string text;   // the litmus test
    std::string model;  // "lkmm" or "rc11"
    model::UserCopyMode userCopy = model::UserCopyMode::Asm;
};

GeneratedByteTest generateByteTest(std::uint64_t seed);

}  // namespace memx::bruteforce
