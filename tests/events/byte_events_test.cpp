// Byte-granular tests (docs/byte-memory.md): when a test is one, how its accesses split into
// byte events with one poIndex and one access group, how read values compose, and the events
// of every user-copy primitive.
#include <gtest/gtest.h>

#include <set>

#include "event_test_support.hpp"
#include "litmus/parser.hpp"

namespace memx::testing {
namespace {

using model::EventKind;
using model::EventStructure;

litmus::Program parse(const std::string& text) {
    return parseText(text, "bytes.litmus");
}

EventStructure buildText(const std::string& text, model::EventOptions options = {}) {
    return testing::buildText(text, options, "bytes.litmus");
}

std::string test(const std::string& init, const std::string& threads) {
    return "C bytes\n{\n" + init + "\n}\n" + threads + "\nexists (true)\n";
}

std::int64_t addressOf(const EventStructure& es, std::uint32_t e) {
    return evaluate(es, es.events[e].address);
}

TEST(ByteGranularity, OnlySizedTypesExternalThreadsAndCopiesSwitchItOn) {
    auto plain = buildText(test("int x = 1;", "P0(int *x) { int r0 = READ_ONCE(*x); }"));
    EXPECT_FALSE(plain.byteGranular());
    EXPECT_TRUE(plain.accessGroups.empty());
    EXPECT_EQ(threadEvents(plain, -1).size(), 1u);
    // herd's own tests cast through `char **`: that alone changes nothing.
    auto cast = buildText(
        test("int *x = &y; int y;", "P0(int **x) { int r0 = (int)READ_ONCE(*(char **)x); }"));
    EXPECT_FALSE(cast.byteGranular());
    EXPECT_TRUE(buildText(test("u8 x;", "P0(u8 *x) { u8 r0 = READ_ONCE(*x); }")).byteGranular());
    EXPECT_TRUE(buildText(test("int x;", "external P0(int *x) { *x = 1; }")).byteGranular());
    EXPECT_TRUE(
        buildText(test("int x; int y;", "P0(int *x, int *y) { memcpy(x, y, 4); }")).byteGranular());
}

TEST(ByteGranularity, AnAccessBecomesItsBytesWithOnePoIndexAndOneGroup) {
    auto es = buildText(test("u32 x = 0x01020304;",
                             "P0(u32 *x) { u32 r0 = READ_ONCE(*x); WRITE_ONCE(*x, 0x0a0b0c0d); }"));
    ASSERT_TRUE(es.byteGranular());
    auto init = threadEvents(es, -1);
    ASSERT_EQ(init.size(), 4u);
    const std::int64_t base = es.locations.locations[0].address;
    const std::int64_t initialBytes[] = {0x04, 0x03, 0x02, 0x01};  // little-endian
    for (std::uint32_t b = 0; b < 4; ++b) {
        EXPECT_EQ(init[b]->size, 1u);
        EXPECT_EQ(evaluate(es, init[b]->address), base + b);
        EXPECT_EQ(evaluate(es, init[b]->value), initialBytes[b]);
    }
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 8u);
    std::set<std::uint32_t> readGroups, writeGroups;
    for (std::uint32_t b = 0; b < 4; ++b) {
        EXPECT_EQ(ev[b]->kind, EventKind::Read);
        EXPECT_EQ(setsOf(*ev[b]), "ONCE,R");
        EXPECT_EQ(ev[b]->poIndex, ev[0]->poIndex);
        EXPECT_EQ(ev[4 + b]->poIndex, ev[4]->poIndex);
        EXPECT_LT(ev[0]->poIndex, ev[4]->poIndex);
        EXPECT_EQ(addressOf(es, indexOf(es, ev[b])), base + b);
        readGroups.insert(es.groupOf[indexOf(es, ev[b])]);
        writeGroups.insert(es.groupOf[indexOf(es, ev[4 + b])]);
    }
    ASSERT_EQ(readGroups.size(), 1u);
    ASSERT_EQ(writeGroups.size(), 1u);
    EXPECT_NE(*readGroups.begin(), *writeGroups.begin());
    EXPECT_TRUE(es.accessGroups[*readGroups.begin()].singleCopyAtomic);
    // The register is the little-endian composition of the byte reads.
    std::map<std::uint32_t, std::int64_t> reads;
    for (std::uint32_t b = 0; b < 4; ++b) {
        reads[indexOf(es, ev[b])] = 0x11 * (b + 1);
    }
    EXPECT_EQ(evaluate(es, es.finalRegisters[0]["r0"], reads), 0x44332211);
    // The written bytes.
    const std::int64_t writtenBytes[] = {0x0d, 0x0c, 0x0b, 0x0a};
    for (std::uint32_t b = 0; b < 4; ++b) {
        EXPECT_EQ(evaluate(es, ev[4 + b]->value), writtenBytes[b]);
    }
}

TEST(ByteGranularity, BigEndianAndSignExtension) {
    model::EventOptions big;
    big.bigEndian = true;
    auto es = buildText(test("s16 x = -2;", "P0(s16 *x) { s16 r0 = READ_ONCE(*x); }"), big);
    auto init = threadEvents(es, -1);
    ASSERT_EQ(init.size(), 2u);
    EXPECT_EQ(evaluate(es, init[0]->value), 0xff);  // -2 = 0xfffe, most significant first
    EXPECT_EQ(evaluate(es, init[1]->value), 0xfe);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    std::map<std::uint32_t, std::int64_t> reads{{indexOf(es, ev[0]), 0xff},
                                                {indexOf(es, ev[1]), 0xfe}};
    EXPECT_EQ(evaluate(es, es.finalRegisters[0]["r0"], reads), -2);
}

TEST(ByteGranularity, ArraysElementsCastsAndPointerArithmetic) {
    auto es = buildText(test("u8 buf[8] = {1, 2, 3, 4, 5, 6, 7, 8};",
                             "P0(u8 *buf) { u8 r0 = buf[3]; u16 r1 = READ_ONCE(*(u16 *)(buf + 2));"
                             " u32 *p = (u32 *)buf; u32 r2 = *(p + 1); }"));
    auto init = threadEvents(es, -1);
    ASSERT_EQ(init.size(), 8u);
    EXPECT_EQ(evaluate(es, init[5]->value), 6);
    const std::int64_t base = es.locations.locations[0].address;
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 1u + 2u + 4u);
    EXPECT_EQ(addressOf(es, indexOf(es, ev[0])), base + 3);
    EXPECT_EQ(addressOf(es, indexOf(es, ev[1])), base + 2);
    EXPECT_EQ(addressOf(es, indexOf(es, ev[2])), base + 3);
    EXPECT_EQ(setsOf(*ev[1]), "ONCE,R");
    for (std::uint32_t b = 0; b < 4; ++b) {
        EXPECT_EQ(addressOf(es, indexOf(es, ev[3 + b])), base + 4 + b);  // p + 1 is buf + 4
        EXPECT_EQ(setsOf(*ev[3 + b]), "R");
    }
    // A u16 read at buf+2 is not single-copy atomic unless marked and aligned: it is both.
    EXPECT_TRUE(es.accessGroups[es.groupOf[indexOf(es, ev[1])]].singleCopyAtomic);
    EXPECT_FALSE(es.accessGroups[es.groupOf[indexOf(es, ev[3])]].singleCopyAtomic);  // plain
}

TEST(ByteGranularity, MarkedAccessesTakeArrayElementsAsTheKernelWritesThem) {
    // WRITE_ONCE(s[1], v) and READ_ONCE(buf[i]) name the element itself, not a pointer.
    auto es = buildText(test("u32 s[4];",
                             "P0(u32 *s) { int i = 2; WRITE_ONCE(s[1], 7);"
                             " u32 r0 = READ_ONCE(s[i]); }"));
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 8u);  // four bytes written, four read
    const std::int64_t base = es.locations.locations[0].address;
    EXPECT_EQ(addressOf(es, indexOf(es, ev[0])), base + 4);
    EXPECT_EQ(addressOf(es, indexOf(es, ev[4])), base + 8);
    EXPECT_EQ(setsOf(*ev[0]), "ONCE,W");
    EXPECT_EQ(setsOf(*ev[4]), "ONCE,R");
    EXPECT_TRUE(es.accessGroups[es.groupOf[indexOf(es, ev[4])]].singleCopyAtomic);
}

TEST(ByteGranularity, MisalignedMarkedAccessesAreNotSingleCopyAtomic) {
    auto es =
        buildText(test("u8 buf[8];", "P0(u8 *buf) { u32 r0 = READ_ONCE(*(u32 *)(buf + 2)); }"));
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 4u);
    EXPECT_FALSE(es.accessGroups[es.groupOf[indexOf(es, ev[0])]].singleCopyAtomic);
}

TEST(ByteGranularity, ExternalThreadsAccessMarkedBytes) {
    auto es = buildText(test("u32 x;", "external P0(u32 *x) { *x = 7; u32 r0 = *x; }"));
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 8u);
    for (const auto* e : ev) {
        EXPECT_TRUE(inSet(*e, "ONCE"));
        EXPECT_TRUE(inSet(*e, "A"));
        EXPECT_FALSE(es.accessGroups[es.groupOf[indexOf(es, e)]].singleCopyAtomic);
    }
}

TEST(ByteGranularity, RmwPairsBytesOfEqualOffset) {
    auto es = buildText(test("u32 x;", "P0(u32 *x) { u32 r0 = xchg(x, 5); }"));
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 8u);
    ASSERT_EQ(es.rmw.size(), 4u);
    for (std::uint32_t b = 0; b < 4; ++b) {
        EXPECT_TRUE(hasEdge(es.rmw, indexOf(es, ev[b]), indexOf(es, ev[4 + b])));
    }
}

struct CopyCase {
    const char* call;
    const char* readSets;
    const char* writeSets;
    model::UserCopyMode mode = model::UserCopyMode::Asm;
};

class CopyPrimitives : public ::testing::TestWithParam<CopyCase> {};

TEST_P(CopyPrimitives, ReadEachSourceByteAndWriteItToTheDestination) {
    const CopyCase& c = GetParam();
    model::EventOptions options;
    options.userCopy = c.mode;
    options.byteClasses = false;  // every byte, as the split makes them
    auto es = buildText(
        test("u8 dst[3]; u8 src[3];", std::string("P0(u8 *dst, u8 *src) { ") + c.call + "; }"),
        options);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 6u);
    const std::int64_t dst = es.locations.locations[0].address;
    const std::int64_t src = es.locations.locations[1].address;
    for (std::uint32_t b = 0; b < 3; ++b) {
        const auto* r = ev[b];
        const auto* w = ev[3 + b];
        EXPECT_EQ(r->kind, EventKind::Read);
        EXPECT_EQ(w->kind, EventKind::Write);
        EXPECT_EQ(setsOf(*r), c.readSets);
        EXPECT_EQ(setsOf(*w), c.writeSets);
        EXPECT_EQ(r->poIndex, ev[0]->poIndex);
        EXPECT_EQ(w->poIndex, ev[0]->poIndex);
        EXPECT_EQ(addressOf(es, indexOf(es, r)), src + b);
        EXPECT_EQ(addressOf(es, indexOf(es, w)), dst + b);
        EXPECT_EQ(w->value, r->value);  // the byte read is the byte written
        EXPECT_TRUE(hasEdge(es.data, indexOf(es, r), indexOf(es, w)));
        EXPECT_EQ(es.groupOf[indexOf(es, r)], es.groupOf[indexOf(es, ev[0])]);
        EXPECT_EQ(es.groupOf[indexOf(es, w)], es.groupOf[indexOf(es, ev[3])]);
    }
    EXPECT_EQ(es.data.size(), 3u);  // byte i feeds byte i only
    EXPECT_NE(es.groupOf[indexOf(es, ev[0])], es.groupOf[indexOf(es, ev[3])]);
    EXPECT_FALSE(es.accessGroups[es.groupOf[indexOf(es, ev[0])]].singleCopyAtomic);
}

INSTANTIATE_TEST_SUITE_P(
    AllOfThem, CopyPrimitives,
    ::testing::Values(
        CopyCase{"memcpy(dst, src, 3)", "R", "W"},
        CopyCase{"copy_from_user(dst, src, 3)", "A,ONCE,R,RLX", "W"},
        CopyCase{"copy_to_user(dst, src, 3)", "R", "A,ONCE,RLX,W"},
        CopyCase{"copy_from_user(dst, src, 3)", "R", "W", model::UserCopyMode::Plain},
        CopyCase{"copy_to_user(dst, src, 3)", "R", "W", model::UserCopyMode::Plain},
        CopyCase{"volatile_memcpy(dst, src, 3)", "ONCE,R,VOLATILE", "ONCE,VOLATILE,W"},
        CopyCase{"volatile_copy_nonoverlapping_memory(dst, src, 3)", "ONCE,R,VOLATILE",
                 "ONCE,VOLATILE,W"},
        CopyCase{"atomic_bytewise_memcpy(dst, src, 3)", "A,ONCE,R,RLX", "A,ONCE,RLX,W"},
        CopyCase{"atomic_load_per_byte_memcpy(dst, src, 3, memory_order_relaxed)", "A,ONCE,R,RLX",
                 "W"},
        CopyCase{"atomic_load_per_byte_memcpy(dst, src, 3, memory_order_acquire)",
                 "A,ACQ,ACQUIRE,R", "W"},
        CopyCase{"atomic_store_per_byte_memcpy(dst, src, 3, memory_order_relaxed)", "R",
                 "A,ONCE,RLX,W"},
        CopyCase{"atomic_store_per_byte_memcpy(dst, src, 3, memory_order_release)", "R",
                 "A,REL,RELEASE,W"}));

TEST(ByteGranularity, VolatileAccessesTearAndAreMarked) {
    auto es = buildText(test("u32 x;",
                             "P0(u32 *x) { u32 r0 = read_volatile(x); "
                             "write_volatile(x, 1); }"));
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 8u);
    EXPECT_EQ(setsOf(*ev[0]), "ONCE,R,VOLATILE");
    EXPECT_EQ(setsOf(*ev[4]), "ONCE,VOLATILE,W");
    EXPECT_FALSE(es.accessGroups[es.groupOf[indexOf(es, ev[0])]].singleCopyAtomic);
}

TEST(ByteGranularity, BadCopiesAndAccessesGetDiagnostics) {
    auto diagnose = [](const std::string& text) {
        DiagnosticSink sink;
        auto es = model::buildEvents(parse(text), model::lkmmPrimitives(), "bytes.litmus", sink);
        EXPECT_FALSE(es.has_value());
        return sink.diagnostics().empty() ? std::string()
                                          : formatDiagnostic(sink.diagnostics()[0], text);
    };
    EXPECT_NE(diagnose(test("u8 a[4]; u8 b[4];",
                            "P0(u8 *a, u8 *b, int *n) { int r0 = *n; "
                            "memcpy(a, b, r0); }"))
                  .find("needs a constant byte count"),
              std::string::npos);
    EXPECT_NE(diagnose(test("u8 a[4];", "P0(u8 *a) { u32 r0 = READ_ONCE(*(u32 *)(a + 2)); }"))
                  .find("of 'a' (4 bytes) runs past its end"),
              std::string::npos);
    EXPECT_NE(diagnose(test("u8 a[4]; u8 b[4];",
                            "P0(u8 *a, u8 *b) { atomic_load_per_byte_memcpy(a, b, 4, "
                            "memory_order_release); }"))
                  .find("memory_order_relaxed or memory_order_acquire"),
              std::string::npos);
    EXPECT_NE(diagnose(test("u8 a[2] = {1, 2, 3};", "P0(u8 *a) { u8 r0 = a[0]; }"))
                  .find("has 2 elements, not 3"),
              std::string::npos);
}

// ---------- byte classes (model/events/byte_classes.hpp) ----------

std::vector<std::uint32_t> kept(const EventStructure& es, const std::string& name) {
    for (const auto& l : es.locations.locations) {
        if (l.name == name) {
            std::vector<std::uint32_t> out;
            for (std::size_t k = 0; k < l.keptCount(); ++k) {
                out.push_back(l.keptOffset(k));
            }
            return out;
        }
    }
    ADD_FAILURE() << "no location " << name;
    return {};
}

using Offsets = std::vector<std::uint32_t>;

const char* kBigCopy =
    "C big\n{ u8 ubuf[4096]; u8 kbuf[4096]; }\n"
    "P0(u8 *kbuf, u8 *ubuf) { copy_from_user(kbuf, ubuf, 4096); }\n"
    "external P1(u8 *ubuf) { WRITE_ONCE(*ubuf, 1); }\n"
    "exists (kbuf[0]=1 /\\ kbuf[4095]=0)\n";

TEST(ByteClasses, ACopyKeepsTwoRepresentativesOfEachRunOfAlikeBytes) {
    auto es = buildText(kBigCopy);
    // Named: kbuf[0] and kbuf[4095]; the copy carries those cuts to ubuf, and the external
    // store to ubuf[0] cuts there too.
    EXPECT_EQ(kept(es, "kbuf"), (Offsets{0, 1, 2, 4095}));
    EXPECT_EQ(kept(es, "ubuf"), (Offsets{0, 1, 2, 4095}));
    EXPECT_EQ(threadEvents(es, 0).size(), 8u);  // four bytes read, four written
    EXPECT_EQ(es.locations.cellCount(), 8u);
    EXPECT_EQ(es.locations.cellOf(1, 4095), 7u);
    EXPECT_FALSE(es.locations.cellOf(1, 3).has_value());
    // Each kept write byte stores the kept read byte at the same offset, and depends on it.
    auto ev = threadEvents(es, 0);
    for (std::size_t k = 0; k < 4; ++k) {
        EXPECT_EQ(ev[4 + k]->value, ev[k]->value);
        EXPECT_EQ(addressOf(es, indexOf(es, ev[4 + k])) - es.locations.locations[1].address,
                  addressOf(es, indexOf(es, ev[k])) - es.locations.locations[0].address);
        EXPECT_TRUE(hasEdge(es.data, indexOf(es, ev[k]), indexOf(es, ev[4 + k])));
    }
}

TEST(ByteClasses, OffBuildsEveryByte) {
    model::EventOptions options;
    options.byteClasses = false;
    auto es = buildText(kBigCopy, options);
    EXPECT_EQ(threadEvents(es, 0).size(), 8192u);
    EXPECT_EQ(es.locations.cellCount(), 8192u);
    EXPECT_TRUE(es.locations.locations[0].keptBytes.empty());
}

TEST(ByteClasses, ScalarsNamedBytesAndInitialValuesCut) {
    auto es = buildText(
        "C cuts\n{ u8 a[16] = {1,1,1,1,1,1,2,2,2,2,2,2,2,2,2,2}; u8 b[16]; }\n"
        "P0(u8 *a, u8 *b) { memcpy(b, a, 16); }\n"
        "P1(u8 *a) { WRITE_ONCE(*(u16 *)(a + 12), 3); }\n"
        "exists (b[9]=1)\n");
    // Segments of a: [0,6) by value, [6,9), 9 named (through the copy), [10,12), 12 and 13
    // (the u16's bytes), [14,16).
    EXPECT_EQ(kept(es, "a"), (Offsets{0, 1, 6, 7, 9, 10, 11, 12, 13, 14, 15}));
    EXPECT_EQ(kept(es, "b"), kept(es, "a"));
}

TEST(ByteClasses, CutsSpreadThroughShiftedCopies) {
    auto es = buildText(
        "C shifted\n{ u8 a[8]; u8 b[16]; }\n"
        "P0(u8 *a, u8 *b) { memcpy(b + 4, a, 8); }\n"
        "P1(u8 *a) { WRITE_ONCE(*(a + 5), 1); }\n"
        "exists (b[15]=0)\n");
    // a: [0,5), 5, [6,8); b: [0,4), [4,9), 9, [10,12), [12,15), 15.
    EXPECT_EQ(kept(es, "a"), (Offsets{0, 1, 5, 6, 7}));
    EXPECT_EQ(kept(es, "b"), (Offsets{0, 1, 4, 5, 9, 10, 11, 12, 13, 15}));
}

TEST(ByteClasses, AComputedAddressKeepsEveryByte) {
    auto es = buildText(
        "C computed\n{ u8 a[8]; u8 b[8]; int i = 0; }\n"
        "P0(u8 *a, u8 *b, int *i) { int r0 = READ_ONCE(*i); memcpy(b, a, 8); "
        "WRITE_ONCE(*(a + r0), 1); }\n"
        "exists (b[0]=1)\n");
    EXPECT_TRUE(es.locations.locations[0].keptBytes.empty());
    EXPECT_EQ(es.locations.cellCount(), 8u + 8u + 4u);
}

TEST(ByteClasses, LocationsHoldUpToOneMebibyte) {
    auto es = buildText(
        "C mib\n{ u8 a[1048576]; u8 b[1048576]; }\n"
        "P0(u8 *a, u8 *b) { memcpy(b, a, 1048576); }\n"
        "exists (b[1048575]=0)\n");
    EXPECT_EQ(es.locations.locations[0].size, 1048576u);
    EXPECT_EQ(threadEvents(es, 0).size(), 6u);  // bytes 0, 1 and 1048575, read and written

    DiagnosticSink sink;
    const std::string text =
        "C too-big\n{ u8 a[1048577]; }\nP0(u8 *a) { a[0] = 1; }\n"
        "exists (a[0]=1)\n";
    auto tooBig = model::buildEvents(parse(text), model::lkmmPrimitives(), "bytes.litmus", sink);
    EXPECT_FALSE(tooBig.has_value());
    ASSERT_FALSE(sink.diagnostics().empty());
    const std::string message = formatDiagnostic(sink.diagnostics()[0], text);
    EXPECT_NE(message.find("bytes.litmus:2:3: error: 'a' must hold between 1 and 1048576 bytes"),
              std::string::npos)
        << message;
}

}  // namespace
}  // namespace memx::testing
