#include "solver/coherence_pruning.hpp"

#include <cstdint>
#include <map>
#include <vector>

namespace memx::solver {

namespace {

// `earlier` is co-before `later` in every execution where both run at one address.
bool alwaysCoBefore(const model::SymEvent& earlier, const model::SymEvent& later) {
    if (earlier.thread < 0) {
        return later.thread >= 0;
    }
    return earlier.thread == later.thread && earlier.poIndex < later.poIndex;
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
}

}  // namespace memx::solver
