// `memx compare --model A --model B FILE` (or --cat files): the final states one model allows
// and the other forbids, each with the execution that shows it under the allowing model and
// the axiom (and cycle) with which the other rejects that outcome. Models are the --model
// names in order, then the --cat files in order; there must be exactly two.
// Flags (data races, *undef*, torn reads) raised under one model only are differences too.
// Exit codes: 0 the models agree on every final state and flag, 1 they differ, 2 usage or
// input errors, 3 a time or memory limit stopped a search.
#include <cstdint>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/execution_figure.hpp"
#include "cli/memory_option.hpp"
#include "cli/test_file_run.hpp"
#include "solver/explanation_text.hpp"
#include "solver/memory_limit.hpp"
#include "solver/model_comparison.hpp"
#include "solver/prepared_test.hpp"

namespace memx::cli {

namespace {

struct CompareArgs {
    std::string file;
    std::vector<std::string> models;
    std::vector<std::string> cats;
    std::vector<std::string> includeDirs;
    std::vector<std::string> variants;
    double timeout = 0;
    std::uint64_t memoryLimit = 0;  // MiB (--memory-limit)
};

struct Side {
    std::string name;
    LoadedTest loaded;
};

std::string report(const solver::ModelComparison& c, const solver::EventNaming& naming) {
    std::ostringstream out;
    out << "Test " << c.test << ": " << c.condition << "\n";
    for (int i = 0; i < 2; ++i) {
        out << c.models[i] << " allows " << c.allowedStates[i].size() << " final state"
            << (c.allowedStates[i].size() == 1 ? "" : "s") << (i == 0 ? ", " : ".\n");
    }
    if (c.timedOut) {
        out << "(a time limit stopped a search: the comparison covers the executions seen)\n";
    }
    for (int i = 0; i < 2; ++i) {
        out << c.models[i] << " raises " << (c.flags[i].empty() ? "no flag" : "");
        for (auto f = c.flags[i].begin(); f != c.flags[i].end(); ++f) {
            out << (f == c.flags[i].begin() ? "" : ", ") << *f;
        }
        out << (i == 0 ? ", " : ".\n");
    }
    if (c.differences.empty()) {
        out << "Both models allow the same final states"
            << (c.flagDifferences.empty() ? " and raise the same flags.\n"
                                          : ", but they raise different flags.\n");
    }
    for (const auto& d : c.flagDifferences) {
        const std::string& yes = c.models[d.raisedBy];
        const std::string& no = c.models[1 - d.raisedBy];
        out << "\nFlag " << d.flag << ": raised by " << yes << ", never by " << no << "\n";
        out << "  " << yes << " raises it on this allowed execution (final state "
            << d.raising.execution.state.text() << "):\n";
        out << solver::formatExecution(d.raising, naming, "    ");
    }
    for (const auto& d : c.differences) {
        const std::string& yes = c.models[d.allowedBy];
        const std::string& no = c.models[1 - d.allowedBy];
        out << "\n"
            << d.state.text() << (d.conditionHolds ? " (the condition holds)" : "")
            << ": allowed by " << yes << ", forbidden by " << no << "\n";
        out << "  " << yes << " allows it with this execution:\n";
        out << solver::formatAllowed(d.allowing.execution, naming, "    ");
        if (d.rejecting) {
            out << "  " << no << " rejects the execution with this final state:\n";
            out << solver::formatExecution(*d.rejecting, naming, "    ");
        } else {
            out << "  " << no << ": no candidate execution reaches this final state\n";
        }
    }
    return out.str();
}

int compareFile(const CompareArgs& args) {
    std::vector<solver::ModelSelection> selections;
    std::vector<std::string> names;
    for (const auto& m : args.models) {
        solver::ModelSelection s;
        s.builtin = m;
        selections.push_back(s);
        names.push_back(m);
    }
    for (const auto& c : args.cats) {
        solver::ModelSelection s;
        s.catFile = c;
        selections.push_back(s);
        names.push_back(c);
    }
    if (selections.size() != 2) {
        std::cerr << "memx compare: error: give exactly two models (--model NAME or --cat FILE), "
                  << "found " << selections.size() << "\n";
        return 2;
    }
    std::vector<Side> sides;
    for (std::size_t i = 0; i < 2; ++i) {
        selections[i].includeDirs.assign(args.includeDirs.begin(), args.includeDirs.end());
        selections[i].variants = args.variants;
        auto loaded = loadTestFile(selections[i], args.file);
        if (!loaded) {
            return 2;
        }
        sides.push_back({names[i], std::move(*loaded)});
    }
    return reportingRunErrors(args.file, [&] {
        std::optional<double> timeout;
        if (args.timeout > 0) {
            timeout = args.timeout;
        }
        auto comparison = solver::compareModels(
            sides[0].loaded.test.program,
            {sides[0].name, sides[0].loaded.model->model.get(), &sides[0].loaded.test.events},
            {sides[1].name, sides[1].loaded.model->model.get(), &sides[1].loaded.test.events},
            timeout);
        std::cout << report(comparison, figureNaming());
        if (comparison.timedOut) {
            return 3;
        }
        return comparison.differ() ? 1 : 0;
    });
}

}  // namespace

void addCompareCommand(CLI::App& app, int& exitCode) {
    CLI::App* cmd =
        app.add_subcommand("compare", "Final states one model allows and another forbids, and why");
    auto args = std::make_shared<CompareArgs>();
    cmd->add_option("file", args->file, "Litmus test file")->required();
    cmd->add_option("--model", args->models, "A built-in model (lkmm, sc, ...); repeatable");
    cmd->add_option("--cat", args->cats, "A herd-style .cat model; repeatable");
    cmd->add_option("-I", args->includeDirs, "Folder searched for included .cat files");
    cmd->add_option("--variant", args->variants, "A herd model variant (repeatable)");
    cmd->add_option("--timeout", args->timeout, "Stop each search after this many seconds");
    addMemoryLimitOption(*cmd, args->memoryLimit);
    cmd->callback([args, &exitCode] {
        solver::applyMemoryLimit(args->memoryLimit);
        exitCode = compareFile(*args);
    });
}

}  // namespace memx::cli
