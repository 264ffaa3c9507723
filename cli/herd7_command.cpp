// memx's herd7-compatible command line: `memx herd7 OPTIONS FILE...`, or memx started under the
// name `herd7` (the link <prefix>/libexec/memx/herd7). It reads herd7's single-dash options with
// herd7's meaning and prints herd7's block for each test, so that scripts written for herd7
// (the kernel's tools/memory-model/scripts) run memx unchanged. An option memx does not
// implement is an error that names it: silently ignoring it could change a verdict.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/herd7_figures.hpp"
#include "cli/herd_library.hpp"
#include "cli/test_file_run.hpp"
#include "solver/herd_report.hpp"
#include "solver/test_pipeline.hpp"

namespace memx::cli {

namespace {

// herd7's version that memx's block reproduces (README: Agreement with herd7).
constexpr const char* kHerdVersion = "7.58";

struct Herd7Args {
    HerdLibrary library;
    std::optional<std::string> conf;
    std::optional<std::string> model;  // -model or -cat
    std::optional<std::string> bell;
    std::optional<std::string> macros;
    std::vector<std::string> variants;
    std::optional<double> timeout;
    int unroll = 2;  // herd7's default
    bool speedcheck = false;
    ShownExecutions show = ShownExecutions::None;  // -show
    std::optional<std::string> outputDir;          // -o
    std::vector<std::string> files;
};

struct UsageError {
    std::string message;
};

std::vector<std::string> splitCommas(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');) {
        if (!part.empty()) {
            parts.push_back(part);
        }
    }
    return parts;
}

double parseNumber(const std::string& option, const std::string& value) {
    try {
        std::size_t used = 0;
        double v = std::stod(value, &used);
        if (used == value.size() && v >= 0) {
            return v;
        }
    } catch (const std::exception&) {
    }
    throw UsageError{"option " + option + " expects a number, not '" + value + "'"};
}

Herd7Args parseArgs(const std::vector<std::string>& argv) {
    Herd7Args args;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& option = argv[i];
        if (option.empty() || option[0] != '-') {
            args.files.push_back(option);
            continue;
        }
        if (option == "-dumpes") {
            throw UsageError{
                "option -dumpes (event structures before the model) is not "
                "implemented by memx's herd7"};
        }
        static const std::vector<std::string> withValue = {
            "-conf",       "-model",   "-cat",        "-bell",   "-macros",
            "-I",          "-variant", "-set-libdir", "-unroll", "-timeout",
            "-speedcheck", "-o",       "-show",       "-graph",  "-showevents"};
        bool takesValue = std::find(withValue.begin(), withValue.end(), option) != withValue.end();
        if (!takesValue) {
            throw UsageError{"option " + option + " is not supported by memx's herd7"};
        }
        if (i + 1 >= argv.size()) {
            throw UsageError{"option " + option + " needs an argument"};
        }
        const std::string& value = argv[++i];
        if (option == "-conf") {
            args.conf = value;
        } else if (option == "-model" || option == "-cat") {
            args.model = value;
        } else if (option == "-bell") {
            args.bell = value;
        } else if (option == "-macros") {
            args.macros = value;
        } else if (option == "-I") {
            args.library.includeDirs.emplace_back(value);
        } else if (option == "-set-libdir") {
            args.library.libdir = value;
        } else if (option == "-variant") {
            for (auto& v : splitCommas(value)) {
                args.variants.push_back(v);
            }
        } else if (option == "-unroll") {
            const double n = parseNumber(option, value);
            if (n < 0 || n > 1000 || n != static_cast<int>(n)) {
                throw UsageError{"option -unroll needs a whole number from 0 to 1000"};
            }
            args.unroll = static_cast<int>(n);
        } else if (option == "-timeout") {
            args.timeout = parseNumber(option, value);
        } else if (option == "-o") {
            args.outputDir = value;
        } else if (option == "-show") {
            auto shown = shownExecutions(value);
            if (!shown) {
                throw UsageError{"option -show " + value +
                                 " is not implemented by memx's herd7 (it draws none, all, "
                                 "prop or neg)"};
            }
            args.show = *shown;
        } else if (option == "-graph") {
            // memx's figures put threads in columns: herd's columns mode, and only that.
            if (value != "columns") {
                throw UsageError{"option -graph " + value +
                                 " is not implemented by memx's herd7 (its figures are "
                                 "-graph columns)"};
            }
        } else if (option == "-showevents") {
            // memx's figures show memory events and fences, never register events.
            if (value != "noregs") {
                throw UsageError{"option -showevents " + value +
                                 " is not implemented by memx's herd7 (its figures are "
                                 "-showevents noregs)"};
            }
        } else if (option == "-speedcheck") {
            if (value != "false" && value != "true" && value != "fast") {
                throw UsageError{"option -speedcheck expects false, true or fast, not '" + value +
                                 "'"};
            }
            args.speedcheck = value != "false";
        }
    }
    return args;
}

std::filesystem::path located(const HerdLibrary& library, const std::string& option,
                              const std::string& name) {
    if (auto found = library.find(name)) {
        return *found;
    }
    std::string where;
    for (const auto& dir : library.searchPath()) {
        where += " " + dir.string();
    }
    throw UsageError{"option " + option + ": cannot find '" + name +
                     "' (looked in the current folder and" + where + ")"};
}

solver::ModelSelection toSelection(const Herd7Args& args) {
    solver::ModelSelection selection;
    selection.includeDirs = args.library.searchPath();
    selection.variants = args.variants;
    selection.events.unroll = args.unroll;
    if (args.conf) {
        selection.config = located(args.library, "-conf", *args.conf);
    }
    if (args.model) {
        bool builtin = *args.model == "lkmm" || *args.model == "sc" || *args.model == "rc11";
        if (builtin && !args.library.find(*args.model)) {
            selection.builtin = *args.model;
        } else {
            selection.catFile = located(args.library, "-model", *args.model);
        }
    }
    if (args.bell) {
        selection.bellFile = located(args.library, "-bell", *args.bell);
    }
    if (args.macros) {
        selection.macrosFile = located(args.library, "-macros", *args.macros);
    }
    return selection;
}

int runTests(const Herd7Args& args) {
    auto model = loadModel(toSelection(args));
    if (!model) {
        return 2;
    }
    solver::RunOptions options;
    options.timeoutSeconds = args.timeout;
    if (args.speedcheck) {
        options.search = solver::SearchMode::Verdict;
    }
    int rc = 0;
    for (const std::string& file : args.files) {
        std::optional<solver::TestRun> run = runTestFile(file, *model, options);
        if (!run) {
            rc = 2;
        } else if (run->outcome.timedOut) {
            std::cout << solver::formatTimeoutReport(run->program, run->outcome, *args.timeout);
            rc = rc == 0 ? 3 : rc;
        } else {
            std::cout << solver::formatHerdReport(run->program, run->outcome, run->hash);
            if (run->outcome.loopCut) {
                std::cout.flush();
                std::cerr << solver::loopCutWarning(file);
            }
            if (args.outputDir &&
                !writeHerdFigures(file, *model, args.show, *args.outputDir, args.timeout)) {
                rc = 2;
            }
        }
        std::cout.flush();
    }
    return rc;
}

void printUsage() {
    std::cout << "Usage: herd7 [options] FILE...  (memx's herd7-compatible command line)\n"
                 "  -conf F        a herd .cfg file (model, bell, macros, variant lines)\n"
                 "  -model F       a .cat model, or lkmm, sc, rc11 (memx's built-in models)\n"
                 "  -cat F         the same as -model\n"
                 "  -bell F        a .bell file (overrides the .cfg's)\n"
                 "  -macros F      a .def file of primitives (overrides the .cfg's)\n"
                 "  -I DIR         a folder searched for model files (repeatable)\n"
                 "  -set-libdir D  the library folder (default: $HERDLIB, then memx's models)\n"
                 "  -variant V,..  model variants (repeatable)\n"
                 "  -timeout S     stop a test after S seconds\n"
                 "  -speedcheck B  false (default), true or fast: decide the verdict only\n"
                 "  -unroll N      loop bodies run at most N times (default 2), as herd7's\n"
                 "  -o DIR         write DIR/TEST.dot with the executions -show selects\n"
                 "  -show S        none (default), all, prop or neg: allowed executions drawn\n"
                 "  -graph columns, -showevents noregs: memx's figures (the only ones)\n"
                 "  -version       print the version\n"
                 "Files are looked up in the current folder, then the -I folders, then the "
                 "library.\n";
}

}  // namespace

int runHerd7(const std::vector<std::string>& argv) {
    for (const std::string& a : argv) {
        if (a == "-version" || a == "--version") {
            std::cout << kHerdVersion << " (memx " << MEMX_VERSION << ")\n";
            return 0;
        }
        if (a == "-help" || a == "--help" || a == "-h") {
            printUsage();
            return 0;
        }
    }
    try {
        Herd7Args args = parseArgs(argv);
        if (args.files.empty()) {
            throw UsageError{"no litmus test given"};
        }
        if (args.show != ShownExecutions::None && !args.outputDir) {
            throw UsageError{"option -show needs -o DIR in memx's herd7 (it writes DIR/TEST.dot)"};
        }
        return runTests(args);
    } catch (const UsageError& e) {
        std::cerr << "herd7 (memx): " << e.message << "\n";
        return 2;
    }
}

}  // namespace memx::cli
