// One execution as a figure file, for `memx graph`, `memx explain --figure` and `memx compare
// --figure`: which relations to draw (--show), the highlight an explanation asks for (the
// rejecting cycle in base edges, or the racing accesses), and the output format.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "litmus/ast.hpp"
#include "model/cat/model.hpp"
#include "render/layout.hpp"
#include "solver/explanation.hpp"
#include "solver/explanation_text.hpp"
#include "solver/test_outcome.hpp"

namespace memx::cli {

enum class FigureFormat { Svg, Png, Pdf, Dot, Tikz, Txt, Utf8 };

// "svg" ... "utf8"; nullopt for anything else.
std::optional<FigureFormat> figureFormat(const std::string& name);
const char* figureExtension(FigureFormat format);  // "svg", "png", "pdf", "dot", "tex", "txt"
bool isBinary(FigureFormat format);                // PNG and PDF

// The relations drawn when --show is not given, as herd draws them.
std::vector<std::string> defaultShownRelations();

// Draws `execution` (judged under `model`) with the relations `show` names: base relations
// from the graph (po, rf, co, fr, addr, ...) and any other name the model binds (ppo, hb, ...).
// A rejected execution's cycle and an allowed one's flagged events are highlighted.
// Throws render::RenderError when Qt cannot produce an image.
// Byte-granular tests are drawn one box per access (render/access_figure.hpp), labelled with
// the statements of `program`; `bytes` keeps one box per byte event (--bytes).
struct FigureChoice {
    std::vector<std::string> show;
    bool bytes = false;
    const litmus::Program* program = nullptr;  // for the statements on the boxes; may be null
    std::string source = {};                   // the test's text, for statements as written
    // The threads that wait forever in the execution (`memx graph --blocked`), marked.
    std::vector<render::WaitingThread> waiting = {};
};

// The waits of a blocked execution as the figures mark them.
std::vector<render::WaitingThread> waitingThreads(const solver::BlockedExecution& blocked);

std::vector<std::uint8_t> drawExecution(const cat::Model& model,
                                        const solver::ExplainedExecution& execution,
                                        const FigureChoice& choice, FigureFormat format,
                                        const std::string& title);

// Event names and labels as the figures show them, for the words of an explanation.
solver::EventNaming figureNaming();

}  // namespace memx::cli
