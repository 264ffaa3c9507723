// memx's structs in the event builder (docs/litmus-extensions.md#structs): C layout (natural
// alignment, padding, nested structs, arrays), sizeof, the byte events of field accesses and
// of whole-struct copies, initial bytes in either byte order, and the located errors, which
// are golden files: bad-structs/X.litmus beside bad-structs/X.expected-failure (regenerate
// with MEMX_PROMOTE=1 and review the diff).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "event_test_support.hpp"
#include "litmus/parser.hpp"
#include "model/events/struct_layout.hpp"
#include "tests/golden_files.hpp"

namespace memx::testing {
namespace {

namespace fs = std::filesystem;
using model::EventKind;
using model::EventStructure;

litmus::Program parse(const std::string& text) {
    return parseText(text, "structs.litmus");
}

EventStructure buildText(const std::string& text, model::EventOptions options = {}) {
    return testing::buildText(text, options, "structs.litmus");
}

std::string test(const std::string& init, const std::string& threads) {
    return "C structs\n{\n" + init + "\n}\n" + threads + "\nexists (true)\n";
}

const char* kDecls =
    "struct hdr { u16 tag; u8 kind; };\n"
    "struct kstat { u32 len; u8 flags; u64 data; u8 name[6]; };\n"
    "struct msg { u8 a; struct hdr h; s16 b[3]; u8 *p; };\n";

TEST(StructLayout, FieldsSitAtTheirNaturalAlignmentAndSizesRoundUp) {
    litmus::Program p = parse(test(kDecls, "P0(int *x) { }"));
    DiagnosticSink sink;
    auto layouts = model::StructLayouts::build(p, "structs.litmus", sink);
    ASSERT_TRUE(layouts);
    const model::StructLayout* hdr = layouts->find("hdr");
    ASSERT_NE(hdr, nullptr);
    EXPECT_EQ(hdr->size, 4u);  // 2 + 1, rounded up to its alignment 2
    EXPECT_EQ(hdr->align, 2u);
    const model::StructLayout* k = layouts->find("kstat");
    ASSERT_NE(k, nullptr);
    // len 0..3, flags 4, padding 5..7, data 8..15, name 16..21, padding 22..23.
    EXPECT_EQ(k->field("len")->offset, 0u);
    EXPECT_EQ(k->field("flags")->offset, 4u);
    EXPECT_EQ(k->field("data")->offset, 8u);
    EXPECT_EQ(k->field("name")->offset, 16u);
    EXPECT_EQ(k->field("name")->count, 6u);
    EXPECT_EQ(k->size, 24u);
    EXPECT_EQ(k->align, 8u);
    const model::StructLayout* m = layouts->find("msg");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->field("h")->offset, 2u);  // a struct aligns as its largest field
    EXPECT_EQ(m->field("b")->offset, 6u);
    EXPECT_EQ(m->field("p")->offset, 16u);  // pointers are 8 bytes, 8-aligned
    EXPECT_EQ(m->size, 24u);
    litmus::Type kstat{"struct kstat", 0, std::nullopt, false, false};
    EXPECT_EQ(layouts->sizeOf(kstat), 24u);
    kstat.arrayLength = 3;
    EXPECT_EQ(layouts->sizeOf(kstat), 72u);
    kstat.pointerDepth = 1;
    kstat.arrayLength.reset();
    EXPECT_EQ(layouts->sizeOf(kstat), 8u);

    std::vector<std::string> paths;
    for (const auto& leaf : model::leavesOf(*m)) {
        paths.push_back(leaf.path + "@" + std::to_string(leaf.offset));
    }
    EXPECT_EQ(paths, (std::vector<std::string>{"a@0", "h.tag@2", "h.kind@4", "b@6", "p@16"}));
}

// The final value of register `r` of P0, which must depend on no read.
std::int64_t constantRegister(const EventStructure& es, const std::string& r) {
    return evaluate(es, es.finalRegisters.at(0).at(r));
}

TEST(StructEvents, SizeofIsTheLayoutsSize) {
    auto es = buildText(test(kDecls + std::string("struct kstat k;"),
                             "P0(struct kstat *k) { int r0 = sizeof(struct kstat); "
                             "int r1 = sizeof(*k); int r2 = sizeof(k->name); "
                             "int r3 = sizeof(k->data); int r4 = sizeof(struct msg); "
                             "int r5 = sizeof(u16); int r6 = sizeof(k); }"));
    EXPECT_EQ(constantRegister(es, "r0"), 24);
    EXPECT_EQ(constantRegister(es, "r1"), 24);
    EXPECT_EQ(constantRegister(es, "r2"), 6);
    EXPECT_EQ(constantRegister(es, "r3"), 8);
    EXPECT_EQ(constantRegister(es, "r4"), 24);
    EXPECT_EQ(constantRegister(es, "r5"), 2);
    EXPECT_EQ(constantRegister(es, "r6"), 8);
}

TEST(StructEvents, AStructIsALocationOfSizeofBytesWithItsFieldsInitialBytes) {
    const std::string init =
        kDecls + std::string("struct kstat k = {0x01020304, 5, .name = {7, 8}};");
    for (bool big : {false, true}) {
        model::EventOptions options;
        options.bigEndian = big;
        options.byteClasses = false;
        auto es = buildText(test(init, "P0(struct kstat *k) { }"), options);
        ASSERT_EQ(es.locations.locations.size(), 1u);
        EXPECT_EQ(es.locations.locations[0].size, 24u);
        auto bytes = threadEvents(es, -1);
        ASSERT_EQ(bytes.size(), 24u);
        std::vector<std::int64_t> values;
        for (const auto* b : bytes) {
            values.push_back(evaluate(es, b->value));
        }
        std::vector<std::int64_t> expected(24, 0);  // padding and fields left out are 0
        expected[0] = big ? 1 : 4;
        expected[1] = big ? 2 : 3;
        expected[2] = big ? 3 : 2;
        expected[3] = big ? 4 : 1;
        expected[4] = 5;
        expected[16] = 7;
        expected[17] = 8;
        EXPECT_EQ(values, expected) << (big ? "big" : "little") << "-endian";
    }
}

TEST(StructEvents, FieldAccessesTouchTheFieldsBytesWithTheirMarking) {
    model::EventOptions options;
    options.byteClasses = false;
    auto es = buildText(test(kDecls + std::string("struct msg m;"),
                             "P0(struct msg *m) { WRITE_ONCE(m->h.kind, 1); "
                             "s16 r0 = READ_ONCE(m->b[2]); m->a = 2; u8 *r1 = &m->h.tag; }"),
                        options);
    const std::int64_t base = es.locations.locations[0].address;
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 4u);  // one byte written, two read, one written
    EXPECT_EQ(ev[0]->kind, EventKind::Write);
    EXPECT_EQ(setsOf(*ev[0]), "ONCE,W");
    EXPECT_EQ(evaluate(es, ev[0]->address), base + 4);
    EXPECT_EQ(ev[1]->kind, EventKind::Read);
    EXPECT_EQ(setsOf(*ev[1]), "ONCE,R");
    EXPECT_EQ(evaluate(es, ev[1]->address), base + 10);  // b at 6, element 2
    EXPECT_EQ(evaluate(es, ev[2]->address), base + 11);
    EXPECT_EQ(setsOf(*ev[3]), "W");
    EXPECT_EQ(evaluate(es, ev[3]->address), base + 0);
    EXPECT_EQ(constantRegister(es, "r1"), base + 2);
    // The s16 element is read sign-extended: bytes 0xff 0xff compose to -1.
    std::map<std::uint32_t, std::int64_t> reads{{indexOf(es, ev[1]), 0xff},
                                                {indexOf(es, ev[2]), 0xff}};
    EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("r0"), reads), -1);
}

TEST(StructEvents, AWholeStructCopyCoversSizeofBytesAndAFieldCopyItsField) {
    model::EventOptions options;
    options.byteClasses = false;
    auto es = buildText(test(kDecls + std::string("struct kstat k; struct kstat u;"),
                             "P0(struct kstat *k, struct kstat *u) { "
                             "copy_from_user(k, u, sizeof(struct kstat)); "
                             "memcpy(&k->len, &u->len, sizeof(k->len)); }"),
                        options);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u * 24 + 2u * 4);
    std::set<std::int64_t> userBytes;
    for (const auto* e : ev) {
        if (e->kind == EventKind::Read && inSet(*e, "ONCE")) {
            userBytes.insert(evaluate(es, e->address));
        }
    }
    EXPECT_EQ(userBytes.size(), 24u);
    const std::int64_t u = es.locations.locations[1].address;
    EXPECT_EQ(*userBytes.begin(), u);
    EXPECT_EQ(*userBytes.rbegin(), u + 23);
}

TEST(StructEvents, AConditionNamesAFieldsBytes) {
    auto es = buildText(test(kDecls + std::string("struct msg m;"), "P0(struct msg *m) { }"));
    const model::Location& m = es.locations.locations[0];
    auto tag = m.element("h.tag", 0);
    ASSERT_TRUE(tag);
    EXPECT_EQ(tag->offset, 2u);
    EXPECT_EQ(tag->size, 2u);
    auto b2 = m.element("b", 2);
    ASSERT_TRUE(b2);
    EXPECT_EQ(b2->offset, 10u);
    EXPECT_TRUE(b2->isSigned);
    EXPECT_FALSE(m.element("b", 3));
    EXPECT_FALSE(m.element("nope", 0));
}

// ---------- golden diagnostics ----------

fs::path badDir() {
    return fs::path(MEMX_SOURCE_DIR) / "tests" / "events" / "bad-structs";
}

std::vector<std::string> badInputs() {
    return litmusStems(badDir());
}

class BadStructs : public ::testing::TestWithParam<std::string> {};

TEST_P(BadStructs, MatchesExpectedFailure) {
    const fs::path input = badDir() / (GetParam() + ".litmus");
    const fs::path golden = badDir() / (GetParam() + ".expected-failure");
    const std::string text = readText(input);
    const std::string file = "bad-structs/" + GetParam() + ".litmus";
    DiagnosticSink sink;
    auto program = litmus::parseLitmus(text, file, sink);
    ASSERT_TRUE(program) << "the test must parse; its error is the event builder's";
    EXPECT_FALSE(model::buildEvents(*program, model::lkmmPrimitives(), file, sink));
    std::string actual;
    for (const Diagnostic& d : sink.diagnostics()) {
        actual += formatDiagnostic(d, text);
    }
    EXPECT_FALSE(actual.empty());
    expectGolden(actual, golden);
}

INSTANTIATE_TEST_SUITE_P(Golden, BadStructs, ::testing::ValuesIn(badInputs()),
                         [](const auto& info) { return testNameOf(info.param); });

}  // namespace
}  // namespace memx::testing
