// libFuzzer entry point for the cat front end and evaluator: each input is loaded as a .cat
// model (after memx's standard library, as every model is) and, when it loads, evaluated on
// a small fixed execution (message passing, with a race and a fence). Besides crashes, hangs
// and sanitizer reports, it checks that a rejected model reports at least one error; errors
// the model makes at run time (cat::EvalError) are user errors, not findings.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "model/cat/model.hpp"
#include "model/execution_graph.hpp"

namespace {

// Two threads: P0 writes x then (after a fence) y; P1 reads y then x, plainly; init writes.
memx::model::ExecutionGraph messagePassing() {
    using memx::model::EventSet;
    using memx::model::Relation;
    memx::model::ExecutionGraph g;
    struct E {
        int thread, po;
        const char* kind;
        const char* loc;
        std::int64_t value;
    };
    const E events[] = {{-1, 0, "W", "x", 0}, {-1, 0, "W", "y", 0}, {0, 0, "W", "x", 1},
                        {0, 1, "F", "", 0},   {0, 2, "W", "y", 1},  {1, 0, "R", "y", 1},
                        {1, 1, "R", "x", 0}};
    const std::size_t n = std::size(events);
    for (const E& e : events) {
        memx::model::EventInfo ev;
        ev.thread = e.thread;
        ev.poIndex = e.po;
        ev.kind = e.kind;
        ev.location = e.loc;
        if (std::string(e.kind) != "F") {
            ev.value = e.value;
        }
        g.events.push_back(ev);
    }
    for (const char* s : {"R", "W", "M", "F", "IW", "FW", "ONCE", "MB", "RMW", "A", "NA"}) {
        g.sets[s] = EventSet(n);
    }
    for (const char* r : {"po", "rf", "rmw", "addr", "data", "ctrl", "loc", "int", "ext", "id"}) {
        g.relations[r] = Relation(n);
    }
    for (std::size_t a = 0; a < n; ++a) {
        const E& e = events[a];
        g.sets[e.kind].insert(a);
        if (std::string(e.kind) != "F") {
            g.sets["M"].insert(a);
        }
        if (e.thread < 0) {
            g.sets["IW"].insert(a);
        }
        for (std::size_t b = 0; b < n; ++b) {
            const E& f = events[b];
            if (e.thread >= 0 && e.thread == f.thread && e.po < f.po) {
                g.relations["po"].insert(a, b);
            }
            if (*e.loc && std::string(e.loc) == f.loc) {
                g.relations["loc"].insert(a, b);
            }
            g.relations[e.thread == f.thread ? "int" : "ext"].insert(a, b);
        }
        g.relations["id"].insert(a, a);
    }
    g.sets["MB"].insert(3);
    g.sets["FW"].insert(2);
    g.sets["FW"].insert(4);
    g.relations["rf"].insert(4, 5);
    g.relations["rf"].insert(0, 6);
    return g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // loadModel reads files (a model's includes are files too), so the input is one.
    static const std::filesystem::path file =
        std::filesystem::temp_directory_path() /
        ("memx-cat-fuzz-" + std::to_string(::getpid()) + ".cat");
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    memx::DiagnosticSink sink;
    auto model = memx::cat::loadModel(file, std::nullopt, {}, sink);
    if (!model) {
        if (!sink.hasErrors()) {
            std::abort();  // a rejection must say why
        }
        return 0;
    }
    static const memx::model::ExecutionGraph graph = messagePassing();
    memx::cat::EvaluateOptions options;
    options.stopAtFirstFailure = false;
    try {
        memx::cat::evaluate(*model, graph, options, [](const memx::cat::ExecutionVerdict&) {});
    } catch (const memx::cat::EvalError& e) {
        (void)memx::formatDiagnostic(e.diagnostic());
    }
    return 0;
}
