// The brute-force enumerator on hand-built byte-granular structures: one final write per byte,
// and the single-copy-atomicity rule on rf (where a single-copy-atomic read meets a
// single-copy-atomic write, it takes all the bytes they share from that write or none;
// tearing against other writes stays allowed). Each
// structure is also checked against the engine's Z3 enumerator.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "solver/candidate_enumerator.hpp"
#include "tests/bruteforce/brute_force_enumerator.hpp"

namespace memx::bruteforce {
namespace {

// A 2-byte location x, its atomic initial write (0), two 2-byte writers (1 and 2, in threads
// 1 and 2) and a single-copy-atomic 2-byte read (thread 0). `atomicSecondWriter` says whether
// the second writer is single-copy atomic (a WRITE_ONCE) or bytewise.
class TwoByteLocation {
public:
    explicit TwoByteLocation(bool atomicSecondWriter) {
        es.constant(0);  // nodes 0 and 1 are the constants 0 and 1
        es.locations.byteGranular = true;
        model::Location x;
        x.name = "x";
        x.address = model::LocationTable::addressOf(0);
        x.size = 2;
        x.elementSize = 2;
        x.initialValue = es.constant(0);
        es.locations.locations.push_back(x);
        group(-1, model::EventKind::Write, 0, true);
        group(1, model::EventKind::Write, 1, true);
        group(2, model::EventKind::Write, 2, atomicSecondWriter);
        read = group(0, model::EventKind::Read, 0, true);
        es.threadCount = 3;
    }

    model::EventStructure es;
    std::uint32_t read = 0;  // the first byte event of the read

private:
    std::uint32_t group(int thread, model::EventKind kind, std::int64_t byteValue, bool atomic) {
        auto groupIndex = static_cast<std::uint32_t>(es.accessGroups.size());
        es.accessGroups.push_back({{}, atomic});
        auto first = static_cast<std::uint32_t>(es.events.size());
        for (std::int64_t b = 0; b < 2; ++b) {
            auto index = static_cast<std::uint32_t>(es.events.size());
            model::SymEvent e;
            e.thread = thread;
            e.poIndex = 0;
            e.kind = kind;
            e.sets = {kind == model::EventKind::Read ? "R" : "W"};
            e.size = 1;
            e.address = es.constant(es.locations.locations[0].address + b);
            e.value = kind == model::EventKind::Read
                          ? es.add({model::SymOp::ReadValue, 0, index, {}})
                          : es.constant(byteValue);
            e.guard = 1;
            es.events.push_back(e);
            es.accessGroups[groupIndex].events.push_back(index);
            es.groupOf.push_back(groupIndex);
        }
        return first;
    }
};

struct Found {
    std::set<std::pair<std::int64_t, std::int64_t>> readBytes;
    std::size_t candidates = 0;
};

Found bruteForce(const model::EventStructure& es, bool observed) {
    Found found;
    std::uint32_t read = static_cast<std::uint32_t>(es.events.size()) - 2;
    enumerateByBruteForce(es, {observed}, [&](const solver::Candidate& c) {
        found.readBytes.insert({c.values[read], c.values[read + 1]});
        ++found.candidates;
        EXPECT_EQ(c.finalWrite.size(), 2u);
        return true;
    });
    return found;
}

using Facts = std::tuple<std::vector<std::optional<std::uint32_t>>,
                         std::vector<std::optional<std::uint32_t>>>;

std::multiset<Facts> engineFacts(const model::EventStructure& es, bool observed) {
    std::multiset<Facts> out;
    solver::enumerateCandidates(es, {observed}, [&](const solver::Candidate& c) {
        out.insert({c.rfSource, c.finalWrite});
        return true;
    });
    return out;
}

std::multiset<Facts> bruteFacts(const model::EventStructure& es, bool observed) {
    std::multiset<Facts> out;
    enumerateByBruteForce(es, {observed}, [&](const solver::Candidate& c) {
        out.insert({c.rfSource, c.finalWrite});
        return true;
    });
    return out;
}

TEST(ByteGranularEnumerator, AtomicReadNeverMixesTwoAtomicWriters) {
    TwoByteLocation t(true);
    auto found = bruteForce(t.es, false);
    // Both bytes from the initial write, from writer 1 or from writer 2: never torn.
    EXPECT_EQ(found.readBytes,
              (std::set<std::pair<std::int64_t, std::int64_t>>{{0, 0}, {1, 1}, {2, 2}}));
    EXPECT_EQ(found.candidates, 3u);
    EXPECT_EQ(engineFacts(t.es, false), bruteFacts(t.es, false));
}

TEST(ByteGranularEnumerator, AtomicReadMayTearAgainstABytewiseWriter) {
    TwoByteLocation t(false);
    auto found = bruteForce(t.es, false);
    // Writer 1 is single-copy atomic and its footprint meets the read's: the read takes both
    // of its bytes or neither (Flur et al.). The bytewise writer 2 and the initial write mix.
    EXPECT_EQ(found.readBytes, (std::set<std::pair<std::int64_t, std::int64_t>>{
                                   {0, 0}, {1, 1}, {2, 2}, {0, 2}, {2, 0}}));
    EXPECT_EQ(found.candidates, 5u);
    EXPECT_EQ(engineFacts(t.es, false), bruteFacts(t.es, false));
}

TEST(ByteGranularEnumerator, EachByteHasItsOwnFinalWrite) {
    TwoByteLocation t(true);
    // Per rf choice, each byte's final write is writer 1's or writer 2's byte: 3 x 2 x 2.
    EXPECT_EQ(bruteForce(t.es, true).candidates, 12u);
    EXPECT_EQ(engineFacts(t.es, true), bruteFacts(t.es, true));
}

}  // namespace
}  // namespace memx::bruteforce
