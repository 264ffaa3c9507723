// The litmus program as parsed: herd7's C litmus dialect (LKMM and C11 flavours), plus memx's
// extensions (sized types, arrays, external threads). This header is the contract between the
// parser, the printer and the event builder; every node carries its source range.
//
// Equality (`==`) compares content only: source ranges are metadata and always compare equal,
// so parse -> print -> parse round-trips can be checked with `==`.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "litmus/diagnostic.hpp"

namespace memx::litmus {

// A source range that never distinguishes two AST nodes.
struct Loc {
    SourceRange range;
    friend bool operator==(const Loc&, const Loc&) { return true; }
};

// A C type as written: base name ("int", "intptr_t", "atomic_t", "spinlock_t", "atomic_int",
// "u8", ...), pointer depth, and an optional array length (`u8 buf[16]`).
struct Type {
    std::string base;
    int pointerDepth = 0;
    std::optional<std::uint64_t> arrayLength;
    bool isVolatile = false;
    bool isConst = false;
    bool operator==(const Type&) const = default;
};

// ---------- expressions ----------

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

enum class UnaryOp { Neg, Not, BitNot, Deref, AddrOf };
enum class BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    LogAnd,
    LogOr,
};

// Parser conventions for expressions (litmus/parser.hpp):
// - `-1` is IntLit{-1} (herd lexes it as one constant); `-(1)` stays Unary{Neg, IntLit 1}.
// - `true` and `false` in thread code are IntLit 1 and 0, as herd reads them.
// - A register read is Ident; `*x` is Unary{Deref, Ident x}; READ_ONCE(*x) is
//   Call{"READ_ONCE", [Unary{Deref, Ident x}]}; `&x` is Unary{AddrOf, Ident x}.
// - Every Call's callee is a known primitive with the right arity (litmus/primitives.hpp).
struct IntLit {
    std::int64_t value = 0;
    bool operator==(const IntLit&) const = default;
};
// A register, a parameter (a shared location's address) or an identifier argument such as
// `memory_order_acquire`; the event builder resolves which.
struct Ident {
    std::string name;
    bool operator==(const Ident&) const = default;
};
struct Unary {
    UnaryOp op;
    ExprPtr operand;
};
struct Binary {
    BinaryOp op;
    ExprPtr lhs, rhs;
};
struct Ternary {
    ExprPtr cond, then, otherwise;
};
// Any primitive call: READ_ONCE(*x), smp_mb(), atomic_add(1, v), memcpy(d, s, n), ...
struct Call {
    std::string callee;
    std::vector<ExprPtr> args;
};
// `x[i]` on an array or pointer.
struct Index {
    ExprPtr base, index;
};
// `(type)e`.
struct Cast {
    Type type;
    ExprPtr operand;
};
// memx's structs (docs/litmus-extensions.md): `p->f` (arrow) or `s.f`. The event builder
// lowers it to a typed access at the field's offset (model/events/struct_lowering.hpp).
struct Member {
    ExprPtr base;
    std::string field;
    bool arrow = false;
};
// `sizeof(type)` (operand null) or `sizeof(e)`/`sizeof e` (type unset); a constant once the
// struct layouts are known.
struct SizeOf {
    std::optional<Type> type;
    ExprPtr operand;
};

struct Expr {
    std::variant<IntLit, Ident, Unary, Binary, Ternary, Call, Index, Cast, Member, SizeOf> node;
    Loc loc;
};

bool operator==(const Expr& a, const Expr& b);
bool operator==(const ExprPtr& a, const ExprPtr& b);  // deep comparison; null == null

// ---------- statements ----------

struct Stmt;
using StmtPtr = std::shared_ptr<const Stmt>;

// Parser conventions for statements:
// - `int r0, r1 = 1;` gives one DeclStmt per name; `int *p` has type {int, pointerDepth 1}.
// - `r++;`, `r--;` and `r op= e;` become AssignStmt{r, Binary{op, r, e}}.
// - An empty statement `;` is dropped from a list; `if (c) ;` has an empty BlockStmt branch.
// - Registers may be assigned without a declaration (`p = READ_ONCE(*x);`), as herd allows.
// `int r0;` or `int r1 = READ_ONCE(*x);`
struct DeclStmt {
    Type type;
    std::string name;
    ExprPtr init;  // may be null
};
// `r0 = e;` or `*x = e;` (a plain store); `target` is an lvalue expression.
struct AssignStmt {
    ExprPtr target;
    ExprPtr value;
};
// `WRITE_ONCE(*x, 1);`, `smp_mb();`
struct ExprStmt {
    ExprPtr expr;
};
struct IfStmt {
    ExprPtr cond;
    StmtPtr then;
    StmtPtr otherwise;  // may be null
};
// `while (c) body`, the one loop herd7's C has. memx's extensions (docs/litmus-extensions.md)
// share the node: `do body while (c);` (DoWhile: the body runs before the first test) and
// `for (init; c; step) body` (For: the parser puts `init` before the loop; `step` runs after
// the body and after `continue`; a missing condition is null and means true).
enum class LoopKind { While, DoWhile, For };
struct WhileStmt {
    ExprPtr cond;
    StmtPtr body;
    LoopKind kind = LoopKind::While;
    StmtPtr step;  // For only; may be null
};
// `break;` and `continue;` (memx's extensions), inside a loop.
struct JumpStmt {
    bool isBreak = true;
};
struct BlockStmt {
    std::vector<StmtPtr> body;
};

struct Stmt {
    std::variant<DeclStmt, AssignStmt, ExprStmt, IfStmt, WhileStmt, BlockStmt, JumpStmt> node;
    Loc loc;
};

bool operator==(const Stmt& a, const Stmt& b);
bool operator==(const StmtPtr& a, const StmtPtr& b);

// ---------- top level ----------

struct Param {
    Type type;
    std::string name;
    Loc loc;
    bool operator==(const Param&) const = default;
};

// memx's structs: `struct kstat { u32 len; u8 name[6]; };` in the init block. A field's type
// is a sized type, a pointer, an array of them, or another struct declared before.
struct FieldDecl {
    Type type;
    std::string name;
    Loc loc;
    bool operator==(const FieldDecl&) const = default;
};
struct StructDecl {
    std::string name;  // the tag: "kstat" for `struct kstat`
    std::vector<FieldDecl> fields;
    Loc loc;
    bool operator==(const StructDecl&) const = default;
};

struct Thread {
    int id = 0;             // N of `PN`
    bool external = false;  // memx extension: `external P1(...)`, user space or a device
    std::vector<Param> params;
    std::vector<StmtPtr> body;
    Loc loc;
    bool operator==(const Thread&) const;
};

// The value side of an init entry: an integer, the address of a symbol (`&x`, or a bare `x`
// in herd's syntax), or a list for arrays (`{1,2,3}`).
struct InitValue {
    enum class Kind { Int, Address, List } kind = Kind::Int;
    std::int64_t value = 0;
    std::string symbol;               // Address
    std::vector<InitValue> elements;  // List
    std::string designator;           // `.len = 4` in a struct's list: "len"; else empty
    bool operator==(const InitValue&) const = default;
};

// How the init block is read (herd's conventions):
// - `x=1;` is {name x, value Int 1}; `x=y;` and `x=&y;` are both {value Address y}: a bare name
//   is the address of that location. `null` is no keyword, just a symbol.
// - `int *p=&x;` is {name p, type {int, pointerDepth 1}, value Address x}; `*p=&x;` has a
//   type with an empty base and pointerDepth 1.
// - `[x]=0;` is the same entry as `x=0;`.
// - `atomic_t v=ATOMIC_INIT(1);` is {type atomic_t, value Int 1}.
// - `0:r1=0;` and `int 0:r1=z;` set thread 0's register r1 (thread = 0).
// - `atomic_int y[2]={0,0};` is {type {atomic_int, arrayLength 2}, value List}.
// One entry of the `{ ... }` block: `x=1;`, `int *p=&x;`, `0:r1=0;`, `spinlock_t s;`,
// `atomic_t v = ATOMIC_INIT(1);`, `u8 buf[16];`
struct InitEntry {
    std::optional<int> thread;  // set for register entries `0:r1=...`
    std::string name;
    std::optional<Type> type;
    std::optional<InitValue> value;
    Loc loc;
    bool operator==(const InitEntry&) const = default;
};

// A location in `locations [...]` or in a condition: a thread register or a shared variable
// (optionally an element or a dereference, `x[1]`, `*p`).
struct LocationRef {
    std::optional<int> thread;
    std::string name;
    // memx's structs: a field path (`kst.len` has "len", `kst.hdr.len` "hdr.len"); the index,
    // if any, then selects an element of that field (`kst.name[2]`).
    std::string field;
    std::optional<std::int64_t> index;
    bool deref = false;
    // herd's typed `locations` entry (`x int`, `1:r0 int*`, `p *`): the type as written after
    // the location; empty otherwise. memx prints values by the test's declarations instead.
    std::string declaredType;
    Loc loc;
    bool operator==(const LocationRef&) const = default;
};

// How the condition is read: `x!=1` is PropAtom{negated}; `~x=1` and `not x=1` are PropNot.
// `final` and a bare `(prop)` mean exists. A bare name on the right (`0:r0=x`) is an Address;
// a register (`0:r1=0:r4`) or a bracketed location (`x=[y]`) is a Location. Precedence is
// herd's: `\/` binds loosest, then `/\`, then `->` (right-associative), then `~`.
// Right-hand side of a condition atom: an integer, a symbol's address (`0:r0=x`), or another
// location (`0:r1=0:r4`).
struct CondValue {
    enum class Kind { Int, Address, Location } kind = Kind::Int;
    std::int64_t value = 0;
    std::string symbol;
    LocationRef location;
    bool operator==(const CondValue&) const = default;
};

struct Prop;
using PropPtr = std::shared_ptr<const Prop>;

struct PropTrue {
    bool operator==(const PropTrue&) const = default;
};
struct PropFalse {
    bool operator==(const PropFalse&) const = default;
};
struct PropAtom {
    LocationRef lhs;
    CondValue rhs;
    bool negated = false;  // `x!=1`
    bool operator==(const PropAtom&) const = default;
};
struct PropNot {
    PropPtr operand;
};
struct PropAnd {
    PropPtr lhs, rhs;
};
struct PropOr {
    PropPtr lhs, rhs;
};
struct PropImplies {
    PropPtr lhs, rhs;
};

struct Prop {
    std::variant<PropTrue, PropFalse, PropAtom, PropNot, PropAnd, PropOr, PropImplies> node;
    Loc loc;
};

bool operator==(const Prop& a, const Prop& b);
bool operator==(const PropPtr& a, const PropPtr& b);

enum class Quantifier { Exists, NotExists, Forall };

struct Condition {
    Quantifier quantifier = Quantifier::Exists;
    PropPtr prop;
    Loc loc;
    bool operator==(const Condition&) const;
};

// The kernel convention `Result: Never|Sometimes|Always [DATARACE] [DEADLOCK]`, plus memx's
// `TORN`, taken from the test's comments.
// Taken from the first comment anywhere in the file that holds `Result: ...`.
struct ExpectedResult {
    std::string observation;  // "Never", "Sometimes", "Always"
    bool dataRace = false;
    bool deadlock = false;
    bool torn = false;
    bool liveness = false;  // memx's LIVENESS: under --loops await, a thread can wait forever
    bool operator==(const ExpectedResult&) const = default;
};

struct Program {
    std::string arch = "C";
    std::string name;
    std::optional<std::string> docString;  // the optional "..." line after the name
    std::optional<ExpectedResult> expected;
    std::vector<StructDecl> structs;  // memx's struct declarations, from the init block
    std::vector<InitEntry> init;
    std::vector<Thread> threads;
    std::vector<LocationRef> locations;
    PropPtr filter;  // may be null
    Condition condition;
    // herd's `with name: exists; other: ~exists` after the condition: the expected kind per
    // model, for herd's companion tools. herd7 ignores them, and so does memx.
    std::vector<std::pair<std::string, std::string>> conditionKinds;
    bool operator==(const Program&) const;
};

}  // namespace memx::litmus
