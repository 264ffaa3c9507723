// Necessary conditions of SC per location (acyclic po-loc | rf | co | fr), asserted on the rf
// choices of a candidate encoding so that a verdict search never proposes a candidate every
// built-in model rejects for incoherence. Each built-in model (lkmm, rc11, sc) requires it; a
// user's .cat need not, so the pruning is for the built-in models only.
//
// Only orders every execution has are used: the initial write of a location is co-before its
// other writes, and two writes of one thread to one location are co-ordered as po orders them
// (CoWW). From these, within one thread:
//   CoRR: a read po-after another read of the same location does not read a write that is
//         co-before the first one's source;
//   CoWR: a read po-after a write to its location does not read a write co-before that one;
//   CoRW: a read does not read a write of its own thread that is po-after it.
// Why: a loop unrolled four times reads the same locations over and over (corpus/loops
// seqlock-reader: 22 reads), and the reads' choices multiply into millions of candidates, of
// which coherence leaves a few thousand.
#pragma once

#include "solver/candidate_encoding.hpp"
#include "solver/z3_session.hpp"

namespace memx::solver {

void addPerLocationCoherence(CandidateEncoding& encoding, Z3Session& session);

}  // namespace memx::solver
