#include "tests/bruteforce/byte_test_generator.hpp"

#include <fmt/format.h>
#include <random>
#include <vector>

namespace memx::bruteforce {

namespace {

class Dice {
public:
    explicit Dice(std::uint64_t seed) : engine_(seed) {}
    // Uniform in [lo, hi].
    std::uint32_t between(std::uint32_t lo, std::uint32_t hi) {
        return std::uniform_int_distribution<std::uint32_t>(lo, hi)(engine_);
    }
    bool chance(std::uint32_t percent) { return between(1, 100) <= percent; }
    template <class T>
    const T& pick(const std::vector<T>& from) {
        return from[between(0, static_cast<std::uint32_t>(from.size() - 1))];
    }

private:
    std::mt19937_64 engine_;
};

// The buffers: `u` (user memory), `k` (kernel memory), `s` (what a user writer copies in).
struct Buffers {
    std::uint32_t n = 0;
};

std::string byteList(Dice& dice, std::uint32_t n, bool uniform) {
    const std::uint32_t same = dice.pick<std::uint32_t>({1, 2, 255});
    std::string out;
    for (std::uint32_t i = 0; i < n; ++i) {
        out += (i ? "," : "") + std::to_string(uniform ? same : dice.between(0, 2));
    }
    return out;
}

// A copy of m bytes between two buffers, at offsets that may differ.
std::string copyCall(Dice& dice, std::uint32_t n) {
    struct Primitive {
        const char* name;
        const char* dst;
        const char* src;
        const char* order;  // P1478's order argument, or null
    };
    static const std::vector<Primitive> kPrimitives = {
        {"memcpy", "k", "u", nullptr},
        {"memcpy", "u", "k", nullptr},
        {"copy_from_user", "k", "u", nullptr},
        {"copy_to_user", "u", "k", nullptr},
        {"volatile_memcpy", "k", "u", nullptr},
        {"atomic_bytewise_memcpy", "k", "u", nullptr},
        {"atomic_bytewise_memcpy", "u", "k", nullptr},
        {"atomic_load_per_byte_memcpy", "k", "u", "memory_order_relaxed"},
        {"atomic_load_per_byte_memcpy", "k", "u", "memory_order_acquire"},
        {"atomic_store_per_byte_memcpy", "u", "k", "memory_order_relaxed"},
        {"atomic_store_per_byte_memcpy", "u", "k", "memory_order_release"},
    };
    const Primitive& p = dice.pick(kPrimitives);
    std::uint32_t m = dice.chance(60) ? n : dice.between(1, n);
    std::uint32_t dstOffset = dice.between(0, n - m);
    std::uint32_t srcOffset = dice.chance(60) ? dstOffset : dice.between(0, n - m);
    auto at = [](const char* base, std::uint32_t offset) {
        return offset == 0 ? std::string(base) : fmt::format("{} + {}", base, offset);
    };
    std::string args = fmt::format("{}, {}, {}", at(p.dst, dstOffset), at(p.src, srcOffset), m);
    if (p.order) {
        args += fmt::format(", {}", p.order);
    }
    return fmt::format("{}({});", p.name, args);
}

// A scalar access of 1, 2 or 4 bytes at an aligned offset of `buffer` (n bytes).
std::string scalarAccess(Dice& dice, const char* buffer, std::uint32_t n, bool write,
                         const std::string& reg, bool marked) {
    std::vector<std::uint32_t> sizes = {1};
    if (n >= 2) {
        sizes.push_back(2);
    }
    if (n >= 4) {
        sizes.push_back(4);
    }
    const std::uint32_t size = dice.pick(sizes);
    const std::uint32_t offset = size * dice.between(0, n / size - 1);
    const std::string type = fmt::format("u{}", 8 * size);
    const std::string place = offset == 0 ? fmt::format("({} *){}", type, buffer)
                                          : fmt::format("({} *)({} + {})", type, buffer, offset);
    if (write) {
        const std::uint32_t value = dice.pick<std::uint32_t>({1, 2, 0x0101, 0x01010101});
        const std::uint64_t mask = size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
        return marked ? fmt::format("WRITE_ONCE(*{}, {});", place, value & mask)
                      : fmt::format("*{} = {};", place, value & mask);
    }
    return marked ? fmt::format("{} {} = READ_ONCE(*{});", type, reg, place)
                  : fmt::format("{} {} = *{};", type, reg, place);
}

}  // namespace

GeneratedByteTest generateByteTest(std::uint64_t seed) {
    Dice dice(seed);
    GeneratedByteTest test;
    test.name = fmt::format("gen-{}", seed);
    test.model = dice.chance(50) ? "lkmm" : "rc11";
    test.userCopy = dice.chance(50) ? model::UserCopyMode::Asm : model::UserCopyMode::Plain;
    const std::uint32_t n = dice.between(1, 16);

    std::string init = fmt::format("u8 u[{}]; u8 k[{}]; u8 s[{}] = {{{}}};", n, n, n,
                                   byteList(dice, n, dice.chance(70)));
    if (dice.chance(30)) {
        init = fmt::format("u8 u[{}] = {{{}}}; u8 k[{}]; u8 s[{}] = {{{}}};", n,
                           byteList(dice, n, true), n, n, byteList(dice, n, dice.chance(70)));
    }

    // P0: the kernel side, one or two copies, maybe a fence or a read in between.
    std::string p0 = copyCall(dice, n);
    if (dice.chance(40)) {
        if (dice.chance(30)) {
            p0 += " smp_mb();";
        }
        p0 += " " + (dice.chance(60) ? copyCall(dice, n)
                                     : scalarAccess(dice, "k", n, false, "r1", dice.chance(60)));
    }
    // P1: user space, external or an ordinary thread: a copy in, a store or a load.
    const bool external = dice.chance(50);
    std::string p1;
    std::string p1Register;
    switch (dice.between(0, 2)) {
        case 0: {
            const std::uint32_t m = dice.chance(70) ? n : dice.between(1, n);
            const std::uint32_t offset = dice.between(0, n - m);
            p1 = offset == 0 ? fmt::format("memcpy(u, s, {});", m)
                             : fmt::format("memcpy(u + {}, s + {}, {});", offset, offset, m);
            break;
        }
        case 1:
            p1 = scalarAccess(dice, "u", n, true, "", !external && dice.chance(70));
            break;
        default:
            p1 = scalarAccess(dice, "u", n, false, "r0", !external && dice.chance(70));
            p1Register = "r0";
            break;
    }
    // P2 (sometimes): another ordinary user thread writing one byte.
    std::string p2;
    if (dice.chance(25)) {
        p2 = scalarAccess(dice, "u", n, true, "", dice.chance(60));
    }

    // The condition: one or two atoms over bytes of k or u, or P1's register.
    auto atom = [&] {
        const std::uint32_t value = dice.pick<std::uint32_t>({0, 1, 2});
        if (!p1Register.empty() && dice.chance(30)) {
            return fmt::format("1:{}={}", p1Register, value);
        }
        const char* buffer = dice.chance(75) ? "k" : "u";
        return fmt::format("{}[{}]={}", buffer, dice.between(0, n - 1), value);
    };
    std::string condition = atom();
    if (dice.chance(60)) {
        condition += " /\\ " + atom();
    }

    test.text =
        fmt::format("C {}\n{{ {} }}\nP0(u8 *u, u8 *k) {{ {} }}\n{}P1(u8 *u, u8 *s) {{ {} }}\n",
                    test.name, init, p0, external ? "external " : "", p1);
    if (!p2.empty()) {
        test.text += fmt::format("P2(u8 *u) {{ {} }}\n", p2);
    }
    test.text += fmt::format("exists ({})\n", condition);
    return test;
}

}  // namespace memx::bruteforce
