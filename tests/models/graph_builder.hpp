// Builds model::ExecutionGraph values by hand for the model tests: events by thread with the
// kernel model's tags, the reads-from and dependency edges, and every base set and relation a
// model reads (po, int, ext, loc, id, R, W, M, F, IW, FW, the lock classes and one set per
// tag). Derived facts are computed in build(), so a test states only what the litmus
// front end would decide.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/execution_graph.hpp"

namespace memx::models_test {

// What an event is, in the builder's terms (herd's event classes for the kernel model).
enum class EventClass {
    Read,          // R
    Write,         // W
    Fence,         // F
    LockRead,      // LKR: read half of spin_lock()
    LockWrite,     // LKW: write half of spin_lock()
    Unlock,        // UL
    LockFail,      // LF: failed spin_trylock()
    ReadLocked,    // RL: spin_is_locked() returning true
    ReadUnlocked,  // RU: spin_is_locked() returning false
    SyncSrcu,      // synchronize_srcu(): an event on the srcu_struct, neither R nor W
};

// Every tag the kernel model's bell declares, in the enums' order.
const std::vector<std::string>& lkmmTags();

class GraphBuilder {
public:
    // The initial write of `location`, with value `value`.
    model::EventIndex init(const std::string& location, std::int64_t value = 0);
    // The next event of `thread` in program order.
    model::EventIndex event(int thread, EventClass cls, std::vector<std::string> tags = {},
                            const std::string& location = {}, std::int64_t value = 0);
    model::EventIndex read(int thread, const std::string& location, std::int64_t value,
                           std::vector<std::string> tags = {"ONCE"});
    model::EventIndex write(int thread, const std::string& location, std::int64_t value,
                            std::vector<std::string> tags = {"ONCE"});
    model::EventIndex fence(int thread, const std::string& tag);

    void rf(model::EventIndex w, model::EventIndex r) { rf_.emplace_back(w, r); }
    void rmw(model::EventIndex r, model::EventIndex w) { rmw_.emplace_back(r, w); }
    void addr(model::EventIndex a, model::EventIndex b) { addr_.emplace_back(a, b); }
    void data(model::EventIndex a, model::EventIndex b) { data_.emplace_back(a, b); }
    void ctrl(model::EventIndex a, model::EventIndex b) { ctrl_.emplace_back(a, b); }
    // Marks `w` as the final write of its location (herd's FW).
    void finalWrite(model::EventIndex w) { finals_.push_back(w); }
    // Marks an event as part of a read-modify-write instruction (herd's RMW set).
    void inRmwSet(model::EventIndex e) { rmwSet_.push_back(e); }
    // Sets the value an event reads or writes (known once reads-from is chosen).
    void setValue(model::EventIndex e, std::int64_t v);

    std::size_t size() const { return events_.size(); }
    const model::EventInfo& info(model::EventIndex e) const { return events_[e]; }
    EventClass classOf(model::EventIndex e) const { return classes_[e]; }

    model::ExecutionGraph build() const;

private:
    std::vector<model::EventInfo> events_;
    std::vector<EventClass> classes_;
    std::vector<bool> isInit_;
    std::vector<std::pair<model::EventIndex, model::EventIndex>> rf_, rmw_, addr_, data_, ctrl_;
    std::vector<model::EventIndex> finals_, rmwSet_;
};

}  // namespace memx::models_test
