// memx-model-image CAT OUT: loads a built-in model as every run would (parse, resolve, dry run
// on the empty execution) and saves it as an image (model/cat/model_image.hpp). The build runs
// it on each built-in model, so a model that does not load fails the build, not a user's run.
#include <fstream>
#include <iostream>

#include "model/cat/model.hpp"
#include "model/cat/model_image.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: memx-model-image MODEL.cat IMAGE\n";
        return 2;
    }
    const std::filesystem::path cat = argv[1];
    memx::DiagnosticSink sink;
    auto model = memx::cat::loadModel(cat, std::nullopt, {}, sink);
    for (const memx::Diagnostic& d : sink.diagnostics()) {
        std::cerr << memx::formatDiagnostic(d) << "\n";
    }
    if (!model) {
        return 1;
    }
    std::string why;
    auto image = memx::cat::writeModelImage(*model, cat.parent_path(), why);
    if (!image) {
        std::cerr << "memx-model-image: " << why << "\n";
        return 1;
    }
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out << *image;
    if (!out.flush()) {
        std::cerr << "memx-model-image: cannot write " << argv[2] << "\n";
        return 1;
    }
    return 0;
}
