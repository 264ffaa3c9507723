// The text `memx check` shows: one plain line per finished test (what CI logs keep), and on a
// terminal a progress bar and a closing table. Formatting only; the verb does the printing.
#pragma once

#include <cstddef>
#include <string>

#include "cli/check/check_summary.hpp"
#include "cli/check/test_result.hpp"

namespace memx::check {

// `PASS path (Sometimes, 0.02 s)`, `FAIL path: expected Never, got Sometimes`,
// `ERROR path: file:line:col: message`, `TIMEOUT path after 60 s`,
// `NOEXPECT path (Sometimes, 0.02 s)`. `timeoutSeconds` is the limit the run used.
std::string resultLine(const TestResult& result, double timeoutSeconds);

// `[#########.........]  120/400  passed 110  failed 2  errors 1  timeouts 0`, `width` bar
// cells wide.
std::string progressBar(const CheckSummary& summary, std::size_t total, std::size_t width);

// A few aligned lines: each count, the total and the wall time.
std::string summaryTable(const CheckSummary& summary, double wallSeconds);

}  // namespace memx::check
