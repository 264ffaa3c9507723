// Helpers for the event-builder tests: building litmus ASTs by hand, looking events up, and
// evaluating symbolic nodes under chosen read values and choices.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "litmus/ast.hpp"
#include "model/events/event_builder.hpp"

namespace memx::testing {

namespace ast {
using litmus::ExprPtr;
using litmus::StmtPtr;

ExprPtr num(std::int64_t v);
ExprPtr id(const std::string& name);
ExprPtr deref(ExprPtr e);
ExprPtr addrOf(ExprPtr e);
ExprPtr bin(litmus::BinaryOp op, ExprPtr a, ExprPtr b);
ExprPtr call(const std::string& callee, std::vector<ExprPtr> args, int line = 0, int col = 0);

StmtPtr expr(ExprPtr e);
StmtPtr decl(const std::string& name, ExprPtr init = nullptr);
StmtPtr assign(ExprPtr target, ExprPtr value);
StmtPtr ifElse(ExprPtr cond, std::vector<StmtPtr> then, std::vector<StmtPtr> otherwise = {});

// `P<id>(int *p0, int *p1, ...)` with the given body.
litmus::Thread thread(int tid, std::vector<std::string> params, std::vector<StmtPtr> body);
litmus::InitEntry initLocation(const std::string& name, std::int64_t value);
litmus::InitEntry initRegister(int tid, const std::string& name, std::int64_t value);
}  // namespace ast

// Builds with the built-in LKMM table; fails the calling test on diagnostics.
model::EventStructure build(const litmus::Program& p);

// The same from text, read by the real parser and built with `options`; `file` names it in
// diagnostics. Both fail the calling test on any diagnostic.
litmus::Program parseText(const std::string& text, const std::string& file = "test.litmus");
model::EventStructure buildText(const std::string& text, model::EventOptions options = {},
                                const std::string& file = "test.litmus");

// Events of one thread in po order.
std::vector<const model::SymEvent*> threadEvents(const model::EventStructure& es, int tid);
std::uint32_t indexOf(const model::EventStructure& es, const model::SymEvent* e);
bool inSet(const model::SymEvent& e, const std::string& set);
// The sets of an event, sorted and joined with ',' for compact comparisons.
std::string setsOf(const model::SymEvent& e);
bool hasEdge(const std::vector<model::EventPair>& rel, std::uint32_t a, std::uint32_t b);

// Evaluates a node given the values of reads (by event index) and of choices (by number);
// missing reads and choices count as 0.
std::int64_t evaluate(const model::EventStructure& es, model::SymId id,
                      const std::map<std::uint32_t, std::int64_t>& reads = {},
                      const std::map<std::int64_t, std::int64_t>& choices = {});

}  // namespace memx::testing
