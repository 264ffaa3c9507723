#include "solver/herd_hash.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <tuple>
#include <vector>

#include "litmus/prop_locations.hpp"
#include "solver/md5.hpp"

namespace memx::solver {

namespace {

// herd's order of locations (MiscParser.location_compare): registers first, by thread and
// then name; then shared locations by name.
using LocationKey = std::tuple<bool, int, std::string>;

LocationKey keyOf(const std::optional<int>& thread, const std::string& name) {
    return {!thread.has_value(), thread.value_or(0), name};
}

std::string locationText(const std::optional<int>& thread, const std::string& name) {
    return thread ? fmt::format("{}:{}", *thread, name) : name;
}

std::string valueText(const litmus::InitValue& v) {
    switch (v.kind) {
        case litmus::InitValue::Kind::Int:
            return std::to_string(v.value);
        case litmus::InitValue::Kind::Address:
            return v.symbol;
        case litmus::InitValue::Kind::List: {
            std::string out;
            for (const auto& e : v.elements) {
                out += (out.empty() ? "" : ",") + valueText(e);
            }
            return "{" + out + "}";
        }
    }
    return "0";
}

// A C type as herd's CType.dump prints it (`_Atomic int` for atomic_int, `int*` for a pointer).
std::string typeText(const std::string& base, int pointerDepth, bool isVolatile) {
    std::string out = base == "atomic_int" ? "_Atomic int" : base;
    if (isVolatile) {
        out = "volatile " + out;
    }
    return out + std::string(static_cast<std::size_t>(pointerDepth), '*');
}

// One init entry as TestHash.digest_init prints it.
std::string initEntryText(const litmus::InitEntry& e) {
    std::string loc = locationText(e.thread, e.name);
    std::string value = e.value ? valueText(*e.value) : "0";
    if (!e.type) {
        return loc + "=" + value;
    }
    const litmus::Type& t = *e.type;
    if (t.arrayLength) {
        return fmt::format("{} {}[{}]", t.base, loc, *t.arrayLength);
    }
    if (t.base.empty()) {
        return "*" + loc + "=" + value;
    }
    if (t.pointerDepth > 0) {
        return typeText(t.base, t.pointerDepth - 1, t.isVolatile) + " *" + loc + "=" + value;
    }
    return typeText(t.base, 0, t.isVolatile) + " " + loc + "=" + value;
}

std::string initText(const litmus::Program& program) {
    std::vector<const litmus::InitEntry*> entries;
    for (const auto& e : program.init) {
        entries.push_back(&e);
    }
    // Stable, and the first of equal locations kept, as herd's List.sort and rem_dups.
    std::stable_sort(entries.begin(), entries.end(), [](const auto* a, const auto* b) {
        return keyOf(a->thread, a->name) < keyOf(b->thread, b->name);
    });
    std::string out;
    const litmus::InitEntry* previous = nullptr;
    for (const auto* e : entries) {
        if (previous && keyOf(previous->thread, previous->name) == keyOf(e->thread, e->name)) {
            continue;
        }
        out += (previous ? "; " : "") + initEntryText(*e);
        previous = e;
    }
    return out;
}

// Skips blanks and C comments from `i`, as herd's C lexer does between tokens.
std::size_t skipBlanks(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
            ++i;
        } else if (s.substr(i, 2) == "/*") {
            auto end = s.find("*/", i + 2);
            i = end == std::string_view::npos ? s.size() : end + 2;
        } else if (s.substr(i, 2) == "//") {
            auto end = s.find('\n', i);
            i = end == std::string_view::npos ? s.size() : end + 1;
        } else {
            break;
        }
    }
    return i;
}

// The index just past the `close` that matches the `open` at `i`.
std::size_t skipBalanced(std::string_view s, std::size_t i, char open, char close) {
    int depth = 0;
    for (; i < s.size(); ++i) {
        if (s[i] == open) {
            ++depth;
        } else if (s[i] == close && --depth == 0) {
            return i + 1;
        }
    }
    return s.size();
}

// Where the init block starts: the first `{` outside the header's comments and doc string.
std::size_t initStart(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.substr(i, 2) == "(*") {
            auto end = s.find("*)", i + 2);
            i = end == std::string_view::npos ? s.size() : end + 1;
        } else if (s[i] == '"') {
            auto end = s.find('"', i + 1);
            i = end == std::string_view::npos ? s.size() : end;
        } else if (s[i] == '{') {
            return i;
        }
    }
    return s.size();
}

// The raw text between each thread's braces, in source order, as herd's shallow C lexer keeps
// it (comments and blanks included; only braces are counted).
std::vector<std::string_view> threadBodies(std::string_view s) {
    std::vector<std::string_view> bodies;
    std::size_t i = skipBalanced(s, initStart(s), '{', '}');
    while (true) {
        i = skipBlanks(s, i);
        if (s.substr(i, 8) == "external") {
            i = skipBlanks(s, i + 8);
        }
        if (i + 1 >= s.size() || s[i] != 'P' || s[i + 1] < '0' || s[i + 1] > '9') {
            return bodies;
        }
        i = s.find('(', i);
        if (i == std::string_view::npos) {
            return bodies;
        }
        i = skipBlanks(s, skipBalanced(s, i, '(', ')'));
        if (i >= s.size() || s[i] != '{') {
            return bodies;
        }
        std::size_t end = skipBalanced(s, i, '{', '}');
        bodies.push_back(s.substr(i + 1, end - i - 2));
        i = end;
    }
}

// herd's code columns (Misc.string_of_prog) with one cell per thread: " c0 | c1 ;\n".
std::string codeText(const litmus::Program& program, std::string_view source) {
    auto bodies = threadBodies(source);
    std::vector<std::string> cells;
    for (std::size_t t = 0; t < program.threads.size(); ++t) {
        const auto& thread = program.threads[t];
        std::string params;
        for (const auto& p : thread.params) {
            // litmus strips the parameter's own pointer, CType.dump puts a `*` back.
            params +=
                (params.empty() ? "" : ", ") +
                typeText(p.type.base, std::max(p.type.pointerDepth - 1, 0), p.type.isVolatile) +
                "* " + p.name;
        }
        std::string_view body = t < bodies.size() ? bodies[t] : std::string_view{};
        cells.push_back(fmt::format("P{}({}) {{\n{}\n}}\n", thread.id, params, body));
    }
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        out += (c == 0 ? " " : "| ") + cells[c] + " ";
    }
    return cells.empty() ? std::string{} : out + ";\n";
}

std::string observedText(const litmus::Program& program) {
    std::vector<std::pair<LocationKey, std::string>> locations;
    auto add = [&](const litmus::LocationRef& ref) {
        std::string name = ref.field.empty() ? ref.name : ref.name + "." + ref.field;
        name = ref.index ? fmt::format("{}[{}]", name, *ref.index) : name;
        locations.emplace_back(keyOf(ref.thread, name), locationText(ref.thread, name));
    };
    for (const auto& ref : program.locations) {
        add(ref);
    }
    litmus::forEachLocationRef(program.condition.prop, add);
    std::sort(locations.begin(), locations.end());
    locations.erase(std::unique(locations.begin(), locations.end()), locations.end());
    std::string out;
    for (const auto& [key, text] : locations) {
        out += (out.empty() ? "" : "; ") + text;
    }
    return out;
}

std::string raw(const Md5Digest& d) {
    return std::string(d.begin(), d.end());
}

}  // namespace

std::string herdHash(const litmus::Program& program, std::string_view source) {
    return md5Hex(md5(raw(md5(initText(program))) + raw(md5(codeText(program, source))) +
                      raw(md5(observedText(program)))));
}

}  // namespace memx::solver
