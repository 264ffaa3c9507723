#include "solver/explanation_text.hpp"

#include <algorithm>
#include <set>
#include <sstream>

namespace memx::solver {

namespace {

const char* kindWord(cat::CheckKind k) {
    switch (k) {
        case cat::CheckKind::Acyclic:
            return "acyclic";
        case cat::CheckKind::Irreflexive:
            return "irreflexive";
        case cat::CheckKind::Empty:
            return "empty";
    }
    return "";
}

std::string edgeText(const DerivedEdge& e, const std::vector<std::string>& names) {
    return names[e.from] + " -" + e.relation + "-> " + names[e.to];
}

// Each named edge with parts, as "x -r-> y is <its chain>", nested parts indented below it.
void writeDerivations(std::ostream& out, const std::vector<DerivedEdge>& chain,
                      const std::vector<std::string>& names, const std::string& indent,
                      std::set<std::string>& written) {
    for (const auto& e : chain) {
        if (e.parts.empty()) {
            continue;
        }
        std::string line = edgeText(e, names) + " is " + formatChain(e.parts, names);
        if (written.insert(line).second) {
            out << indent << line << "\n";
        }
        writeDerivations(out, e.parts, names, indent + "  ", written);
    }
}

void collectEvents(const std::vector<DerivedEdge>& chain, std::set<model::EventIndex>& into) {
    for (const auto& e : chain) {
        into.insert(e.from);
        into.insert(e.to);
        collectEvents(e.parts, into);
    }
}

void collectAbsent(const std::vector<DerivedEdge>& chain, std::vector<std::string>& into) {
    for (const auto& e : chain) {
        for (const auto& a : e.absent) {
            if (std::find(into.begin(), into.end(), a) == into.end()) {
                into.push_back(a);
            }
        }
        collectAbsent(e.parts, into);
    }
}

void writeEvents(std::ostream& out, const std::set<model::EventIndex>& events,
                 const model::ExecutionGraph& g, const std::vector<std::string>& names,
                 const EventNaming& naming, const std::string& indent) {
    // Events in name order (thread-major), as the figures list them.
    std::vector<model::EventIndex> sorted(events.begin(), events.end());
    std::sort(sorted.begin(), sorted.end(), [&](auto a, auto b) {
        return names[a].size() != names[b].size() ? names[a].size() < names[b].size()
                                                  : names[a] < names[b];
    });
    for (auto e : sorted) {
        const auto& info = g.events[e];
        std::string thread = info.thread < 0 ? "init" : "P" + std::to_string(info.thread);
        out << indent << names[e] << ": " << naming.label(info) << " (" << thread << ")\n";
    }
}

}  // namespace

std::string formatChain(const std::vector<DerivedEdge>& chain,
                        const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const auto& e = chain[i];
        if (i == 0) {
            s = names[e.from];
        } else if (chain[i - 1].to != e.from) {
            s += ", " + names[e.from];
        }
        s += " -" + e.relation + "-> " + names[e.to];
    }
    return s;
}

std::string formatExecution(const ExplainedExecution& x, const EventNaming& naming,
                            const std::string& indent) {
    std::ostringstream out;
    const model::ExecutionGraph& g = x.execution.graph;
    const std::vector<std::string> names = naming.names(g);
    if (x.violation) {
        const AxiomViolation& v = *x.violation;
        out << indent << "rejected by axiom " << v.axiom << " (" << kindWord(v.kind) << " "
            << v.expression << ")\n";
        if (!v.derived) {
            out << indent << "(memx cannot evaluate this axiom's expression outside the model, "
                << "so it shows no cycle)\n";
            return out.str();
        }
        const char* what = v.kind == cat::CheckKind::Empty ? "pair" : "cycle";
        out << indent << what << ": " << formatChain(v.cycle, names) << "\n";
        auto base = baseEdges(v.cycle);
        if (formatChain(base, names) != formatChain(v.cycle, names)) {
            out << indent << "in base edges: " << formatChain(base, names) << "\n";
        }
        std::set<std::string> written;
        std::ostringstream why;
        writeDerivations(why, v.cycle, names, indent + "  ", written);
        if (!why.str().empty()) {
            out << indent << "where\n" << why.str();
        }
        std::set<model::EventIndex> events;
        collectEvents(v.cycle, events);
        out << indent << "events:\n";
        writeEvents(out, events, g, names, naming, indent + "  ");
    }
    for (const auto& f : x.flags) {
        out << indent << (f.undefined ? "undefined behaviour (*undef*): " : "flag ") << f.flag;
        if (f.pair.empty()) {
            out << " (no pair to show)\n";
            continue;
        }
        if (f.first == f.second) {
            // A flag on a set of events (torn reads, ...): the event is the evidence.
            out << ": event " << names[f.first] << "\n";
            writeEvents(out, {f.first}, g, names, naming, indent + "  ");
            continue;
        }
        out << ": " << names[f.first] << " and " << names[f.second] << "\n";
        out << indent << "  " << formatChain(f.pair, names) << "\n";
        std::vector<std::string> absent;
        collectAbsent(f.pair, absent);
        for (const auto& a : absent) {
            out << indent << "  missing ordering: no " << a << " between them\n";
        }
        std::set<std::string> written;
        writeDerivations(out, f.pair, names, indent + "  ", written);
        std::set<model::EventIndex> events{f.first, f.second};
        writeEvents(out, events, g, names, naming, indent + "  ");
    }
    return out.str();
}

std::string formatAllowed(const JudgedExecution& w, const EventNaming& naming,
                          const std::string& indent) {
    std::ostringstream out;
    const auto names = naming.names(w.graph);
    std::set<model::EventIndex> all;
    for (model::EventIndex e = 0; e < w.graph.size(); ++e) {
        all.insert(e);
    }
    writeEvents(out, all, w.graph, names, naming, indent);
    for (const char* rel : {"rf", "co"}) {
        auto it = w.graph.relations.find(rel);
        if (it == w.graph.relations.end()) {
            continue;
        }
        std::string pairs;
        for (auto [a, b] : it->second.pairs()) {
            pairs += (pairs.empty() ? "" : ", ") + names[a] + " -" + rel + "-> " + names[b];
        }
        out << indent << rel << ": " << (pairs.empty() ? "(none)" : pairs) << "\n";
    }
    return out.str();
}

std::string formatExplanation(const TestExplanation& why, const EventNaming& naming) {
    std::ostringstream out;
    out << "Test " << why.test << " under " << why.modelTitle << ": " << why.condition << "\n";
    if (why.timedOut) {
        out << "(the time limit stopped the search: what follows covers the executions seen)\n";
    }
    if (why.conditionAllowed) {
        const JudgedExecution& w = why.witness->execution;
        out << "The condition's outcome is allowed. An allowed execution with final state "
            << w.state.text() << " shows it:\n";
        out << formatAllowed(w, naming);
    } else if (why.forbiddenTotal == 0) {
        out << "The condition's outcome is forbidden: no candidate execution produces it, so "
               "no axiom is needed.\n";
    } else {
        out << "The condition's outcome is forbidden: the model rejects every execution that "
               "produces it ("
            << why.forbiddenTotal << (why.forbiddenTotal == 1 ? " execution" : " executions");
        if (why.forbidden.size() < why.forbiddenTotal) {
            out << ", the first " << why.forbidden.size() << " shown";
        }
        out << ").\n";
        for (std::size_t i = 0; i < why.forbidden.size(); ++i) {
            const auto& x = why.forbidden[i];
            out << "\nExecution " << i + 1 << " (candidate " << x.execution.candidate + 1
                << "), final state " << x.execution.state.text() << "\n";
            out << formatExecution(x, naming);
        }
    }
    for (const auto& x : why.flagged) {
        out << "\nFlags raised on an allowed execution (final state " << x.execution.state.text()
            << "):\n";
        out << formatExecution(x, naming);
    }
    return out.str();
}

}  // namespace memx::solver
