#include "solver/test_outcome.hpp"

namespace memx::solver {

bool TestOutcome::conditionSatisfied() const {
    switch (quantifier) {
        case litmus::Quantifier::Exists:
            return positive > 0;
        case litmus::Quantifier::NotExists:
            return positive == 0;
        case litmus::Quantifier::Forall:
            return negative == 0;
    }
    return false;
}

}  // namespace memx::solver
