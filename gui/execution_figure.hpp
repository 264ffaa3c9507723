// What the graph view shows for one execution: every relation it can draw (the base
// relations po, rf, co, fr, ... and each relation the model names), the events to highlight
// (the accesses of a raised flag: racing pairs, torn reads), and the render::Layout for the
// relations the user has switched on. The Layout is the one `memx graph` draws, so the GUI and
// the figures never disagree. No Qt here: tests check it directly.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "litmus/ast.hpp"
#include "model/cat/model.hpp"
#include "render/layout.hpp"
#include "solver/explanation.hpp"
#include "solver/test_outcome.hpp"

namespace memx::gui {

struct ExecutionFigure {
    model::ExecutionGraph graph;  // with co and fr
    // Relation name -> pairs, for every relation with at least one pair in this execution.
    std::map<std::string, model::Relation> relations;
    std::vector<std::string> order;  // po, rf, co, fr first, then the others by name
    render::Highlight highlight;     // the accesses of each raised flag, noted by flag name
    // The relations drawn as their transitive reduction (render::isTransitiveByDefinition).
    std::set<std::string> orders;
    // Per event: its source statement (addStatements), for the boxes' labels; may be empty.
    std::vector<std::string> statements;
    std::set<int> externalThreads;  // the test's `external` threads (addStatements)
    bool byteGranular = false;      // drawn one box per access unless asked for bytes
};

// The figure and the graph its boxes stand for: one event per access of a byte-granular test
// (render/access_figure.hpp), else the execution's own graph.
struct FigureLayout {
    render::Layout layout;
    model::ExecutionGraph graph;
};

// Base relations (po, rf, co, fr, addr, data, ctrl, rmw, RC11's sb and mo): the graph panel
// lists them apart from the relations the model derives.
bool isBaseRelation(const std::string& name);

// Gives `figure` the statements of `program` (whose text is `source`) for its boxes, and its
// external threads for the column names.
void addStatements(ExecutionFigure& figure, const litmus::Program& program,
                   const std::string& source);

// The relations shown before the user chooses: herd's default picture.
const std::vector<std::string>& defaultVisibleRelations();

// Re-evaluates `execution` (kept by runTest under `model`) for the model's named relations and
// its raised flags' witnesses.
ExecutionFigure describeExecution(const cat::Model& model,
                                  const solver::AllowedExecution& execution);

// The same for an execution runTest kept as rejected (RunOptions::keepForbidden): drawn as the
// explanation API draws it, with its failing axiom's cycle (or pair) highlighted.
ExecutionFigure describeExecution(const cat::Model& model,
                                  const solver::ForbiddenExecution& execution);

// The same for an execution the explanation API judged (allowed or rejected). A rejected one is
// drawn with the cycle (or pair) of its failing axiom highlighted, in base edges, as
// `memx explain --figure` draws it; an allowed one with its flags' accesses.
ExecutionFigure describeExecution(const cat::Model& model,
                                  const solver::ExplainedExecution& execution);

// The same for the execution a --loops await run found in which threads wait forever
// (TestOutcome::blocked): drawn as the allowed execution it is, with each waiting thread's
// column saying where it waits and its wait's last reads marked, as `memx graph --blocked`.
ExecutionFigure describeExecution(const cat::Model& model, const solver::BlockedExecution& blocked);

// The layout of `figure` with the relations of `visible` (orders as immediate edges), one box
// per access of a byte-granular test unless `bytes`. Pure: the graph panel runs it on a worker
// thread, so that a large figure never stalls the window.
FigureLayout layoutFigure(const ExecutionFigure& figure, const std::set<std::string>& visible,
                          const std::string& title, bool bytes = false);

}  // namespace memx::gui
