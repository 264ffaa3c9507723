#include "solver/condition_encoding.hpp"

#include "litmus/prop_fold.hpp"

namespace memx::solver {

namespace {

class PropositionEncoder {
public:
    PropositionEncoder(const litmus::Program& program, CandidateEncoding& enc)
        : program_(program), enc_(enc), ctx_(enc.value(0).ctx()) {}

    z3::expr encode(const litmus::Prop& prop) {
        return litmus::foldProp(prop, ctx_.bool_val(true), ctx_.bool_val(false),
                                [&](const litmus::PropAtom& a) { return atom(a); });
    }

    // As FinalStateReader::valueOf, symbolically.
    z3::expr valueOf(const litmus::LocationRef& ref) {
        const model::EventStructure& es = enc_.events();
        if (ref.thread) {
            auto t = es.finalRegisters.find(*ref.thread);
            if (t != es.finalRegisters.end()) {
                auto r = t->second.find(ref.name);
                if (r != t->second.end()) {
                    return enc_.value(r->second);
                }
            }
            for (const auto& entry : program_.init) {
                if (entry.thread == ref.thread && entry.name == ref.name && entry.value) {
                    return constant(entry.value->kind == litmus::InitValue::Kind::Address
                                        ? addressOf(entry.value->symbol)
                                        : entry.value->value);
                }
            }
            return constant(0);
        }
        const model::LocationTable& table = es.locations;
        for (std::size_t l = 0; l < table.locations.size(); ++l) {
            if (table.locations[l].name != ref.name) {
                continue;
            }
            if (!table.byteGranular) {
                return cellValue(l);
            }
            return elementValue(l, ref);
        }
        return constant(0);
    }

private:
    z3::expr constant(std::int64_t v) { return ctx_.bv_val(static_cast<std::uint64_t>(v), 64); }

    z3::expr atom(const litmus::PropAtom& a) {
        z3::expr lhs = valueOf(a.lhs);
        z3::expr rhs = constant(0);
        switch (a.rhs.kind) {
            case litmus::CondValue::Kind::Int:
                rhs = constant(a.rhs.value);
                break;
            case litmus::CondValue::Kind::Address:
                rhs = constant(addressOf(a.rhs.symbol));
                break;
            case litmus::CondValue::Kind::Location:
                rhs = valueOf(a.rhs.location);
                break;
        }
        return a.negated ? lhs != rhs : lhs == rhs;
    }

    // The chosen final write's value of one cell; 0 when none is chosen (nothing writes).
    z3::expr cellValue(std::size_t cell) {
        const model::EventStructure& es = enc_.events();
        z3::expr value = constant(0);
        for (const auto& fw : enc_.finalWriteChoices()) {
            if (fw.location == cell) {
                value = z3::ite(fw.chosen, enc_.value(es.events[fw.write].value), value);
            }
        }
        return value;
    }

    // As FinalStateReader::elementValue: bytes composed in the table's byte order,
    // sign-extended for signed types.
    z3::expr elementValue(std::size_t location, const litmus::LocationRef& ref) {
        const model::LocationTable& table = enc_.events().locations;
        const model::Location& loc = table.locations[location];
        const auto element = loc.element(ref.field, ref.index.value_or(0));
        if (!element) {
            return constant(0);
        }
        const std::uint32_t size = element->size;
        const bool bigEndian = table.bigEndian;
        z3::expr bits = constant(0);
        for (std::uint32_t b = 0; b < size; ++b) {
            // A named byte always keeps a cell of its own (byte_classes.hpp).
            auto cell = table.cellOf(location, element->offset + b);
            z3::expr byte = (cell ? cellValue(*cell) : constant(0)) & constant(0xff);
            const std::uint32_t shift = bigEndian ? size - 1 - b : b;
            bits = bits | z3::shl(byte, constant(8 * shift));
        }
        if (element->isSigned && size < 8) {
            z3::expr width = constant(64 - 8 * size);
            return z3::ashr(z3::shl(bits, width), width);
        }
        return bits;
    }

    std::int64_t addressOf(const std::string& symbol) const {
        for (const auto& loc : enc_.events().locations.locations) {
            if (loc.name == symbol) {
                return loc.address;
            }
        }
        return 0;
    }

    const litmus::Program& program_;
    CandidateEncoding& enc_;
    z3::context& ctx_;
};

}  // namespace

z3::expr encodeProposition(const litmus::Prop& prop, const litmus::Program& program,
                           CandidateEncoding& encoding) {
    return PropositionEncoder(program, encoding).encode(prop);
}

z3::expr encodeLocationValue(const litmus::LocationRef& location, const litmus::Program& program,
                             CandidateEncoding& encoding) {
    return PropositionEncoder(program, encoding).valueOf(location);
}

}  // namespace memx::solver
