#include "model/events/event_builder.hpp"

#include <map>
#include <string>

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
        for (const InitEntry& e : program.init) {
            if (e.thread) {
                continue;
            }
            if ((e.type && e.type->arrayLength) ||
                (e.value && e.value->kind == InitValue::Kind::List)) {
                ok = fail(e.loc, "arrays are not supported by the event builder");
                continue;
            }
            declare(e.name);
        }
        for (const Thread& t : program.threads) {
            for (const Param& p : t.params) {
                declare(p.name);
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
    void setInitialValues(const Program& program) {
        for (const InitEntry& e : program.init) {
            if (!e.thread && e.value) {
                Location& l = ctx_.es.locations.locations[ctx_.locationIndex.at(e.name)];
                l.initialValue = valueOf(*e.value);
            }
        }
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
        ctx_.es.locations.locations.push_back(l);
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

std::optional<EventStructure> buildEvents(const Program& program, const PrimitiveTable& primitives,
                                          const std::string& fileName, DiagnosticSink& sink) {
    EventStructure es;
    es.constant(0);  // creates nodes 0 and 1
    detail::BuildContext ctx{es, primitives, fileName, sink, {}};

    LocationCollector locations(ctx);
    bool ok = locations.collect(program);
    locations.setInitialValues(program);
    addInitialWrites(es);

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
    return es;
}

}  // namespace memx::model
