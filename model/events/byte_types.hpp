// Byte-granular tests (docs/byte-memory.md): when a test is one, and the C types it uses. A test
// is byte-granular when its init block or a thread's parameters declare a sized type (u8..u64,
// s8..s64, char, short, long, an array), it has an `external` thread, indexes an array or
// calls a user-copy primitive; only then does the event builder split accesses into bytes.
// Every other test keeps herd7's events exactly (herd's own tests cast to `char **` and
// declare registers freely: neither counts).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "litmus/ast.hpp"

namespace memx::model {

// An integer type: its size in bytes and whether reads sign-extend it.
struct ScalarType {
    std::uint32_t size = 4;
    bool isSigned = true;
    bool operator==(const ScalarType&) const = default;
};

// What a pointer points to: a scalar behind `pointerDepth` more pointers (`u8 **p` points
// to {u8, 1}). A pointer itself is 8 bytes, unsigned.
struct PointeeType {
    ScalarType scalar;
    int pointerDepth = 0;
    ScalarType accessed() const { return pointerDepth > 0 ? ScalarType{8, false} : scalar; }
    bool operator==(const PointeeType&) const = default;
};

// The size-bearing base types memx adds to herd's dialect (u8, s16, char, long, uint32_t...).
bool isSizedTypeName(const std::string& base);

// The scalar a base type name stands for in a byte-granular test; `int`, `atomic_t`, unknown
// and empty names are 4-byte signed ints.
ScalarType scalarOf(const std::string& base);

// The object a declaration of `type` occupies: pointers are 8 bytes, else scalarOf(base).
ScalarType objectTypeOf(const litmus::Type& type);

// memx's byte-granular primitives (memcpy, copy_from_user, read_volatile, ...).
bool isUserCopyPrimitive(const std::string& name);

bool isByteGranular(const litmus::Program& program);

// How the user-copy primitives treat the user side (`--usercopy`): `Asm` accesses it byte by
// byte with marked accesses (the opaque assembly of the kernel's uaccess routines), `Plain`
// models copy_from_user/copy_to_user as plain memcpy, the conservative reading.
enum class UserCopyMode { Asm, Plain };

// How loops are read (`--loops`, docs/loops.md): as herd7 does, unrolled `--unroll` times
// with the executions that need more iterations cut; or with each wait loop contributing only
// its final, successful iteration.
enum class LoopReading { Herd, Await };

// Options of the event builder that do not come from the test itself.
struct EventOptions {
    bool bigEndian = false;  // `--endian big`
    UserCopyMode userCopy = UserCopyMode::Asm;
    // `--byte-classes`: give only representatives of bytes every access treats alike events
    // of their own (byte_classes.hpp). Off builds every byte, the reference the tests compare
    // with.
    bool byteClasses = true;
    // herd7's -unroll: how many times a `while` body may run before the executions that need
    // one more iteration are cut (herd7's default is 2).
    int unroll = 2;
    LoopReading loops = LoopReading::Herd;
};

}  // namespace memx::model
