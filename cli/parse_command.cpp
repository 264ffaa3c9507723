// `memx parse FILE...`: prints each test as canonical litmus text, or its diagnostics with
// the offending line. Exit code 2 if any file fails to parse.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/diagnostics_output.hpp"
#include "litmus/parser.hpp"
#include "litmus/printer.hpp"

namespace memx::cli {

namespace {

int parseFiles(const std::vector<std::string>& files) {
    int rc = 0;
    bool first = true;
    for (const std::string& file : files) {
        DiagnosticSink sink;
        std::string source;
        std::optional<litmus::Program> program = litmus::parseLitmusFile(file, sink, &source);
        printDiagnostics(sink, source);
        if (!program) {
            rc = 2;
            continue;
        }
        std::cout << (first ? "" : "\n") << litmus::printProgram(*program);
        first = false;
    }
    return rc;
}

}  // namespace

void addParseCommand(CLI::App& app, int& exitCode) {
    CLI::App* cmd = app.add_subcommand("parse", "Parse litmus tests and print them back");
    auto files = std::make_shared<std::vector<std::string>>();
    cmd->add_option("files", *files, "Litmus test files")->required();
    cmd->callback([files, &exitCode] { exitCode = parseFiles(*files); });
}

}  // namespace memx::cli
