// What a figure draws for one execution, before any geometry: the boxes, the relations' edges
// and what to highlight. Both front ends build their figures here (memx graph/explain/compare
// and the GUI), so they always draw the same picture.
//
// Byte-granular executions (docs/byte-memory.md) have one event per byte; a figure draws one box
// per access instead: the two sides of a memcpy or copy_from_user, a u64 READ_ONCE, the
// initial value of a location. A box shows the source statement (`r0 = READ_ONCE(*x)`), then
// per side its kinds, the bytes it covers as the language writes them (`buf[0..63]`,
// `x+4..7 bytes`) and their value as the program means it (`x=42` composed in the test's byte
// order and the type's signedness, `buf={1,0,1,0*61}` for elements). Per-byte rf, co and fr
// facts become labelled byte ranges on one edge per pair of accesses (`rf [0..3] from init`,
// `fr [4..7] before P1:c`, counted from the first byte of the access at the read end, else at
// the target); bytes with the same source merge. A torn read says so on its box, with its
// bytes, and is highlighted. FigureOptions::bytes keeps the byte-level graph instead
// (`--bytes`).
//
//   render::Figure f = render::figureOf(graph, drawn, highlight, {bytes, statements});
//   render::Layout l = render::layoutExecution(f.graph, f.relations, f.highlight, {title});
#pragma once

#include <set>
#include <string>
#include <vector>

#include "litmus/ast.hpp"
#include "model/cat/compiled_model.hpp"
#include "model/execution_graph.hpp"
#include "render/layout.hpp"

namespace memx::render {

struct Figure {
    model::ExecutionGraph graph;  // the boxes: one event each
    std::vector<DrawnRelation> relations;
    Highlight highlight;
};

struct FigureOptions {
    bool bytes = false;  // byte-granular tests: one box per byte event, as the engine sees them
    // Per event of the graph: the source statement it comes from (sourceStatements), or empty.
    std::vector<std::string> statements = {};
};

// Whether `name` is an order by definition, drawn as its transitive reduction (a -po-> b -po->
// c without a -po-> c): po, co, RC11's sb and mo, po-loc, and any relation `model` (may be
// null) binds at top level to a transitive closure (`let r = s+`).
bool isTransitiveByDefinition(const std::string& name, const cat::Model* model);

// Per event of `graph`: the statement of `program` it comes from, without the declared type
// (`r0 = READ_ONCE(*x)`, `copy_from_user(kbuf, ubuf, 64)`, `if (r0)` for an access in a
// condition), or empty (initial writes, events without a source position). Its expressions
// are cut from `source` (the test's text) as written, `0x0202` staying hex; printed from the
// AST where `source` is empty.
std::vector<std::string> sourceStatements(const litmus::Program& program,
                                          const model::ExecutionGraph& graph,
                                          const std::string& source = {});

// The threads `program` declares `external` (LayoutOptions::externalThreads).
std::set<int> externalThreads(const litmus::Program& program);

// The figure of `graph` with `relations` (immediateOnly ones drawn as their reduction) and
// `highlight` (events and cycle edges of `graph`). Tests that are not byte-granular keep one box
// per event, labelled with the statement and the event's kinds, location and value.
Figure figureOf(const model::ExecutionGraph& graph, const std::vector<DrawnRelation>& relations,
                const Highlight& highlight, const FigureOptions& options);

// How a byte range of a location reads in the source's terms: "buf[3]", "buf[0..63]", "x",
// "x+4..7 bytes", "x+1 byte". `first`, `last` are byte offsets, inclusive.
std::string byteRangeText(const model::EventInfo& location, std::uint32_t first,
                          std::uint32_t last);

}  // namespace memx::render
