// Which built-in model a litmus test is written for, used when the command line names no
// model: tests in herd's C11 dialect get rc11, every other test the kernel's model.
#pragma once

#include "litmus/ast.hpp"

namespace memx::solver {

enum class Dialect { Kernel, C11 };

// C11 when the test uses a C11 atomic type (atomic_int, atomic_long, ...; the kernel's
// atomic_t, atomic64_t and atomic_long_t do not count), one of herd's C11 functions
// (atomic_load_explicit, atomic_thread_fence, ...), or a memory_order_* argument.
Dialect testDialect(const litmus::Program& program);

// "rc11" for C11 tests, "lkmm" for the others.
const char* builtinModelFor(Dialect dialect);

}  // namespace memx::solver
