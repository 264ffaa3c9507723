#include "cli/model_options.hpp"

namespace memx::cli {

void addModelOptions(CLI::App& cmd, ModelArgs& args) {
    cmd.add_option("--model", args.model,
                   "Built-in model: lkmm, rc11 or sc (default: rc11 for C11 tests, else lkmm)");
    cmd.add_option("--cat", args.cat, "A herd-style .cat model (X.def beside it is used)");
    cmd.add_option("-I", args.includeDirs, "Folder searched for included .cat files");
    cmd.add_option("--conf", args.conf, "A herd .cfg file (model, bell, macros, variants)");
    cmd.add_option("--variant", args.variants, "A herd model variant (repeatable)");
}

solver::ModelSelection toModelSelection(const ModelArgs& args) {
    solver::ModelSelection selection;
    selection.builtin = args.model;
    if (!args.cat.empty()) {
        selection.catFile = args.cat;
    }
    if (!args.conf.empty()) {
        selection.config = args.conf;
    }
    selection.includeDirs.assign(args.includeDirs.begin(), args.includeDirs.end());
    selection.variants = args.variants;
    return selection;
}

}  // namespace memx::cli
