// herd7 stops a test with a fatal error (OCaml's Division_by_zero) when some candidate divides
// by zero; Z3's bit-vector division would instead give -1 and the run would go on silently. So
// before a test runs, the solver asks of every `/` and `%` whether a candidate executes it
// with a divisor of 0, and such a test is an input error at the division.
#pragma once

#include <string>

#include "litmus/ast.hpp"
#include "litmus/diagnostic.hpp"
#include "model/events/event_structure.hpp"

namespace memx::solver {

// False after reporting one error per division that some candidate runs with a zero divisor.
bool checkDivisions(const litmus::Program& program, const model::EventStructure& events,
                    const std::string& file, DiagnosticSink& sink);

}  // namespace memx::solver
