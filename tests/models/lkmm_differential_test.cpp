// Differential test: memx's lkmm.cat against the kernel's own linux-kernel.cat (variant
// lkmmv2) on thousands of random executions. Each graph is evaluated to the end of both
// models (not stopping at the first failing axiom), and the two multisets of executions must
// be equal: per execution (its coherence order and reads-from), whether it is allowed, which
// axioms fail, which flags it raises, and the value of every relation the two models share
// (hb, pb, rb, ppo, the race relations, ...). Comparing the shared relations and not only the
// verdicts finds a difference even when no random graph happens to close a cycle through it.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "tests/models/model_runner.hpp"
#include "tests/models/random_lkmm_graph.hpp"

namespace memx::models_test {
namespace {

// Relations both models define, as (kernel model's name, memx's name).
const std::vector<std::pair<std::string, std::string>>& sharedRelations() {
    static const std::vector<std::pair<std::string, std::string>> names = [] {
        std::vector<std::pair<std::string, std::string>> v;
        for (const char* same : {"co",
                                 "rf",
                                 "fr",
                                 "rmw",
                                 "addr",
                                 "data",
                                 "ctrl",
                                 "rfe",
                                 "rfi",
                                 "coe",
                                 "coi",
                                 "fre",
                                 "fri",
                                 "com",
                                 "acq-po",
                                 "po-rel",
                                 "po-unlock-lock-po",
                                 "rmb",
                                 "wmb",
                                 "mb",
                                 "gp",
                                 "strong-fence",
                                 "nonrw-fence",
                                 "fence",
                                 "dep",
                                 "overwrite",
                                 "to-w",
                                 "to-r",
                                 "ppo",
                                 "rmw-sequence",
                                 "cumul-fence",
                                 "prop",
                                 "hb",
                                 "pb",
                                 "rcu-rscs",
                                 "srcu-rscs",
                                 "rcu-link",
                                 "rcu-order",
                                 "rcu-fence",
                                 "rb",
                                 "mixed-accesses",
                                 "xbstar",
                                 "vis",
                                 "w-pre-bounded",
                                 "r-pre-bounded",
                                 "w-post-bounded",
                                 "r-post-bounded",
                                 "ww-vis",
                                 "wr-vis",
                                 "rw-xbstar",
                                 "pre-race",
                                 "wr-incoh",
                                 "rw-incoh",
                                 "ww-incoh",
                                 "ww-nonrace",
                                 "ww-race",
                                 "wr-race",
                                 "rw-race"}) {
            v.emplace_back(same, same);
        }
        v.emplace_back("barrier", "compiler-barrier");
        v.emplace_back("lk-rmw", "lock-rmw");
        v.emplace_back("critical", "critical-section");
        return v;
    }();
    return names;
}

std::string pairsText(const model::Relation& r) {
    std::string s;
    for (auto [a, b] : r.pairs())
        s += "e" + std::to_string(a) + ">e" + std::to_string(b) + " ";
    return s;
}

std::string joined(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    std::string s;
    for (const auto& i : items)
        s += (s.empty() ? "" : " ") + i;
    return s;
}

// One execution as both models must describe it: fields in a fixed order, first the
// verdict, then each shared relation.
struct Execution {
    std::string key;  // co and rf
    std::vector<std::pair<std::string, std::string>> fields;
    bool operator<(const Execution& o) const {
        return std::tie(key, fields) < std::tie(o.key, o.fields);
    }
    bool operator==(const Execution& o) const = default;
};

struct Outcomes {
    std::vector<Execution> executions;  // sorted
    std::set<std::string> failedAxioms;
    std::map<std::string, int> flags;  // over allowed executions
    int allowed = 0;
};

Outcomes outcomesOf(const cat::Model& model, const model::ExecutionGraph& graph, bool kernel) {
    cat::EvaluateOptions options;
    options.stopAtFirstFailure = false;
    for (const auto& [theirs, ours] : sharedRelations())
        options.extraRelations.push_back(kernel ? theirs : ours);
    Outcomes out;
    cat::evaluate(model, graph, options, [&](const cat::ExecutionVerdict& v) {
        auto relation = [&](const std::string& name) {
            const auto it = v.relations.find(name);
            return it == v.relations.end() ? std::string("(not a relation)")
                                           : pairsText(it->second);
        };
        Execution e;
        e.key = "co: " + relation("co") + "| rf: " + relation("rf");
        std::vector<std::string> failing;
        for (const auto& c : v.checks) {
            if (c.mode == cat::CheckMode::Axiom && !c.holds)
                failing.push_back(c.name);
        }
        e.fields.emplace_back("allowed", v.allowed ? "yes" : "no");
        e.fields.emplace_back("failing axioms", joined(failing));
        e.fields.emplace_back("flags", joined(v.flags));
        for (const auto& [theirs, ours] : sharedRelations())
            e.fields.emplace_back(theirs, relation(kernel ? theirs : ours));
        out.executions.push_back(std::move(e));
        out.failedAxioms.insert(failing.begin(), failing.end());
        if (v.allowed) {
            ++out.allowed;
            for (const auto& f : v.flags)
                ++out.flags[f];
        }
    });
    std::sort(out.executions.begin(), out.executions.end());
    return out;
}

// The first difference between the two sorted lists of executions, for the report.
std::string firstDifference(const std::vector<Execution>& kernel,
                            const std::vector<Execution>& ours) {
    std::ostringstream out;
    out << "  " << kernel.size() << " executions under linux-kernel.cat, " << ours.size()
        << " under memx lkmm.cat\n";
    for (std::size_t i = 0; i < std::max(kernel.size(), ours.size()); ++i) {
        if (i >= kernel.size() || i >= ours.size() || kernel[i].key != ours[i].key) {
            out << "  execution sets differ; first extra one:\n    "
                << (i < kernel.size() ? "kernel " + kernel[i].key : "memx " + ours[i].key) << "\n";
            return out.str();
        }
        for (std::size_t f = 0; f < kernel[i].fields.size(); ++f) {
            if (kernel[i].fields[f] != ours[i].fields[f]) {
                out << "  execution " << kernel[i].key << "\n  differs in "
                    << kernel[i].fields[f].first
                    << ":\n    linux-kernel.cat: " << kernel[i].fields[f].second
                    << "\n    memx lkmm.cat:    " << ours[i].fields[f].second << "\n";
                return out.str();
            }
        }
    }
    return out.str();
}

int graphCount() {
    if (const char* env = std::getenv("MEMX_DIFF_GRAPHS"))
        return std::max(1, std::atoi(env));
    return 8000;
}

TEST(LkmmDifferential, RandomGraphsMatchKernelModel) {
    if (!upstreamAvailable()) {
        GTEST_SKIP() << "no kernel model at " << upstreamModelDir()
                     << " (MEMX_SHARED_DIR): differential test skipped";
    }
    std::string errors;
    auto ours = loadBuiltin("lkmm.cat", errors);
    ASSERT_TRUE(ours) << errors;
    auto kernel = loadUpstreamLkmm(errors);
    ASSERT_TRUE(kernel) << errors;

    const auto start = std::chrono::steady_clock::now();
    const int graphs = graphCount();
    std::map<std::string, int> flagsSeen;
    std::set<std::string> axiomsFailed;
    int mismatches = 0;
    long executions = 0, allowed = 0;
    for (int seed = 1; seed <= graphs && mismatches < 3; ++seed) {
        Rng rng(static_cast<std::uint64_t>(seed));
        const model::ExecutionGraph graph = randomLkmmGraph(rng);
        const Outcomes expected = outcomesOf(*kernel, graph, true);
        const Outcomes actual = outcomesOf(*ours, graph, false);
        executions += static_cast<long>(expected.executions.size());
        allowed += expected.allowed;
        axiomsFailed.insert(expected.failedAxioms.begin(), expected.failedAxioms.end());
        for (const auto& [f, n] : expected.flags)
            flagsSeen[f] += n;
        if (expected.executions != actual.executions) {
            ++mismatches;
            ADD_FAILURE() << "seed " << seed << ": the models disagree\n"
                          << describeGraph(graph)
                          << firstDifference(expected.executions, actual.executions);
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string coverage;
    for (const auto& [f, n] : flagsSeen)
        coverage += " " + f + "=" + std::to_string(n);
    std::string axioms;
    for (const auto& a : axiomsFailed)
        axioms += " " + a;
    std::cout << "[ models ] " << graphs << " graphs, " << executions << " executions (" << allowed
              << " allowed), " << seconds << " s\n[ models ] flags:" << coverage
              << "\n[ models ] axioms that rejected executions:" << axioms << "\n";

    // The comparison only means something if the graphs reach every part of the model. (The
    // deadlock axioms are not listed: a graph that fails them also has no coherence order,
    // so it yields no execution to compare.)
    for (const char* axiom : {"ConsCo", "coherence", "atomic", "happens-before", "propagation",
                              "rcu", "plain-coherence"}) {
        EXPECT_TRUE(axiomsFailed.count(axiom)) << "no random graph exercised axiom " << axiom;
    }
    for (const char* flag : {"data-race", "unmatched-rcu-lock", "unmatched-unlock",
                             "mixed-accesses", "unmatched-srcu-lock"}) {
        EXPECT_TRUE(flagsSeen.count(flag)) << "no allowed random execution raised " << flag;
    }
}

}  // namespace
}  // namespace memx::models_test

namespace memx::models_test {
namespace {

// The event builder reads the tags per event kind from the loaded model: lkmm.bell must
// declare exactly what the kernel's linux-kernel.bell declares.
TEST(LkmmDifferential, EventVocabularyMatchesKernelBell) {
    if (!upstreamAvailable())
        GTEST_SKIP() << "no kernel model at " << upstreamModelDir() << " (MEMX_SHARED_DIR)";
    std::string errors;
    auto ours = loadBuiltin("lkmm.cat", errors);
    auto kernel = loadUpstreamLkmm(errors);
    ASSERT_TRUE(ours && kernel) << errors;
    EXPECT_EQ(cat::modelInterface(*ours).enums, cat::modelInterface(*kernel).enums);
    EXPECT_EQ(cat::modelInterface(*ours).instructions, cat::modelInterface(*kernel).instructions);
}

}  // namespace
}  // namespace memx::models_test
