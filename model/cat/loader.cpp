// loadModel: reads stdlib, bell and cat, splices includes and variant `if`s into one
// statement list, resolves names, and dry-runs the result on the empty execution.
#include <fstream>
#include <sstream>

#include "model/cat/deep_stack.hpp"
#include "model/cat/interpreter.hpp"
#include "model/cat/parser.hpp"
#include "model/cat/stability.hpp"
#include "model/cat/stdlib_text.hpp"

namespace memx::cat {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxIncludeDepth = 32;

std::optional<std::string> readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class Loader {
public:
    Loader(Model& m, const LoadOptions& opt, DiagnosticSink& sink)
        : m_(m), opt_(opt), sink_(sink) {}

    // Parses `text` (named `name`, its includes searched first in `folder`) and appends its
    // flattened statements to the model.
    bool addText(const std::string& text, const std::string& name, const fs::path& folder,
                 std::optional<std::string>* title) {
        auto fileId = static_cast<std::uint32_t>(m_.files.size());
        m_.files.push_back(name);
        auto parsed = parseCat(text, fileId, name, sink_);
        if (!parsed)
            return false;
        if (title)
            *title = parsed->title;
        return flatten(parsed->statements, folder, m_.statements);
    }

    bool addFile(const fs::path& path, std::optional<std::string>* title) {
        auto text = readFile(path);
        if (!text) {
            sink_.error(path.string(), {}, "cannot read model file '" + path.string() + "'");
            return false;
        }
        return addText(*text, path.string(), path.parent_path(), title);
    }

private:
    bool flatten(StmtList& in, const fs::path& folder, StmtList& out) {
        for (auto& s : in) {
            if (s.kind == StmtKind::IfVariant) {
                auto& chosen = m_.variants.count(s.name) ? s.body : s.elseBody;
                if (!flatten(*chosen, folder, out))
                    return false;
            } else if (s.kind == StmtKind::Include) {
                if (!include(s, folder, out))
                    return false;
            } else {
                out.push_back(std::move(s));
            }
        }
        return true;
    }

    bool include(const Stmt& s, const fs::path& folder, StmtList& out) {
        const std::string& here = m_.files[s.loc.file];
        if (depth_ >= kMaxIncludeDepth) {
            sink_.error(here, s.loc.range,
                        "includes nested too deeply (a cycle?) at '" + s.name + "'");
            return false;
        }
        std::vector<fs::path> candidates;
        if (!folder.empty() || fs::path(here).has_parent_path())
            candidates.push_back(folder / s.name);
        else
            candidates.push_back(fs::path(s.name));
        for (const auto& dir : opt_.includeDirs)
            candidates.push_back(dir / s.name);
        for (const auto& c : candidates) {
            std::error_code ec;
            if (!fs::is_regular_file(c, ec))
                continue;
            auto text = readFile(c);
            if (!text)
                continue;
            auto fileId = static_cast<std::uint32_t>(m_.files.size());
            m_.files.push_back(c.string());
            auto parsed = parseCat(*text, fileId, c.string(), sink_);
            if (!parsed)
                return false;
            ++depth_;
            bool ok = flatten(parsed->statements, c.parent_path(), out);
            --depth_;
            return ok;
        }
        std::string searched;
        for (const auto& c : candidates)
            searched += (searched.empty() ? "" : ", ") + c.parent_path().string();
        sink_.error(here, s.loc.range,
                    "cannot find included file '" + s.name + "' (searched: " + searched + ")");
        return false;
    }

    Model& m_;
    const LoadOptions& opt_;
    DiagnosticSink& sink_;
    std::size_t depth_ = 0;
};

}  // namespace

std::shared_ptr<const Model> loadModel(const fs::path& catFile,
                                       const std::optional<fs::path>& bellFile,
                                       const LoadOptions& options, DiagnosticSink& sink) {
    auto model = std::make_shared<Model>();
    model->variants.insert(options.variants.begin(), options.variants.end());
    Loader loader(*model, options, sink);
    if (!loader.addText(kStdlibText, kStdlibName, {}, nullptr))
        return nullptr;
    std::optional<fs::path> bell = bellFile;
    if (!bell) {
        fs::path sibling = catFile;
        sibling.replace_extension(".bell");
        std::error_code ec;
        if (fs::is_regular_file(sibling, ec))
            bell = sibling;
    }
    if (bell && !loader.addFile(*bell, nullptr))
        return nullptr;
    std::optional<std::string> title;
    if (!loader.addFile(catFile, &title))
        return nullptr;
    model->title = title.value_or(catFile.filename().string());
    if (!resolveModel(*model, sink))
        return nullptr;
    std::vector<std::uint32_t> coherenceSlots;
    for (const auto& p : model->primitives)
        if (p.kind == PrimitiveKind::Coherence)
            coherenceSlots.push_back(p.slot);
    StatementDependencies dependencies = statementDependencies(model->statements, coherenceSlots);
    model->stable = std::move(dependencies.stable);
    model->varyingReads = std::move(dependencies.varyingReads);
    // Dry run on the empty execution: type errors on every path that does not depend on the
    // events surface now, located, instead of in the middle of a solver run.
    try {
        model::ExecutionGraph empty;
        EvaluateOptions opts;
        opts.stopAtFirstFailure = false;
        std::function<void(const ExecutionVerdict&)> ignore = [](const ExecutionVerdict&) {};
        Interpreter(*model, empty, opts, ignore).run();
    } catch (const EvalError& e) {
        sink.report(e.diagnostic());
        return nullptr;
    }
    return model;
}

const ModelInterface& modelInterface(const Model& model) {
    return model.interface;
}

std::string modelTitle(const Model& model) {
    return model.title;
}

void evaluate(const Model& model, const model::ExecutionGraph& graph,
              const EvaluateOptions& options,
              const std::function<void(const ExecutionVerdict&)>& onExecution) {
    runOnDeepStack([&] { Interpreter(model, graph, options, onExecution).run(); });
}

}  // namespace memx::cat
