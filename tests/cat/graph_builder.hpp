// Test helper: builds ExecutionGraphs by hand, the way the event builder and solver would hand
// them to the cat evaluator (sets keyed by tag as written, po/loc/int/ext/id computed).
#pragma once

#include <string>
#include <vector>

#include "model/execution_graph.hpp"

namespace memx::cat::testing {

class GraphBuilder {
public:
    using Index = model::EventIndex;

    Index init(const std::string& loc, std::int64_t value = 0) {
        return add(-1, "W", loc, value, {"IW"});
    }
    Index write(int thread, const std::string& loc, std::int64_t value,
                std::vector<std::string> tags = {}) {
        return add(thread, "W", loc, value, std::move(tags));
    }
    Index read(int thread, const std::string& loc, std::int64_t value,
               std::vector<std::string> tags = {}) {
        return add(thread, "R", loc, value, std::move(tags));
    }
    Index fence(int thread, std::vector<std::string> tags) {
        return add(thread, "F", "", std::nullopt, std::move(tags));
    }
    void rf(Index w, Index r) { edges_.push_back({"rf", w, r}); }
    void edge(const std::string& rel, Index a, Index b) { edges_.push_back({rel, a, b}); }
    void finalWrite(Index w) { final_.push_back(w); }

    model::ExecutionGraph build() const {
        model::ExecutionGraph g;
        g.events = events_;
        const std::size_t n = events_.size();
        for (const char* s : {"R", "W", "M", "F", "IW", "FW", "RMW"})
            g.sets[s] = model::EventSet(n);
        for (const char* r : {"po", "rf", "rmw", "addr", "data", "ctrl", "loc", "int", "ext", "id"})
            g.relations[r] = model::Relation(n);
        for (Index e = 0; e < n; ++e) {
            const auto& ev = events_[e];
            g.sets[ev.kind].insert(e);
            if (ev.kind != "F")
                g.sets["M"].insert(e);
            for (const auto& t : ev.tags) {
                if (!g.sets.count(t))
                    g.sets[t] = model::EventSet(n);
                g.sets[t].insert(e);
            }
            for (Index f = 0; f < n; ++f) {
                const auto& other = events_[f];
                if (ev.thread >= 0 && ev.thread == other.thread && ev.poIndex < other.poIndex)
                    g.relations["po"].insert(e, f);
                if (!ev.location.empty() && ev.location == other.location)
                    g.relations["loc"].insert(e, f);
                g.relations[ev.thread == other.thread ? "int" : "ext"].insert(e, f);
            }
            g.relations["id"].insert(e, e);
        }
        for (const auto& [rel, a, b] : edges_)
            g.relations[rel].insert(a, b);
        for (Index w : final_)
            g.sets["FW"].insert(w);
        return g;
    }

private:
    struct Edge {
        std::string rel;
        Index a, b;
    };

    Index add(int thread, const std::string& kind, const std::string& loc,
              std::optional<std::int64_t> value, std::vector<std::string> tags) {
        model::EventInfo ev;
        ev.thread = thread;
        ev.kind = kind;
        ev.location = loc;
        ev.value = value;
        int count = 0;
        for (const auto& e : events_)
            count += e.thread == thread ? 1 : 0;
        ev.poIndex = count;
        ev.tags = std::move(tags);
        ev.label = kind + " " + loc;
        events_.push_back(ev);
        return static_cast<Index>(events_.size() - 1);
    }

    std::vector<model::EventInfo> events_;
    std::vector<Edge> edges_;
    std::vector<Index> final_;
};

}  // namespace memx::cat::testing
