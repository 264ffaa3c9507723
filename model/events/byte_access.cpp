// The ThreadBuilder's byte-granular side (docs/byte-memory.md): typed pointers, element
// access and casts, access sizes, and the user-copy primitives. Every access here is still
// one event of its full size; byte_splitter.cpp splits them once all threads are built.
#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "model/events/symbolic_values.hpp"
#include "model/events/thread_builder.hpp"

namespace memx::model::detail {

using namespace memx::litmus;

namespace {

// The event sets of each side of a copy. Marked bytes carry LKMM's tag and RC11's
// memory-order set together, so one event structure serves both models.
const std::vector<std::string> kPlainRead = {"R"};
const std::vector<std::string> kPlainWrite = {"W"};
const std::vector<std::string> kOnceRead = {"R", "ONCE", "RLX", "A"};
const std::vector<std::string> kOnceWrite = {"W", "ONCE", "RLX", "A"};
// Volatile is marked under LKMM (like READ_ONCE) but not atomic under RC11: no "A".
const std::vector<std::string> kVolatileRead = {"R", "ONCE", "VOLATILE"};
const std::vector<std::string> kVolatileWrite = {"W", "ONCE", "VOLATILE"};
const std::vector<std::string> kAcquireRead = {"R", "ACQUIRE", "ACQ", "A"};
const std::vector<std::string> kReleaseWrite = {"W", "RELEASE", "REL", "A"};

}  // namespace

PointeeType ThreadBuilder::locationPointee(std::size_t location) const {
    const Location& l = ctx_.es.locations.locations.at(location);
    return PointeeType{ScalarType{l.elementSize, l.isSigned}, 0};
}

// The size of an access through `address`: its pointee type, else the element type of the
// location a constant address falls in, else an int.
ScalarType ThreadBuilder::accessTypeAt(const Value& address) const {
    if (address.pointee) {
        return address.pointee->accessed();
    }
    if (auto a = literalValue(ctx_.es, address.id)) {
        for (std::size_t i = 0; i < ctx_.es.locations.locations.size(); ++i) {
            const Location& l = ctx_.es.locations.locations[i];
            if (*a >= l.address && *a < l.address + static_cast<std::int64_t>(l.size)) {
                return locationPointee(i).accessed();
            }
        }
    }
    return ScalarType{4, true};
}

// A value read through a pointer to a pointer is itself a typed pointer.
std::optional<PointeeType> ThreadBuilder::loadedPointee(std::uint32_t event) const {
    auto it = addressPointee_.find(event);
    if (it == addressPointee_.end() || it->second.pointerDepth == 0) {
        return std::nullopt;
    }
    return PointeeType{it->second.scalar, it->second.pointerDepth - 1};
}

bool ThreadBuilder::checkInBounds(const Value& address, ScalarType type, const Loc& loc) {
    if (checkingCopy_) {
        return true;  // copyBytes checked the copy's whole range once (one error per access)
    }
    auto a = literalValue(ctx_.es, address.id);
    if (!a) {
        return true;  // a computed address: the solver only matches it against bytes that exist
    }
    return checkRange(*a, type.size, "an access of " + std::to_string(type.size) + " bytes", loc);
}

// Whether [a, a + size) lies inside one location; otherwise one error naming the range, so a
// mistake in a copy of n bytes is one message, not one per byte.
bool ThreadBuilder::checkRange(std::int64_t a, std::int64_t size, const std::string& what,
                               const Loc& loc) {
    const auto& locations = ctx_.es.locations.locations;
    for (const Location& l : locations) {
        const std::int64_t end = l.address + static_cast<std::int64_t>(l.size);
        if (a >= l.address && a < l.address + LocationTable::kStride) {
            if (a + size <= end) {
                return true;
            }
            const std::int64_t first = a - l.address;
            return fail(loc, what + " at offset " + std::to_string(first) + " of '" + l.name +
                                 "' (" + std::to_string(l.size) +
                                 " bytes) runs past its end: bytes " +
                                 std::to_string(std::max(first, end - l.address)) + ".." +
                                 std::to_string(first + size - 1) + " do not exist");
        }
    }
    // Below every location's space: an address before the start of the first one (`p - 1`).
    // Without this error the access would match no byte and silently disappear.
    for (const Location& l : locations) {
        if (a < l.address) {
            return fail(loc, what + " at offset " + std::to_string(a - l.address) +
                                 " lies before the start of '" + l.name + "'");
        }
    }
    return true;
}

std::optional<Value> ThreadBuilder::pointerArithmetic(const Binary& b, const Value& lhs,
                                                      const Value& rhs) {
    // C scales an integer added to a pointer by the size of what it points to.
    const bool lhsPointer = lhs.pointee.has_value();
    const Value& pointer = lhsPointer ? lhs : rhs;
    const Value& offset = lhsPointer ? rhs : lhs;
    if (lhs.pointee && rhs.pointee) {
        Value out{
            node(b.op == BinaryOp::Add ? SymOp::Add : SymOp::Sub, {lhs.id, rhs.id}), lhs.deps, {}};
        out.deps.insert(rhs.deps.begin(), rhs.deps.end());
        return out;
    }
    const auto scale = static_cast<std::int64_t>(pointer.pointee->accessed().size);
    SymId scaled = offset.id;
    if (scale != 1) {
        auto c = literalValue(ctx_.es, offset.id);
        scaled = c ? ctx_.es.constant(*c * scale)
                   : node(SymOp::Mul, {offset.id, ctx_.es.constant(scale)});
    }
    SymId sum = 0;
    auto base = literalValue(ctx_.es, pointer.id);
    auto delta = literalValue(ctx_.es, scaled);
    const bool subtract = b.op == BinaryOp::Sub && lhsPointer;
    if (base && delta) {
        sum = ctx_.es.constant(subtract ? *base - *delta : *base + *delta);
    } else {
        sum = node(subtract ? SymOp::Sub : SymOp::Add, {pointer.id, scaled});
    }
    Value out{sum, pointer.deps, pointer.pointee};
    out.deps.insert(offset.deps.begin(), offset.deps.end());
    return out;
}

std::optional<Value> ThreadBuilder::evalIndexAddress(const Index& ix) {
    auto base = eval(*ix.base);
    auto index = base ? eval(*ix.index) : std::nullopt;
    if (!index) {
        return std::nullopt;
    }
    if (!base->pointee) {
        base->pointee = PointeeType{ScalarType{4, true}, 0};
    }
    // herd has no arrays; in C, b[-1] is outside b. Without this error the access would
    // match no byte of b and disappear from every execution.
    if (auto i = literalValue(ctx_.es, index->id); i && *i < 0) {
        fail(ix.index->loc, "negative array index " + std::to_string(*i) +
                                ": the element lies before the start of the array");
        return std::nullopt;
    }
    Binary sum{BinaryOp::Add, ix.base, ix.index};
    return pointerArithmetic(sum, *base, *index);
}

std::optional<Value> ThreadBuilder::evalCast(const Cast& c) {
    auto v = eval(*c.operand);
    if (!v) {
        return std::nullopt;
    }
    if (c.type.pointerDepth > 0) {
        v->pointee = PointeeType{scalarOf(c.type.base), c.type.pointerDepth - 1};
        return v;
    }
    v->pointee.reset();
    if (!isSizedTypeName(c.type.base)) {
        return v;  // (int) of a pointer keeps herd's meaning: the same value
    }
    // (u8)v keeps the low byte; (s8)v sign-extends it.
    const ScalarType t = scalarOf(c.type.base);
    if (t.size >= 8) {
        return v;
    }
    const auto shift = ctx_.es.constant(64 - 8 * static_cast<std::int64_t>(t.size));
    if (t.isSigned) {
        v->id = node(SymOp::Shr, {node(SymOp::Shl, {v->id, shift}), shift});
    } else {
        const std::int64_t mask = (std::int64_t{1} << (8 * t.size)) - 1;
        v->id = node(SymOp::BitAnd, {v->id, ctx_.es.constant(mask)});
    }
    return v;
}

// ---------- the user-copy primitives ----------

std::optional<Value> ThreadBuilder::callUserCopy(const Call& c, const Loc& loc, bool needValue) {
    const std::string& name = c.callee;
    const bool plainUser = ctx_.options.userCopy == UserCopyMode::Plain;
    if (name == "read_volatile" || name == "write_volatile") {
        if (needValue && name == "write_volatile") {
            fail(loc, name + " does not return a value");
            return std::nullopt;
        }
        auto address = eval(*c.args.at(0));
        if (!address) {
            return std::nullopt;
        }
        if (name == "read_volatile") {
            std::uint32_t r =
                addEvent(EventKind::Read, kVolatileRead, *address, 0, guard_, name, loc);
            return readValueOf(r);
        }
        auto v = eval(*c.args.at(1));
        if (!v) {
            return std::nullopt;
        }
        std::uint32_t w =
            addEvent(EventKind::Write, kVolatileWrite, *address, v->id, guard_, name, loc);
        addEdges(ctx_.es.data, v->deps, w);
        return Value{};
    }
    if (needValue) {
        fail(loc, name + " is a statement here; its result is not modelled");
        return std::nullopt;
    }
    if (name == "memcpy") {
        return copyBytes(c, loc, kPlainRead, kPlainWrite);
    }
    if (name == "copy_from_user") {  // (kernel dst, user src, n)
        return copyBytes(c, loc, plainUser ? kPlainRead : kOnceRead, kPlainWrite);
    }
    if (name == "copy_to_user") {  // (user dst, kernel src, n)
        return copyBytes(c, loc, kPlainRead, plainUser ? kPlainWrite : kOnceWrite);
    }
    if (name == "volatile_memcpy" || name == "volatile_copy_nonoverlapping_memory") {
        return copyBytes(c, loc, kVolatileRead, kVolatileWrite);
    }
    if (name == "atomic_bytewise_memcpy") {
        return copyBytes(c, loc, kOnceRead, kOnceWrite);
    }
    // P1478: (dst, src, n, order); the order applies to the atomic side only.
    const Expr& orderArg = *c.args.at(3);
    const auto* order = std::get_if<Ident>(&orderArg.node);
    const std::string orderName = order ? order->name : "";
    if (name == "atomic_load_per_byte_memcpy") {
        if (orderName != "memory_order_relaxed" && orderName != "memory_order_acquire") {
            fail(orderArg.loc, name + " takes memory_order_relaxed or memory_order_acquire");
            return std::nullopt;
        }
        return copyBytes(c, loc, orderName == "memory_order_acquire" ? kAcquireRead : kOnceRead,
                         kPlainWrite);
    }
    if (orderName != "memory_order_relaxed" && orderName != "memory_order_release") {
        fail(orderArg.loc, name + " takes memory_order_relaxed or memory_order_release");
        return std::nullopt;
    }
    return copyBytes(c, loc, kPlainRead,
                     orderName == "memory_order_release" ? kReleaseWrite : kOnceWrite);
}

// The read side (n bytes of the source) and the write side (n bytes of the destination), one
// event each until the split (byte_splitter.cpp), both under one poIndex: their bytes are
// unsequenced among themselves, and byte i of the destination gets byte i of the source, with
// a data dependency (BuildContext::copies). Each side becomes one access group.
std::optional<Value> ThreadBuilder::copyBytes(const Call& c, const Loc& loc,
                                              const std::vector<std::string>& readSets,
                                              const std::vector<std::string>& writeSets) {
    auto dst = eval(*c.args.at(0));
    auto src = dst ? eval(*c.args.at(1)) : std::nullopt;
    auto count = src ? eval(*c.args.at(2)) : std::nullopt;
    if (!count) {
        return std::nullopt;
    }
    auto n = literalValue(ctx_.es, count->id);
    if (!n || *n < 0 || *n > LocationTable::kStride) {
        fail(c.args.at(2)->loc, c.callee + " needs a constant byte count between 0 and " +
                                    std::to_string(LocationTable::kStride));
        return std::nullopt;
    }
    if (*n == 0) {
        return Value{};  // copies nothing, accesses nothing
    }
    // Both sides are checked, so that a copy too long for both gets both errors.
    const bool srcOk = checkCopyRange(*src, *n, c.callee + "'s read of", loc);
    if (!checkCopyRange(*dst, *n, c.callee + "'s write of", loc) || !srcOk) {
        return std::nullopt;
    }
    const ScalarType bytes{static_cast<std::uint32_t>(*n), false};
    auto asBytes = [](Value v) {
        v.pointee = PointeeType{ScalarType{1, false}, 0};
        return v;
    };
    checkingCopy_ = true;
    const int po = nextPo_;
    std::uint32_t r =
        addSizedEvent(EventKind::Read, readSets, asBytes(*src), 0, guard_, c.callee, loc, bytes);
    readValueOf(r);
    std::uint32_t w =
        addSizedEvent(EventKind::Write, writeSets, asBytes(*dst), 0, guard_, c.callee, loc, bytes);
    ctx_.es.events[r].poIndex = po;
    ctx_.es.events[w].poIndex = po;
    ctx_.copies.emplace_back(r, w);
    nextPo_ = po + 1;
    checkingCopy_ = false;
    return Value{};
}

// One side of a copy of n bytes starting at `base`, checked as one range.
bool ThreadBuilder::checkCopyRange(const Value& base, std::int64_t n, const std::string& what,
                                   const Loc& loc) {
    auto a = literalValue(ctx_.es, base.id);
    return !a || n == 0 || checkRange(*a, n, what + " " + std::to_string(n) + " bytes", loc);
}

}  // namespace memx::model::detail
