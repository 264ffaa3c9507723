#include "classic_executions.hpp"

namespace memx::render_test {

using model::EventIndex;
using model::Relation;

EventIndex ExecutionSketch::init(const std::string& location, std::int64_t value) {
    model::EventInfo e;
    e.thread = -1;
    e.kind = "W";
    e.location = location;
    e.value = value;
    events_.push_back(e);
    return EventIndex(events_.size() - 1);
}

EventIndex ExecutionSketch::event(int thread, const std::string& kind,
                                  std::vector<std::string> tags, const std::string& location,
                                  std::int64_t value) {
    model::EventInfo e;
    e.thread = thread;
    for (const auto& other : events_) {
        if (other.thread == thread) {
            ++e.poIndex;
        }
    }
    e.kind = kind;
    e.tags = std::move(tags);
    e.location = location;
    if (!location.empty()) {
        e.value = value;
    }
    events_.push_back(e);
    return EventIndex(events_.size() - 1);
}

void ExecutionSketch::edge(const std::string& relation, EventIndex a, EventIndex b) {
    extra_.push_back({relation, {a, b}});
}

model::ExecutionGraph ExecutionSketch::build() const {
    model::ExecutionGraph g;
    g.events = events_;
    std::size_t n = events_.size();
    Relation po(n), rf(n), co(n);
    for (EventIndex a = 0; a < n; ++a) {
        for (EventIndex b = 0; b < n; ++b) {
            const auto &x = events_[a], &y = events_[b];
            if (x.thread >= 0 && x.thread == y.thread && x.poIndex < y.poIndex) {
                po.insert(a, b);
            }
        }
    }
    for (auto [w, r] : rf_) {
        rf.insert(w, r);
    }
    for (const auto& order : co_) {
        for (std::size_t i = 0; i < order.size(); ++i) {
            for (std::size_t j = i + 1; j < order.size(); ++j) {
                co.insert(order[i], order[j]);
            }
        }
    }
    g.relations["po"] = po;
    g.relations["rf"] = rf;
    g.relations["co"] = co;
    g.relations["fr"] = rf.inverse().compose(co);
    for (const auto& [name, pair] : extra_) {
        g.relations.try_emplace(name, Relation(n));
        g.relations[name].insert(pair.first, pair.second);
    }
    return g;
}

std::vector<render::DrawnRelation> baseRelations(const model::ExecutionGraph& g,
                                                 const std::vector<std::string>& extra) {
    std::vector<render::DrawnRelation> drawn{{"po", g.relations.at("po"), true},
                                             {"rf", g.relations.at("rf"), false},
                                             {"co", g.relations.at("co"), true},
                                             {"fr", g.relations.at("fr"), false}};
    for (const std::string& name : extra) {
        drawn.push_back({name, g.relations.at(name), false});
    }
    return drawn;
}

namespace {

ClassicExecution finish(std::string name, const ExecutionSketch& s,
                        std::vector<render::HighlightedEdge> cycle,
                        const std::vector<std::string>& extra = {}) {
    ClassicExecution c;
    c.name = std::move(name);
    c.graph = s.build();
    c.relations = baseRelations(c.graph, extra);
    c.highlight.cycle = std::move(cycle);
    return c;
}

// MP+pooncerelease+poacquireonce, outcome 1:r0=1 /\ 1:r1=0.
ClassicExecution messagePassing() {
    ExecutionSketch s;
    EventIndex a = s.event(0, "W", {"once"}, "x", 1);
    EventIndex b = s.event(0, "W", {"release"}, "y", 1);
    EventIndex c = s.event(1, "R", {"acquire"}, "y", 1);
    EventIndex d = s.event(1, "R", {"once"}, "x", 0);
    EventIndex ix = s.init("x"), iy = s.init("y");
    s.rf(b, c);
    s.rf(ix, d);
    s.coherence({ix, a});
    s.coherence({iy, b});
    return finish("MP", s, {{a, b, "po"}, {b, c, "rf"}, {c, d, "po"}, {d, a, "fr"}});
}

// SB+fencembonceonces, outcome 0:r0=0 /\ 1:r0=0. The cycle's po edges skip the fences.
ClassicExecution storeBuffering() {
    ExecutionSketch s;
    EventIndex a = s.event(0, "W", {"once"}, "x", 1);
    s.event(0, "F", {"mb"});
    EventIndex c = s.event(0, "R", {"once"}, "y", 0);
    EventIndex d = s.event(1, "W", {"once"}, "y", 1);
    s.event(1, "F", {"mb"});
    EventIndex f = s.event(1, "R", {"once"}, "x", 0);
    EventIndex ix = s.init("x"), iy = s.init("y");
    s.rf(iy, c);
    s.rf(ix, f);
    s.coherence({ix, a});
    s.coherence({iy, d});
    return finish("SB", s, {{a, c, "po"}, {c, d, "fr"}, {d, f, "po"}, {f, a, "fr"}});
}

// LB+datas, outcome 0:r0=1 /\ 1:r0=1: each read feeds the write after it.
ClassicExecution loadBuffering() {
    ExecutionSketch s;
    EventIndex a = s.event(0, "R", {"once"}, "x", 1);
    EventIndex b = s.event(0, "W", {"once"}, "y", 1);
    EventIndex c = s.event(1, "R", {"once"}, "y", 1);
    EventIndex d = s.event(1, "W", {"once"}, "x", 1);
    EventIndex ix = s.init("x"), iy = s.init("y");
    s.rf(b, c);
    s.rf(d, a);
    s.coherence({ix, d});
    s.coherence({iy, b});
    s.edge("data", a, b);
    s.edge("data", c, d);
    return finish("LB", s, {{a, b, "data"}, {b, c, "rf"}, {c, d, "data"}, {d, a, "rf"}}, {"data"});
}

// IRIW+fencembonceonces+OnceOnce, outcome 2:r0=1 /\ 2:r1=0 /\ 3:r0=1 /\ 3:r1=0.
ClassicExecution independentReads() {
    ExecutionSketch s;
    EventIndex a = s.event(0, "W", {"once"}, "x", 1);
    EventIndex b = s.event(1, "W", {"once"}, "y", 1);
    EventIndex c = s.event(2, "R", {"once"}, "x", 1);
    s.event(2, "F", {"mb"});
    EventIndex e = s.event(2, "R", {"once"}, "y", 0);
    EventIndex f = s.event(3, "R", {"once"}, "y", 1);
    s.event(3, "F", {"mb"});
    EventIndex h = s.event(3, "R", {"once"}, "x", 0);
    EventIndex ix = s.init("x"), iy = s.init("y");
    s.rf(a, c);
    s.rf(iy, e);
    s.rf(b, f);
    s.rf(ix, h);
    s.coherence({ix, a});
    s.coherence({iy, b});
    return finish(
        "IRIW", s,
        {{a, c, "rf"}, {c, e, "po"}, {e, b, "fr"}, {b, f, "rf"}, {f, h, "po"}, {h, a, "fr"}});
}

// WRC+pooncerelease+poacquireonce, outcome 1:r0=1 /\ 2:r0=1 /\ 2:r1=0.
ClassicExecution writeToReadCausality() {
    ExecutionSketch s;
    EventIndex a = s.event(0, "W", {"once"}, "x", 1);
    EventIndex b = s.event(1, "R", {"once"}, "x", 1);
    EventIndex c = s.event(1, "W", {"release"}, "y", 1);
    EventIndex d = s.event(2, "R", {"acquire"}, "y", 1);
    EventIndex e = s.event(2, "R", {"once"}, "x", 0);
    EventIndex ix = s.init("x"), iy = s.init("y");
    s.rf(a, b);
    s.rf(c, d);
    s.rf(ix, e);
    s.coherence({ix, a});
    s.coherence({iy, c});
    return finish("WRC", s, {{a, b, "rf"}, {b, c, "po"}, {c, d, "rf"}, {d, e, "po"}, {e, a, "fr"}});
}

// RCU-MP: a reader's critical section against synchronize_rcu(), outcome 0:r0=1 /\ 0:r1=0.
// gp is the grace-period edge the kernel model derives across the synchronize_rcu().
ClassicExecution rcuMessagePassing() {
    ExecutionSketch s;
    s.event(0, "F", {"rcu-lock"});
    EventIndex b = s.event(0, "R", {"once"}, "x", 1);
    EventIndex c = s.event(0, "R", {"once"}, "y", 0);
    s.event(0, "F", {"rcu-unlock"});
    EventIndex e = s.event(1, "W", {"once"}, "y", 1);
    s.event(1, "F", {"sync-rcu"});
    EventIndex g = s.event(1, "W", {"once"}, "x", 1);
    EventIndex ix = s.init("x"), iy = s.init("y");
    s.rf(g, b);
    s.rf(iy, c);
    s.coherence({ix, g});
    s.coherence({iy, e});
    s.edge("gp", e, g);
    return finish("RCU-MP", s, {{b, c, "po"}, {c, e, "fr"}, {e, g, "gp"}, {g, b, "rf"}}, {"gp"});
}

}  // namespace

std::vector<ClassicExecution> classicExecutions() {
    return {messagePassing(),   storeBuffering(),       loadBuffering(),
            independentReads(), writeToReadCausality(), rcuMessagePassing()};
}

ClassicExecution blockedWait() {
    ExecutionSketch s;
    EventIndex ix = s.init("x"), iflag = s.init("flag");
    EventIndex a = s.event(0, "W", {"once"}, "x", 1);
    EventIndex b = s.event(0, "R", {"once"}, "flag", 0);
    EventIndex c = s.event(0, "R", {"once"}, "flag", 0);  // the wait's one body
    EventIndex d = s.event(1, "R", {"once"}, "x", 1);
    s.rf(iflag, b);
    s.rf(iflag, c);
    s.rf(a, d);
    s.coherence({ix, a});
    s.coherence({iflag});
    ClassicExecution blocked = finish("wait-can-block", s, {});
    blocked.highlight.waiting.push_back({0, 22, {c}});
    return blocked;
}

ClassicExecution manyBlockedWaits(int threads) {
    ExecutionSketch s;
    std::vector<std::pair<int, EventIndex>> lastReads;
    for (int t = 0; t < threads; ++t) {
        const std::string flag = "ready_flag_of_thread_" + std::to_string(t);
        EventIndex init = s.init(flag);
        s.coherence({init});
        s.rf(init, s.event(t, "R", {"acquire"}, flag, 0));
        EventIndex last = s.event(t, "R", {"acquire"}, flag, 0);
        s.rf(init, last);
        lastReads.emplace_back(t, last);
    }
    ClassicExecution c = finish("many-waits", s, {});
    for (const auto& [thread, read] : lastReads) {
        c.highlight.waiting.push_back({thread, 100 + thread, {read}});
    }
    return c;
}

}  // namespace memx::render_test
