// Dense bit-vector sets and bit-matrix relations. Row i of a relation is the successor set of
// event i, stored in `stride_` words; every operation works a word at a time.
#include "model/relation.hpp"

#include <algorithm>
#include <bit>

namespace memx::model {

namespace {

constexpr std::size_t kBits = 64;

std::size_t wordsFor(std::size_t n) {
    return (n + kBits - 1) / kBits;
}

// Clears the bits past the universe in the last word of a row, so complement stays exact.
std::uint64_t tailMask(std::size_t n) {
    std::size_t r = n % kBits;
    return r == 0 ? ~std::uint64_t{0} : (std::uint64_t{1} << r) - 1;
}

// Calls f(e) for each set bit e of words[from, from + count), in order: the one walk over set
// bits every operation below uses. [S], S * T and the acyclicity check walk bits in place with
// it: the cat interpreter builds them for every execution, and a vector of elements or pairs
// for each was a tenth of a lock test's evaluation (malloc and free).
template <typename F>
void forEachBit(const std::vector<std::uint64_t>& words, std::size_t from, std::size_t count,
                F&& f) {
    for (std::size_t k = 0; k < count; ++k) {
        std::uint64_t w = words[from + k];
        while (w != 0) {
            f(k * kBits + static_cast<std::size_t>(std::countr_zero(w)));
            w &= w - 1;
        }
    }
}

}  // namespace

// ---- EventSet ----

EventSet::EventSet(std::size_t universe) : n_(universe), w_(wordsFor(universe), 0) {}

bool EventSet::contains(EventIndex e) const {
    return e < n_ && ((w_[e / kBits] >> (e % kBits)) & 1U) != 0;
}

void EventSet::insert(EventIndex e) {
    w_[e / kBits] |= std::uint64_t{1} << (e % kBits);
}

void EventSet::erase(EventIndex e) {
    w_[e / kBits] &= ~(std::uint64_t{1} << (e % kBits));
}

bool EventSet::empty() const {
    for (auto w : w_)
        if (w != 0)
            return false;
    return true;
}

std::size_t EventSet::count() const {
    std::size_t c = 0;
    for (auto w : w_)
        c += static_cast<std::size_t>(std::popcount(w));
    return c;
}

std::vector<EventIndex> EventSet::elements() const {
    std::vector<EventIndex> out;
    forEachBit(w_, 0, w_.size(), [&](std::size_t e) { out.push_back(static_cast<EventIndex>(e)); });
    return out;
}

EventSet EventSet::operator|(const EventSet& o) const {
    EventSet r = *this;
    for (std::size_t i = 0; i < w_.size(); ++i)
        r.w_[i] |= o.w_[i];
    return r;
}

EventSet EventSet::operator&(const EventSet& o) const {
    EventSet r = *this;
    for (std::size_t i = 0; i < w_.size(); ++i)
        r.w_[i] &= o.w_[i];
    return r;
}

EventSet EventSet::operator-(const EventSet& o) const {
    EventSet r = *this;
    for (std::size_t i = 0; i < w_.size(); ++i)
        r.w_[i] &= ~o.w_[i];
    return r;
}

EventSet EventSet::complement() const {
    EventSet r = *this;
    for (auto& w : r.w_)
        w = ~w;
    if (!r.w_.empty())
        r.w_.back() &= tailMask(n_);
    return r;
}

// ---- Relation ----

Relation::Relation(std::size_t universe)
    : n_(universe), stride_(wordsFor(universe)), w_(universe * wordsFor(universe), 0) {}

Relation Relation::identity(std::size_t universe) {
    Relation r(universe);
    for (std::size_t i = 0; i < universe; ++i)
        r.insert(static_cast<EventIndex>(i), static_cast<EventIndex>(i));
    return r;
}

Relation Relation::identityOn(const EventSet& s) {
    Relation r(s.universe());
    forEachBit(s.words(), 0, s.words().size(), [&](std::size_t e) {
        r.insert(static_cast<EventIndex>(e), static_cast<EventIndex>(e));
    });
    return r;
}

Relation Relation::cartesian(const EventSet& a, const EventSet& b) {
    Relation r(a.universe());
    forEachBit(a.words(), 0, a.words().size(), [&](std::size_t e) {
        for (std::size_t k = 0; k < r.stride_; ++k)
            r.w_[e * r.stride_ + k] = b.words()[k];
    });
    return r;
}

bool Relation::contains(EventIndex a, EventIndex b) const {
    return a < n_ && b < n_ && ((w_[a * stride_ + b / kBits] >> (b % kBits)) & 1U) != 0;
}

void Relation::insert(EventIndex a, EventIndex b) {
    w_[a * stride_ + b / kBits] |= std::uint64_t{1} << (b % kBits);
}

void Relation::erase(EventIndex a, EventIndex b) {
    w_[a * stride_ + b / kBits] &= ~(std::uint64_t{1} << (b % kBits));
}

bool Relation::empty() const {
    for (auto w : w_)
        if (w != 0)
            return false;
    return true;
}

std::size_t Relation::count() const {
    std::size_t c = 0;
    for (auto w : w_)
        c += static_cast<std::size_t>(std::popcount(w));
    return c;
}

std::vector<std::pair<EventIndex, EventIndex>> Relation::pairs() const {
    std::vector<std::pair<EventIndex, EventIndex>> out;
    for (std::size_t a = 0; a < n_; ++a)
        forEachBit(w_, a * stride_, stride_, [&](std::size_t b) {
            out.emplace_back(static_cast<EventIndex>(a), static_cast<EventIndex>(b));
        });
    return out;
}

EventSet Relation::successors(EventIndex a) const {
    EventSet s(n_);
    for (std::size_t k = 0; k < stride_; ++k)
        if (w_[a * stride_ + k] != 0)
            for (std::size_t b = k * kBits; b < n_ && b < (k + 1) * kBits; ++b)
                if (contains(a, static_cast<EventIndex>(b)))
                    s.insert(static_cast<EventIndex>(b));
    return s;
}

EventSet Relation::predecessors(EventIndex b) const {
    EventSet s(n_);
    for (std::size_t a = 0; a < n_; ++a)
        if (contains(static_cast<EventIndex>(a), b))
            s.insert(static_cast<EventIndex>(a));
    return s;
}

Relation Relation::operator|(const Relation& o) const {
    Relation r = *this;
    for (std::size_t i = 0; i < w_.size(); ++i)
        r.w_[i] |= o.w_[i];
    return r;
}

Relation Relation::operator&(const Relation& o) const {
    Relation r = *this;
    for (std::size_t i = 0; i < w_.size(); ++i)
        r.w_[i] &= o.w_[i];
    return r;
}

Relation Relation::operator-(const Relation& o) const {
    Relation r = *this;
    for (std::size_t i = 0; i < w_.size(); ++i)
        r.w_[i] &= ~o.w_[i];
    return r;
}

Relation Relation::complement() const {
    Relation r = *this;
    const std::uint64_t mask = tailMask(n_);
    for (std::size_t a = 0; a < n_; ++a)
        for (std::size_t k = 0; k < stride_; ++k) {
            auto& w = r.w_[a * stride_ + k];
            w = ~w;
            if (k + 1 == stride_)
                w &= mask;
        }
    return r;
}

Relation Relation::inverse() const {
    Relation r(n_);
    for (auto [a, b] : pairs())
        r.insert(b, a);
    return r;
}

// Row a of (r ; o) is the union of o's rows for every successor of a in r.
Relation Relation::compose(const Relation& o) const {
    Relation r(n_);
    if (stride_ == 1) {  // up to 64 events, most litmus executions: each row is one word
        for (std::size_t a = 0; a < n_; ++a) {
            std::uint64_t w = w_[a];
            std::uint64_t acc = 0;
            while (w != 0) {
                acc |= o.w_[static_cast<std::size_t>(std::countr_zero(w))];
                w &= w - 1;
            }
            r.w_[a] = acc;
        }
        return r;
    }
    for (std::size_t a = 0; a < n_; ++a) {
        std::uint64_t* out = &r.w_[a * stride_];
        forEachBit(w_, a * stride_, stride_, [&](std::size_t b) {
            const std::uint64_t* row = &o.w_[b * stride_];
            for (std::size_t j = 0; j < stride_; ++j)
                out[j] |= row[j];
        });
    }
    return r;
}

// Warshall's algorithm on bit rows: for each pivot k, every row reaching k absorbs row k.
Relation Relation::transitiveClosure() const {
    Relation r = *this;
    if (stride_ == 1) {  // one word per row, as in compose
        // A pivot that reaches nothing, or that nothing reaches, adds no pair: the relations of
        // a memory model are sparse, and most pivots are one or the other.
        std::uint64_t reached = 0;
        for (std::size_t a = 0; a < n_; ++a)
            reached |= r.w_[a];
        for (std::size_t k = 0; k < n_; ++k) {
            const std::uint64_t kb = std::uint64_t{1} << k;
            const std::uint64_t rowK = r.w_[k];
            if (rowK == 0 || (reached & kb) == 0)
                continue;
            for (std::size_t a = 0; a < n_; ++a)
                if ((r.w_[a] & kb) != 0)
                    r.w_[a] |= rowK;
        }
        return r;
    }
    std::vector<std::uint64_t> reached(stride_, 0);
    for (std::size_t a = 0; a < n_; ++a)
        for (std::size_t j = 0; j < stride_; ++j)
            reached[j] |= r.w_[a * stride_ + j];
    for (std::size_t k = 0; k < n_; ++k) {
        const std::size_t kw = k / kBits;
        const std::uint64_t kb = std::uint64_t{1} << (k % kBits);
        const std::uint64_t* rowK = &r.w_[k * stride_];
        if ((reached[kw] & kb) == 0 ||
            std::all_of(rowK, rowK + stride_, [](std::uint64_t w) { return w == 0; }))
            continue;  // as above: this pivot adds no pair
        for (std::size_t a = 0; a < n_; ++a) {
            std::uint64_t* rowA = &r.w_[a * stride_];
            if ((rowA[kw] & kb) != 0)
                for (std::size_t j = 0; j < stride_; ++j)
                    rowA[j] |= rowK[j];
        }
    }
    return r;
}

Relation Relation::reflexiveTransitiveClosure() const {
    return transitiveClosure().reflexive();
}

Relation Relation::reflexive() const {
    Relation r = *this;
    for (std::size_t a = 0; a < n_; ++a)
        r.insert(static_cast<EventIndex>(a), static_cast<EventIndex>(a));
    return r;
}

EventSet Relation::domain() const {
    EventSet s(n_);
    for (std::size_t a = 0; a < n_; ++a)
        for (std::size_t k = 0; k < stride_; ++k)
            if (w_[a * stride_ + k] != 0) {
                s.insert(static_cast<EventIndex>(a));
                break;
            }
    return s;
}

EventSet Relation::range() const {
    EventSet s(n_);
    std::vector<std::uint64_t> acc(stride_, 0);
    for (std::size_t a = 0; a < n_; ++a)
        for (std::size_t k = 0; k < stride_; ++k)
            acc[k] |= w_[a * stride_ + k];
    for (std::size_t b = 0; b < n_; ++b)
        if (((acc[b / kBits] >> (b % kBits)) & 1U) != 0)
            s.insert(static_cast<EventIndex>(b));
    return s;
}

bool Relation::isIrreflexive() const {
    for (std::size_t a = 0; a < n_; ++a)
        if (contains(static_cast<EventIndex>(a), static_cast<EventIndex>(a)))
            return false;
    return true;
}

// Kahn's algorithm: repeatedly remove events with no remaining predecessor.
bool Relation::isAcyclic() const {
    if (stride_ == 1) {
        // Kahn's algorithm a layer at a time, on words: the events no remaining event reaches
        // go, until none is left (acyclic) or none can go (a cycle among the rest).
        std::uint64_t remaining = tailMask(n_);
        while (remaining != 0) {
            std::uint64_t reached = 0;
            std::uint64_t rest = remaining;
            while (rest != 0) {
                reached |= w_[static_cast<std::size_t>(std::countr_zero(rest))];
                rest &= rest - 1;
            }
            const std::uint64_t sources = remaining & ~reached;
            if (sources == 0)
                return false;
            remaining &= ~sources;
        }
        return true;
    }
    std::vector<std::uint32_t> indegree(n_, 0);
    for (std::size_t a = 0; a < n_; ++a)
        forEachBit(w_, a * stride_, stride_, [&](std::size_t b) { ++indegree[b]; });
    std::vector<EventIndex> ready;
    for (std::size_t e = 0; e < n_; ++e)
        if (indegree[e] == 0)
            ready.push_back(static_cast<EventIndex>(e));
    std::size_t removed = 0;
    while (!ready.empty()) {
        EventIndex a = ready.back();
        ready.pop_back();
        ++removed;
        forEachBit(w_, a * stride_, stride_, [&](std::size_t b) {
            if (--indegree[b] == 0)
                ready.push_back(static_cast<EventIndex>(b));
        });
    }
    return removed == n_;
}

}  // namespace memx::model
