#include "model/events/def_reader.hpp"

#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace memx::model {

namespace {

// ---------- raw entries, as written ----------

struct RawArg {
    enum class Kind { Name, Int, Arith } kind = Kind::Name;
    std::string name;  // Name
    int derefs = 0;    // leading `*` of a Name
    std::int64_t value = 0;
    AtomicArith arith = AtomicArith::None;
    std::size_t offset = 0;
};

struct RawCall {
    std::string name;
    std::string tag;
    std::vector<RawArg> args;
    std::size_t offset = 0;
};

struct RawEntry {
    std::string name;
    std::vector<std::string> params;
    bool statement = false;
    std::vector<RawCall> calls;
    ResultCompare compare = ResultCompare::None;
    std::int64_t compareWith = 0;
    std::size_t offset = 0;
};

// Internal operations: how many value arguments each takes and whether an arithmetic
// operator sits in second position.
struct InternalOp {
    PrimOpKind kind;
    std::size_t valueArgs;
    bool hasArith;
};

const std::map<std::string, InternalOp>& internalOps() {
    static const std::map<std::string, InternalOp> ops = {
        {"__load", {PrimOpKind::Load, 1, false}},
        {"__store", {PrimOpKind::Store, 2, false}},
        {"__fence", {PrimOpKind::Fence, 0, false}},
        {"__xchg", {PrimOpKind::Xchg, 2, false}},
        {"__cmpxchg", {PrimOpKind::Cmpxchg, 3, false}},
        {"__atomic_op", {PrimOpKind::AtomicOp, 2, true}},
        {"__atomic_op_return", {PrimOpKind::AtomicOpReturn, 2, true}},
        {"__atomic_fetch_op", {PrimOpKind::AtomicFetchOp, 2, true}},
        {"__atomic_add_unless", {PrimOpKind::AtomicAddUnless, 3, false}},
        {"__lock", {PrimOpKind::Lock, 1, false}},
        {"__unlock", {PrimOpKind::Unlock, 1, false}},
        {"__trylock", {PrimOpKind::TryLock, 1, false}},
        {"__islocked", {PrimOpKind::IsLocked, 1, false}},
        {"__srcu", {PrimOpKind::Srcu, 1, false}},
    };
    return ops;
}

// ---------- scanning ----------

class DefParser {
public:
    DefParser(std::string_view text, const std::string& file, DiagnosticSink& sink)
        : text_(text), file_(file), sink_(sink) {}

    bool parse(std::vector<RawEntry>& out) {
        while (true) {
            skipSpace(true);
            if (pos_ >= text_.size()) {
                return true;
            }
            RawEntry e;
            if (!parseEntry(e)) {
                return false;
            }
            out.push_back(std::move(e));
        }
    }

    void error(std::size_t offset, const std::string& message) {
        SourcePos p = positionOf(offset);
        sink_.error(file_, {p, p}, message);
    }

private:
    SourcePos positionOf(std::size_t offset) const {
        SourcePos p{1, 1};
        for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++p.line;
                p.column = 1;
            } else {
                ++p.column;
            }
        }
        return p;
    }

    // Skips blanks and `//` comments; newlines too unless `acrossLines` is false.
    void skipSpace(bool acrossLines) {
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c == '\n' && !acrossLines) {
                return;
            }
            if (std::isspace(static_cast<unsigned char>(c))) {
                ++pos_;
            } else if (text_.substr(pos_, 2) == "//") {
                while (pos_ < text_.size() && text_[pos_] != '\n') {
                    ++pos_;
                }
            } else {
                return;
            }
        }
    }

    bool peek(char c) {
        skipSpace(true);
        return pos_ < text_.size() && text_[pos_] == c;
    }

    bool expect(char c) {
        if (peek(c)) {
            ++pos_;
            return true;
        }
        error(pos_, std::string("expected '") + c + "'");
        return false;
    }

    static bool identChar(char c, bool allowDash) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (allowDash && c == '-');
    }

    bool identifier(std::string& out, bool allowDash = false) {
        skipSpace(true);
        std::size_t start = pos_;
        while (pos_ < text_.size() && identChar(text_[pos_], allowDash)) {
            ++pos_;
        }
        if (start == pos_ || std::isdigit(static_cast<unsigned char>(text_[start]))) {
            error(start, "expected a name");
            return false;
        }
        out = std::string(text_.substr(start, pos_ - start));
        return true;
    }

    bool parseEntry(RawEntry& e) {
        e.offset = pos_;
        if (!identifier(e.name) || !expect('(')) {
            return false;
        }
        if (!peek(')')) {
            do {
                std::string p;
                if (!identifier(p)) {
                    return false;
                }
                e.params.push_back(p);
            } while (peek(',') && ++pos_);
        }
        if (!expect(')')) {
            return false;
        }
        if (peek('{')) {
            ++pos_;
            e.statement = true;
            while (!peek('}')) {
                RawCall call;
                if (pos_ >= text_.size()) {
                    error(e.offset, "unterminated '{' in the definition of " + e.name);
                    return false;
                }
                if (!parseCall(call) || !expect(';')) {
                    return false;
                }
                e.calls.push_back(std::move(call));
            }
            ++pos_;
            return true;
        }
        RawCall call;
        if (!parseCall(call)) {
            return false;
        }
        e.calls.push_back(std::move(call));
        return parseComparison(e);
    }

    // `== 0`, `< 0`, ... after an expression body, on the same line.
    bool parseComparison(RawEntry& e) {
        skipSpace(false);
        static const std::pair<const char*, ResultCompare> ops[] = {
            {"==", ResultCompare::Eq}, {"!=", ResultCompare::Ne}, {"<=", ResultCompare::Le},
            {">=", ResultCompare::Ge}, {"<", ResultCompare::Lt},  {">", ResultCompare::Gt}};
        for (const auto& [text, cmp] : ops) {
            if (text_.substr(pos_, std::string_view(text).size()) == text) {
                pos_ += std::string_view(text).size();
                RawArg value;
                if (!parseArg(value) || value.kind != RawArg::Kind::Int) {
                    error(pos_, "expected an integer after the comparison");
                    return false;
                }
                e.compare = cmp;
                e.compareWith = value.value;
                return true;
            }
        }
        return true;
    }

    bool parseCall(RawCall& call) {
        skipSpace(true);
        call.offset = pos_;
        if (!identifier(call.name)) {
            return false;
        }
        if (pos_ < text_.size() && text_[pos_] == '{') {
            ++pos_;
            if (!identifier(call.tag, true) || !expect('}')) {
                return false;
            }
        }
        if (!peek('(')) {
            return true;
        }
        ++pos_;
        if (!peek(')')) {
            do {
                RawArg a;
                if (!parseArg(a)) {
                    return false;
                }
                call.args.push_back(std::move(a));
            } while (peek(',') && ++pos_);
        }
        return expect(')');
    }

    bool parseArg(RawArg& a) {
        skipSpace(true);
        a.offset = pos_;
        static const std::pair<const char*, AtomicArith> ariths[] = {
            {"&~", AtomicArith::AndNot}, {"+", AtomicArith::Add}, {"-", AtomicArith::Sub},
            {"&", AtomicArith::And},     {"|", AtomicArith::Or},  {"^", AtomicArith::Xor}};
        bool negative = false;
        if (pos_ < text_.size() && text_[pos_] == '-' && pos_ + 1 < text_.size() &&
            std::isdigit(static_cast<unsigned char>(text_[pos_ + 1]))) {
            negative = true;
            ++pos_;
        }
        if (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
            std::int64_t v = 0;
            while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
                v = v * 10 + (text_[pos_++] - '0');
            }
            a.kind = RawArg::Kind::Int;
            a.value = negative ? -v : v;
            return true;
        }
        for (const auto& [text, arith] : ariths) {
            std::string_view t(text);
            if (text_.substr(pos_, t.size()) == t) {
                std::size_t after = pos_ + t.size();
                while (after < text_.size() && text_[after] == ' ') {
                    ++after;
                }
                if (after < text_.size() && (text_[after] == ',' || text_[after] == ')')) {
                    pos_ += t.size();
                    a.kind = RawArg::Kind::Arith;
                    a.arith = arith;
                    return true;
                }
            }
        }
        while (pos_ < text_.size() && (text_[pos_] == '*' || text_[pos_] == ' ')) {
            a.derefs += text_[pos_] == '*';
            ++pos_;
        }
        a.kind = RawArg::Kind::Name;
        return identifier(a.name);
    }

    std::string_view text_;
    const std::string& file_;
    DiagnosticSink& sink_;
    std::size_t pos_ = 0;
};

// ---------- inlining into a table ----------

class Resolver {
public:
    Resolver(const std::vector<RawEntry>& raw, DefParser& parser) : parser_(parser) {
        for (const RawEntry& e : raw) {
            raw_[e.name] = &e;
        }
    }

    const Primitive* resolve(const std::string& name) {
        if (auto it = done_.find(name); it != done_.end()) {
            return &it->second;
        }
        const RawEntry& e = *raw_.at(name);
        if (!inProgress_.insert(name).second) {
            parser_.error(e.offset, "macro " + name + " expands to itself");
            return nullptr;
        }
        Primitive p;
        p.name = e.name;
        p.arity = static_cast<int>(e.params.size());
        p.returnsValue = !e.statement;
        p.compare = e.compare;
        p.compareWith = e.compareWith;
        for (const RawCall& call : e.calls) {
            if (!addCall(e, call, p)) {
                return nullptr;
            }
        }
        inProgress_.erase(name);
        return &(done_[name] = std::move(p));
    }

private:
    bool toPrimArg(const RawEntry& e, const RawArg& a, PrimArg& out) {
        if (a.kind == RawArg::Kind::Int) {
            out = PrimArg::constant(a.value);
            return true;
        }
        if (a.kind == RawArg::Kind::Arith) {
            parser_.error(a.offset, "an arithmetic operator is not a value here");
            return false;
        }
        for (std::size_t i = 0; i < e.params.size(); ++i) {
            if (e.params[i] == a.name) {
                out = PrimArg::parameter(static_cast<int>(i), a.derefs);
                return true;
            }
        }
        parser_.error(a.offset, a.name + " is not a parameter of " + e.name);
        return false;
    }

    bool addCall(const RawEntry& e, const RawCall& call, Primitive& p) {
        if (auto it = internalOps().find(call.name); it != internalOps().end()) {
            const InternalOp& info = it->second;
            PrimOp op{info.kind, call.tag, AtomicArith::None, {}};
            std::size_t expected = info.valueArgs + (info.hasArith ? 1 : 0);
            if (call.args.size() != expected) {
                parser_.error(call.offset, call.name + " takes " + std::to_string(expected) +
                                               " arguments, not " +
                                               std::to_string(call.args.size()));
                return false;
            }
            for (std::size_t i = 0; i < call.args.size(); ++i) {
                if (info.hasArith && i == 1) {
                    if (call.args[i].kind != RawArg::Kind::Arith) {
                        parser_.error(call.args[i].offset, "expected an arithmetic operator");
                        return false;
                    }
                    op.arith = call.args[i].arith;
                    continue;
                }
                PrimArg arg;
                if (!toPrimArg(e, call.args[i], arg)) {
                    return false;
                }
                op.args.push_back(arg);
            }
            p.ops.push_back(std::move(op));
            return true;
        }
        if (!raw_.count(call.name)) {
            parser_.error(call.offset, "unknown operation or macro " + call.name);
            return false;
        }
        const Primitive* callee = resolve(call.name);
        if (callee == nullptr) {
            return false;
        }
        if (call.args.size() != static_cast<std::size_t>(callee->arity)) {
            parser_.error(call.offset, call.name + " takes " + std::to_string(callee->arity) +
                                           " arguments, not " + std::to_string(call.args.size()));
            return false;
        }
        std::vector<PrimArg> actuals;
        for (const RawArg& a : call.args) {
            PrimArg arg;
            if (!toPrimArg(e, a, arg)) {
                return false;
            }
            actuals.push_back(arg);
        }
        for (PrimOp op : callee->ops) {
            for (PrimArg& formal : op.args) {
                if (formal.kind != PrimArg::Kind::Param) {
                    continue;
                }
                PrimArg actual = actuals[static_cast<std::size_t>(formal.param)];
                if (actual.kind == PrimArg::Kind::Const && formal.derefs > 0) {
                    parser_.error(call.offset, "cannot dereference a constant argument");
                    return false;
                }
                actual.derefs += formal.derefs;
                formal = actual;
            }
            p.ops.push_back(std::move(op));
        }
        if (p.returnsValue) {
            if (callee->compare != ResultCompare::None && p.compare != ResultCompare::None) {
                parser_.error(call.offset, "a comparison of a comparison is not supported");
                return false;
            }
            if (callee->compare != ResultCompare::None) {
                p.compare = callee->compare;
                p.compareWith = callee->compareWith;
            }
        }
        return true;
    }

    DefParser& parser_;
    std::map<std::string, const RawEntry*> raw_;
    std::map<std::string, Primitive> done_;
    std::set<std::string> inProgress_;
};

}  // namespace

std::optional<PrimitiveTable> readDefFile(std::string_view text, const std::string& fileName,
                                          DiagnosticSink& sink) {
    DefParser parser(text, fileName, sink);
    std::vector<RawEntry> raw;
    if (!parser.parse(raw)) {
        return std::nullopt;
    }
    Resolver resolver(raw, parser);
    PrimitiveTable table;
    for (const RawEntry& e : raw) {
        const Primitive* p = resolver.resolve(e.name);
        if (p == nullptr) {
            return std::nullopt;
        }
        table.add(*p);
    }
    return table;
}

}  // namespace memx::model
