// Internal to the event builder: symbolic execution of one thread body. Both arms of every
// `if` run, each under its guard; registers hold symbolic values together with the reads
// they depend on, so addr/data/ctrl edges fall out of evaluation.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "litmus/ast.hpp"
#include "model/events/event_structure.hpp"
#include "model/events/primitives.hpp"

namespace memx::model::detail {

// What the whole program shares while threads are built.
struct BuildContext {
    EventStructure& es;
    const PrimitiveTable& primitives;
    const std::string& fileName;
    DiagnosticSink& sink;
    std::map<std::string, std::size_t> locationIndex;  // name -> index in es.locations
};

// A symbolic value and the read events it was computed from.
struct Value {
    SymId id = 0;
    std::set<std::uint32_t> deps;
};

class ThreadBuilder {
public:
    ThreadBuilder(BuildContext& ctx, const litmus::Thread& thread,
                  const std::map<std::string, SymId>& initialRegisters);

    // Runs the body; false if a diagnostic was reported.
    bool run();
    // Register -> final value, parameters excluded.
    std::map<std::string, SymId> finalRegisters() const;

private:
    // statements (thread_builder.cpp)
    void collectRegisterNames(const litmus::Stmt& s);
    bool exec(const litmus::Stmt& s);
    bool execIf(const litmus::IfStmt& s);
    bool assign(const litmus::AssignStmt& s, const litmus::Loc& loc);
    std::optional<Value> eval(const litmus::Expr& e);
    std::optional<Value> evalIdent(const litmus::Ident& id, const litmus::Loc& loc);
    std::optional<Value> evalUnary(const litmus::Unary& u, const litmus::Loc& loc);
    std::optional<Value> evalBinary(const litmus::Binary& b);
    std::optional<Value> evalTernary(const litmus::Ternary& t, const litmus::Loc& loc);

    // primitives (primitive_expansion.cpp)
    struct CallFrame;
    std::optional<Value> call(const litmus::Call& c, const litmus::Loc& loc, bool needValue);
    std::optional<Value> argValue(CallFrame& f, const PrimArg& a);
    std::optional<Value> argLvalueAddress(CallFrame& f, const PrimArg& a);
    std::optional<Value> runOp(CallFrame& f, const PrimOp& op);
    std::optional<Value> runRmw(CallFrame& f, const PrimOp& op);
    std::optional<Value> runCompareExchange(CallFrame& f, const PrimOp& op);
    std::optional<std::vector<std::string>> setsFor(CallFrame& f, const PrimOp& op,
                                                    std::vector<std::string> base, int orderArg);
    std::optional<Value> runLockOp(CallFrame& f, const PrimOp& op, const Value& address);

    // events and nodes (thread_builder.cpp)
    std::uint32_t addEvent(EventKind kind, std::vector<std::string> sets, const Value& address,
                           SymId value, SymId guard, const std::string& text,
                           const litmus::Loc& loc);
    Value plainLoad(const Value& address, const litmus::Loc& loc);
    Value readValueOf(std::uint32_t event);
    void addEdges(std::vector<EventPair>& rel, const std::set<std::uint32_t>& from,
                  std::uint32_t to);
    SymId node(SymOp op, std::vector<SymId> operands);
    SymId guardAnd(SymId guard, SymId cond);
    SymId truthOf(SymId v);  // v as a 0/1 value (comparisons are already 0/1)
    SymId newChoice(SymId guard);
    bool fail(const litmus::Loc& loc, const std::string& message);

    BuildContext& ctx_;
    const litmus::Thread& thread_;
    std::map<std::string, Value> registers_;
    std::set<std::string> params_;
    std::set<std::string> registerNames_;  // declared or assigned somewhere in the body
    SymId guard_ = 1;
    std::set<std::uint32_t> ctrlSources_;  // reads feeding the enclosing `if` conditions
    int nextPo_ = 0;
};

// Sets for an annotation: the tag as written and, when different, capitalised as herd names
// tag sets ("rmb" -> "Rmb", "srcu-lock" -> "Srcu-lock").
std::vector<std::string> tagSets(const std::string& tag);

}  // namespace memx::model::detail
