#include "solver/partial_proposition.hpp"

#include <algorithm>

#include "litmus/prop_fold.hpp"
#include "solver/candidate.hpp"
#include "solver/final_state.hpp"

namespace memx::solver {

PartialProposition::PartialProposition(const litmus::Program& program,
                                       const model::EventStructure& events,
                                       const litmus::Prop& prop)
    : program_(program), events_(events), prop_(prop) {
    auto note = [&](const litmus::LocationRef& ref) {
        if (!isPlainRegister(ref)) {
            return;
        }
        if (auto node = registerNode(ref)) {
            inputs_.push_back(*node);
        }
    };
    litmus::foldProp(prop, true, true, [&](const litmus::PropAtom& atom) {
        note(atom.lhs);
        if (atom.rhs.kind == litmus::CondValue::Kind::Location) {
            note(atom.rhs.location);
        }
        return true;
    });
    std::sort(inputs_.begin(), inputs_.end());
    inputs_.erase(std::unique(inputs_.begin(), inputs_.end()), inputs_.end());
}

bool PartialProposition::isPlainRegister(const litmus::LocationRef& ref) {
    return ref.thread && !ref.deref && ref.field.empty() && !ref.index;
}

std::optional<model::SymId> PartialProposition::registerNode(const litmus::LocationRef& ref) const {
    auto thread = events_.finalRegisters.find(*ref.thread);
    if (thread == events_.finalRegisters.end()) {
        return std::nullopt;
    }
    auto reg = thread->second.find(ref.name);
    if (reg == thread->second.end()) {
        return std::nullopt;
    }
    return reg->second;
}

Truth PartialProposition::evaluate(
    const std::function<std::optional<std::int64_t>(model::SymId)>& value) const {
    return litmus::foldProp(
        prop_, Truth(true), Truth(false), [&](const litmus::PropAtom& atom) -> Truth {
            // The atom's registers, in a candidate of their own: FinalStateReader then reads
            // them (and a register no statement assigns, from the init block) as at the leaf.
            Candidate registers;
            auto fill = [&](const litmus::LocationRef& ref) {
                if (!isPlainRegister(ref)) {
                    return false;  // shared memory, or a register's pointee: at the leaf
                }
                if (auto node = registerNode(ref)) {
                    auto v = value(*node);
                    if (!v) {
                        return false;
                    }
                    registers.registers[*ref.thread][ref.name] = *v;
                }
                return true;
            };
            if (!fill(atom.lhs) ||
                (atom.rhs.kind == litmus::CondValue::Kind::Location && !fill(atom.rhs.location))) {
                return Truth(Truth::Value::Unknown);
            }
            return FinalStateReader(program_, events_, registers).holds(atom);
        });
}

}  // namespace memx::solver
