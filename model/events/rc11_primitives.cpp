// The C++ meaning of the kernel's primitives, so that an LKMM test also runs under rc11.
// The table is the kernel's own (lkmm_primitives.cpp), primitive by primitive, with each
// kernel annotation translated into a C11 memory order: the arguments, the values and the
// events of every primitive stay the kernel's, only their ordering changes. Every line of
// the translation, and where it comes from, is in docs/c11-mapping.md.
#include <optional>
#include <string>

#include "model/events/primitives.hpp"

namespace memx::model {

namespace {

// The C11 memory order (herd's set name) of a kernel access annotation; nullopt for SRCU's
// annotations, which have no C++ counterpart.
std::optional<std::string> accessOrder(const std::string& tag) {
    if (tag == "ONCE" || tag == "NORETURN") {
        return "RLX";
    }
    if (tag == "ACQUIRE") {
        return "ACQ";
    }
    if (tag == "RELEASE") {
        return "REL";
    }
    if (tag == "MB") {
        return "SC";
    }
    return std::nullopt;
}

// What a kernel fence becomes: a C11 fence of the given order, no event at all (a compiler
// barrier, which orders nothing at run time), or nothing C++ can express.
struct FenceMeaning {
    enum class Kind { Fence, NoEvent, Unsupported } kind;
    std::string order;
};

FenceMeaning fenceMeaning(const std::string& tag) {
    using Kind = FenceMeaning::Kind;
    if (tag == "MB" || tag == "before-atomic" || tag == "after-atomic" || tag == "after-spinlock" ||
        tag == "after-unlock-lock" || tag == "sync-rcu") {
        return {Kind::Fence, "SC"};
    }
    if (tag == "rmb") {
        return {Kind::Fence, "ACQ"};
    }
    if (tag == "wmb") {
        return {Kind::Fence, "REL"};
    }
    if (tag == "barrier" || tag == "rcu-lock" || tag == "rcu-unlock") {
        return {Kind::NoEvent, ""};
    }
    return {Kind::Unsupported, ""};
}

PrimOp fence(const std::string& order) {
    PrimOp op;
    op.kind = PrimOpKind::Fence;
    op.tag = order;
    return op;
}

bool isReadModifyWrite(PrimOpKind kind) {
    switch (kind) {
        case PrimOpKind::Xchg:
        case PrimOpKind::Cmpxchg:
        case PrimOpKind::AtomicOp:
        case PrimOpKind::AtomicOpReturn:
        case PrimOpKind::AtomicFetchOp:
        case PrimOpKind::AtomicAddUnless:
            return true;
        default:
            return false;
    }
}

// The C++ version of one kernel primitive, or nullopt when it has none.
std::optional<Primitive> translate(const Primitive& kernel) {
    Primitive out = kernel;
    out.ops.clear();
    for (const PrimOp& op : kernel.ops) {
        switch (op.kind) {
            case PrimOpKind::Fence: {
                FenceMeaning meaning = fenceMeaning(op.tag);
                if (meaning.kind == FenceMeaning::Kind::Unsupported) {
                    return std::nullopt;
                }
                if (meaning.kind == FenceMeaning::Kind::Fence) {
                    out.ops.push_back(fence(meaning.order));
                }
                break;
            }
            case PrimOpKind::Lock:
            case PrimOpKind::Unlock:
            case PrimOpKind::TryLock:
            case PrimOpKind::IsLocked:
                // The lock events stay; rc11.cat gives them acquire/release meaning.
                out.ops.push_back(op);
                break;
            case PrimOpKind::Srcu:
                return std::nullopt;
            default: {
                auto order = accessOrder(op.tag);
                if (!order) {
                    return std::nullopt;
                }
                PrimOp access = op;
                access.tag = *order;
                access.atomic = true;
                // A fully ordered RMW is a seq_cst RMW between two seq_cst fences.
                bool fenced = op.tag == "MB" && isReadModifyWrite(op.kind);
                if (fenced) {
                    out.ops.push_back(fence("SC"));
                }
                out.ops.push_back(access);
                if (fenced) {
                    out.ops.push_back(fence("SC"));
                }
            }
        }
    }
    return out;
}

PrimitiveTable makeRc11Table() {
    PrimitiveTable t;
    for (const auto& [name, kernel] : lkmmPrimitives().entries) {
        if (auto translated = translate(kernel)) {
            t.add(std::move(*translated));
        }
    }
    // rcu_dereference() is C++'s memory_order_consume, which RC11 leaves out and every
    // compiler strengthens to acquire; rcu_assign_pointer() is already a release store.
    for (PrimOp& op : t.entries.at("rcu_dereference").ops) {
        op.tag = "ACQ";
    }
    return t;
}

}  // namespace

const PrimitiveTable& rc11Primitives() {
    static const PrimitiveTable table = makeRc11Table();
    return table;
}

}  // namespace memx::model
