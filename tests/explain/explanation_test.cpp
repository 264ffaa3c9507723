// The explanation API on shipped tests: the failing axiom, its cycle checked against the cat
// evaluator's own relations, flags' pairs with the missing ordering, and model comparison.
#include <gtest/gtest.h>

#include <filesystem>

#include "explain_support.hpp"
#include "model/cat/compiled_model.hpp"
#include "model/cat/model.hpp"
#include "render/event_names.hpp"
#include "solver/explanation.hpp"
#include "solver/explanation_text.hpp"
#include "solver/model_comparison.hpp"
#include "solver/model_locator.hpp"
#include "solver/relation_derivation.hpp"

namespace memx::explain_test {
namespace {

std::string library(const std::string& name) {
    return sourceDir() + "/litmus/library/lkmm/" + name + ".litmus";
}

solver::EventNaming naming() {
    return {render::shortEventNames, render::eventLabel};
}

// The derivation closes a cycle: consecutive edges join up and the last returns to the first.
bool closesCycle(const std::vector<solver::DerivedEdge>& cycle) {
    if (cycle.empty()) {
        return false;
    }
    for (std::size_t i = 0; i < cycle.size(); ++i) {
        if (cycle[i].to != cycle[(i + 1) % cycle.size()].from) {
            return false;
        }
    }
    return true;
}

TEST(ShortestCycle, FindsTheShortestOfTwoCyclesAndNoneInAnOrder) {
    model::Relation r(5);
    // 0 -> 1 -> 2 -> 3 -> 0 and 2 -> 4 -> 2.
    r.insert(0, 1);
    r.insert(1, 2);
    r.insert(2, 3);
    r.insert(3, 0);
    r.insert(2, 4);
    r.insert(4, 2);
    auto c = solver::shortestCycle(r);
    ASSERT_EQ(c.size(), 2u);
    EXPECT_TRUE(r.contains(c[0], c[1]) && r.contains(c[1], c[0]));
    model::Relation order(3);
    order.insert(0, 1);
    order.insert(1, 2);
    order.insert(0, 2);
    EXPECT_TRUE(solver::shortestCycle(order).empty());
    model::Relation loop(2);
    loop.insert(1, 1);
    EXPECT_EQ(solver::shortestCycle(loop), std::vector<model::EventIndex>{1});
}

TEST(Explanation, MessagePassingIsRejectedByHappensBeforeWithARealCycle) {
    auto l = load("lkmm", library("MP+wmb+rmb"));
    ASSERT_TRUE(l);
    auto why = solver::explainTest(l->test.program, l->test.events, *l->model.model);
    EXPECT_FALSE(why.conditionAllowed);
    ASSERT_EQ(why.forbiddenTotal, 1u);
    ASSERT_EQ(why.forbidden.size(), 1u);
    const auto& x = why.forbidden[0];
    ASSERT_TRUE(x.violation);
    EXPECT_EQ(x.violation->axiom, "happens-before");
    EXPECT_EQ(x.violation->expression, "hb");
    ASSERT_TRUE(x.violation->derived);
    ASSERT_TRUE(closesCycle(x.violation->cycle));
    for (const auto& e : x.violation->cycle) {
        EXPECT_EQ(e.relation, "hb");
    }
    auto base = solver::baseEdges(x.violation->cycle);
    ASSERT_TRUE(closesCycle(base));
    std::set<std::string> names;
    for (const auto& e : base) {
        names.insert(e.relation);
    }
    // The smp_rmb() edge, the overwritten read and the write's way to the other thread.
    EXPECT_TRUE(names.count("rmb")) << solver::formatExplanation(why, naming());
    EXPECT_TRUE(names.count("fr"));
    EXPECT_TRUE(names.count("rfe"));
    auto from = x.violation->cycle.front().from;
    EXPECT_EQ(derivationProblems(*l->model.model, x.execution, x.violation->cycle, from, from),
              std::vector<std::string>{});
}

TEST(Explanation, TheCycleCheckCatchesAWrongEdgeOrABrokenChain) {
    // The checker the corpus tests rely on must fail on a wrong derivation.
    auto l = load("lkmm", library("MP+wmb+rmb"));
    ASSERT_TRUE(l);
    auto why = solver::explainTest(l->test.program, l->test.events, *l->model.model);
    ASSERT_EQ(why.forbidden.size(), 1u);
    const auto& x = why.forbidden[0];
    auto cycle = x.violation->cycle;
    auto from = cycle.front().from;
    auto renamed = cycle;
    renamed[0].relation = "rf";  // an hb edge within a thread is no rf edge
    EXPECT_FALSE(derivationProblems(*l->model.model, x.execution, renamed, from, from).empty());
    auto broken = cycle;
    broken[0].parts[0].to = broken[0].parts[0].from;  // the chain no longer reaches its target
    EXPECT_FALSE(derivationProblems(*l->model.model, x.execution, broken, from, from).empty());
}

TEST(Explanation, WordsNameTheAxiomAndTheCycleInBaseEdges) {
    auto l = load("lkmm", library("MP+wmb+rmb"));
    ASSERT_TRUE(l);
    auto why = solver::explainTest(l->test.program, l->test.events, *l->model.model);
    std::string words = solver::formatExplanation(why, naming());
    EXPECT_NE(words.find("rejected by axiom happens-before (acyclic hb)"), std::string::npos)
        << words;
    EXPECT_NE(words.find("cycle: d -hb-> f -hb-> d"), std::string::npos) << words;
    EXPECT_NE(words.find("in base edges: d -rmb-> f -fr-> a"), std::string::npos) << words;
}

TEST(Explanation, AnAllowedOutcomeComesWithTheExecutionThatAllowsIt) {
    auto l = load("lkmm", library("SB+once"));
    ASSERT_TRUE(l);
    auto why = solver::explainTest(l->test.program, l->test.events, *l->model.model);
    EXPECT_TRUE(why.conditionAllowed);
    ASSERT_TRUE(why.witness);
    EXPECT_TRUE(why.witness->execution.conditionHolds);
    EXPECT_TRUE(why.witness->execution.verdict.allowed);
    EXPECT_TRUE(why.forbidden.empty());
}

TEST(Explanation, AStoreBufferingCycleUnderScUsesOnlyBaseRelations) {
    auto l = load("sc", library("SB+once"));
    ASSERT_TRUE(l);
    auto why = solver::explainTest(l->test.program, l->test.events, *l->model.model);
    ASSERT_EQ(why.forbidden.size(), 1u);
    const auto& v = *why.forbidden[0].violation;
    EXPECT_EQ(v.axiom, "sc");
    ASSERT_TRUE(closesCycle(v.cycle));
    std::multiset<std::string> names;
    for (const auto& e : v.cycle) {
        names.insert(e.relation);
    }
    EXPECT_EQ(names, (std::multiset<std::string>{"po", "po", "fr", "fr"}));
}

// MP+plain+race under `model`: its first flagged execution, checked to raise one flag on one
// write and one read of x in different threads.
struct RaceOnX {
    std::optional<Loaded> loaded;
    solver::ExplainedExecution x;
};

RaceOnX raceOnX(const std::string& model) {
    RaceOnX r;
    r.loaded = load(model, sourceDir() + "/tests/explain/data/MP+plain+race.litmus");
    if (!r.loaded) {
        ADD_FAILURE() << "cannot load MP+plain+race under " << model;
        return r;
    }
    auto why =
        solver::explainTest(r.loaded->test.program, r.loaded->test.events, *r.loaded->model.model);
    if (why.flagged.empty()) {
        ADD_FAILURE() << "no flagged execution under " << model;
        return r;
    }
    r.x = why.flagged[0];
    EXPECT_EQ(r.x.flags.size(), 1u);
    if (!r.x.flags.empty()) {
        const auto& f = r.x.flags[0];
        const auto& g = r.x.execution.graph;
        EXPECT_EQ(g.events[f.first].location, "x");
        EXPECT_EQ(g.events[f.second].location, "x");
        EXPECT_NE(g.events[f.first].thread, g.events[f.second].thread);
        EXPECT_FALSE(f.pair.empty());
    }
    return r;
}

TEST(Explanation, ADataRaceNamesBothAccessesAndTheMissingOrdering) {
    auto r = raceOnX("lkmm");
    ASSERT_TRUE(r.loaded && !r.x.flags.empty() && !r.x.flags[0].pair.empty());
    const auto& f = r.x.flags[0];
    EXPECT_EQ(f.flag, "data-race");
    EXPECT_FALSE(f.undefined);
    EXPECT_EQ(f.pair.front().relation, "rw-race");
    ASSERT_FALSE(f.pair.front().absent.empty());
    EXPECT_EQ(f.pair.front().absent.front(), "rw-xbstar");
    EXPECT_EQ(derivationProblems(*r.loaded->model.model, r.x.execution, f.pair, f.first, f.second),
              std::vector<std::string>{});
    // The evaluator agrees that the missing ordering really is missing.
    auto values = evaluatorRelations(*r.loaded->model.model, r.x.execution, {"rw-xbstar"});
    ASSERT_TRUE(values.count("rw-xbstar"));
    EXPECT_FALSE(values.at("rw-xbstar").contains(f.first, f.second));
}

TEST(Explanation, AnRc11RaceNamesBothAccessesAndWhyNoHappensBeforeOrdersThem) {
    auto r = raceOnX("rc11");
    ASSERT_TRUE(r.loaded && !r.x.flags.empty() && !r.x.flags[0].pair.empty());
    const auto& f = r.x.flags[0];
    EXPECT_TRUE(f.undefined);  // undefined_unless empty race as data-race: *undef*
    EXPECT_EQ(f.flag, "data-race");
    EXPECT_EQ(f.pair.front().relation, "race");
    // race = (conflicting & ext) \ (hb | hb^-1 | Atomic * Atomic): each alternative missing.
    EXPECT_EQ(f.pair.front().absent, (std::vector<std::string>{"hb", "hb^-1", "Atomic * Atomic"}));
    auto values = evaluatorRelations(*r.loaded->model.model, r.x.execution, {"hb"});
    ASSERT_TRUE(values.count("hb"));
    EXPECT_FALSE(values.at("hb").contains(f.first, f.second));
    EXPECT_FALSE(values.at("hb").contains(f.second, f.first));
}

TEST(Explanation, KeepGlobalsReturnsEveryBindingOfAReboundName) {
    // lkmm binds `fence` twice (lkmm-rcu.cat widens it): the evaluator must hand back both
    // bindings, so a derivation reads the one an expression refers to.
    auto l = load("lkmm", library("MP+wmb+rmb"));
    ASSERT_TRUE(l);
    std::vector<std::uint32_t> fenceSlots;
    for (const auto& s : l->model.model->statements) {
        for (const auto& b : s.bindings) {
            if (s.kind == cat::StmtKind::Let && b.pattern.names.size() == 1 &&
                b.pattern.names[0] == "fence") {
                fenceSlots.push_back(b.slots[0].index);
            }
        }
    }
    ASSERT_EQ(fenceSlots.size(), 2u);
    std::optional<cat::ExecutionVerdict> seen;
    solver::forEachExecution(l->test.program, l->test.events, *l->model.model, {},
                             [&](const solver::JudgedExecution& e) {
                                 cat::EvaluateOptions o;
                                 o.keepGlobals = true;
                                 o.stopAtFirstFailure = false;
                                 cat::evaluate(*l->model.model, e.graph, o,
                                               [&](const cat::ExecutionVerdict& v) { seen = v; });
                                 return false;
                             });
    ASSERT_TRUE(seen);
    for (auto slot : fenceSlots) {
        EXPECT_TRUE(seen->globalRelations.count(slot)) << "slot " << slot;
    }
    cat::EvaluateOptions plain;
    std::size_t kept = 1;
    cat::evaluate(*l->model.model, solver::JudgedExecution{}.graph, plain,
                  [&](const cat::ExecutionVerdict& v) { kept = v.globalRelations.size(); });
    EXPECT_EQ(kept, 0u) << "values are kept only when asked for";
}

TEST(ModelComparison, StoreBufferingIsAllowedByLkmmAndForbiddenBySc) {
    auto lkmm = load("lkmm", library("SB+once"));
    auto sc = load("sc", library("SB+once"));
    ASSERT_TRUE(lkmm && sc);
    auto c = solver::compareModels(lkmm->test.program,
                                   {"lkmm", lkmm->model.model.get(), &lkmm->test.events},
                                   {"sc", sc->model.model.get(), &sc->test.events});
    EXPECT_EQ(c.allowedStates[0].size(), 4u);
    EXPECT_EQ(c.allowedStates[1].size(), 3u);
    ASSERT_EQ(c.differences.size(), 1u);
    const auto& d = c.differences[0];
    EXPECT_EQ(d.state.text(), "0:r0=0; 1:r0=0;");
    EXPECT_TRUE(d.conditionHolds);
    EXPECT_EQ(d.allowedBy, 0);
    EXPECT_TRUE(d.allowing.execution.verdict.allowed);
    ASSERT_TRUE(d.rejecting && d.rejecting->violation);
    EXPECT_EQ(d.rejecting->violation->axiom, "sc");
    EXPECT_TRUE(closesCycle(d.rejecting->violation->cycle));
}

TEST(ModelComparison, AModelComparedWithItselfHasNoDifference) {
    auto a = load("lkmm", library("WRC+acquire+addr"));
    auto b = load("lkmm", library("WRC+acquire+addr"));
    ASSERT_TRUE(a && b);
    auto c = solver::compareModels(a->test.program, {"lkmm", a->model.model.get(), &a->test.events},
                                   {"lkmm", b->model.model.get(), &b->test.events});
    EXPECT_TRUE(c.differences.empty());
    EXPECT_EQ(c.allowedStates[0], c.allowedStates[1]);
}

}  // namespace
}  // namespace memx::explain_test

namespace memx::explain_test {
namespace {

std::optional<solver::LoadedModel> derivationTestModel() {
    auto lkmm = solver::builtinModelPath("lkmm");
    if (!lkmm) {
        ADD_FAILURE() << "no built-in models next to the test program";
        return std::nullopt;
    }
    solver::ModelSelection selection;
    selection.catFile = sourceDir() + "/tests/explain/data/derivation-test.cat";
    selection.includeDirs = {lkmm->parent_path()};
    DiagnosticSink sink;
    auto m = solver::loadModelSelection(selection, sink);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << d.file << ": " << d.message;
    }
    return m;
}

TEST(RelationDerivation, AClosureOfASequenceIsAShortestPathOfItsSteps) {
    auto m = derivationTestModel();
    ASSERT_TRUE(m);
    DiagnosticSink sink;
    auto test =
        solver::prepareLitmusFile(sourceDir() + "/litmus/library/lkmm/SB+once.litmus", *m, sink);
    ASSERT_TRUE(test);
    auto why = solver::explainTest(test->program, test->events, *m->model);
    ASSERT_FALSE(why.conditionAllowed);
    ASSERT_EQ(why.forbidden.size(), 1u);
    const auto& x = why.forbidden[0];
    const auto& v = *x.violation;
    EXPECT_EQ(v.axiom, "steps");
    EXPECT_EQ(v.expression, "step+");
    // step+ is transitive, so its shortest cycle is a self-loop; the path behind it has two
    // `step` edges, each a po edge then a com edge, which is an fr edge here.
    ASSERT_EQ(v.cycle.size(), 2u);
    for (const auto& e : v.cycle) {
        EXPECT_EQ(e.relation, "step");
        ASSERT_EQ(e.parts.size(), 2u);
        EXPECT_EQ(e.parts[0].relation, "po");
        EXPECT_EQ(e.parts[1].relation, "com");
        ASSERT_EQ(e.parts[1].parts.size(), 1u);
        EXPECT_EQ(e.parts[1].parts[0].relation, "fr");
    }
    EXPECT_TRUE(closesCycle(v.cycle));
    auto from = v.cycle.front().from;
    EXPECT_EQ(derivationProblems(*m->model, x.execution, v.cycle, from, from),
              std::vector<std::string>{});
}

TEST(RelationDerivation, AFlagOnADifferenceRecordsWhatIsAbsent) {
    auto m = derivationTestModel();
    ASSERT_TRUE(m);
    DiagnosticSink sink;
    auto test =
        solver::prepareLitmusFile(sourceDir() + "/litmus/library/lkmm/SB+once.litmus", *m, sink);
    ASSERT_TRUE(test);
    auto why = solver::explainTest(test->program, test->events, *m->model);
    ASSERT_FALSE(why.flagged.empty());
    const auto& f = why.flagged[0].flags.at(0);
    EXPECT_EQ(f.flag, "fr-not-po");
    ASSERT_EQ(f.pair.size(), 1u);
    EXPECT_EQ(f.pair[0].relation, "fr");
    EXPECT_EQ(f.pair[0].absent, std::vector<std::string>{"po"});
    EXPECT_NE(why.flagged[0].execution.graph.events[f.first].thread,
              why.flagged[0].execution.graph.events[f.second].thread);
}

TEST(RelationDerivation, ExpressionTextKeepsPrecedence) {
    auto m = derivationTestModel();
    ASSERT_TRUE(m);
    std::vector<std::string> texts;
    for (const auto& s : m->model->statements) {
        if (s.kind == cat::StmtKind::Check && s.expr) {
            texts.push_back(solver::expressionText(*s.expr));
        }
    }
    ASSERT_GE(texts.size(), 2u);
    EXPECT_EQ(texts[texts.size() - 2], "step+");
    EXPECT_EQ(texts.back(), "fr \\ po");
}

}  // namespace
}  // namespace memx::explain_test
