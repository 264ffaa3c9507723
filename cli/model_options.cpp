#include "cli/model_options.hpp"

namespace memx::cli {

void addModelOptions(CLI::App& cmd, ModelArgs& args) {
    cmd.add_option("--model", args.model,
                   "Built-in model: lkmm, rc11 or sc (default: rc11 for C11 tests, else lkmm)");
    cmd.add_option("--cat", args.cat, "A herd-style .cat model (X.def beside it is used)");
    cmd.add_option("-I", args.includeDirs, "Folder searched for included .cat files");
    cmd.add_option("--conf", args.conf, "A herd .cfg file (model, bell, macros, variants)");
    cmd.add_option("--variant", args.variants, "A herd model variant (repeatable)");
    cmd.add_option("--endian", args.endian, "Byte order of byte-granular tests: little or big")
        ->check(CLI::IsMember({"little", "big"}));
    cmd.add_option("--usercopy", args.usercopy,
                   "copy_from_user/copy_to_user: asm (marked user bytes, default) or plain "
                   "(plain memcpy)")
        ->check(CLI::IsMember({"asm", "plain"}));
    cmd.add_option("--byte-classes", args.byteClasses,
                   "Byte-granular tests: build only representatives of the bytes every access "
                   "treats alike: auto (on with a built-in model, default), on or off")
        ->check(CLI::IsMember({"auto", "on", "off"}));
    cmd.add_option("--unroll", args.unroll,
                   "A `while` body runs at most N times; executions that need more are cut and "
                   "the verdict reads 'Loop Ok'/'Loop No', as herd7's -unroll (default 2)")
        ->check(CLI::Range(0, 1000));
    cmd.add_option("--loops", args.loops,
                   "herd (default): loops as herd7 unrolls them; await: a wait (a loop whose "
                   "body no other thread can see, exiting on a value it reads) contributes "
                   "only its final iteration, and a thread that can wait forever raises the "
                   "liveness flag (docs/loops.md)")
        ->check(CLI::IsMember({"herd", "await"}));
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
    selection.events.bigEndian = args.endian == "big";
    selection.events.userCopy =
        args.usercopy == "plain" ? model::UserCopyMode::Plain : model::UserCopyMode::Asm;
    selection.events.unroll = args.unroll;
    selection.events.loops =
        args.loops == "await" ? model::LoopReading::Await : model::LoopReading::Herd;
    if (args.byteClasses != "auto") {
        selection.byteClasses = args.byteClasses == "on";
    }
    return selection;
}

}  // namespace memx::cli
