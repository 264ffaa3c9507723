// Reader for herd's `.def` macro files (the `macros` file of a .cfg, or X.def beside X.cat):
// one `NAME(ARGS) BODY` per entry, where BODY is `{ call; call; }` (a statement macro) or a
// single call optionally compared with a constant (`__atomic_op_return{MB}(X,-,1) == 0`).
// Calls are herd's internal operations (`__load{ONCE}(X)`, `__fence{MB}`, ...) or other
// macros, which are inlined so the table holds internal operations only. `//` starts a comment.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "litmus/diagnostic.hpp"
#include "model/events/primitives.hpp"

namespace memx::model {

// Errors (syntax, unknown operation or macro, wrong arity, recursive macros) go to `sink` with
// file:line:column and give std::nullopt.
std::optional<PrimitiveTable> readDefFile(std::string_view text, const std::string& fileName,
                                          DiagnosticSink& sink);

}  // namespace memx::model
