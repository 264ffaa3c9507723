#include "solver/z3_session.hpp"

#include "solver/memory_limit.hpp"

namespace memx::solver {

namespace {

[[noreturn]] void rethrow(const char* operation, const z3::exception& e) {
    if (isZ3MemoryMessage(e.msg())) {
        throw MemoryLimitReached();
    }
    throw SolverError(std::string("Z3 ") + operation + " failed: " + e.msg());
}

}  // namespace

// Every constraint is quantifier-free bit-vector logic; telling Z3 so picks its bit-blasting
// solver, measured 3x faster than the default on enumeration (1024 candidates of
// lkmm/auto/C-RR-R+RR-R+RR-R+RR-R+RR-R: 7.4 s -> 2.3 s).
Z3Session::Z3Session() : solver_(context_, "QF_BV") {}

void Z3Session::add(const z3::expr& constraint) {
    try {
        solver_.add(constraint);
    } catch (const z3::exception& e) {
        rethrow("assert", e);
    }
}

void Z3Session::setTimeout(unsigned milliseconds) {
    try {
        z3::params p(context_);
        // Z3 reads 0 as "no bound" only for some tactics; UINT_MAX is its own "unbounded".
        p.set("timeout", milliseconds == 0 ? 4294967295u : milliseconds);
        solver_.set(p);
    } catch (const z3::exception& e) {
        rethrow("set timeout", e);
    }
}

CheckResult Z3Session::check() {
    try {
        switch (solver_.check()) {
            case z3::sat:
                reasonUnknown_.clear();
                return CheckResult::Sat;
            case z3::unsat:
                reasonUnknown_.clear();
                return CheckResult::Unsat;
            case z3::unknown:
                reasonUnknown_ = solver_.reason_unknown();
                if (isZ3MemoryMessage(reasonUnknown_)) {
                    throw MemoryLimitReached();
                }
                return CheckResult::Unknown;
        }
    } catch (const z3::exception& e) {
        rethrow("check", e);
    }
    return CheckResult::Unknown;
}

std::uint64_t Z3Session::work() const {
    try {
        z3::stats stats = solver_.statistics();
        for (unsigned i = 0; i < stats.size(); ++i) {
            if (stats.key(i) == "rlimit count") {
                return stats.is_uint(i) ? stats.uint_value(i)
                                        : static_cast<std::uint64_t>(stats.double_value(i));
            }
        }
        return 0;
    } catch (const z3::exception& e) {
        rethrow("statistics", e);
    }
}

z3::model Z3Session::model() const {
    try {
        return solver_.get_model();
    } catch (const z3::exception& e) {
        rethrow("get_model", e);
    }
}

Z3Session::Scope::Scope(Z3Session& session) : session_(session) {
    try {
        session_.solver_.push();
    } catch (const z3::exception& e) {
        rethrow("push", e);
    }
}

Z3Session::Scope::~Scope() {
    try {
        session_.solver_.pop();
    } catch (const z3::exception&) {
        // A destructor cannot throw; a failed pop leaves a solver that the caller discards.
    }
}

}  // namespace memx::solver
