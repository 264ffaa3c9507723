#include "solver/flag_needs.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace memx::solver {

namespace {

bool inAny(const model::SymEvent& ev, const std::vector<std::string>& sets) {
    return std::any_of(ev.sets.begin(), ev.sets.end(), [&](const std::string& s) {
        return std::find(sets.begin(), sets.end(), s) != sets.end();
    });
}

bool isAccess(const model::SymEvent& ev) {
    return ev.kind != model::EventKind::Fence && ev.thread >= 0;
}

// lkmm-locks.cat adds LKW to W; UL is a write too.
bool mayWrite(const model::SymEvent& ev) {
    return ev.kind == model::EventKind::Write || inAny(ev, {"LKW", "UL"});
}

// lkmm-classes.cat: Marked = annotated | lock-ops | Srcu-lock | Srcu-unlock | IW | ~M.
bool lkmmMarked(const model::SymEvent& ev) {
    static const std::vector<std::string> marked = {"ONCE", "ACQUIRE",   "RELEASE",    "MB", "RMW",
                                                    "LKR",  "LKW",       "UL",         "LF", "RL",
                                                    "RU",   "Srcu-lock", "Srcu-unlock"};
    return ev.thread < 0 || inAny(ev, marked);
}

// rc11.cat: Atomic = (A & M) | LKR | LKW | UL | LF | RL | RU.
bool rc11Atomic(const model::SymEvent& ev) {
    static const std::vector<std::string> atomic = {"A", "LKR", "LKW", "UL", "LF", "RL", "RU"};
    return inAny(ev, atomic);
}

// A thread's access group of this kind (not the initial writes).
bool threadGroupOf(const model::EventStructure& es, const model::AccessGroup& g,
                   model::EventKind kind) {
    return !g.events.empty() && es.events[g.events.front()].kind == kind &&
           es.events[g.events.front()].thread >= 0;
}

}  // namespace

FlagNeedAnalysis::FlagNeedAnalysis(const FlagCondition& flag, const model::EventStructure& events)
    : flag_(flag), events_(events) {
    constantAddress_.reserve(events.events.size());
    for (const model::SymEvent& ev : events.events) {
        constantAddress_.push_back(ev.kind == model::EventKind::Fence
                                       ? std::nullopt
                                       : CandidateEncoding::constantValue(events, ev.address));
    }
    switch (flag.need) {
        case FlagNeed::LkmmRace:
        case FlagNeed::Rc11Race:
            findAccessPairs(false);
            break;
        case FlagNeed::PlainWriteBesideMarked:
            findAccessPairs(true);
            break;
        case FlagNeed::TornRead:
            findTearingGroups();
            break;
        case FlagNeed::EventOfSets:
            eventOfSetsExists_ =
                std::any_of(events.events.begin(), events.events.end(),
                            [&](const model::SymEvent& ev) { return inAny(ev, flag.sets); });
            break;
    }
}

bool FlagNeedAnalysis::possible() const {
    return flag_.need == FlagNeed::EventOfSets ? eventOfSetsExists_
                                               : !accessPairs_.empty() || !tearingGroups_.empty();
}

bool FlagNeedAnalysis::mayShareByte(std::uint32_t a, std::uint32_t b) const {
    return !constantAddress_[a] || !constantAddress_[b] ||
           *constantAddress_[a] == *constantAddress_[b];
}

void FlagNeedAnalysis::findAccessPairs(bool sameThread) {
    auto qualifies = [&](std::uint32_t a, std::uint32_t b) {
        const model::SymEvent& ea = events_.events[a];
        const model::SymEvent& eb = events_.events[b];
        if ((ea.thread == eb.thread) != sameThread) {
            return false;
        }
        switch (flag_.need) {
            case FlagNeed::LkmmRace:
                return (mayWrite(ea) || mayWrite(eb)) && (!lkmmMarked(ea) || !lkmmMarked(eb));
            case FlagNeed::Rc11Race:
                return (mayWrite(ea) || mayWrite(eb)) && (!rc11Atomic(ea) || !rc11Atomic(eb));
            default:  // PlainWriteBesideMarked, either way round in program order
                return (!lkmmMarked(ea) && mayWrite(ea) && lkmmMarked(eb)) ||
                       (!lkmmMarked(eb) && mayWrite(eb) && lkmmMarked(ea));
        }
    };
    // Accesses by constant address, so that only those of one byte are paired; an access at
    // a computed address may meet any other.
    std::map<std::int64_t, std::vector<std::uint32_t>> byAddress;
    std::vector<std::uint32_t> computed;
    for (std::uint32_t e = 0; e < events_.events.size(); ++e) {
        if (!isAccess(events_.events[e])) {
            continue;
        }
        if (constantAddress_[e]) {
            byAddress[*constantAddress_[e]].push_back(e);
        } else {
            computed.push_back(e);
        }
    }
    auto consider = [&](std::uint32_t a, std::uint32_t b) {
        if (a != b && qualifies(a, b)) {
            accessPairs_.emplace_back(std::min(a, b), std::max(a, b));
        }
    };
    for (const auto& [address, accesses] : byAddress) {
        for (std::size_t i = 0; i < accesses.size(); ++i) {
            for (std::size_t j = i + 1; j < accesses.size(); ++j) {
                consider(accesses[i], accesses[j]);
            }
        }
    }
    for (std::size_t i = 0; i < computed.size(); ++i) {
        for (std::uint32_t e = 0; e < events_.events.size(); ++e) {
            if (isAccess(events_.events[e]) && (constantAddress_[e] || e > computed[i])) {
                consider(computed[i], e);
            }
        }
    }
}

// A read group can be torn by write group W only if W may write two or more of its bytes:
// one read from W, another that W writes read from elsewhere.
void FlagNeedAnalysis::findTearingGroups() {
    const auto& groups = events_.accessGroups;
    for (std::uint32_t g = 0; g < groups.size(); ++g) {
        if (!threadGroupOf(events_, groups[g], model::EventKind::Read) ||
            groups[g].events.size() < 2) {
            continue;
        }
        for (std::uint32_t w = 0; w < groups.size(); ++w) {
            if (!threadGroupOf(events_, groups[w], model::EventKind::Write)) {
                continue;
            }
            std::size_t shared = 0;
            for (std::uint32_t r : groups[g].events) {
                shared += std::any_of(groups[w].events.begin(), groups[w].events.end(),
                                      [&](std::uint32_t x) { return mayShareByte(r, x); });
            }
            if (shared >= 2) {
                tearingGroups_.emplace_back(g, w);
            }
        }
    }
}

z3::expr FlagNeedAnalysis::encode(CandidateEncoding& enc) const {
    z3::context& ctx = enc.value(0).ctx();
    auto sameByte = [&](std::uint32_t a, std::uint32_t b) {
        const model::SymEvent& ea = events_.events[a];
        const model::SymEvent& eb = events_.events[b];
        z3::expr both = enc.executed(a) && enc.executed(b);
        if (constantAddress_[a] && constantAddress_[b]) {
            return both;  // paired only when equal
        }
        return both && enc.value(ea.address) == enc.value(eb.address);
    };
    z3::expr_vector any(ctx);
    for (const auto& [a, b] : accessPairs_) {
        any.push_back(sameByte(a, b));
    }
    if (!tearingGroups_.empty()) {
        // rf choices by read, for "this byte reads from group W".
        std::map<std::uint32_t, std::vector<const RfChoice*>> sources;
        for (const RfChoice& rf : enc.rfChoices()) {
            sources[rf.read].push_back(&rf);
        }
        auto readsFrom = [&](std::uint32_t r, std::uint32_t group) {
            z3::expr_vector from(ctx);
            for (const RfChoice* rf : sources[r]) {
                if (events_.groupOf.at(rf->write) == group) {
                    from.push_back(rf->chosen);
                }
            }
            return from.empty() ? ctx.bool_val(false) : z3::mk_or(from);
        };
        for (const auto& [g, w] : tearingGroups_) {
            const auto& reads = events_.accessGroups[g].events;
            const auto& writes = events_.accessGroups[w].events;
            z3::expr_vector seen(ctx);
            z3::expr_vector missed(ctx);
            for (std::uint32_t r : reads) {
                z3::expr fromW = readsFrom(r, w);
                seen.push_back(fromW);
                z3::expr_vector written(ctx);
                for (std::uint32_t x : writes) {
                    if (mayShareByte(r, x)) {
                        written.push_back(sameByte(r, x));
                    }
                }
                if (!written.empty()) {
                    missed.push_back(!fromW && z3::mk_or(written));
                }
            }
            if (!seen.empty() && !missed.empty()) {
                any.push_back(z3::mk_or(seen) && z3::mk_or(missed));
            }
        }
    }
    return any.empty() ? ctx.bool_val(false) : z3::mk_or(any);
}

}  // namespace memx::solver
