#include "tests/models/graph_builder.hpp"

#include <algorithm>

namespace memx::models_test {

using model::EventIndex;
using model::EventSet;
using model::Relation;

const std::vector<std::string>& lkmmTags() {
    static const std::vector<std::string> tags = {"ONCE",
                                                  "RELEASE",
                                                  "ACQUIRE",
                                                  "NORETURN",
                                                  "MB",
                                                  "wmb",
                                                  "rmb",
                                                  "barrier",
                                                  "rcu-lock",
                                                  "rcu-unlock",
                                                  "sync-rcu",
                                                  "before-atomic",
                                                  "after-atomic",
                                                  "after-spinlock",
                                                  "after-unlock-lock",
                                                  "after-srcu-read-unlock",
                                                  "srcu-lock",
                                                  "srcu-unlock",
                                                  "sync-srcu"};
    return tags;
}

namespace {

const char* kindName(EventClass c) {
    switch (c) {
        case EventClass::Read:
            return "R";
        case EventClass::Write:
            return "W";
        case EventClass::Fence:
            return "F";
        case EventClass::LockRead:
            return "LKR";
        case EventClass::LockWrite:
            return "LKW";
        case EventClass::Unlock:
            return "UL";
        case EventClass::LockFail:
            return "LF";
        case EventClass::ReadLocked:
            return "RL";
        case EventClass::ReadUnlocked:
            return "RU";
        case EventClass::SyncSrcu:
            return "SRCU";
    }
    return "?";
}

// The base class herd puts each lock event in (lock.cat adds them to R and W itself).
const char* lockSetName(EventClass c) {
    switch (c) {
        case EventClass::LockRead:
            return "LKR";
        case EventClass::LockWrite:
            return "LKW";
        case EventClass::Unlock:
            return "UL";
        case EventClass::LockFail:
            return "LF";
        case EventClass::ReadLocked:
            return "RL";
        case EventClass::ReadUnlocked:
            return "RU";
        default:
            return nullptr;
    }
}

Relation fromPairs(std::size_t n, const std::vector<std::pair<EventIndex, EventIndex>>& pairs) {
    Relation r(n);
    for (auto [a, b] : pairs)
        r.insert(a, b);
    return r;
}

}  // namespace

EventIndex GraphBuilder::init(const std::string& location, std::int64_t value) {
    model::EventInfo e;
    e.thread = -1;
    e.kind = "W";
    e.location = location;
    e.value = value;
    e.label = "Init " + location + "=" + std::to_string(value);
    events_.push_back(e);
    classes_.push_back(EventClass::Write);
    isInit_.push_back(true);
    return static_cast<EventIndex>(events_.size() - 1);
}

EventIndex GraphBuilder::event(int thread, EventClass cls, std::vector<std::string> tags,
                               const std::string& location, std::int64_t value) {
    int index = 0;
    for (const auto& e : events_) {
        if (e.thread == thread)
            index = std::max(index, e.poIndex + 1);
    }
    model::EventInfo e;
    e.thread = thread;
    e.poIndex = index;
    e.kind = kindName(cls);
    e.tags = std::move(tags);
    e.location = location;
    if (cls != EventClass::Fence)
        e.value = value;
    std::string tagText;
    for (const auto& t : e.tags)
        tagText += (tagText.empty() ? "" : ",") + t;
    e.label = "P" + std::to_string(thread) + ":" + e.kind + "[" + tagText + "]" +
              (location.empty() ? "" : " " + location + "=" + std::to_string(value));
    events_.push_back(e);
    classes_.push_back(cls);
    isInit_.push_back(false);
    return static_cast<EventIndex>(events_.size() - 1);
}

void GraphBuilder::setValue(EventIndex e, std::int64_t v) {
    auto& info = events_[e];
    const std::string old = "=" + std::to_string(info.value.value_or(0));
    info.value = v;
    const auto at = info.label.rfind(old);
    if (at != std::string::npos)
        info.label.replace(at, old.size(), "=" + std::to_string(v));
}

EventIndex GraphBuilder::read(int thread, const std::string& location, std::int64_t value,
                              std::vector<std::string> tags) {
    return event(thread, EventClass::Read, std::move(tags), location, value);
}

EventIndex GraphBuilder::write(int thread, const std::string& location, std::int64_t value,
                               std::vector<std::string> tags) {
    return event(thread, EventClass::Write, std::move(tags), location, value);
}

EventIndex GraphBuilder::fence(int thread, const std::string& tag) {
    return event(thread, EventClass::Fence, {tag});
}

model::ExecutionGraph GraphBuilder::build() const {
    const std::size_t n = events_.size();
    model::ExecutionGraph g;
    g.events = events_;

    std::vector<std::string> setNames = {"R",   "W",   "M",   "F",  "IW", "FW", "B",
                                         "RMW", "LKR", "LKW", "UL", "LF", "RL", "RU"};
    for (const auto& t : lkmmTags())
        setNames.push_back(t);
    for (const auto& name : setNames)
        g.sets[name] = EventSet(n);

    for (EventIndex e = 0; e < n; ++e) {
        const EventClass c = classes_[e];
        if (isInit_[e])
            g.sets["IW"].insert(e);
        if (c == EventClass::Read)
            g.sets["R"].insert(e);
        if (c == EventClass::Write)
            g.sets["W"].insert(e);
        if (c == EventClass::Fence)
            g.sets["F"].insert(e);
        if (const char* lock = lockSetName(c))
            g.sets[lock].insert(e);
        if (c != EventClass::Fence && c != EventClass::SyncSrcu)
            g.sets["M"].insert(e);
        for (const auto& t : events_[e].tags)
            g.sets[t].insert(e);
    }
    for (EventIndex e : finals_)
        g.sets["FW"].insert(e);
    for (EventIndex e : rmwSet_)
        g.sets["RMW"].insert(e);

    // As the solver does it (and herd): initial writes belong to no thread, so they are never
    // int, yet they share one "process", so ext never relates two of them.
    Relation po(n), internal(n), external(n), loc(n);
    for (EventIndex a = 0; a < n; ++a) {
        for (EventIndex b = 0; b < n; ++b) {
            const auto& ea = events_[a];
            const auto& eb = events_[b];
            if (ea.thread >= 0 && ea.thread == eb.thread)
                internal.insert(a, b);
            if (ea.thread != eb.thread)
                external.insert(a, b);
            if (ea.thread >= 0 && ea.thread == eb.thread && ea.poIndex < eb.poIndex) {
                po.insert(a, b);
            }
            if (!ea.location.empty() && ea.location == eb.location)
                loc.insert(a, b);
        }
    }
    g.relations["po"] = po;
    g.relations["int"] = internal;
    g.relations["ext"] = external;
    g.relations["loc"] = loc;
    g.relations["id"] = Relation::identity(n);
    g.relations["rf"] = fromPairs(n, rf_);
    g.relations["rmw"] = fromPairs(n, rmw_);
    g.relations["addr"] = fromPairs(n, addr_);
    g.relations["data"] = fromPairs(n, data_);
    g.relations["ctrl"] = fromPairs(n, ctrl_);
    return g;
}

}  // namespace memx::models_test
