// Hand-built executions for the figure tests: the classic shapes MP, SB, LB, IRIW, WRC and an
// RCU message-passing test, each in the execution that its forbidden outcome needs, with the
// relations a figure would draw and the cycle that rejects it highlighted.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/execution_graph.hpp"
#include "render/layout.hpp"

namespace memx::render_test {

struct ClassicExecution {
    std::string name;
    model::ExecutionGraph graph;
    std::vector<render::DrawnRelation> relations;
    render::Highlight highlight;
};

// Builds one execution: events, then rf and the coherence order per location; po comes from the
// threads, co from the per-location order (initial write first) and fr from rf and co.
class ExecutionSketch {
public:
    model::EventIndex init(const std::string& location, std::int64_t value = 0);
    model::EventIndex event(int thread, const std::string& kind, std::vector<std::string> tags,
                            const std::string& location = {}, std::int64_t value = 0);
    void rf(model::EventIndex w, model::EventIndex r) { rf_.emplace_back(w, r); }
    // Coherence order of one location's writes, the initial write first.
    void coherence(std::vector<model::EventIndex> writes) { co_.push_back(std::move(writes)); }
    // A named relation beyond po/rf/co/fr (a dependency, or a derived relation such as gp).
    void edge(const std::string& relation, model::EventIndex a, model::EventIndex b);

    model::ExecutionGraph build() const;

private:
    std::vector<model::EventInfo> events_;
    std::vector<std::pair<model::EventIndex, model::EventIndex>> rf_;
    std::vector<std::vector<model::EventIndex>> co_;
    std::vector<std::pair<std::string, std::pair<model::EventIndex, model::EventIndex>>> extra_;
};

// po (immediate edges), rf, co (immediate) and fr, then each extra relation name given.
std::vector<render::DrawnRelation> baseRelations(const model::ExecutionGraph& g,
                                                 const std::vector<std::string>& extra = {});

// MP, SB, LB, IRIW, WRC, RCU-MP, in that order.
std::vector<ClassicExecution> classicExecutions();

// litmus/library/loops/wait-can-block in the execution where P0 waits forever: P1 read x=1 and
// never sets the flag, and P0's wait (line 22) reads the flag's initial value again and again.
// The highlight marks P0 and its wait's last read.
ClassicExecution blockedWait();

// `threads` threads (up to 4) that each wait for a flag nobody sets, all blocked, their waits'
// reads labelled with long names; for the text figures' 80 columns.
ClassicExecution manyBlockedWaits(int threads);

}  // namespace memx::render_test
