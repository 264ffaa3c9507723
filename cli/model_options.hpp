// The model options every deciding verb takes (herd's -cat, -I, -conf, -variant, plus memx's
// built-in models), added to a subcommand in one place so `run` and `check` agree.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "solver/test_pipeline.hpp"

namespace memx::cli {

struct ModelArgs {
    std::string model;  // empty: by the test's dialect (lkmm, or rc11 for C11 tests)
    std::string cat;
    std::vector<std::string> includeDirs;
    std::string conf;
    std::vector<std::string> variants;
    std::string endian = "little";     // byte-granular tests: byte order
    std::string usercopy = "asm";      // copy_from_user/copy_to_user: marked bytes, or plain memcpy
    std::string byteClasses = "auto";  // byte-granular tests: representatives of alike bytes
    int unroll = 2;                    // loop bodies before a cut, as herd7's -unroll
    std::string loops = "herd";        // how loops are read: herd or await (docs/loops.md)
};

void addModelOptions(CLI::App& cmd, ModelArgs& args);

solver::ModelSelection toModelSelection(const ModelArgs& args);

}  // namespace memx::cli
