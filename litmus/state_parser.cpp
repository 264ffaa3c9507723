// herd's state language: init entries, locations, filter and the final condition. Operator
// precedence follows herd (from loosest): `\/`, `/\`, `->` (right-assoc), then `~`/`not`.
#include "litmus/state_parser.hpp"

#include "litmus/code_parser.hpp"

namespace memx::litmus::detail {

namespace {

PropPtr makeProp(auto node, SourceRange range) {
    return std::make_shared<const Prop>(Prop{std::move(node), Loc{range}});
}

Token expectNumber(Cursor& c, std::string_view what) {
    if (c.peek().kind != TokenKind::Number) {
        c.failExpected(c.peek(), what);
    }
    return c.take();
}

// `-1` in litmus text: an optional minus, then digits.
std::optional<std::int64_t> acceptSignedNumber(Cursor& c) {
    if (c.peek().kind == TokenKind::Number) {
        return c.take().value;
    }
    if (c.peek().is("-") && c.peek(1).kind == TokenKind::Number) {
        c.take();
        return -c.take().value;
    }
    return std::nullopt;
}

bool atRegister(Cursor& c) {
    return c.peek().kind == TokenKind::Number && c.peek(1).is(":") &&
           c.peek(2).kind == TokenKind::Ident;
}

int threadId(Cursor& c, const Token& n) {
    if (n.value > 1'000'000) {
        c.fail(n, "thread number " + std::string(n.text) + " is too large");
    }
    return static_cast<int>(n.value);
}

// `0:r1`, `x`, `[x]`, `x[2]` or `*p`.
LocationRef parseLocation(Cursor& c) {
    LocationRef ref;
    Token first = c.peek();
    SourceRange range = first.range;
    if (atRegister(c)) {
        Token n = c.take();
        c.take();
        Token reg = c.take();
        ref.thread = threadId(c, n);
        ref.name = std::string(reg.text);
        range = span(n.range, reg.range);
    } else if (c.accept("[")) {
        Token name = c.expectIdent("a location name inside '[...]'");
        Token close = c.expect("]", "to close '[' of the location");
        ref.name = std::string(name.text);
        range = span(first.range, close.range);
    } else if (c.accept("*")) {
        Token name = c.expectIdent("a location name after '*'");
        ref.name = std::string(name.text);
        ref.deref = true;
        range = span(first.range, name.range);
    } else {
        Token name = c.expectIdent("a location (such as 'x' or '0:r1')");
        ref.name = std::string(name.text);
        range = name.range;
        // memx's structs: `kst.len`, `kst.hdr.len`, `kst.name[2]`.
        while (c.peek().is(".")) {
            c.take();
            Token field = c.expectIdent("a field name after '.'");
            ref.field += (ref.field.empty() ? "" : ".") + std::string(field.text);
            range = span(first.range, field.range);
        }
        if (c.accept("[")) {
            Token index = expectNumber(c, "an array index");
            Token close = c.expect("]", "to close the array index");
            ref.index = index.value;
            range = span(first.range, close.range);
        }
    }
    ref.loc = Loc{range};
    return ref;
}

CondValue parseCondValue(Cursor& c) {
    CondValue v;
    if (atRegister(c) || c.peek().is("[")) {
        v.kind = CondValue::Kind::Location;
        v.location = parseLocation(c);
    } else if (std::optional<std::int64_t> n = acceptSignedNumber(c)) {
        v.value = *n;
    } else if (c.peek().kind == TokenKind::Ident) {
        v.kind = CondValue::Kind::Address;
        v.symbol = std::string(c.take().text);
    } else {
        c.failExpected(c.peek(), "a value (an integer, a location name or a register)");
    }
    return v;
}

PropPtr parseOr(Cursor& c);

PropPtr parseAtom(Cursor& c) {
    Token first = c.peek();
    LocationRef lhs = parseLocation(c);
    bool negated = false;
    if (c.accept("!=")) {
        negated = true;
    } else if (!c.accept("=") && !c.accept("==")) {
        c.failExpected(c.peek(), "'=' or '!=' after the location");
    }
    SourceRange valueAt = c.peek().range;
    CondValue rhs = parseCondValue(c);
    return makeProp(PropAtom{lhs, rhs, negated}, span(first.range, valueAt));
}

// herd's `observed a1; a2; and b1; b2;`: exists ((a1 /\ a2) \/ (b1 /\ b2)), each atom ended
// by ';' and each group by 'and'; an empty group is true.
PropPtr parseObserved(Cursor& c, const Token& keyword) {
    PropPtr any;
    do {
        PropPtr all;
        while (c.peek().kind == TokenKind::Ident || c.peek().kind == TokenKind::Number ||
               c.peek().is("[")) {
            if (c.peek().isIdent("and") || c.peek().isIdent("with")) {
                break;
            }
            PropPtr atom = parseAtom(c);
            c.expect(";", "after each atom of 'observed'");
            all = all ? makeProp(PropAnd{all, atom}, span(all->loc.range, atom->loc.range)) : atom;
        }
        if (!all) {
            all = makeProp(PropTrue{}, keyword.range);
        }
        any = any ? makeProp(PropOr{any, all}, span(any->loc.range, all->loc.range)) : all;
    } while (c.acceptIdent("and"));
    return any;
}

PropPtr parseNot(Cursor& c) {
    Token first = c.peek();
    NestingGuard guard(c, first);
    if (c.accept("~") || c.acceptIdent("not")) {
        PropPtr operand = parseNot(c);
        return makeProp(PropNot{operand}, span(first.range, operand->loc.range));
    }
    if (c.acceptIdent("true")) {
        return makeProp(PropTrue{}, first.range);
    }
    if (c.acceptIdent("false")) {
        return makeProp(PropFalse{}, first.range);
    }
    if (c.accept("(")) {
        PropPtr inner = parseOr(c);
        c.expect(")", "to close '(' in the condition");
        return inner;
    }
    return parseAtom(c);
}

PropPtr parseImplies(Cursor& c) {
    NestingGuard guard(c, c.peek());
    PropPtr lhs = parseNot(c);
    if (c.accept("->")) {
        PropPtr rhs = parseImplies(c);
        return makeProp(PropImplies{lhs, rhs}, span(lhs->loc.range, rhs->loc.range));
    }
    return lhs;
}

PropPtr parseAnd(Cursor& c) {
    PropPtr lhs = parseImplies(c);
    int chained = 0;
    while (c.peek().is("/\\")) {
        c.deepen(c.take());
        ++chained;
        PropPtr rhs = parseImplies(c);
        lhs = makeProp(PropAnd{lhs, rhs}, span(lhs->loc.range, rhs->loc.range));
    }
    c.depth -= chained;
    return lhs;
}

PropPtr parseOr(Cursor& c) {
    NestingGuard guard(c, c.peek());
    PropPtr lhs = parseAnd(c);
    int chained = 0;
    while (c.peek().is("\\/")) {
        c.deepen(c.take());
        ++chained;
        PropPtr rhs = parseAnd(c);
        lhs = makeProp(PropOr{lhs, rhs}, span(lhs->loc.range, rhs->loc.range));
    }
    c.depth -= chained;
    return lhs;
}

InitValue parseInitValue(Cursor& c) {
    InitValue v;
    if (c.peek().is("{")) {
        c.take();
        v.kind = InitValue::Kind::List;
        if (!c.peek().is("}")) {
            do {
                NestingGuard guard(c, c.peek());
                // C's designated initialiser of a struct field: `.len = 4`.
                std::string designator;
                if (c.accept(".")) {
                    designator = std::string(c.expectIdent("a field name after '.'").text);
                    c.expect("=", "after the field's name");
                }
                v.elements.push_back(parseInitValue(c));
                v.elements.back().designator = std::move(designator);
            } while (c.accept(","));
        }
        c.expect("}", "to close the list of initial values");
        return v;
    }
    if (c.peek().isIdent("ATOMIC_INIT") && c.peek(1).is("(")) {
        c.take();
        c.take();
        v = parseInitValue(c);
        c.expect(")", "to close ATOMIC_INIT(");
        return v;
    }
    if (std::optional<std::int64_t> n = acceptSignedNumber(c)) {
        v.value = *n;
        return v;
    }
    if (c.peek().is("*")) {
        c.fail(c.peek(), "dereferences are not supported in initial values");
    }
    // `&x` and a bare `x` both mean the address of x, as in herd.
    c.accept("&");
    Token name = c.expectIdent("an initial value (an integer, '&x' or 'x')");
    v.kind = InitValue::Kind::Address;
    v.symbol = std::string(name.text);
    return v;
}

// One entry: [type words] [*...] location [= value].
InitEntry parseInitEntry(Cursor& c) {
    InitEntry entry;
    Token first = c.peek();
    std::string base;
    Type type;
    bool typed = false;
    // A word followed by another word, a '*' or a thread number is a type word.
    while (c.peek().kind == TokenKind::Ident &&
           (c.peek(1).kind == TokenKind::Ident || c.peek(1).is("*") ||
            (c.peek(1).kind == TokenKind::Number && c.peek(2).is(":")))) {
        Token word = c.take();
        typed = true;
        if (word.text == "volatile") {
            type.isVolatile = true;
        } else if (word.text == "const") {
            type.isConst = true;
        } else {
            base += (base.empty() ? "" : " ") + std::string(word.text);
        }
    }
    while (c.accept("*")) {
        typed = true;
        ++type.pointerDepth;
    }
    Token nameAt = c.peek();
    LocationRef loc = parseLocation(c);
    if (loc.deref) {
        c.fail(nameAt, "'*' must come before the location's name in a declaration");
    }
    if (!loc.field.empty()) {
        c.fail(loc.loc.range, "a field is initialised in its struct's list, as in '" + loc.name +
                                  " = {." + loc.field + " = ...}'");
    }
    entry.thread = loc.thread;
    entry.name = loc.name;
    if (loc.index) {
        // `int buf[4]` declares an array; herd rejects `x[1] = 2` in the init block.
        if (!typed && !c.peek().is("=")) {
            c.fail(nameAt, "an array needs a type, as in 'int " + loc.name + "[...]'");
        }
        type.arrayLength = static_cast<std::uint64_t>(*loc.index);
        typed = true;
    }
    if (typed) {
        type.base = std::move(base);
        entry.type = std::move(type);
    }
    SourceRange last = loc.loc.range;
    if (c.accept("=")) {
        last = c.peek().range;
        entry.value = parseInitValue(c);
    }
    entry.loc = Loc{span(first.range, last)};
    return entry;
}

// memx's structs: `struct kstat { u32 len; u8 name[6]; }`, up to the `;` after it.
StructDecl parseStructDecl(Cursor& c) {
    Token first = c.take();
    StructDecl decl;
    decl.name = std::string(c.expectIdent("a structure name after 'struct'").text);
    c.expect("{", "to open the structure's fields");
    while (!c.peek().is("}")) {
        Token at = c.peek();
        std::optional<Type> type = parseType(c);
        if (!type) {
            c.failExpected(at, "a field's type (such as 'u32')");
        }
        Token name = c.expectIdent("a field name");
        SourceRange range = span(at.range, name.range);
        if (c.accept("[")) {
            Token len = expectNumber(c, "an array length");
            range = span(at.range, c.expect("]", "to close the array length").range);
            type->arrayLength = static_cast<std::uint64_t>(len.value);
        }
        c.expect(";", "after the field");
        decl.fields.push_back(FieldDecl{*type, std::string(name.text), Loc{range}});
    }
    Token close = c.expect("}", "to close the structure's fields");
    decl.loc = Loc{span(first.range, close.range)};
    return decl;
}

}  // namespace

std::vector<InitEntry> parseInitEntries(Cursor& c, std::vector<StructDecl>& structs) {
    std::vector<InitEntry> entries;
    while (!c.peek().is("}")) {
        if (c.accept(";")) {
            continue;
        }
        if (c.peek().kind == TokenKind::End) {
            c.failExpected(c.peek(), "'}' to close the initial state");
        }
        if (c.peek().isIdent("struct") && c.peek(1).kind == TokenKind::Ident && c.peek(2).is("{")) {
            structs.push_back(parseStructDecl(c));
            c.expect(";", "after the structure's declaration");
            continue;
        }
        entries.push_back(parseInitEntry(c));
        if (!c.peek().is("}")) {
            c.expect(";", "between initial values");
        }
    }
    return entries;
}

void parseConstraints(Cursor& c, Program& program) {
    if (c.acceptIdent("locations")) {
        c.expect("[", "after 'locations'");
        while (!c.accept("]")) {
            LocationRef l = parseLocation(c);
            // herd's typed entry: a type name and/or '*' after the location.
            if (c.peek().kind == TokenKind::Ident) {
                l.declaredType = std::string(c.take().text);
            }
            if (c.accept("*")) {
                l.declaredType += "*";
            }
            program.locations.push_back(std::move(l));
            if (!c.peek().is("]")) {
                c.expect(";", "between locations");
            }
        }
    }
    if (c.acceptIdent("filter")) {
        program.filter = parseOr(c);
    }
    Token first = c.peek();
    Condition& cond = program.condition;
    if (c.acceptIdent("exists") || c.acceptIdent("final")) {
        cond.quantifier = Quantifier::Exists;
    } else if (c.acceptIdent("forall")) {
        cond.quantifier = Quantifier::Forall;
    } else if ((first.is("~") || first.isIdent("not")) && c.peek(1).isIdent("exists")) {
        c.take();
        c.take();
        cond.quantifier = Quantifier::NotExists;
    } else if (first.is("(")) {
        cond.quantifier = Quantifier::Exists;  // herd reads a bare `(prop)` as exists
    } else if (first.isIdent("observed") || first.isIdent("Observed")) {
        c.take();
        cond.quantifier = Quantifier::Exists;
        cond.prop = parseObserved(c, first);
    } else {
        c.failExpected(first, "the final condition ('exists', '~exists', 'forall' or 'observed')");
    }
    if (!cond.prop) {
        cond.prop = parseOr(c);
    }
    cond.loc = Loc{span(first.range, cond.prop->loc.range)};
    c.accept(";");
    if (c.acceptIdent("with")) {
        // `with name: exists; name: ~exists; name: forall`
        do {
            Token name = c.expectIdent("a model name after 'with'");
            c.expect(":", "after the model name");
            std::string kind;
            if (c.acceptIdent("exists")) {
                kind = "exists";
            } else if (c.acceptIdent("forall")) {
                kind = "forall";
            } else if ((c.peek().is("~") || c.peek().isIdent("not")) &&
                       c.peek(1).isIdent("exists")) {
                c.take();
                c.take();
                kind = "~exists";
            } else {
                c.failExpected(c.peek(), "'exists', '~exists' or 'forall'");
            }
            program.conditionKinds.emplace_back(std::string(name.text), kind);
        } while (c.accept(";") && c.peek().kind == TokenKind::Ident);
    }
    if (c.peek().kind != TokenKind::End) {
        c.failExpected(c.peek(), "end of file after the final condition");
    }
}

}  // namespace memx::litmus::detail
