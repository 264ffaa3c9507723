// Times linux-kernel.cat on a 10-event execution: `memx_cat_eval_bench [iterations]`.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "lkmm_graphs.hpp"
#include "model/cat/model.hpp"

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    using namespace memx;
    const int iterations = argc > 1 ? std::atoi(argv[1]) : 1000;
    const fs::path up = fs::path(MEMX_SHARED_DIR) / "lkmm-upstream";
    DiagnosticSink sink;
    cat::LoadOptions opts;
    opts.includeDirs = {up / "herd-lib"};
    opts.variants = {"lkmmv2"};
    auto model = cat::loadModel(up / "linux-kernel.cat", std::nullopt, opts, sink);
    if (!model) {
        std::fprintf(stderr, "cannot load %s\n", (up / "linux-kernel.cat").c_str());
        return 1;
    }
    auto graph = cat::testing::tenEvents();
    int executions = 0, allowed = 0;
    // CPU time as well as wall time: the machine this runs on is often shared.
    std::clock_t cpuStart = std::clock();
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < iterations; ++i)
        cat::evaluate(*model, graph, {}, [&](const cat::ExecutionVerdict& v) {
            ++executions;
            allowed += v.allowed ? 1 : 0;
        });
    auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    std::printf(
        "%d evaluations of a %zu-event graph: wall %.3f s (%.1f us each), cpu %.3f s "
        "(%.1f us each), %d executions, %d allowed\n",
        iterations, graph.size(), secs, 1e6 * secs / iterations, cpu, 1e6 * cpu / iterations,
        executions, allowed);
    return 0;
}
