// The event builder: a parsed litmus program becomes the symbolic EventStructure, with the
// events herd7 7.58 creates for the kernel's model (linux-kernel.def, variant lkmmv2).
//
// Conventions the solver relies on
// ---------------------------------
// Nodes. Node 0 is Const 0 and node 1 is Const 1. Each event in base set "R" has a ReadValue
//   node of its own (`events[i].value`, with `nodes[value].event == i`); nothing else refers to
//   a read's value except through that node. Lock-family events (LKR LKW UL LF RL RU) and
//   fences carry no value: their `value` is node 0 (herd's lock actions have no value).
// Kinds and sets. `kind` is the direction (Read for R, LKR, LF, RL, RU; Write for W, LKW, UL;
//   Fence for F and for synchronize_srcu's event). The base sets are authoritative and are
//   herd's own: LKR/LKW/LF/RL/RU/UL are NOT in "R"/"W" (lock.cat adds them), "RMW" holds both
//   halves of every atomic RMW (also a failed cmpxchg's lone read), "LK" holds LKR and LKW.
//   A tag appears as written in the .def ("ONCE", "rmb", "srcu-lock") and, when different,
//   capitalised the way herd names tag sets ("Rmb", "Srcu-lock", "Sync-srcu"). The event of
//   synchronize_srcu is in neither "F", "R" nor "W": it is {"sync-srcu","Sync-srcu"} with a
//   location. Initial writes are {"W"} only (the solver derives "IW", "FW", "M", "_").
// Locations. Every Read/Write-kind event has an `address` node; a Fence-kind event has a
//   location iff its `address` is not node 0 (only synchronize_srcu's event does).
// Guards. `guard` is node 1 at top level; inside `if` branches it is LogAnd of the enclosing
//   guard and the branch condition (`Ne(c,0)` or `Not(...)`). Both branches of an `if` are
//   present; their guards exclude each other. An RMW's write is guarded by its read's guard
//   and the success test (cmpxchg: read value == old; add_unless: read value != u), so a
//   failed cmpxchg is its read alone, as in herd.
// Choices. spin_trylock, spin_is_locked and C11 compare-exchange have outcomes that no value
//   decides: each gets one Choice node numbered 0.. (`choiceCount`); value 1 is success
//   (LKR+LKW, returns 1) resp. "locked" (RL, returns 1) resp. the compare-exchange's RMW; 0 is
//   failure (LF, returns 0) resp. "unlocked" (RU, returns 0) resp. its failed read.
//   `choiceGuards[n]` is the guard of the call: when it is 0 the choice is irrelevant and the
//   solver must fix it to 0, or executions would be counted twice.
// po. `poIndex` increases in program order inside a thread. The two branches of an `if` get
//   disjoint index ranges (then before else) and events after the `if` come after both; since
//   the guards exclude each other, po between the branches never shows in an execution.
//   Events of one primitive are po-ordered in the order herd lists them (R* before W*).
// Dependencies (pairs of event indices, present when both events happen):
//   addr: a read's value flows, through registers and arithmetic, into the event's address;
//   data: into the value a write stores (including an atomic op's own R* -> W*, whose written
//         value is computed from the read);
//   ctrl: into the condition of an `if` that encloses the event (only events inside the
//         branches: herd's control dependencies stop at the end of the `if`).
//   rmw: the R*/W* pair of a successful atomic RMW (not spin_lock: lock.cat builds lk-rmw).
// assumptions: (guard, fact) pairs; when guard != 0, fact != 0 must hold. Only C11
//   compare-exchange emits them: success reads exactly *expected, a strong failure reads a
//   different value (the kernel's cmpxchg needs none: its write guard carries the test).
// C11 (herd's built-in functions, used when the primitive table lacks the name): accesses get
//   the memory-order set (RLX ACQ REL ACQ_REL SC CON) and "A"; fences the order only; plain
//   accesses and initial writes nothing more. herd's single-event RMW is an R*/W* pair here.
// finalRegisters: every register a thread declares, assigns or has in the init block
//   (`0:r1=5;`), with its symbolic value at the end of the thread (Ite over branches).
// Byte-granular tests (byte_types.hpp, docs/byte-memory.md): every Read/Write event of the
//   sets R/W has size 1; an access of s bytes becomes s events with one poIndex and one
//   AccessGroup (EventStructure::accessGroups), its read value composed from the bytes'
//   ReadValue nodes; initial writes are per byte, one group per location; deps are byte x
//   byte, rmw pairs bytes of equal offset. Lock-family events stay single, of size 1.
#pragma once

#include <optional>
#include <string>

#include "litmus/ast.hpp"
#include "litmus/diagnostic.hpp"
#include "model/events/byte_types.hpp"
#include "model/events/event_structure.hpp"
#include "model/events/primitives.hpp"

namespace memx::model {

// Builds the events of `program`; unknown primitives, wrong arity, undeclared locations and
// unsupported constructs are reported to `sink` (with the AST node's range in `fileName`) and
// give std::nullopt.
std::optional<EventStructure> buildEvents(const litmus::Program& program,
                                          const PrimitiveTable& primitives,
                                          const std::string& fileName, DiagnosticSink& sink);
// The same with options (`--endian`, `--usercopy`); they matter only for byte-granular tests
// (byte_types.hpp), whose accesses are split into byte events as docs/byte-memory.md says.
std::optional<EventStructure> buildEvents(const litmus::Program& program,
                                          const PrimitiveTable& primitives,
                                          const std::string& fileName, DiagnosticSink& sink,
                                          const EventOptions& options);

}  // namespace memx::model
