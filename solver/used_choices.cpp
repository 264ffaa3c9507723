#include "solver/used_choices.hpp"

namespace memx::solver {

std::vector<bool> usedChoices(const model::EventStructure& events, const Candidate& candidate,
                              const std::function<std::int64_t(model::SymId)>& valueOf) {
    std::vector<bool> used(events.choiceCount, false);
    std::vector<bool> seen(events.nodes.size(), false);
    std::vector<model::SymId> stack;
    auto push = [&](model::SymId id) {
        if (!seen[id]) {
            seen[id] = true;
            stack.push_back(id);
        }
    };
    for (std::uint32_t e = 0; e < events.events.size(); ++e) {
        if (!candidate.executed[e]) {
            continue;
        }
        push(events.events[e].guard);
        if (events.events[e].kind != model::EventKind::Fence) {
            push(events.events[e].address);
            push(events.events[e].value);
        }
    }
    for (const auto& [thread, regs] : events.finalRegisters) {
        for (const auto& [name, node] : regs) {
            push(node);
        }
    }
    for (const auto& [guard, fact] : events.assumptions) {
        if (valueOf(guard) != 0) {
            push(guard);
            push(fact);
        }
    }
    while (!stack.empty()) {
        model::SymId id = stack.back();
        stack.pop_back();
        const model::SymNode& n = events.nodes[id];
        if (n.op == model::SymOp::Choice) {
            used[static_cast<std::size_t>(n.value)] = true;
        } else if (n.op == model::SymOp::Ite) {
            push(n.operands[0]);
            push(n.operands[valueOf(n.operands[0]) != 0 ? 1 : 2]);
        } else {
            for (model::SymId operand : n.operands) {
                push(operand);
            }
        }
    }
    return used;
}

}  // namespace memx::solver
