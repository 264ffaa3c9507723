#include "model/events/struct_lowering.hpp"

#include <type_traits>

#include "litmus/printer.hpp"
#include "litmus/prop_locations.hpp"

namespace memx::model {

namespace {

using namespace memx::litmus;

ExprPtr make(auto node, const Loc& loc) {
    return std::make_shared<const Expr>(Expr{std::move(node), loc});
}

Type bytePointer(int depth) {
    return Type{"u8", depth, std::nullopt, false, false};
}

// What the lowering knows of an expression: a struct object (its address in `e`, as a
// `u8 *`), a pointer to a struct (`e` is the pointer, `depth` >= 1), or anything else (`e` is
// the lowered expression). `size` is sizeof the expression when known.
struct Lowered {
    Lowered(ExprPtr lowered, const StructLayout* layout = nullptr, int pointerDepth = 0,
            std::optional<std::uint32_t> bytes = std::nullopt)
        : e(std::move(lowered)), s(layout), depth(pointerDepth), size(bytes) {}
    ExprPtr e;
    const StructLayout* s = nullptr;
    int depth = 0;
    std::optional<std::uint32_t> size;
    bool isStructObject() const { return s != nullptr && depth == 0; }
};

class Lowerer {
public:
    Lowerer(const StructLayouts& layouts, const std::string& file, DiagnosticSink& sink)
        : layouts_(layouts), file_(file), sink_(sink) {}

    bool ok = true;
    std::map<std::string, const StructLayout*> locationStructs;

    std::vector<InitEntry> init(const std::vector<InitEntry>& entries, bool bigEndian) {
        std::vector<InitEntry> out;
        for (const InitEntry& e : entries) {
            const StructLayout* s = e.type ? layouts_.structOf(*e.type) : nullptr;
            if (!s && e.type && !structTag(e.type->base).empty() && e.type->pointerDepth == 0) {
                error(e.loc, "unknown struct '" + structTag(e.type->base) + "'");
                continue;
            }
            if (!s || e.thread || e.type->pointerDepth > 0) {
                if (e.value && hasDesignator(*e.value)) {
                    error(e.loc, "'." + designatorOf(*e.value) + " = ...' names a field, and '" +
                                     e.name + "' is no struct");
                }
                if (s && !e.thread) {
                    globals_[e.name] = {s, e.type->pointerDepth + 1};
                }
                out.push_back(e);
                continue;
            }
            const std::uint32_t count = static_cast<std::uint32_t>(e.type->arrayLength.value_or(1));
            InitEntry lowered = e;
            lowered.type = Type{"u8", 0, std::uint64_t{s->size} * count, false, false};
            std::vector<std::uint8_t> bytes(std::size_t{s->size} * count, 0);
            if (e.value) {
                if (e.type->arrayLength) {
                    encodeArray(*e.value, *s, count, 0, bytes, bigEndian, e.loc);
                } else {
                    encodeStruct(*e.value, *s, 0, bytes, bigEndian, e.loc);
                }
            }
            InitValue list{InitValue::Kind::List, 0, {}, {}, {}};
            for (std::uint8_t b : bytes) {
                list.elements.push_back(InitValue{InitValue::Kind::Int, b, {}, {}, {}});
            }
            lowered.value = list;
            out.push_back(std::move(lowered));
            locationStructs[e.name] = s;
            globals_[e.name] = {s, 1};  // a bare name is the location's address
        }
        return out;
    }

    // Parameters whose pointee is a struct become `u8 *`; a struct location declared only by
    // such a parameter gets its bytes (all 0) in the init block.
    void params(Thread& t, std::vector<InitEntry>& init) {
        for (Param& p : t.params) {
            const StructLayout* s = layouts_.structOf(p.type);
            if (!s || p.type.pointerDepth == 0) {
                continue;
            }
            if (p.type.pointerDepth == 1 && !locationStructs.count(p.name)) {
                bool declared = false;
                for (const InitEntry& e : init) {
                    declared = declared || (!e.thread && e.name == p.name);
                }
                if (!declared) {
                    init.push_back(InitEntry{std::nullopt, p.name,
                                             Type{"u8", 0, std::uint64_t{s->size}, false, false},
                                             std::nullopt, p.loc});
                    locationStructs[p.name] = s;
                }
            }
            p.type = bytePointer(p.type.pointerDepth);
        }
    }

    void thread(Thread& t) {
        scope_ = globals_;
        declared_.clear();
        for (const Param& p : t.params) {
            declared_[p.name] = p.type;
        }
        for (const Param& p : t.params) {
            if (auto it = paramStructs_.find(p.name); it != paramStructs_.end()) {
                scope_[p.name] = it->second;
            }
        }
        for (StmtPtr& s : t.body) {
            s = stmt(s);
        }
    }

    // Called before params() rewrites the types: remembers which parameters point to structs.
    void noteParams(const Thread& t) {
        paramStructs_.clear();
        for (const Param& p : t.params) {
            if (const StructLayout* s = layouts_.structOf(p.type); s && p.type.pointerDepth > 0) {
                paramStructs_[p.name] = {s, p.type.pointerDepth};
            } else if (!structTag(p.type.base).empty() && structTag(p.type.base) != "srcu_struct") {
                error(p.loc, "unknown struct '" + structTag(p.type.base) + "'");
            }
        }
    }

    // A condition's field path must name a scalar leaf of the location's struct.
    void locationRef(const LocationRef& ref) {
        if (ref.field.empty() || ref.thread) {
            return;
        }
        auto it = locationStructs.find(ref.name);
        if (it == locationStructs.end()) {
            error(ref.loc, "'" + ref.name + "' is not a struct, so '" + ref.name + "." + ref.field +
                               "' names nothing");
            return;
        }
        for (const FieldLeaf& leaf : leavesOf(*it->second)) {
            if (leaf.path == ref.field) {
                if (ref.index && (*ref.index < 0 || *ref.index >= leaf.count)) {
                    error(ref.loc, "'" + ref.name + "." + ref.field + "' has " +
                                       std::to_string(leaf.count) + " elements");
                }
                return;
            }
        }
        error(ref.loc, "struct " + it->second->name + " has no field '" + ref.field + "'");
    }

private:
    struct StructRef {
        const StructLayout* s = nullptr;
        int depth = 1;
    };

    void error(const Loc& at, const std::string& message) {
        sink_.error(file_, at.range, message);
        ok = false;
    }

    // ---------- initial values ----------

    static bool hasDesignator(const InitValue& v) { return !designatorOf(v).empty(); }

    // The first designator in a list, nested lists included; empty when there is none.
    static std::string designatorOf(const InitValue& v) {
        if (!v.designator.empty()) {
            return v.designator;
        }
        for (const InitValue& e : v.elements) {
            if (std::string d = designatorOf(e); !d.empty()) {
                return d;
            }
        }
        return {};
    }

    void encodeScalar(const InitValue& v, std::uint32_t size, std::uint32_t offset,
                      std::vector<std::uint8_t>& bytes, bool bigEndian, const Loc& at) {
        if (v.kind != InitValue::Kind::Int) {
            error(at, v.kind == InitValue::Kind::List
                          ? "a list initialises a scalar field"
                          : "a struct field's initial value must be an integer");
            return;
        }
        const auto bits = static_cast<std::uint64_t>(v.value);
        for (std::uint32_t b = 0; b < size; ++b) {
            const std::uint32_t shift = bigEndian ? size - 1 - b : b;
            bytes[offset + b] = static_cast<std::uint8_t>(shift < 8 ? bits >> (8 * shift) : 0);
        }
    }

    void encodeElement(const InitValue& v, const FieldLayout& f, std::uint32_t offset,
                       std::vector<std::uint8_t>& bytes, bool bigEndian, const Loc& at) {
        if (f.nested) {
            encodeStruct(v, *f.nested, offset, bytes, bigEndian, at);
        } else {
            encodeScalar(v, f.elementSize, offset, bytes, bigEndian, at);
        }
    }

    void encodeArray(const InitValue& v, const StructLayout& s, std::uint32_t count,
                     std::uint32_t offset, std::vector<std::uint8_t>& bytes, bool bigEndian,
                     const Loc& at) {
        if (v.kind != InitValue::Kind::List || v.elements.size() > count) {
            error(at, "an array of " + std::to_string(count) + " struct " + s.name +
                          " takes a list of at most " + std::to_string(count) + " initialisers");
            return;
        }
        for (std::size_t i = 0; i < v.elements.size(); ++i) {
            encodeStruct(v.elements[i], s, offset + static_cast<std::uint32_t>(i) * s.size, bytes,
                         bigEndian, at);
        }
    }

    // C's rules: positional initialisers fill the fields in order, `.f = v` jumps to f and
    // the next positional one follows it; fields left out (and padding) are 0.
    void encodeStruct(const InitValue& v, const StructLayout& s, std::uint32_t offset,
                      std::vector<std::uint8_t>& bytes, bool bigEndian, const Loc& at) {
        if (v.kind != InitValue::Kind::List) {
            error(at, "struct " + s.name + " is initialised with a list, as in '{1, 2}'");
            return;
        }
        std::size_t next = 0;
        for (const InitValue& item : v.elements) {
            if (!item.designator.empty()) {
                next = s.fields.size();
                for (std::size_t f = 0; f < s.fields.size(); ++f) {
                    if (s.fields[f].name == item.designator) {
                        next = f;
                    }
                }
                if (next == s.fields.size()) {
                    error(at, "struct " + s.name + " has no field '" + item.designator + "'");
                    return;
                }
            }
            if (next >= s.fields.size()) {
                error(at, "too many initialisers for struct " + s.name + " (" +
                              std::to_string(s.fields.size()) + " fields)");
                return;
            }
            const FieldLayout& f = s.fields[next++];
            if (!f.isArray) {
                encodeElement(item, f, offset + f.offset, bytes, bigEndian, at);
                continue;
            }
            if (item.kind != InitValue::Kind::List || item.elements.size() > f.count) {
                error(at, "field '" + f.name + "' takes a list of at most " +
                              std::to_string(f.count) + " initialisers");
                return;
            }
            for (std::size_t i = 0; i < item.elements.size(); ++i) {
                if (!item.elements[i].designator.empty()) {
                    error(at, "'." + item.elements[i].designator + " = ...' inside field '" +
                                  f.name + "', an array: its elements have no names");
                    return;
                }
                encodeElement(item.elements[i], f,
                              offset + f.offset + static_cast<std::uint32_t>(i) * f.elementSize,
                              bytes, bigEndian, at);
            }
        }
    }

    // ---------- thread code ----------

    StmtPtr stmt(const StmtPtr& s) {
        if (!s) {
            return s;
        }
        return std::visit(
            [&](const auto& n) -> StmtPtr {
                using T = std::decay_t<decltype(n)>;
                auto with = [&](auto node) {
                    return std::make_shared<const Stmt>(Stmt{std::move(node), s->loc});
                };
                if constexpr (std::is_same_v<T, DeclStmt>) {
                    DeclStmt d = n;
                    const StructLayout* st = layouts_.structOf(n.type);
                    if (st && n.type.pointerDepth == 0) {
                        error(s->loc, "a struct cannot be a register; declare '" + n.name +
                                          "' in the init block");
                        return s;
                    }
                    if (!st && !structTag(n.type.base).empty()) {
                        error(s->loc, "unknown struct '" + structTag(n.type.base) + "'");
                        return s;
                    }
                    declared_[n.name] = n.type;
                    if (st) {
                        scope_[n.name] = {st, n.type.pointerDepth};
                        d.type = bytePointer(n.type.pointerDepth);
                    } else {
                        scope_.erase(n.name);
                    }
                    d.init = n.init ? value(n.init) : nullptr;
                    return with(d);
                } else if constexpr (std::is_same_v<T, AssignStmt>) {
                    Lowered target = lower(n.target);
                    Lowered v = lower(n.value);
                    if (target.isStructObject() || v.isStructObject()) {
                        error(s->loc, "a whole struct is copied with memcpy(d, s, sizeof(struct " +
                                          (target.s ? target.s : v.s)->name + "))");
                        return s;
                    }
                    // A register assigned a struct pointer without a declaration keeps its type.
                    if (const auto* id = std::get_if<Ident>(&n.target->node); id) {
                        if (v.s) {
                            scope_[id->name] = {v.s, v.depth};
                        } else if (!declared_.count(id->name)) {
                            scope_.erase(id->name);
                        }
                    }
                    return with(AssignStmt{target.e, v.e});
                } else if constexpr (std::is_same_v<T, ExprStmt>) {
                    return with(ExprStmt{value(n.expr)});
                } else if constexpr (std::is_same_v<T, IfStmt>) {
                    return with(IfStmt{value(n.cond), stmt(n.then), stmt(n.otherwise)});
                } else if constexpr (std::is_same_v<T, WhileStmt>) {
                    return with(WhileStmt{n.cond ? value(n.cond) : nullptr, stmt(n.body), n.kind,
                                          stmt(n.step)});
                } else if constexpr (std::is_same_v<T, BlockStmt>) {
                    BlockStmt b;
                    for (const StmtPtr& inner : n.body) {
                        b.body.push_back(stmt(inner));
                    }
                    return with(std::move(b));
                } else {
                    return s;
                }
            },
            s->node);
    }

    // An expression whose value is used: a struct object has none.
    ExprPtr value(const ExprPtr& e) {
        if (!e) {
            return e;
        }
        Lowered l = lower(e);
        if (l.isStructObject()) {
            error(e->loc,
                  "a whole struct has no value here; copy it with memcpy(d, s, "
                  "sizeof(struct " +
                      l.s->name + ")) or name a field");
        }
        return l.e;
    }

    // `(u8 *)base + offset`.
    static ExprPtr byteAddress(const ExprPtr& base, std::uint32_t offset, const Loc& at) {
        ExprPtr bytes = make(Cast{bytePointer(1), base}, at);
        if (offset == 0) {
            return bytes;
        }
        return make(Binary{BinaryOp::Add, bytes, make(IntLit{offset}, at)}, at);
    }

    Lowered member(const Member& m, const Loc& at) {
        Lowered base = lower(m.base);
        if (base.e == nullptr) {
            return {m.base, nullptr, 0, std::nullopt};
        }
        const std::string op = m.arrow ? "->" : ".";
        if (!base.s) {
            error(at, "'" + op + m.field + "' needs " +
                          (m.arrow ? std::string("a pointer to a struct") : "a struct") +
                          ", and '" + printExpr(*m.base) + "' is not one");
            return {make(IntLit{0}, at), nullptr, 0, std::nullopt};
        }
        if (m.arrow && base.depth != 1) {
            error(at, base.depth == 0 ? "'" + printExpr(*m.base) +
                                            "' is a struct, not a pointer: "
                                            "write '" +
                                            printExpr(*m.base) + "." + m.field + "'"
                                      : "'->' needs a pointer to a struct, and '" +
                                            printExpr(*m.base) + "' points to a pointer");
            return {make(IntLit{0}, at), nullptr, 0, std::nullopt};
        }
        if (!m.arrow && base.depth != 0) {
            error(at, "'" + printExpr(*m.base) + "' is a pointer to struct " + base.s->name +
                          ": write '" + printExpr(*m.base) + "->" + m.field + "'");
            return {make(IntLit{0}, at), nullptr, 0, std::nullopt};
        }
        const FieldLayout* f = base.s->field(m.field);
        if (!f) {
            error(at, "struct " + base.s->name + " has no field '" + m.field + "'");
            return {make(IntLit{0}, at), nullptr, 0, std::nullopt};
        }
        ExprPtr address = byteAddress(base.e, f->offset, at);
        const std::uint32_t size = f->elementSize * f->count;
        if (f->nested) {
            // A struct field is an object at that address; an array of them decays.
            return {address, f->nested, f->isArray ? 1 : 0, size};
        }
        Type element = f->elementType;
        const StructLayout* pointee = layouts_.structOf(element);
        if (pointee) {
            element = bytePointer(element.pointerDepth);
        }
        Type pointerTo = element;
        ++pointerTo.pointerDepth;
        ExprPtr typed = make(Cast{pointerTo, address}, at);
        if (f->isArray) {
            return {typed, nullptr, 0, size};  // the array decays to a pointer to its first
        }
        return {make(Unary{UnaryOp::Deref, typed}, at), pointee, element.pointerDepth, size};
    }

    std::optional<std::uint32_t> declaredSize(const std::string& name, int derefs) const {
        auto it = declared_.find(name);
        if (it == declared_.end()) {
            return std::nullopt;
        }
        Type t = it->second;
        if (t.pointerDepth < derefs) {
            return std::nullopt;
        }
        t.pointerDepth -= derefs;
        return layouts_.sizeOf(t);
    }

    Lowered lower(const ExprPtr& e) {
        if (!e) {
            return {e};
        }
        return std::visit(
            [&](const auto& n) -> Lowered {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Ident>) {
                    if (auto it = scope_.find(n.name); it != scope_.end()) {
                        return {e, it->second.s, it->second.depth, 8};
                    }
                    return {e, nullptr, 0, declaredSize(n.name, 0)};
                } else if constexpr (std::is_same_v<T, Member>) {
                    return member(n, e->loc);
                } else if constexpr (std::is_same_v<T, SizeOf>) {
                    std::optional<std::uint32_t> size;
                    if (n.type) {
                        if (!structTag(n.type->base).empty() && !layouts_.structOf(*n.type)) {
                            error(e->loc, "unknown struct '" + structTag(n.type->base) + "'");
                            return {make(IntLit{0}, e->loc)};
                        }
                        size = layouts_.sizeOf(*n.type);
                    } else {
                        size = lower(n.operand).size;
                    }
                    if (!size) {
                        error(e->loc,
                              "memx knows sizeof of a type, a struct, a field, or a "
                              "variable declared with a type, not of '" +
                                  printExpr(*n.operand) + "'");
                        size = 0;
                    }
                    return {make(IntLit{*size}, e->loc)};
                } else if constexpr (std::is_same_v<T, Unary>) {
                    Lowered operand = lower(n.operand);
                    if (n.op == UnaryOp::Deref && operand.s) {
                        if (operand.depth == 0) {
                            error(e->loc,
                                  "'" + printExpr(*n.operand) + "' is a struct, not a pointer");
                            return operand;
                        }
                        if (operand.depth == 1) {
                            return {operand.e, operand.s, 0, operand.s->size};
                        }
                        return {make(Unary{n.op, operand.e}, e->loc), operand.s, operand.depth - 1,
                                8};
                    }
                    if (n.op == UnaryOp::AddrOf && operand.s) {
                        if (operand.depth == 0) {
                            return {operand.e, operand.s, 1, 8};
                        }
                        return {make(Unary{n.op, operand.e}, e->loc), operand.s, operand.depth + 1,
                                8};
                    }
                    if (n.op == UnaryOp::AddrOf) {
                        // &p->len: the field's typed address, `(u32 *)((u8 *)p + offset)`.
                        if (const auto* u = std::get_if<Unary>(&operand.e->node);
                            u && u->op == UnaryOp::Deref &&
                            std::holds_alternative<Member>(n.operand->node)) {
                            return {u->operand, nullptr, 0, 8};
                        }
                    }
                    if (operand.isStructObject()) {
                        error(e->loc, "a whole struct has no value here");
                    }
                    std::optional<std::uint32_t> size;
                    if (n.op == UnaryOp::Deref) {
                        if (const auto* id = std::get_if<Ident>(&n.operand->node)) {
                            size = declaredSize(id->name, 1);
                        }
                    }
                    return {make(Unary{n.op, operand.e}, e->loc), nullptr, 0, size};
                } else if constexpr (std::is_same_v<T, Binary>) {
                    Lowered lhs = lower(n.lhs);
                    Lowered rhs = lower(n.rhs);
                    if (lhs.isStructObject() || rhs.isStructObject()) {
                        error(e->loc, "a whole struct has no value here");
                    }
                    // Pointer arithmetic on a struct pointer steps whole structs.
                    if ((n.op == BinaryOp::Add || n.op == BinaryOp::Sub) && lhs.s &&
                        lhs.depth == 1 && !rhs.s) {
                        ExprPtr scaled =
                            make(Binary{BinaryOp::Mul, rhs.e, make(IntLit{lhs.s->size}, e->loc)},
                                 e->loc);
                        return {
                            make(Binary{n.op, make(Cast{bytePointer(1), lhs.e}, e->loc), scaled},
                                 e->loc),
                            lhs.s, 1, 8};
                    }
                    return {make(Binary{n.op, lhs.e, rhs.e}, e->loc)};
                } else if constexpr (std::is_same_v<T, Ternary>) {
                    return {
                        make(Ternary{value(n.cond), value(n.then), value(n.otherwise)}, e->loc)};
                } else if constexpr (std::is_same_v<T, Call>) {
                    Call c{n.callee, {}};
                    for (const ExprPtr& a : n.args) {
                        c.args.push_back(value(a));
                    }
                    return {make(std::move(c), e->loc)};
                } else if constexpr (std::is_same_v<T, Index>) {
                    Lowered base = lower(n.base);
                    ExprPtr index = value(n.index);
                    if (base.s && base.depth == 1) {
                        // p[i] of a struct pointer: the struct object at p + i.
                        ExprPtr offset =
                            make(Binary{BinaryOp::Mul, index, make(IntLit{base.s->size}, e->loc)},
                                 e->loc);
                        return {make(Binary{BinaryOp::Add,
                                            make(Cast{bytePointer(1), base.e}, e->loc), offset},
                                     e->loc),
                                base.s, 0, base.s->size};
                    }
                    if (base.isStructObject()) {
                        error(e->loc, "a struct cannot be indexed");
                    }
                    return {make(Index{base.e, index}, e->loc)};
                } else if constexpr (std::is_same_v<T, Cast>) {
                    const StructLayout* s = layouts_.structOf(n.type);
                    Lowered operand = lower(n.operand);
                    if (s && n.type.pointerDepth > 0) {
                        return {make(Cast{bytePointer(n.type.pointerDepth), operand.e}, e->loc), s,
                                n.type.pointerDepth, 8};
                    }
                    if (!structTag(n.type.base).empty() && n.type.pointerDepth == 0) {
                        error(e->loc, "a cast to a struct type has no meaning here");
                    }
                    if (operand.isStructObject()) {
                        error(e->loc, "a whole struct has no value here");
                    }
                    return {make(Cast{n.type, operand.e}, e->loc), nullptr, 0,
                            layouts_.sizeOf(n.type)};
                } else {
                    return {e};
                }
            },
            e->node);
    }

    const StructLayouts& layouts_;
    const std::string& file_;
    DiagnosticSink& sink_;
    std::map<std::string, StructRef> globals_;       // struct locations, by name
    std::map<std::string, StructRef> paramStructs_;  // this thread's struct parameters
    std::map<std::string, StructRef> scope_;         // names with a struct type, now
    std::map<std::string, Type> declared_;           // parameters and registers as declared
};

}  // namespace

std::optional<LoweredStructs> lowerStructs(const Program& program, const StructLayouts& layouts,
                                           bool bigEndian, const std::string& fileName,
                                           DiagnosticSink& sink) {
    Lowerer lowerer(layouts, fileName, sink);
    LoweredStructs out{program, {}};
    out.program.init = lowerer.init(program.init, bigEndian);
    for (Thread& t : out.program.threads) {
        lowerer.noteParams(t);
        lowerer.params(t, out.program.init);
        lowerer.thread(t);
    }
    forEachLocationRef(program.condition.prop,
                       [&](const LocationRef& ref) { lowerer.locationRef(ref); });
    forEachLocationRef(program.filter, [&](const LocationRef& ref) { lowerer.locationRef(ref); });
    for (const LocationRef& ref : program.locations) {
        lowerer.locationRef(ref);
    }
    if (!lowerer.ok) {
        return std::nullopt;
    }
    out.locationStructs = std::move(lowerer.locationStructs);
    return out;
}

}  // namespace memx::model
