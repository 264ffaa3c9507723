#include "solver/coherence_pruning.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace memx::solver {

bool alwaysCoBefore(const model::SymEvent& earlier, const model::SymEvent& later) {
    if (earlier.thread < 0) {
        return later.thread >= 0;
    }
    return earlier.thread == later.thread && earlier.poIndex < later.poIndex;
}

bool isLockEvent(const model::SymEvent& e) {
    for (const std::string& set : e.sets) {
        if (set == "LKR" || set == "LKW" || set == "UL" || set == "LF" || set == "RL" ||
            set == "RU") {
            return true;
        }
    }
    return false;
}

namespace {

// Atomicity: two read-modify-writes whose writes both happen never read from the same write.
// Each built-in model has `empty rmw & (fre ; coe)`, and coherence covers the case it leaves:
// of two such updates in one thread, the later one's read would read a write co-before the
// earlier one's write, which is po-before it (CoWR). Locks are left out: their reads-from is
// the model's choice (lkmm-locks.cat), not the candidate's.
void addRmwAtomicity(CandidateEncoding& encoding, Z3Session& session,
                     const std::map<std::uint32_t, std::vector<const RfChoice*>>& choicesOf) {
    const model::EventStructure& es = encoding.events();
    std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, const RfChoice*>>> readersOf;
    for (const auto& [read, write] : es.rmw) {
        if (isLockEvent(es.events[read]) || isLockEvent(es.events[write])) {
            continue;
        }
        auto it = choicesOf.find(read);
        if (it == choicesOf.end()) {
            continue;
        }
        for (const RfChoice* c : it->second) {
            readersOf[c->write].push_back({write, c});
        }
    }
    for (const auto& [source, readers] : readersOf) {
        for (std::size_t i = 0; i < readers.size(); ++i) {
            for (std::size_t j = i + 1; j < readers.size(); ++j) {
                const auto& [w1, c1] = readers[i];
                const auto& [w2, c2] = readers[j];
                session.add(
                    !(c1->chosen && c2->chosen && encoding.executed(w1) && encoding.executed(w2)));
            }
        }
    }
}

}  // namespace

void addPerLocationCoherence(CandidateEncoding& encoding, Z3Session& session) {
    const model::EventStructure& es = encoding.events();
    // The rf choices of each read, and each thread's writes.
    std::map<std::uint32_t, std::vector<const RfChoice*>> choicesOf;
    for (const RfChoice& choice : encoding.rfChoices()) {
        choicesOf[choice.read].push_back(&choice);
    }
    std::map<int, std::vector<std::uint32_t>> writesOf;
    for (std::uint32_t e = 0; e < es.events.size(); ++e) {
        if (encoding.isWrite(e) && es.events[e].thread >= 0) {
            writesOf[es.events[e].thread].push_back(e);
        }
    }
    auto sameAddress = [&](std::uint32_t a, std::uint32_t b) {
        return encoding.value(es.events[a].address) == encoding.value(es.events[b].address);
    };
    for (const auto& [read, choices] : choicesOf) {
        const model::SymEvent& r = es.events[read];
        for (const RfChoice* c : choices) {
            const model::SymEvent& source = es.events[c->write];
            // CoRW
            if (source.thread == r.thread && source.poIndex > r.poIndex) {
                session.add(!c->chosen);
                continue;
            }
            // CoWR
            for (std::uint32_t w : writesOf[r.thread]) {
                const model::SymEvent& we = es.events[w];
                if (w != c->write && we.poIndex < r.poIndex && alwaysCoBefore(source, we)) {
                    session.add(!(c->chosen && encoding.executed(w) && sameAddress(w, read)));
                }
            }
        }
        // CoRR, against every read of the thread po-before this one.
        for (const auto& [earlierRead, earlierChoices] : choicesOf) {
            const model::SymEvent& e = es.events[earlierRead];
            if (e.thread != r.thread || e.poIndex >= r.poIndex) {
                continue;
            }
            for (const RfChoice* first : earlierChoices) {
                for (const RfChoice* second : choices) {
                    if (first->write != second->write &&
                        alwaysCoBefore(es.events[second->write], es.events[first->write])) {
                        session.add(
                            !(first->chosen && second->chosen && sameAddress(earlierRead, read)));
                    }
                }
            }
        }
    }
    addRmwAtomicity(encoding, session, choicesOf);
}

bool breaksRmwAtomicity(const model::EventStructure& events, const Candidate& candidate) {
    std::set<std::uint32_t> sources;
    for (const auto& [read, write] : events.rmw) {
        if (!candidate.executed[read] || !candidate.executed[write] ||
            isLockEvent(events.events[read]) || isLockEvent(events.events[write])) {
            continue;
        }
        const auto& source = candidate.rfSource[read];
        if (source && !sources.insert(*source).second) {
            return true;
        }
    }
    return false;
}

}  // namespace memx::solver
