// The cat language's abstract syntax: a closed set of expression and statement kinds, each node
// carrying its source range and the file it came from (models span several included files).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "litmus/diagnostic.hpp"

namespace memx::cat {

// Where a node came from: a file of the loaded model (index into the model's file list) and
// its range in that file.
struct NodeLoc {
    std::uint32_t file = 0;
    SourceRange range;
};

enum class ExprKind {
    Empty,        // 0 or {}: the empty value, a set or a relation as its use decides
    Universe,     // _ : every event
    Var,          // a name
    Tag,          // 'name
    ExplicitSet,  // {e1, e2, ...}
    Tuple,        // (e1, e2, ...) and ()
    Star,         // r*
    Plus,         // r+
    Opt,          // r?
    Inverse,      // r^-1
    Complement,   // ~e
    ToId,         // [S]
    Union,        // e1 | e2
    Inter,        // e1 & e2
    Diff,         // e1 \ e2
    Seq,          // r1 ; r2
    Cartesian,    // S1 * S2
    Add,          // e ++ s
    App,          // f arg
    Fun,          // fun pattern -> body
    Let,          // let bindings in body
    LetRec,       // let rec bindings in body
    Try,          // try e with e'
    IfVariant,    // if "variant" then e1 else e2
    MatchSet,     // match e with || {} -> e1 || x ++ rest -> e2 end
    MatchTag,     // match e with || 'a -> e1 || _ -> e2 end
};

// A binding pattern: one name (`x`, or `_` as nullopt) or a tuple of names `(x, y)`.
struct Pattern {
    std::vector<std::optional<std::string>> names;
    bool isTuple = false;
};

// How the resolver bound a Var: a top-level slot, or a slot `index` in the frame `depth`
// levels up from the innermost local frame.
struct VarRef {
    enum class Kind { Unresolved, Global, Local } kind = Kind::Unresolved;
    std::uint32_t depth = 0;
    std::uint32_t index = 0;
};

struct Expr;
using ExprPtr = std::shared_ptr<Expr>;

struct Binding {
    NodeLoc loc;
    Pattern pattern;
    ExprPtr value;
    std::vector<VarRef> slots;  // where each pattern name is stored, after resolution
};

struct Expr {
    ExprKind kind;
    NodeLoc loc;
    std::string name;               // Var, Tag, IfVariant's variant, Fun's name for messages
    std::vector<ExprPtr> args;      // operands, set/tuple elements, App {f, arg}, Try {e, e'}
    std::vector<Binding> bindings;  // Let, LetRec
    Pattern pattern;                // Fun parameters; MatchSet {element, rest}
    std::vector<std::string> tags;  // MatchTag clause tags (args hold matched value, bodies)
    bool hasDefault = false;        // MatchTag: the last body is the `_` clause
    VarRef ref;                     // Var, after resolution
    std::uint32_t frameSize = 0;    // Fun, Let, LetRec, MatchSet: slots of the frame they open
};

enum class StmtKind {
    Let,
    LetRec,
    Check,
    Show,
    Unshow,
    Enum,
    Instructions,
    Procedure,
    Call,
    WithFrom,
    Include,    // removed by the loader, which splices the included file in
    IfVariant,  // if "variant" stmts [else stmts] end; removed by the loader
};

enum class TestKind { Acyclic, Irreflexive, Empty };
enum class TestMode { Axiom, Flag, UndefinedUnless };

struct Stmt;
using StmtList = std::vector<Stmt>;

struct Stmt {
    StmtKind kind;
    NodeLoc loc;
    std::vector<Binding> bindings;  // Let, LetRec
    // Check
    TestKind test = TestKind::Empty;
    TestMode mode = TestMode::Axiom;
    bool negated = false;  // `~empty`
    std::string text;      // the checked expression's source text
    std::optional<std::string> asName;
    ExprPtr expr;  // Check, Call argument, WithFrom source
    // Show/Unshow names; Enum tags; Instructions enum arguments; Include file name in `name`
    std::vector<std::string> names;
    std::string name;  // Enum, Instructions kind, Procedure, Call target, WithFrom variable
    Pattern pattern;   // Procedure parameters
    std::shared_ptr<StmtList> body;      // Procedure, IfVariant's then-part
    std::shared_ptr<StmtList> elseBody;  // IfVariant
    VarRef ref;                          // Call target, WithFrom variable's slot
    std::uint32_t frameSize = 0;         // Procedure
};

}  // namespace memx::cat
