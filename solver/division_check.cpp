#include "solver/division_check.hpp"

#include "solver/candidate_encoding.hpp"
#include "solver/observed_locations.hpp"
#include "solver/z3_session.hpp"

namespace memx::solver {

bool checkDivisions(const litmus::Program& program, const model::EventStructure& events,
                    const std::string& file, DiagnosticSink& sink) {
    if (events.divisions.empty()) {
        return true;  // no solver at all for the tests without a division (nearly all)
    }
    Z3Session session;
    CandidateEncoding encoding(events, observedLocations(program, events), session);
    bool ok = true;
    for (const model::DivisionSite& site : events.divisions) {
        Z3Session::Scope scope(session);
        session.add(encoding.value(site.guard) != 0);
        session.add(encoding.value(site.divisor) == 0);
        if (session.check() == CheckResult::Sat) {
            sink.error(file, site.range,
                       "division by zero: the divisor is 0 in some execution (herd7 stops the "
                       "test with a fatal error here)");
            ok = false;
        }
    }
    return ok;
}

}  // namespace memx::solver
