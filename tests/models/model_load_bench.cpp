// Times loading each built-in model from its text and from its image (model_image.hpp), in one
// process: `memx_model_load_bench [BUILD_DIR] [LOADS]`. docs/startup.md quotes its table.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>

#include "model/cat/model.hpp"
#include "model/cat/model_image.hpp"

namespace {

// CPU microseconds per call of `load`, over `loads` calls; negative when a load fails.
double cpuMicrosPerLoad(int loads, const std::function<bool()>& load) {
    const std::clock_t start = std::clock();
    for (int i = 0; i < loads; ++i) {
        if (!load()) {
            return -1;
        }
    }
    return 1e6 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC / loads;
}

}  // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    using namespace memx;
    const fs::path build = argc > 1 ? fs::path(argv[1]) : fs::path(MEMX_BINARY_DIR);
    const int loads = argc > 2 ? std::atoi(argv[2]) : 300;
    // A third argument "text" or "image" times that way alone (for a profiler).
    const std::string only = argc > 3 ? argv[3] : "";
    const fs::path models = build / "share" / "memx" / "models";
    std::printf("| model | from text (us CPU per load) | from image (us CPU per load) |\n");
    std::printf("|---|---:|---:|\n");
    for (const char* name : {"lkmm", "rc11", "sc"}) {
        const fs::path cat = models / (std::string(name) + ".cat");
        const double text = only == "image" ? 0 : cpuMicrosPerLoad(loads, [&] {
            DiagnosticSink sink;
            return cat::loadModel(cat, std::nullopt, {}, sink) != nullptr;
        });
        const double image = only == "text" ? 0 : cpuMicrosPerLoad(loads, [&] {
            return cat::loadModelImage(cat, {}) != nullptr;
        });
        std::printf("| %s | %.0f | %.0f |\n", name, text, image);
        if (text < 0 || image < 0) {
            std::fprintf(stderr, "%s: a load failed (is the image built? %s)\n", name,
                         cat::modelImagePath(cat).c_str());
            return 1;
        }
    }
    return 0;
}
