// The text of memx's standard library (model/models/memx-stdlib.cat), compiled in.
#pragma once

namespace memx::cat {

extern const char* const kStdlibText;
inline constexpr const char* kStdlibName = "memx-stdlib.cat";

}  // namespace memx::cat
