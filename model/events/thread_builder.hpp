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
#include "model/events/byte_types.hpp"
#include "model/events/event_structure.hpp"
#include "model/events/primitives.hpp"
#include "model/events/symbolic_values.hpp"

namespace memx::model::detail {

// What the whole program shares while threads are built.
struct BuildContext {
    EventStructure& es;
    const PrimitiveTable& primitives;
    const std::string& fileName;
    DiagnosticSink& sink;
    std::map<std::string, std::size_t> locationIndex;  // name -> index in es.locations
    // Byte-granular tests (byte_types.hpp): accesses are split into bytes after the threads
    // are built (byte_splitter.hpp), from what `accesses` records about each event.
    bool byteGranular = false;
    EventOptions options;
    std::set<int> externalThreads;
    // What an access is, for the split: a scalar (its bytes make up one value), one side of
    // a copy (byte i of the write side stores byte i of the read side), or the initial write
    // of a whole location.
    enum class AccessShape { Scalar, Copy, Initial };
    struct AccessNote {
        ScalarType type;  // the size and signedness of the access (a copy: its byte count)
        AccessShape shape = AccessShape::Scalar;
    };
    std::map<std::uint32_t, AccessNote> accesses;
    // The (read side, write side) events of every copy, as single events of the copy's size
    // until the split.
    std::vector<EventPair> copies;
    // The value of each node that depends on no read (loop conditions; see execLoop).
    std::optional<ConstantFolder> constants;
    // herd7's count of the variables its semantics has made so far, thread after thread.
    std::uint32_t herdVariables = 0;
};

// A symbolic value and the read events it was computed from; in byte-granular tests also
// what it points to, when it is a typed pointer (sizes accesses and scales `p + i`).
struct Value {
    SymId id = 0;
    std::set<std::uint32_t> deps;
    std::optional<PointeeType> pointee;
    // herd7's variable for this value, when its semantics makes one here (a register read, a
    // memory read, an operator on unknown operands): EventStructure::herdVariables.
    std::uint32_t herdVar = 0;
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
    bool execLoop(const litmus::WhileStmt& s, const litmus::Loc& loc);
    bool execJump(const litmus::JumpStmt& s, const litmus::Loc& loc);
    bool assign(const litmus::AssignStmt& s, const litmus::Loc& loc);
    std::optional<Value> eval(const litmus::Expr& e);
    std::optional<Value> evalIdent(const litmus::Ident& id, const litmus::Loc& loc);
    std::optional<Value> evalUnary(const litmus::Unary& u, const litmus::Loc& loc);
    std::optional<Value> evalBinary(const litmus::Binary& b, const litmus::Loc& loc);
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
    // smp_cond_load_acquire and its kin (wait_primitives.cpp)
    std::optional<Value> callConditionalWait(const litmus::Call& c, const litmus::Loc& loc);

    // byte-granular tests (byte_access.cpp)
    std::optional<Value> callUserCopy(const litmus::Call& c, const litmus::Loc& loc,
                                      bool needValue);
    std::optional<Value> copyBytes(const litmus::Call& c, const litmus::Loc& loc,
                                   const std::vector<std::string>& readSets,
                                   const std::vector<std::string>& writeSets);
    std::optional<Value> evalIndexAddress(const litmus::Index& ix);
    std::optional<Value> evalCast(const litmus::Cast& c);
    std::optional<Value> pointerArithmetic(const litmus::Binary& b, const Value& lhs,
                                           const Value& rhs);
    PointeeType locationPointee(std::size_t location) const;
    ScalarType accessTypeAt(const Value& address) const;
    std::optional<PointeeType> loadedPointee(std::uint32_t event) const;
    bool checkInBounds(const Value& address, ScalarType type, const litmus::Loc& loc);
    bool checkRange(std::int64_t address, std::int64_t size, const std::string& what,
                    const litmus::Loc& loc);
    bool checkCopyRange(const Value& base, std::int64_t n, const std::string& what,
                        const litmus::Loc& loc);

    // events and nodes (thread_builder.cpp)
    std::uint32_t addEvent(EventKind kind, std::vector<std::string> sets, const Value& address,
                           SymId value, SymId guard, const std::string& text,
                           const litmus::Loc& loc);
    // The same with the access's type given (a copy side: `type.size` bytes).
    std::uint32_t addSizedEvent(EventKind kind, std::vector<std::string> sets, const Value& address,
                                SymId value, SymId guard, const std::string& text,
                                const litmus::Loc& loc, std::optional<ScalarType> type);
    Value plainLoad(const Value& address, const litmus::Loc& loc);
    Value readValueOf(std::uint32_t event);
    void addEdges(std::vector<EventPair>& rel, const std::set<std::uint32_t>& from,
                  std::uint32_t to);
    SymId node(SymOp op, std::vector<SymId> operands);
    SymId guardAnd(SymId guard, SymId cond);
    SymId truthOf(SymId v);  // v as a 0/1 value (comparisons are already 0/1)
    void countHerdCondition(const Value& cond, SymId taken);
    // herd's register events (EventStructure::herdRegisterAccesses), and the constructs after
    // which memx no longer follows herd's numbering exactly (a loop, `?:`, a C11 RMW, ...).
    void noteHerdRegister(const std::string& name, bool isWrite, std::uint32_t variable);
    void leaveHerdExactNaming();
    // Records an operator herd7 makes an equation for (EventStructure::herdOperators).
    void noteHerdOperator(const Value& v);
    std::uint32_t openHerdCode(EventStructure::HerdCodeNode::Kind kind);
    // A register's new value, evaluated so that a forking call in it can be numbered as herd's
    // alternatives.
    std::optional<Value> evalAssigned(const litmus::Expr& e);
    // Makes the statement being walked an Alt node (EventStructure::HerdCodeNode).
    void markHerdAlt(std::uint32_t sharedLast,
                     std::vector<std::pair<std::uint32_t, std::uint32_t>> secondKeeps,
                     std::uint32_t secondExtra, std::uint32_t firstEvent, std::uint8_t firstIndex);
    void closeHerdCode(std::uint32_t node);
    std::uint32_t herdOperatorVariable(litmus::BinaryOp op, const Value& lhs, const Value& rhs);
    SymId newChoice(SymId guard);
    bool fail(const litmus::Loc& loc, const std::string& message);

    // Loops (thread_builder.cpp). A path that leaves a loop body early (`break`,
    // `continue`) or leaves the loop: its guard and the registers it holds there.
    struct PathState {
        SymId guard = 0;
        std::map<std::string, Value> registers;
        std::set<std::string> params;
    };
    struct LoopFrame {
        std::vector<PathState> breaks;
        std::vector<PathState> continues;
    };
    PathState here() const { return {guard_, registers_, params_}; }
    // registers_ and params_ of the paths joined (their guards exclude each other).
    void join(const std::vector<PathState>& paths);
    std::optional<std::int64_t> foldedValue(SymId id);

    BuildContext& ctx_;
    const litmus::Thread& thread_;
    std::map<std::string, Value> registers_;
    std::set<std::string> params_;
    std::set<std::string> registerNames_;  // declared or assigned somewhere in the body
    // Node 0 after `break`/`continue`: the statements that follow in the block never run.
    std::vector<std::uint32_t> herdCodeStack_;  // the herdCode nodes being walked
    // The statement whose register takes the value of the call being evaluated, if any:
    // herd's alternatives are followed there (call(), HerdCodeNode::Kind::Alt).
    static constexpr std::uint32_t kNoHerdStatement = 0xffffffffu;
    std::uint32_t herdAltStatement_ = kNoHerdStatement;
    SymId guard_ = 1;
    std::vector<LoopFrame> loops_;
    std::set<std::uint32_t> ctrlSources_;  // reads feeding the enclosing `if` conditions
    int nextPo_ = 0;
    bool checkingCopy_ = false;  // copyBytes checked its ranges; addEvent need not, per byte
    bool accessError_ = false;   // an access ran past its location (reported by addEvent)
    std::map<std::uint32_t, PointeeType> addressPointee_;  // byte-granular: event -> pointee
};

// The kernel's conditional waits (smp_cond_load_*, atomic_cond_read_*), built as loops.
bool isConditionalWait(const std::string& name);

// Sets for an annotation: the tag as written and, when different, capitalised as herd names
// tag sets ("rmb" -> "Rmb", "srcu-lock" -> "Srcu-lock").
std::vector<std::string> tagSets(const std::string& tag);

}  // namespace memx::model::detail
