#include "render/event_names.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace memx::render {

namespace {

// 0 -> "a", 25 -> "z", 26 -> "aa", ... (bijective base 26, like spreadsheet columns).
std::string letters(std::size_t n) {
    std::string s;
    ++n;
    while (n > 0) {
        --n;
        s.insert(s.begin(), char('a' + n % 26));
        n /= 26;
    }
    return s;
}

}  // namespace

std::vector<std::string> shortEventNames(const model::ExecutionGraph& graph) {
    const auto& ev = graph.events;
    std::vector<std::size_t> order(ev.size());
    std::iota(order.begin(), order.end(), 0);
    // Thread events by (thread, poIndex); initial writes after them, by location.
    auto key = [&](std::size_t i) {
        bool initial = ev[i].thread < 0;
        return std::make_tuple(initial, initial ? 0 : ev[i].thread, initial ? 0 : ev[i].poIndex,
                               initial ? ev[i].location : std::string(), i);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    std::vector<std::string> names(ev.size());
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        names[order[rank]] = letters(rank);
    }
    return names;
}

std::string eventLabel(const model::EventInfo& event) {
    if (!event.label.empty()) {
        return event.label;
    }
    std::string s = event.kind;
    if (!event.tags.empty()) {
        s += "[";
        for (std::size_t i = 0; i < event.tags.size(); ++i) {
            s += (i ? "," : "") + event.tags[i];
        }
        s += "]";
    }
    if (!event.location.empty()) {
        s += " " + event.location;
        if (event.value) {
            s += "=" + std::to_string(*event.value);
        }
    }
    return s;
}

}  // namespace memx::render
