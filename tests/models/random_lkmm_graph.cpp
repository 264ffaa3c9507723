#include "tests/models/random_lkmm_graph.hpp"

#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "tests/models/graph_builder.hpp"

namespace memx::models_test {

using model::EventIndex;

std::uint64_t Rng::next() {
    s_ ^= s_ >> 12;
    s_ ^= s_ << 25;
    s_ ^= s_ >> 27;
    return s_ * 0x2545F4914F6CDD1Dull;
}

namespace {

template <typename T>
const T& pick(Rng& rng, const std::vector<T>& options) {
    return options[static_cast<std::size_t>(rng.below(static_cast<int>(options.size())))];
}

// Builds one random program's events; values of reads are filled in once rf is chosen.
class Generator {
public:
    explicit Generator(Rng& rng) : rng_(rng) {}

    model::ExecutionGraph run() {
        const int threads = 2 + rng_.below(3);
        locks_ = rng_.chance(25);
        rcu_ = rng_.chance(20);
        srcu_ = rng_.chance(15);
        chooseFlavour();
        for (const char* loc : {"x", "y"})
            declare(loc);
        if (locks_)
            declare("l");
        if (srcu_)
            for (const char* loc : {"s", "t"})  // two srcu_structs: SRCU order needs `& loc`
                declare(loc);
        for (int t = 0; t < threads; ++t)
            thread(t);
        chooseReadsFrom();
        chooseDependencies();
        chooseFinalWrites();
        return b_.build();
    }

private:
    // Each graph draws its own mix (which two fences, how many plain accesses, how dense
    // the dependencies), so rare combinations such as "address dependency to a plain write,
    // then smp_wmb()" turn up in some graphs instead of almost never in all of them.
    void chooseFlavour() {
        static const std::vector<std::string> fences = {"MB",
                                                        "rmb",
                                                        "wmb",
                                                        "barrier",
                                                        "before-atomic",
                                                        "after-atomic",
                                                        "after-spinlock",
                                                        "after-unlock-lock",
                                                        "after-srcu-read-unlock"};
        fenceKinds_ = {pick(rng_, fences), pick(rng_, fences)};
        fencePercent_ = 10 + rng_.below(30);
        rmwPercent_ = 5 + rng_.below(20);
        plainPercent_ = rng_.below(70);
        depPercent_ = rng_.below(50);
        ctrlPercent_ = rng_.below(30);
    }

    std::vector<std::string> accessTag(const std::vector<std::string>& marked) {
        if (rng_.chance(plainPercent_))
            return {};
        return {pick(rng_, marked)};
    }

    void declare(const std::string& loc) {
        inits_[loc] = b_.init(loc, 0);
        nextValue_[loc] = 1;
    }

    // A data location with room for one more write (at most three each keeps co small).
    std::optional<std::string> writableLocation() {
        std::string loc = rng_.chance(50) ? "x" : "y";
        if (writes_[loc] >= 3)
            loc = loc == "x" ? "y" : "x";
        if (writes_[loc] >= 3)
            return std::nullopt;
        ++writes_[loc];
        return loc;
    }

    // Some threads are shaped like the classic litmus tests: two or three accesses with
    // fences between them; the others are free mixes of every kind of operation.
    void thread(int t) {
        if (rng_.chance(35)) {
            const int accesses = 2 + rng_.below(2);
            for (int i = 0; i < accesses; ++i) {
                if (i > 0 && rng_.chance(60))
                    b_.fence(t, pick(rng_, fenceKinds_));
                if (rng_.chance(rmwPercent_))
                    rmwOp(t);
                else
                    plainOrMarkedAccess(t, i == 0 ? 75 : 35);  // dependencies start at reads
            }
            return;
        }
        const int ops = 1 + rng_.below(4);
        bool holding = false;
        int openRcu = 0;
        std::vector<EventIndex> srcuLocks;
        for (int i = 0; i < ops; ++i) {
            const int kind = rng_.below(100);
            if (locks_ && kind < 25) {
                lockOp(t, holding);
            } else if (rcu_ && kind < 40) {
                rcuOp(t, openRcu);
            } else if (srcu_ && kind < 50) {
                srcuOp(t, srcuLocks);
            } else if (kind < 100 - fencePercent_ - rmwPercent_) {
                plainOrMarkedAccess(t);
            } else if (kind < 100 - fencePercent_) {
                rmwOp(t);
            } else {
                b_.fence(t, rng_.chance(20) ? std::string("MB") : pick(rng_, fenceKinds_));
            }
        }
        if (holding && rng_.chance(80))
            b_.event(t, EventClass::Unlock, {}, "l", 0);
        while (openRcu-- > 0 && rng_.chance(85))
            b_.fence(t, "rcu-unlock");
        for (EventIndex lock : srcuLocks) {
            if (rng_.chance(80))
                srcuUnlock(t, lock);
        }
    }

    // A read or a write, plain or marked; `readPercent` of them reads.
    void plainOrMarkedAccess(int t, int readPercent = 50) {
        if (rng_.chance(readPercent)) {
            const std::string loc = rng_.chance(50) ? "x" : "y";
            reads_.push_back(b_.read(t, loc, 0, accessTag({"ONCE", "ONCE", "ACQUIRE", "RELEASE"})));
            return;
        }
        const auto loc = writableLocation();
        if (!loc)
            return;
        b_.write(t, *loc, nextValue_[*loc]++, accessTag({"ONCE", "ONCE", "RELEASE", "ACQUIRE"}));
    }

    // xchg/cmpxchg/atomic_*: a tagged read and write linked by rmw, all in RMW; a failed
    // cmpxchg() is its read alone.
    void rmwOp(int t) {
        const auto loc = writableLocation();
        if (!loc)
            return;
        const std::string tag =
            pick<std::string>(rng_, {"ONCE", "ACQUIRE", "RELEASE", "MB", "NORETURN"});
        const EventIndex r = b_.read(t, *loc, 0, {tag});
        reads_.push_back(r);
        b_.inRmwSet(r);
        if (tag != "NORETURN" && rng_.chance(20))
            return;
        const EventIndex w = b_.write(t, *loc, nextValue_[*loc]++, {tag});
        b_.inRmwSet(w);
        b_.rmw(r, w);
    }

    void lockOp(int t, bool& holding) {
        const int op = rng_.below(100);
        if (op < 12) {  // occasionally ill-formed on purpose: the flags must agree too
            const EventClass odd =
                pick<EventClass>(rng_, {EventClass::Unlock, EventClass::LockWrite,
                                        EventClass::ReadUnlocked, EventClass::LockRead});
            if (odd == EventClass::LockRead) {  // a nested spin_lock(): deadlock
                b_.event(t, EventClass::LockRead, {}, "l", 0);
                b_.event(t, EventClass::LockWrite, {}, "l", 1);
            } else {
                b_.event(t, odd, {}, "l", 0);
            }
        } else if (!holding && op < 60) {
            b_.event(t, EventClass::LockRead, {}, "l", 0);
            b_.event(t, EventClass::LockWrite, {}, "l", 1);
            holding = true;
        } else if (holding && op < 70) {
            b_.event(t, EventClass::Unlock, {}, "l", 0);
            holding = false;
        } else if (op < 80) {
            b_.event(t, EventClass::LockFail, {}, "l", 1);
        } else if (op < 90) {
            b_.event(t, EventClass::ReadLocked, {}, "l", 1);
        } else {
            b_.event(t, EventClass::ReadUnlocked, {}, "l", 0);
        }
        if (op >= 60 && rng_.chance(30))
            b_.fence(t, "after-spinlock");
    }

    void rcuOp(int t, int& open) {
        const int op = rng_.below(100);
        if (op < 45) {
            b_.fence(t, "rcu-lock");
            ++open;
        } else if (op < 75 && open > 0) {
            b_.fence(t, "rcu-unlock");
            --open;
        } else if (op < 85) {
            b_.fence(t, pick<std::string>(rng_, {"rcu-unlock", "sync-rcu"}));
        } else {
            b_.fence(t, "sync-rcu");
        }
    }

    void srcuOp(int t, std::vector<EventIndex>& locks) {
        const int op = rng_.below(100);
        if (op < 45) {
            const EventIndex r = b_.event(t, EventClass::Read, {"srcu-lock"}, srcuStruct(), 0);
            reads_.push_back(r);
            locks.push_back(r);
        } else if (op < 75 && !locks.empty()) {
            srcuUnlock(t, locks.back());
            locks.pop_back();
        } else {
            b_.event(t, EventClass::SyncSrcu, {"sync-srcu"}, srcuStruct(), 0);
        }
    }

    std::string srcuStruct() { return rng_.chance(50) ? "s" : "t"; }

    void srcuUnlock(int t, EventIndex lock) {
        // Normally on the srcu_struct its lock used.
        const std::string loc = rng_.chance(90) ? b_.info(lock).location : srcuStruct();
        const EventIndex w = b_.event(t, EventClass::Write, {"srcu-unlock"}, loc, 0);
        if (rng_.chance(90))
            b_.data(lock, w);
        srcuUnlocks_.emplace_back(lock, w);
    }

    // Reads-from follows a random interleaving of the threads: most reads see the latest
    // write before them (so many graphs have allowed executions), the rest any write of
    // their location (so weak and incoherent outcomes occur too).
    void chooseReadsFrom() {
        std::map<int, std::vector<EventIndex>> byThread;
        std::map<std::string, EventIndex> latest;
        for (EventIndex e = 0; e < b_.size(); ++e) {
            if (b_.info(e).thread < 0) {
                latest[b_.info(e).location] = e;
            } else {
                byThread[b_.info(e).thread].push_back(e);
            }
        }
        std::map<int, std::size_t> next;
        std::vector<bool> isRead(b_.size(), false);
        for (EventIndex r : reads_)
            isRead[r] = true;
        for (std::size_t left = b_.size() - latest.size(); left > 0; --left) {
            std::vector<int> ready;
            for (const auto& [t, events] : byThread) {
                if (next[t] < events.size())
                    ready.push_back(t);
            }
            const int t = pick(rng_, ready);
            const EventIndex e = byThread[t][next[t]++];
            if (isRead[e])
                readFrom(e, rng_.chance(80) ? latest[b_.info(e).location] : anyWrite(e));
            if (b_.classOf(e) == EventClass::Write)
                latest[b_.info(e).location] = e;
        }
        // srcu_read_unlock() is normally handed the index its lock returned.
        for (auto [lock, unlock] : srcuUnlocks_) {
            const std::int64_t index = b_.info(lock).value.value_or(0);
            b_.setValue(unlock, rng_.chance(85) ? index : index + 7);
        }
    }

    EventIndex anyWrite(EventIndex r) {
        std::vector<EventIndex> sources;
        for (EventIndex w = 0; w < b_.size(); ++w) {
            if (b_.classOf(w) == EventClass::Write && b_.info(w).location == b_.info(r).location) {
                sources.push_back(w);
            }
        }
        return pick(rng_, sources);
    }

    void readFrom(EventIndex r, EventIndex w) {
        b_.rf(w, r);
        b_.setValue(r, b_.info(w).value.value_or(0));
    }

    void chooseDependencies() {
        for (EventIndex r : reads_) {
            for (EventIndex e = r + 1; e < b_.size(); ++e) {
                if (b_.info(e).thread != b_.info(r).thread)
                    continue;
                const EventClass c = b_.classOf(e);
                const bool memory = c != EventClass::Fence && c != EventClass::SyncSrcu;
                if (memory && rng_.chance(depPercent_))
                    b_.addr(r, e);
                if (c == EventClass::Write && rng_.chance(depPercent_))
                    b_.data(r, e);
                if (rng_.chance(ctrlPercent_))
                    b_.ctrl(r, e);
            }
        }
    }

    void chooseFinalWrites() {
        std::map<std::string, std::vector<EventIndex>> candidates;
        for (EventIndex e = 0; e < b_.size(); ++e) {
            const EventClass c = b_.classOf(e);
            const auto& info = b_.info(e);
            if (info.thread < 0)
                continue;
            if (c == EventClass::Write || c == EventClass::LockWrite || c == EventClass::Unlock) {
                candidates[info.location].push_back(e);
            }
        }
        for (const auto& [loc, writes] : candidates) {
            const int percent = (loc == "x" || loc == "y") ? 50 : 5;
            if (rng_.chance(percent))
                b_.finalWrite(pick(rng_, writes));
        }
    }

    Rng& rng_;
    GraphBuilder b_;
    bool locks_ = false, rcu_ = false, srcu_ = false;
    std::vector<std::string> fenceKinds_;
    int fencePercent_ = 0, rmwPercent_ = 0, plainPercent_ = 0, depPercent_ = 0, ctrlPercent_ = 0;
    std::map<std::string, EventIndex> inits_;
    std::map<std::string, std::int64_t> nextValue_;
    std::map<std::string, int> writes_;
    std::vector<EventIndex> reads_;
    std::vector<std::pair<EventIndex, EventIndex>> srcuUnlocks_;
};

}  // namespace

model::ExecutionGraph randomLkmmGraph(Rng& rng) {
    return Generator(rng).run();
}

std::string describeGraph(const model::ExecutionGraph& g) {
    std::ostringstream out;
    for (EventIndex e = 0; e < g.size(); ++e)
        out << "  e" << e << ": " << g.events[e].label << "\n";
    for (const char* name : {"rf", "rmw", "addr", "data", "ctrl"}) {
        const auto it = g.relations.find(name);
        if (it == g.relations.end() || it->second.empty())
            continue;
        out << "  " << name << ":";
        for (auto [a, b] : it->second.pairs())
            out << " e" << a << "->e" << b;
        out << "\n";
    }
    for (const char* name : {"FW", "RMW"}) {
        const auto it = g.sets.find(name);
        if (it == g.sets.end() || it->second.empty())
            continue;
        out << "  " << name << ":";
        for (EventIndex e : it->second.elements())
            out << " e" << e;
        out << "\n";
    }
    return out.str();
}

}  // namespace memx::models_test
