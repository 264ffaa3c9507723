// Necessary conditions of SC per location (acyclic po-loc | rf | co | fr), asserted on the rf
// choices of a candidate encoding so that Z3 never proposes a candidate every built-in model
// rejects for incoherence: in the verdict searches, and in the exhaustive pass unless the run
// keeps rejected executions to show (solver/test_runner.cpp). Each built-in model (lkmm, rc11,
// sc) requires it; a user's .cat need not, so the pruning is for the built-in models only.
//
// Only orders every execution has are used: the initial write of a location is co-before its
// other writes, and two writes of one thread to one location are co-ordered as po orders them
// (CoWW). From these, within one thread:
//   CoRR: a read po-after another read of the same location does not read a write that is
//         co-before the first one's source;
//   CoWR: a read po-after a write to its location does not read a write co-before that one;
//   CoRW: a read does not read a write of its own thread that is po-after it.
// And atomicity: two read-modify-writes whose writes happen do not read from the same write
// (five cmpxchg locks taken in turn: without it, candidates in which every cmpxchg reads the
// initial value give the model 10!/2^5 coherence orders each to reject).
// Why: a loop unrolled four times reads the same locations over and over (corpus/loops
// seqlock-reader: 22 reads), and the reads' choices multiply into millions of candidates, of
// which coherence leaves a few thousand.
#pragma once

#include "solver/candidate.hpp"
#include "solver/candidate_encoding.hpp"
#include "solver/z3_session.hpp"

namespace memx::solver {

void addPerLocationCoherence(CandidateEncoding& encoding, Z3Session& session);

// `earlier` is co-before `later` in every execution where both run at one address: the
// initial write before any other, and a thread's writes in program order.
bool alwaysCoBefore(const model::SymEvent& earlier, const model::SymEvent& later);

// Lock-family events (LKR, LKW, UL, LF, RL, RU), whose reads-from the model chooses.
bool isLockEvent(const model::SymEvent& e);

// The atomicity rule above on one concrete candidate: whether two read-modify-writes whose
// writes happen read from the same write. The exhaustive pass skips such candidates under a
// built-in model, so that its budget is not spent on the model's coherence orders for them.
bool breaksRmwAtomicity(const model::EventStructure& events, const Candidate& candidate);

}  // namespace memx::solver
