// memx's structs as the parser reads them (docs/litmus-extensions.md#structs): declarations in
// the init block, p->f and s.f, sizeof, designated initialisers, and conditions naming a
// field; the printer gives them back so that they parse to the same program.
#include <gtest/gtest.h>

#include "litmus/parser.hpp"
#include "litmus/printer.hpp"
#include "parse_helpers.hpp"

namespace memx::litmus {
namespace {

using testing::firstError;
using testing::parseOk;

const std::string kTest = R"(C structs
{
struct hdr { u16 tag; u8 kind; };
struct kstat { struct hdr h; u32 len; u8 name[6]; u64 *p; };
struct kstat kst = {{1, 2}, .len = 4, {7}};
}
P0(struct kstat *kst)
{
	u32 r0 = READ_ONCE(kst->len);
	int r1 = sizeof(struct kstat) + sizeof(kst->name) + sizeof r0;
	WRITE_ONCE(kst->h.tag, 3);
	u8 *r2 = &kst->name[1];
	(*kst).len = 5;
}
exists (kst.len=4 /\ kst.h.tag=3 /\ kst.name[2]=0)
)";

TEST(StructParser, DeclarationsGoToProgramStructsWithTheirFields) {
    Program p = parseOk(kTest);
    ASSERT_EQ(p.structs.size(), 2u);
    EXPECT_EQ(p.structs[0].name, "hdr");
    const StructDecl& k = p.structs[1];
    EXPECT_EQ(k.name, "kstat");
    ASSERT_EQ(k.fields.size(), 4u);
    EXPECT_EQ(k.fields[0].type.base, "struct hdr");
    EXPECT_EQ(k.fields[0].name, "h");
    EXPECT_EQ(k.fields[2].type.base, "u8");
    EXPECT_EQ(k.fields[2].type.arrayLength, std::optional<std::uint64_t>(6));
    EXPECT_EQ(k.fields[3].type.pointerDepth, 1);
    // The variable is an ordinary init entry of type `struct kstat`.
    ASSERT_EQ(p.init.size(), 1u);
    EXPECT_EQ(p.init[0].type->base, "struct kstat");
    EXPECT_EQ(p.threads[0].params[0].type.base, "struct kstat");
}

TEST(StructParser, InitialisersKeepTheirDesignators) {
    Program p = parseOk(kTest);
    const InitValue& v = *p.init[0].value;
    ASSERT_EQ(v.kind, InitValue::Kind::List);
    ASSERT_EQ(v.elements.size(), 3u);
    EXPECT_EQ(v.elements[0].kind, InitValue::Kind::List);
    EXPECT_EQ(v.elements[0].designator, "");
    EXPECT_EQ(v.elements[1].designator, "len");
    EXPECT_EQ(v.elements[1].value, 4);
}

TEST(StructParser, MembersAndSizeofAreExpressions) {
    Program p = parseOk(kTest);
    const auto& body = p.threads[0].body;
    const auto& read = std::get<Call>(std::get<DeclStmt>(body[0]->node).init->node);
    const auto& arrow = std::get<Member>(read.args[0]->node);
    EXPECT_TRUE(arrow.arrow);
    EXPECT_EQ(arrow.field, "len");
    EXPECT_EQ(std::get<Ident>(arrow.base->node).name, "kst");

    const auto& sum = std::get<Binary>(std::get<DeclStmt>(body[1]->node).init->node);
    const auto& inner = std::get<Binary>(sum.lhs->node);
    EXPECT_EQ(std::get<SizeOf>(inner.lhs->node).type->base, "struct kstat");
    EXPECT_TRUE(std::holds_alternative<Member>(std::get<SizeOf>(inner.rhs->node).operand->node));
    EXPECT_EQ(std::get<Ident>(std::get<SizeOf>(sum.rhs->node).operand->node).name, "r0");

    // kst->h.tag: a dot member of an arrow member.
    const auto& write = std::get<Call>(std::get<ExprStmt>(body[2]->node).expr->node);
    const auto& dot = std::get<Member>(write.args[0]->node);
    EXPECT_FALSE(dot.arrow);
    EXPECT_EQ(dot.field, "tag");
    EXPECT_TRUE(std::get<Member>(dot.base->node).arrow);

    // (*kst).len = 5 is an assignment to a field.
    const auto& assign = std::get<AssignStmt>(body[4]->node);
    EXPECT_FALSE(std::get<Member>(assign.target->node).arrow);
}

TEST(StructParser, ConditionsNameFieldsAndTheirElements) {
    Program p = parseOk(kTest);
    std::vector<LocationRef> refs;
    const auto& both = std::get<PropAnd>(p.condition.prop->node);
    const auto& first = std::get<PropAnd>(both.lhs->node);
    const auto& len = std::get<PropAtom>(first.lhs->node).lhs;
    EXPECT_EQ(len.name, "kst");
    EXPECT_EQ(len.field, "len");
    EXPECT_FALSE(len.index);
    EXPECT_EQ(std::get<PropAtom>(first.rhs->node).lhs.field, "h.tag");
    const auto& name = std::get<PropAtom>(both.rhs->node).lhs;
    EXPECT_EQ(name.field, "name");
    EXPECT_EQ(name.index, std::optional<std::int64_t>(2));
}

TEST(StructParser, PrintedBackItParsesToTheSameProgram) {
    Program p = parseOk(kTest);
    std::string printed = printProgram(p);
    EXPECT_NE(printed.find("struct kstat { struct hdr h; u32 len; u8 name[6]; u64 *p; };"),
              std::string::npos)
        << printed;
    EXPECT_NE(printed.find(".len = 4"), std::string::npos) << printed;
    EXPECT_NE(printed.find("kst->h.tag"), std::string::npos) << printed;
    EXPECT_NE(printed.find("kst.name[2]=0"), std::string::npos) << printed;
    EXPECT_EQ(parseOk(printed), p) << printed;
}

TEST(StructParser, MalformedDeclarationsAndFieldsAreErrors) {
    EXPECT_NE(firstError("C t\n{ struct s { u32 a } ; }\nP0(int *x) { }\nexists (x=0)\n")
                  .find("missing ';' after the field"),
              std::string::npos);
    EXPECT_NE(firstError("C t\n{ struct s { u32 a; }; struct s v; v.a = 1; }\nP0(int *x) { }\n"
                         "exists (x=0)\n")
                  .find("a field is initialised in its struct's list"),
              std::string::npos);
    EXPECT_NE(firstError("C t\n{ }\nP0(int *x) { int r0 = x->; }\nexists (x=0)\n")
                  .find("a field name after '->'"),
              std::string::npos);
}

}  // namespace
}  // namespace memx::litmus
