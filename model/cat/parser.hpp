// Recursive-descent parser for cat files (.cat and .bell share the grammar), following herd's
// grammar and operator precedences: | < ++ < ; < \ < & < * (cartesian) < ~ < postfix.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/cat/ast.hpp"

namespace memx::cat {

struct ParsedFile {
    std::optional<std::string> title;  // the leading "..." or name line
    StmtList statements;
};

// Parses one file. `fileId` is stamped on every node; `fileName` names the file in
// diagnostics. Returns nullopt after reporting the first syntax error into `sink`.
std::optional<ParsedFile> parseCat(std::string_view source, std::uint32_t fileId,
                                   const std::string& fileName, DiagnosticSink& sink);

}  // namespace memx::cat
