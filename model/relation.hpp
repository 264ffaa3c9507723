// Sets of events and binary relations over the events of one execution, as dense bit vectors
// and bit matrices. Litmus executions have tens to a few hundred events, so dense words beat
// any sparse structure and keep closure and composition branch-free.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace memx::model {

using EventIndex = std::uint32_t;

class EventSet {
public:
    EventSet() = default;
    explicit EventSet(std::size_t universe);

    std::size_t universe() const { return n_; }
    bool contains(EventIndex e) const;
    void insert(EventIndex e);
    void erase(EventIndex e);
    bool empty() const;
    std::size_t count() const;
    std::vector<EventIndex> elements() const;

    EventSet operator|(const EventSet& o) const;
    EventSet operator&(const EventSet& o) const;
    EventSet operator-(const EventSet& o) const;  // difference
    EventSet complement() const;
    bool operator==(const EventSet& o) const = default;

    const std::vector<std::uint64_t>& words() const { return w_; }

private:
    std::size_t n_ = 0;
    std::vector<std::uint64_t> w_;
};

class Relation {
public:
    Relation() = default;
    explicit Relation(std::size_t universe);

    static Relation identity(std::size_t universe);
    static Relation identityOn(const EventSet& s);                    // [S]
    static Relation cartesian(const EventSet& a, const EventSet& b);  // A * B

    std::size_t universe() const { return n_; }
    bool contains(EventIndex a, EventIndex b) const;
    void insert(EventIndex a, EventIndex b);
    void erase(EventIndex a, EventIndex b);
    bool empty() const;
    std::size_t count() const;
    std::vector<std::pair<EventIndex, EventIndex>> pairs() const;
    EventSet successors(EventIndex a) const;
    EventSet predecessors(EventIndex b) const;

    Relation operator|(const Relation& o) const;
    Relation operator&(const Relation& o) const;
    Relation operator-(const Relation& o) const;  // difference
    Relation complement() const;                  // ~r over the universe
    Relation inverse() const;                     // r^-1
    Relation compose(const Relation& o) const;    // r ; o
    Relation transitiveClosure() const;           // r+
    Relation reflexiveTransitiveClosure() const;  // r*
    Relation reflexive() const;                   // r?
    EventSet domain() const;
    EventSet range() const;
    bool isAcyclic() const;
    bool isIrreflexive() const;
    bool operator==(const Relation& o) const = default;

    // Row-major bit matrix, `(universe + 63) / 64` words per row (ordering, hashing).
    const std::vector<std::uint64_t>& words() const { return w_; }

private:
    std::size_t n_ = 0;
    std::size_t stride_ = 0;  // words per row
    std::vector<std::uint64_t> w_;
};

}  // namespace memx::model
