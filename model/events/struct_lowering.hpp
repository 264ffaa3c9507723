// memx's structs (docs/litmus-extensions.md#structs) become accesses the byte-granular event
// builder already knows, so that the solver, byte classes and the brute-force checker need
// nothing new:
// - a struct variable `struct kstat kst = {4};` becomes `u8 kst[sizeof(struct kstat)]`
//   whose bytes are the fields' initial values in the test's byte order (padding 0);
// - `struct kstat *p` (a parameter or register) becomes `u8 *p`;
// - a scalar field `p->len` becomes `*(u32 *)((u8 *)p + offset)`, an array field `p->name`
//   `(u8 *)((u8 *)p + offset)`, `&p->len` `(u32 *)((u8 *)p + offset)`; `s.f` with `s` a
//   struct lvalue (`*p`, `p->hdr`) the same at its address;
// - `sizeof` becomes its value.
// Conditions keep their field paths (`kst.len`); the locations' leaves resolve them.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "litmus/ast.hpp"
#include "model/events/struct_layout.hpp"

namespace memx::model {

struct LoweredStructs {
    litmus::Program program;
    // The struct each struct-typed location holds.
    std::map<std::string, const StructLayout*> locationStructs;
};

// Errors (unknown field, `->` on a non-pointer, a whole struct used as a value, ...) go to
// `sink` with the node's range; any error gives nullopt.
std::optional<LoweredStructs> lowerStructs(const litmus::Program& program,
                                           const StructLayouts& layouts, bool bigEndian,
                                           const std::string& fileName, DiagnosticSink& sink);

}  // namespace memx::model
