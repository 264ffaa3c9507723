#include "model/events/event_builder.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "model/events/byte_classes.hpp"
#include "model/events/byte_splitter.hpp"
#include "model/events/struct_lowering.hpp"
#include "model/events/thread_builder.hpp"

namespace memx::model {

namespace {

using namespace memx::litmus;

// Shared locations, in the order herd meets them: the init block, then thread parameters,
// then symbols whose address the init block takes (`int *p = &y;`).
class LocationCollector {
public:
    LocationCollector(detail::BuildContext& ctx) : ctx_(ctx) {}

    bool collect(const Program& program) {
        bool ok = true;
        std::set<std::string> typed;  // byte-granular: locations whose type is known
        for (const InitEntry& e : program.init) {
            if (e.thread) {
                continue;
            }
            const bool array = (e.type && e.type->arrayLength) ||
                               (e.value && e.value->kind == InitValue::Kind::List);
            if (array && !ctx_.byteGranular) {
                ok = fail(e.loc, "arrays are not supported by the event builder");
                continue;
            }
            declare(e.name);
            if (ctx_.byteGranular && e.type) {
                ok = setLayout(e.name, objectTypeOf(*e.type), e.type->arrayLength, e.loc) && ok;
                typed.insert(e.name);
            }
        }
        for (const Thread& t : program.threads) {
            for (const Param& p : t.params) {
                declare(p.name);
                if (ctx_.byteGranular && typed.insert(p.name).second) {
                    // Declared by its parameter only: `u8 *x` makes x a u8, `int **p` a pointer.
                    Type pointee = p.type;
                    pointee.pointerDepth = std::max(0, pointee.pointerDepth - 1);
                    ok = setLayout(p.name, objectTypeOf(pointee), std::nullopt, p.loc) && ok;
                }
            }
        }
        for (const InitEntry& e : program.init) {
            if (e.value && e.value->kind == InitValue::Kind::Address) {
                declare(e.value->symbol);
            }
        }
        return ok;
    }

    // Initial values once every location has its address.
    bool setInitialValues(const Program& program) {
        bool ok = true;
        for (const InitEntry& e : program.init) {
            if (e.thread || !e.value) {
                continue;
            }
            Location& l = ctx_.es.locations.locations[ctx_.locationIndex.at(e.name)];
            if (e.value->kind != InitValue::Kind::List) {
                l.initialValue = valueOf(*e.value);
                continue;
            }
            const std::size_t count = l.size / l.elementSize;
            if (e.value->elements.size() > count) {
                ok = fail(e.loc, "'" + e.name + "' has " + std::to_string(count) +
                                     " elements, not " + std::to_string(e.value->elements.size()));
                continue;
            }
            l.elementInitialValues.assign(count, 0);
            for (std::size_t i = 0; i < e.value->elements.size(); ++i) {
                l.elementInitialValues[i] = valueOf(e.value->elements[i]);
            }
        }
        return ok;
    }

    SymId valueOf(const InitValue& v) {
        if (v.kind == InitValue::Kind::Address) {
            return ctx_.es.constant(LocationTable::addressOf(ctx_.locationIndex.at(v.symbol)));
        }
        return ctx_.es.constant(v.value);
    }

private:
    void declare(const std::string& name) {
        if (ctx_.locationIndex.count(name)) {
            return;
        }
        const std::size_t index = ctx_.es.locations.locations.size();
        ctx_.locationIndex[name] = index;
        Location l;
        l.name = name;
        l.address = LocationTable::addressOf(index);
        l.initialValue = 0;
        l.elementSize = l.size;
        ctx_.es.locations.locations.push_back(l);
    }

    // Byte-granular tests: the size and element type of a location.
    bool setLayout(const std::string& name, ScalarType element,
                   std::optional<std::uint64_t> arrayLength, const Loc& loc) {
        Location& l = ctx_.es.locations.locations[ctx_.locationIndex.at(name)];
        const std::uint64_t count = arrayLength.value_or(1);
        if (count == 0 || count * element.size > LocationTable::kStride) {
            return fail(loc, "'" + name + "' must hold between 1 and " +
                                 std::to_string(LocationTable::kStride) + " bytes");
        }
        l.elementSize = element.size;
        l.isSigned = element.isSigned;
        l.size = static_cast<std::uint32_t>(count * element.size);
        return true;
    }

    bool fail(const Loc& loc, const std::string& message) {
        ctx_.sink.error(ctx_.fileName, loc.range, message);
        return false;
    }

    detail::BuildContext& ctx_;
};

// One initial write per location: thread -1, base set W only (the solver derives IW), no tag.
void addInitialWrites(EventStructure& es) {
    int index = 0;
    for (const Location& l : es.locations.locations) {
        SymEvent ev;
        ev.thread = -1;
        ev.poIndex = index++;
        ev.kind = EventKind::Write;
        ev.sets = {"W"};
        ev.address = es.constant(l.address);
        ev.value = l.initialValue;
        ev.guard = 1;
        ev.size = l.size;
        ev.text = "init " + l.name;
        es.events.push_back(std::move(ev));
    }
}

}  // namespace

std::optional<EventStructure> buildEvents(const Program& source, const PrimitiveTable& primitives,
                                          const std::string& fileName, DiagnosticSink& sink,
                                          const EventOptions& options) {
    // memx's structs become sized accesses first (struct_lowering.hpp); a test without them
    // is built as written.
    std::optional<LoweredStructs> lowered;
    std::optional<StructLayouts> layouts;  // lowered->locationStructs points into it
    if (isByteGranular(source)) {
        layouts = StructLayouts::build(source, fileName, sink);
        if (!layouts) {
            return std::nullopt;
        }
        lowered = lowerStructs(source, *layouts, options.bigEndian, fileName, sink);
        if (!lowered) {
            return std::nullopt;
        }
    }
    const Program& program = lowered ? lowered->program : source;
    EventStructure es;
    es.constant(0);  // creates nodes 0 and 1
    detail::BuildContext ctx{es, primitives, fileName, sink, {}, false, options, {}, {}, {}, {}};
    ctx.byteGranular = isByteGranular(program);
    ctx.options = options;
    es.locations.byteGranular = ctx.byteGranular;
    es.herdRegistersExact = !ctx.byteGranular;  // herd's mixed-size solving was not followed
    es.locations.bigEndian = options.bigEndian;
    for (const Thread& t : program.threads) {
        if (t.external) {
            ctx.externalThreads.insert(t.id);
        }
    }

    LocationCollector locations(ctx);
    bool ok = locations.collect(program);
    if (lowered) {
        for (const auto& [name, layout] : lowered->locationStructs) {
            Location& l = es.locations.locations[ctx.locationIndex.at(name)];
            l.fields = leavesOf(*layout);
        }
    }
    ok = locations.setInitialValues(program) && ok;
    addInitialWrites(es);
    if (ctx.byteGranular) {
        detail::noteInitialWrites(ctx);
    }

    std::map<int, std::map<std::string, SymId>> initialRegisters;
    for (const InitEntry& e : program.init) {
        if (e.thread) {
            initialRegisters[*e.thread][e.name] =
                e.value ? locations.valueOf(*e.value) : es.constant(0);
        }
    }

    for (const Thread& t : program.threads) {
        detail::ThreadBuilder builder(ctx, t, initialRegisters[t.id]);
        ok = builder.run() && ok;
        es.finalRegisters[t.id] = builder.finalRegisters();
    }
    es.threadCount = static_cast<int>(program.threads.size());
    if (!ok) {
        return std::nullopt;
    }
    if (ctx.byteGranular) {
        if (options.byteClasses) {
            detail::chooseRepresentativeBytes(ctx, program);
        }
        detail::splitIntoBytes(ctx);
    }
    return es;
}

std::optional<EventStructure> buildEvents(const Program& program, const PrimitiveTable& primitives,
                                          const std::string& fileName, DiagnosticSink& sink) {
    return buildEvents(program, primitives, fileName, sink, EventOptions{});
}

}  // namespace memx::model
