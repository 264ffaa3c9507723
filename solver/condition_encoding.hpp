// A test's condition (or filter) as a Z3 formula over one CandidateEncoding: registers are their
// final value nodes, shared locations the value of their chosen final write. A verdict search
// asserts it (or its negation), so the solver proposes only candidates on the wanted side.
#pragma once

#include <z3++.h>

#include "litmus/ast.hpp"
#include "solver/candidate_encoding.hpp"

namespace memx::solver {

// Every location the proposition names must be observed (have final-write choices), as the
// runner arranges for the condition's and filter's locations.
z3::expr encodeProposition(const litmus::Prop& prop, const litmus::Program& program,
                           CandidateEncoding& encoding);

// The final value of one location (a register, or a shared location composed from its
// bytes' final writes), as FinalStateReader::valueOf reads it off a candidate. A state search
// blocks a final state with it. The location must be observed, as for encodeProposition.
z3::expr encodeLocationValue(const litmus::LocationRef& location, const litmus::Program& program,
                             CandidateEncoding& encoding);

}  // namespace memx::solver
