// A seeded generator of small random litmus tests for the differential fuzzer (issue 17, item
// 5): 2 to 4 threads; word-sized tests (int locations) and byte-granular ones (u8/u16/u32
// locations, an array, sub-word WRITE_ONCE through casts, memcpy and copy_from_user); every
// LKMM primitive class (ONCE, acquire/release, fences, xchg/cmpxchg, spinlocks, RCU), plain
// accesses, data, address and control dependencies, copies that can close a cycle of copies,
// and operators whose result nothing uses. The same seed gives the same test on
// every platform (no std distributions, whose results the standard leaves open).
#pragma once

#include <cstdint>
#include <string>

namespace memx::bruteforce {

struct RandomLitmus {
    std::string name;
    std::string text;
    bool byteGranular = false;
};

RandomLitmus randomLitmus(std::uint64_t seed);

}  // namespace memx::bruteforce
