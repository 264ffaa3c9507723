// The events of a litmus program before any execution is chosen: every event each thread may
// perform (guarded by the branch conditions under which it runs), with symbolic addresses and
// values, and the static relations. The event builder produces it; the solver chooses rf, the
// final writes and the branch outcomes, and turns each choice into a model::ExecutionGraph.
//
// Byte-granular tests (docs/byte-memory.md) use the same structure with every memory access
// split into events of one byte: see AccessGroup, EventStructure::accessGroups and the cell
// functions of LocationTable. Other tests leave those empty and mean exactly what herd means.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "litmus/diagnostic.hpp"

namespace memx::model {

// ---------- symbolic values ----------
// Values are 64-bit integers. A shared location's address is a distinguished integer
// (see LocationTable), so pointers, `&x` and `0:r0=x` need no separate sort.

using SymId = std::uint32_t;

enum class SymOp {
    Const,      // value
    ReadValue,  // the value returned by read event `event` (the solver ties it to rf)
    Not,
    Neg,
    BitNot,
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
    Ge,  // results are 0 or 1
    LogAnd,
    LogOr,   // operands compared with 0; result 0 or 1
    Ite,     // operands[0] != 0 ? operands[1] : operands[2]
    Choice,  // a free 0/1 the solver enumerates, numbered by `value`
             // (herd's nondeterministic outcomes, e.g. spin_trylock success)
};

struct SymNode {
    SymOp op = SymOp::Const;
    std::int64_t value = 0;   // Const
    std::uint32_t event = 0;  // ReadValue
    std::vector<SymId> operands;
};

// ---------- locations ----------

struct Location {
    std::string name;          // "x"
    std::int64_t address = 0;  // the integer that stands for &x
    std::uint32_t size = 4;  // bytes: 4 in other tests (unused); the whole object if byte-granular
    SymId initialValue = 0;  // usually a Const; may be another location's address
    // Byte-granular tests: the element size and signedness (`u8 buf[16]`: size 16, element
    // 1, unsigned); a whole variable has elementSize == size. Unused otherwise.
    std::uint32_t elementSize = 4;
    bool isSigned = true;
    // Byte-granular tests: one initial value per element (arrays), else empty.
    std::vector<SymId> elementInitialValues = {};
    // Byte-granular tests: the offsets, ascending, of the bytes that have events and final
    // values of their own; empty means every byte. Byte classes (byte_classes.hpp) leave out
    // bytes that every access treats exactly as a representative it keeps.
    std::vector<std::uint32_t> keptBytes = {};
    std::size_t keptCount() const { return keptBytes.empty() ? size : keptBytes.size(); }
    std::uint32_t keptOffset(std::size_t k) const {
        return keptBytes.empty() ? static_cast<std::uint32_t>(k) : keptBytes[k];
    }
    // The initial value of element `element` (the whole variable's for element 0).
    SymId initialValueOf(std::uint32_t element) const {
        if (!elementInitialValues.empty()) {
            return elementInitialValues.at(element);
        }
        return element == 0 ? initialValue : 0;
    }
    // The rank of byte `offset` among the kept bytes, if it is kept.
    std::optional<std::size_t> keptRank(std::uint32_t offset) const;
    // memx's structs: the scalar leaves of the struct this location holds, by path (`len`,
    // `hdr.len`, `name`), for conditions such as `kst.len=4` (struct_layout.hpp).
    struct Field {
        std::string path;
        std::uint32_t offset = 0;
        std::uint32_t elementSize = 1;
        std::uint32_t count = 1;
        bool isSigned = false;
    };
    std::vector<Field> fields = {};
    // The bytes a condition names: element `index` of the location (`buf[3]`), or of its
    // field `field` (`kst.name[2]`, `kst.len`); nullopt when they do not exist.
    struct Element {
        std::uint32_t offset = 0;
        std::uint32_t size = 0;
        bool isSigned = false;
    };
    std::optional<Element> element(const std::string& field, std::int64_t index) const;
};

struct LocationTable {
    std::vector<Location> locations;
    // Byte-granular tests: each byte of a location is a memory cell of its own (its own
    // coherence order and final value) and values are stored little-endian unless bigEndian.
    bool byteGranular = false;
    bool bigEndian = false;
    // The cells whose final values are tracked: every byte of every location when
    // byteGranular, else one cell per location (cell == location index).
    std::size_t cellCount() const;
    std::int64_t cellAddress(std::size_t cell) const;
    std::size_t cellLocation(std::size_t cell) const;
    // The cell of byte `offset` of location `location`, if that byte is kept (byte-granular
    // tests), or of the location itself (other tests).
    std::optional<std::size_t> cellOf(std::size_t location, std::uint32_t offset) const;
    // The location a byte address falls in, and the offset there.
    struct BytePlace {
        std::size_t location = 0;
        std::uint32_t offset = 0;
    };
    std::optional<BytePlace> placeOf(std::int64_t address) const;
    // Addresses are spaced this far apart so byte offsets within a location stay inside it.
    static constexpr std::int64_t kBase = 0x100000;
    // 1 MiB: the largest location a byte-granular test may declare.
    static constexpr std::int64_t kStride = 0x100000;
    static std::int64_t addressOf(std::size_t index) {
        return kBase + static_cast<std::int64_t>(index) * kStride;
    }
};

// ---------- events ----------

enum class EventKind { Read, Write, Fence };

struct SymEvent {
    int thread = -1;  // -1: initial write
    int poIndex = 0;  // order within the thread (po is "same thread, smaller index")
    EventKind kind = EventKind::Fence;
    // Every base set the event belongs to, by the name a model uses: "R", "W", "F", "RMW",
    // "LKR", "LKW", "UL", "LF", "RL", "RU", "Srcu-lock", ... and its annotations ("ONCE",
    // "MB", "rcu-lock", ...). "M", "IW", "FW" and "_" are derived by the solver.
    std::vector<std::string> sets;
    SymId address = 0;       // Read/Write: the accessed address
    SymId value = 0;         // Write: value written; Read: a ReadValue node for this event
    SymId guard = 0;         // the event happens iff this is non-zero
    std::uint32_t size = 4;  // bytes accessed: 1 for every memory event of a byte-granular test
    std::string text;        // source text of the originating statement, for display
    SourceRange range;
    bool inSet(std::string_view name) const {
        return std::find(sets.begin(), sets.end(), name) != sets.end();
    }
};

// A static relation edge, present in an execution when both events happen.
using EventPair = std::pair<std::uint32_t, std::uint32_t>;

// Byte-granular tests: the byte events of one access (one READ_ONCE of a u32, the read side or
// the write side of one memcpy) form a group, herd's `si` ("same instruction"). A read group is
// torn in an execution when its bytes read from two or more write groups.
struct AccessGroup {
    std::vector<std::uint32_t> events;  // byte events, in ascending address order
    // A marked, naturally aligned access of 2, 4 or 8 bytes (or an initial write): where the
    // footprints of a single-copy-atomic read group and a single-copy-atomic (non-initial)
    // write group intersect, the read takes all of the shared bytes from that write or none.
    bool singleCopyAtomic = false;
};

// A `/` or `%` of a thread: herd7 stops a test with a fatal error when a division by zero
// happens in one of its candidates, so the solver checks every divisor against 0.
struct DivisionSite {
    SymId divisor = 0;
    SymId guard = 0;  // the division runs iff this is non-zero
    SourceRange range;
};

// Where a loop reached its unrolling bound (herd7's -unroll) while it could still go on: the
// executions in which `guard` holds are cut (EventStructure::assumptions forbids them) and
// herd7 prints its verdict as "Loop Ok" / "Loop No". Loops whose bound is decided by
// constants alone leave no cut where they finish in time.
struct LoopCut {
    SymId guard = 0;
    SourceRange range;  // the loop statement
};

// A wait under `--loops await` (docs/loops.md): a loop whose body has no effect another
// thread can see and whose condition depends on values read. It contributes only its final,
// successful iteration: the executions in which `blocked` holds (the condition still holds
// after one body) are dropped like a cut, without the Loop marker. Such an execution shows a
// thread waiting forever when, besides, each of `lastReads` (the reads of that body and of
// the condition after it) reads the co-final write of its location: reading again would
// give the same values. The solver looks for one and raises the `liveness` flag.
struct Wait {
    SymId blocked = 0;
    std::vector<std::uint32_t> lastReads;
    int thread = 0;
    SourceRange range;  // the loop statement
};

// A branch whose condition depends on values read (an `if`, or one test of a loop's
// condition): herd7 forks there (its choiceT), so that an execution is one side of every such
// branch it reaches. Where a dependency cycle leaves values open, both sides can stand with the
// same reads-from, as two candidates (docs/oota.md); elsewhere rf decides the side.
struct Branch {
    SymId taken = 0;  // the condition's truth, 0 or 1
    SymId guard = 0;  // the branch is reached iff this is non-zero
};

struct EventStructure {
    LocationTable locations;
    std::vector<SymNode> nodes;    // node 0 is Const 0, node 1 is Const 1
    std::vector<SymEvent> events;  // initial writes first, then threads in order
    std::vector<EventPair> rmw, addr, data, ctrl;
    // Facts that must hold when their guard holds (e.g. a lock acquisition reads "unlocked").
    std::vector<std::pair<SymId /*guard*/, SymId /*fact*/>> assumptions;
    // Final value of each register, per thread: thread -> (register -> value).
    std::map<int, std::map<std::string, SymId>> finalRegisters;
    int threadCount = 0;
    // Free 0/1 choices (SymOp::Choice, numbered 0..choiceCount-1) and, per choice, the guard
    // under which it matters; when that guard is 0 the solver fixes the choice to 0.
    std::uint32_t choiceCount = 0;
    std::vector<SymId> choiceGuards;
    // Byte-granular tests only (both empty otherwise): every Read/Write event has size 1, the
    // byte events of one access share its poIndex (so they are unordered among themselves)
    // and form one AccessGroup; groupOf[e] is the group of event e, or kNoGroup (fences).
    // A multi-byte read's value is the composition (Shl/BitOr, little-endian unless
    // locations.bigEndian, sign-extended for signed types) of its bytes' ReadValue nodes.
    std::vector<AccessGroup> accessGroups;
    std::vector<std::uint32_t> groupOf;
    std::vector<DivisionSite> divisions;
    std::vector<LoopCut> loopCuts;
    std::vector<Wait> waits;
    std::vector<Branch> branches;
    // Equations herd7's semantics states as assignments, not as conditions: a successful
    // cmpxchg reads `old` (herd's `old := read`), a failed atomic_add_unless reads `u`, and a
    // successful C11 compare_exchange reads *expected. herd solves them as it solves rf's
    // equations, so they fix a value that a dependency cycle leaves open, where a condition
    // on that value would stay unsolved (solver/herd_values.hpp, docs/oota.md). Each holds in
    // a candidate that runs `read` and runs `write` or not as `writeRuns` says.
    struct HerdEquation {
        std::uint32_t read = 0;
        std::uint32_t write = 0;
        bool writeRuns = true;
        SymId lhs = 0;  // the read's value
        SymId rhs = 0;  // what herd assigns to it
    };
    std::vector<HerdEquation> herdEquations;
    // Every operator the code runs on a value that depends on a read, with the guard under
    // which it runs. herd7 makes an equation `v := op(a, b)` for each (its M.op) whether or not
    // the result is used later (`r2 = r1 * 2;` with r2 overwritten): where a dependency cycle
    // leaves an operand open, that equation stays unsolved and herd drops the candidate.
    struct HerdOperator {
        SymId guard = 1;
        SymId value = 0;
    };
    std::vector<HerdOperator> herdOperators;
    // Per event: herd7's number for the variable of a read's value, or for the register read
    // that gives a write its value (0: none). herd prints an out-of-thin-air value as S<n>
    // (solver/herd_values.hpp, docs/oota.md).
    std::vector<std::uint32_t> herdVariables;
    void setHerdVariable(std::uint32_t event, std::uint32_t number) {
        if (herdVariables.size() <= event) {
            herdVariables.resize(event + 1, 0);
        }
        herdVariables[event] = number;
    }
    // What herd7 needs to name the variables a dependency cycle leaves open as herd does
    // (solver/herd_names.hpp). The event builder walks each thread once and numbers herd's
    // variables in that walk (herdVariables); herd builds the code after a fork once per side,
    // numbering each copy. herdCode keeps the shape of the walk, one node per statement, so
    // that a candidate's path through it gives herd's numbers; herdRegisterAccesses are herd's
    // register events in walk order. A register read carries its variable, a write the
    // variable of the value written (0: a constant). Both are kept only where the builder
    // follows herd's numbering exactly (herdRegistersExact): register assignments, loads,
    // stores, fences, locks and unlocks, xchg and atomic operations, binary operators, `if`s
    // on values, and a register assigned a cmpxchg, an atomic_add_unless, a spin_trylock or a
    // spin_is_locked (an Alt statement); no loop.
    struct HerdCodeNode {
        enum class Kind : std::uint8_t { Plain, List, If, Alt } kind = Kind::Plain;
        std::uint32_t first = 0;  // the variables made inside: first+1 .. last
        std::uint32_t last = 0;
        std::uint32_t conditionLast = 0;  // If: its condition's variables end here
        SymId taken = 0;                  // If: the condition's truth
        // If on a constant (`if (1)`): herd runs that side only (0 or 1); -1: herd forks.
        std::int8_t decided = -1;
        std::vector<std::uint32_t> children;  // List: its statements; If: then [, else]
        // Alt: a statement whose primitive herd builds as two alternatives (eventsMonad.ml's
        // altT), each making its own variables. The walk made first+1 .. sharedLast once,
        // before the fork, then the first alternative's, sharedLast+1 .. last. The second
        // alternative makes the walk's variables in secondKeeps (ranges from+1 .. to), in
        // order, then secondExtra variables of its own. The path takes the first alternative
        // iff the event firstEvent runs; firstIndex is its index in herd's list of the
        // statement's two structures.
        std::uint32_t sharedLast = 0;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> secondKeeps;
        std::uint32_t secondExtra = 0;
        std::uint32_t firstEvent = 0;
        std::uint8_t firstIndex = 0;
    };
    std::vector<HerdCodeNode> herdCode;
    std::vector<std::uint32_t> herdThreadCode;  // per thread, in order: its body (a List)
    struct HerdRegisterAccess {
        int thread = 0;
        std::string name;
        bool isWrite = false;
        std::uint32_t variable = 0;
        std::uint32_t code = 0;  // the herdCode node (statement) it belongs to
    };
    std::vector<HerdRegisterAccess> herdRegisterAccesses;
    bool herdRegistersExact = false;  // the event builder sets it
    static constexpr std::uint32_t kNoGroup = 0xffffffffu;
    bool byteGranular() const { return locations.byteGranular; }

    SymId constant(std::int64_t v);
    SymId add(SymNode n);
};

}  // namespace memx::model
