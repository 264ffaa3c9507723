#include "tests/engine/hand_built_events.hpp"

namespace memx::testing {

std::uint32_t HandBuiltEvents::location(const std::string& name, std::int64_t initial) {
    auto index = static_cast<std::uint32_t>(es.locations.locations.size());
    model::Location loc;
    loc.name = name;
    loc.address = model::LocationTable::addressOf(index);
    loc.initialValue = es.constant(initial);
    es.locations.locations.push_back(loc);
    model::SymEvent init;
    init.thread = -1;
    init.kind = model::EventKind::Write;
    init.sets = {"W"};
    init.address = es.constant(loc.address);
    init.value = loc.initialValue;
    init.guard = 1;
    // Initial writes come first in the contract; tests declare every location before events.
    es.events.push_back(init);
    return index;
}

std::int64_t HandBuiltEvents::address(std::uint32_t location) const {
    return es.locations.locations.at(location).address;
}

std::uint32_t HandBuiltEvents::write(int thread, int poIndex, std::uint32_t location,
                                     model::SymId value, model::SymId guard,
                                     std::vector<std::string> sets) {
    model::SymEvent e;
    e.thread = thread;
    e.poIndex = poIndex;
    e.kind = model::EventKind::Write;
    e.sets = std::move(sets);
    e.address = es.constant(address(location));
    e.value = value;
    e.guard = guard;
    es.events.push_back(e);
    es.threadCount = std::max(es.threadCount, thread + 1);
    return static_cast<std::uint32_t>(es.events.size() - 1);
}

std::uint32_t HandBuiltEvents::read(int thread, int poIndex, std::uint32_t location,
                                    model::SymId guard, std::vector<std::string> sets) {
    auto index = static_cast<std::uint32_t>(es.events.size());
    model::SymEvent e;
    e.thread = thread;
    e.poIndex = poIndex;
    e.kind = model::EventKind::Read;
    e.sets = std::move(sets);
    e.address = es.constant(address(location));
    e.value = es.add({model::SymOp::ReadValue, 0, index, {}});
    e.guard = guard;
    es.events.push_back(e);
    es.threadCount = std::max(es.threadCount, thread + 1);
    return index;
}

std::uint32_t HandBuiltEvents::writeAt(int thread, int poIndex, model::SymId address,
                                       model::SymId value, std::vector<std::string> sets) {
    auto e = write(thread, poIndex, 0, value, 1, std::move(sets));
    es.events[e].address = address;
    return e;
}

std::uint32_t HandBuiltEvents::readAt(int thread, int poIndex, model::SymId address,
                                      std::vector<std::string> sets) {
    auto e = read(thread, poIndex, 0, 1, std::move(sets));
    es.events[e].address = address;
    return e;
}

std::uint32_t HandBuiltEvents::fence(int thread, int poIndex, std::vector<std::string> sets,
                                     model::SymId guard) {
    model::SymEvent e;
    e.thread = thread;
    e.poIndex = poIndex;
    e.kind = model::EventKind::Fence;
    e.sets = std::move(sets);
    e.guard = guard;
    es.events.push_back(e);
    es.threadCount = std::max(es.threadCount, thread + 1);
    return static_cast<std::uint32_t>(es.events.size() - 1);
}

model::SymId HandBuiltEvents::op(model::SymOp o, std::vector<model::SymId> operands) {
    return es.add({o, 0, 0, std::move(operands)});
}

model::SymId HandBuiltEvents::choice(model::SymId guard) {
    auto number = es.choiceCount++;
    es.choiceGuards.push_back(guard);
    return es.add({model::SymOp::Choice, number, 0, {}});
}

DataDependencyLoadBuffering loadBufferingWithDataDependencies() {
    DataDependencyLoadBuffering lb;
    HandBuiltEvents& b = lb.b;
    lb.x = b.location("x");
    lb.y = b.location("y");
    lb.r0 = b.read(0, 0, lb.x);
    b.write(0, 1, lb.y, b.valueOf(lb.r0));
    lb.r1 = b.read(1, 0, lb.y);
    b.write(1, 1, lb.x, b.valueOf(lb.r1));
    return lb;
}

}  // namespace memx::testing
