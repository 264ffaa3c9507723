// The .def reader, and its agreement with the built-in LKMM table on the kernel's own file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/events/def_reader.hpp"
#include "model/events/primitives.hpp"

namespace memx::testing {
namespace {

using namespace memx::model;

std::string describe(const Primitive& p) {
    std::ostringstream out;
    out << p.name << "/" << p.arity << (p.returnsValue ? " expr" : " stmt");
    for (const PrimOp& op : p.ops) {
        out << " op" << static_cast<int>(op.kind) << "{" << op.tag << "}"
            << "arith" << static_cast<int>(op.arith) << "(";
        for (const PrimArg& a : op.args) {
            if (a.kind == PrimArg::Kind::Const) {
                out << a.value << ",";
            } else {
                out << std::string(static_cast<std::size_t>(a.derefs), '*') << "$" << a.param
                    << ",";
            }
        }
        out << ")";
    }
    out << " cmp" << static_cast<int>(p.compare) << " " << p.compareWith;
    return out.str();
}

TEST(LkmmDefEquivalence, UpstreamDefGivesTheBuiltInTable) {
    const std::filesystem::path def =
        std::filesystem::path(MEMX_SHARED_DIR) / "lkmm-upstream" / "linux-kernel.def";
    if (!std::filesystem::exists(def)) {
        GTEST_SKIP() << "shared folder missing: " << def << " (set MEMX_SHARED_DIR)";
    }
    std::ifstream in(def);
    std::stringstream text;
    text << in.rdbuf();
    DiagnosticSink sink;
    auto table = readDefFile(text.str(), def.string(), sink);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << formatDiagnostic(d);
    }
    ASSERT_TRUE(table.has_value());
    const PrimitiveTable& builtIn = lkmmPrimitives();
    for (const auto& [name, prim] : table->entries) {
        const Primitive* mine = builtIn.find(name);
        if (mine == nullptr) {
            ADD_FAILURE() << "built-in table lacks " << describe(prim);
            continue;
        }
        EXPECT_EQ(describe(*mine), describe(prim));
        EXPECT_TRUE(*mine == prim) << name;
    }
    for (const auto& [name, prim] : builtIn.entries) {
        EXPECT_NE(table->find(name), nullptr) << "not in linux-kernel.def: " << describe(prim);
    }
    EXPECT_EQ(table->entries.size(), builtIn.entries.size());
    EXPECT_GT(builtIn.entries.size(), 100u);
}

TEST(DefReader, InlinesNestedMacrosAndReadsComparisons) {
    const char* text =
        "// a comment line\n"
        "LOAD(X) __load{ONCE}(X)   // trailing comment\n"
        "get(X) LOAD(*X)\n"
        "put2(X,V) { __store{RELEASE}(*X,V); __fence{wmb}; }\n"
        "is_zero(X) __atomic_op_return{MB}(X,&~,3) == 0\n"
        "neg(V,X) __atomic_fetch_op{ONCE}(X,-,V) < -2\n";
    DiagnosticSink sink;
    auto table = readDefFile(text, "t.def", sink);
    ASSERT_TRUE(table.has_value())
        << (sink.diagnostics().empty() ? "" : formatDiagnostic(sink.diagnostics()[0]));
    const Primitive* get = table->find("get");
    ASSERT_NE(get, nullptr);
    EXPECT_TRUE(get->returnsValue);
    ASSERT_EQ(get->ops.size(), 1u);
    EXPECT_EQ(get->ops[0].kind, PrimOpKind::Load);
    EXPECT_EQ(get->ops[0].tag, "ONCE");
    EXPECT_EQ(get->ops[0].args, std::vector<PrimArg>{PrimArg::parameter(0, 1)});

    const Primitive* put2 = table->find("put2");
    ASSERT_NE(put2, nullptr);
    EXPECT_FALSE(put2->returnsValue);
    ASSERT_EQ(put2->ops.size(), 2u);
    EXPECT_EQ(put2->ops[1].kind, PrimOpKind::Fence);
    EXPECT_EQ(put2->ops[1].tag, "wmb");

    const Primitive* isZero = table->find("is_zero");
    ASSERT_NE(isZero, nullptr);
    EXPECT_EQ(isZero->ops[0].arith, AtomicArith::AndNot);
    EXPECT_EQ(isZero->ops[0].args,
              (std::vector<PrimArg>{PrimArg::parameter(0), PrimArg::constant(3)}));
    EXPECT_EQ(isZero->compare, ResultCompare::Eq);

    const Primitive* neg = table->find("neg");
    ASSERT_NE(neg, nullptr);
    EXPECT_EQ(neg->compare, ResultCompare::Lt);
    EXPECT_EQ(neg->compareWith, -2);
    EXPECT_EQ(neg->ops[0].args,
              (std::vector<PrimArg>{PrimArg::parameter(1), PrimArg::parameter(0)}));
}

std::string firstError(const char* text) {
    DiagnosticSink sink;
    auto table = readDefFile(text, "bad.def", sink);
    EXPECT_FALSE(table.has_value());
    return sink.diagnostics().empty() ? "" : formatDiagnostic(sink.diagnostics()[0]);
}

TEST(DefReader, UnknownOperationIsReportedWithPosition) {
    std::string d = firstError("ok() { __fence{MB}; }\nbad(X) { __frobnicate(X); }\n");
    EXPECT_NE(d.find("bad.def:2:10"), std::string::npos) << d;
    EXPECT_NE(d.find("unknown operation or macro __frobnicate"), std::string::npos) << d;
}

TEST(DefReader, WrongArityOfInternalOperationOrMacro) {
    EXPECT_NE(firstError("w(X) { __store{ONCE}(X); }\n").find("__store takes 2 arguments"),
              std::string::npos);
    EXPECT_NE(firstError("r(X) __load{ONCE}(X)\nq(X) r(X,X)\n").find("r takes 1 arguments"),
              std::string::npos);
}

TEST(DefReader, RecursiveMacroIsAnError) {
    std::string d = firstError("a(X) b(X)\nb(X) a(X)\n");
    EXPECT_NE(d.find("expands to itself"), std::string::npos) << d;
}

TEST(DefReader, UnknownParameterIsAnError) {
    std::string d = firstError("w(X) { __store{ONCE}(X,Y); }\n");
    EXPECT_NE(d.find("Y is not a parameter of w"), std::string::npos) << d;
}

}  // namespace
}  // namespace memx::testing
