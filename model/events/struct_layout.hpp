// memx's structs (docs/litmus-extensions.md#structs): the C layout of the structs a test
// declares in its init block. A field sits at the next multiple of its alignment; a scalar's
// alignment is its size, a pointer's 8, an array's its element's, a struct's its largest
// field's; a struct's size is rounded up to its alignment. The gaps are padding bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "litmus/ast.hpp"
#include "model/events/byte_types.hpp"
#include "model/events/event_structure.hpp"

namespace memx::model {

struct StructLayout;

// One field: where it is, what one element of it is, and how many elements (1 unless it is
// an array). An element is a scalar (`scalar`, a pointer when pointerDepth > 0) or a struct.
struct FieldLayout {
    std::string name;
    std::uint32_t offset = 0;
    std::uint32_t elementSize = 0;
    std::uint32_t count = 1;
    bool isArray = false;
    ScalarType scalar;
    int pointerDepth = 0;
    const StructLayout* nested = nullptr;  // a struct element (pointerDepth 0), else null
    litmus::Type elementType;              // as written, without the array length
};

struct StructLayout {
    std::string name;  // the tag, "kstat"
    std::vector<FieldLayout> fields;
    std::uint32_t size = 0;
    std::uint32_t align = 1;
    const FieldLayout* field(const std::string& name) const;
};

// A scalar leaf of a struct, named by its path from the struct (`len`, `hdr.len`, `name`),
// for conditions such as `kst.len=4` and `kst.name[2]=1`: what a struct location records.
using FieldLeaf = Location::Field;

class StructLayouts {
public:
    // Lays out `program.structs` in order; a field may use only structs declared before it.
    // Errors (unknown or repeated names, empty structs) go to `sink`.
    static std::optional<StructLayouts> build(const litmus::Program& program,
                                              const std::string& fileName, DiagnosticSink& sink);

    // The struct `struct tag` names, if the test declares it.
    const StructLayout* find(const std::string& tag) const;
    // The struct a type's base names (`struct kstat`, any pointer depth), if declared.
    const StructLayout* structOf(const litmus::Type& type) const;
    // sizeof(type): arrays, pointers (8), scalars and declared structs.
    std::uint32_t sizeOf(const litmus::Type& type) const;

private:
    std::vector<std::unique_ptr<StructLayout>> layouts_;
};

// Every scalar leaf of `layout`, arrays of scalars as one leaf each.
std::vector<FieldLeaf> leavesOf(const StructLayout& layout);

// The tag of a base type `struct kstat`, or empty.
std::string structTag(const std::string& base);

}  // namespace memx::model
