// A thin layer over Z3's C++ API: one context and one solver, a three-valued check result that
// is never squashed to bool, scoped push/pop, and Z3 failures turned into SolverError.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include <z3++.h>

namespace memx::solver {

enum class CheckResult { Sat, Unsat, Unknown };

// A Z3 failure (z3::exception), carried with the operation that raised it.
class SolverError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Z3Session {
public:
    Z3Session();
    Z3Session(const Z3Session&) = delete;
    Z3Session& operator=(const Z3Session&) = delete;

    z3::context& context() { return context_; }
    z3::solver& solver() { return solver_; }

    void add(const z3::expr& constraint);
    // Bounds the next checks to `milliseconds` (0: no bound).
    void setTimeout(unsigned milliseconds);
    CheckResult check();
    // Why the last check answered Unknown ("timeout", "canceled", ...).
    std::string reasonUnknown() const { return reasonUnknown_; }
    z3::model model() const;
    // Z3's resource count ("rlimit count") so far: a measure of the solver's work that, unlike
    // time, is the same on every run and every machine.
    std::uint64_t work() const;

    // Pushes a backtracking point and pops it when the scope ends.
    class Scope {
    public:
        explicit Scope(Z3Session& session);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        Z3Session& session_;
    };

private:
    z3::context context_;
    z3::solver solver_;
    std::string reasonUnknown_;
};

}  // namespace memx::solver
