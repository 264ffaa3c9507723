# memx_warnings: an interface target every memx target links, so the warning policy lives here.
add_library(memx_warnings INTERFACE)
target_compile_options(memx_warnings INTERFACE -Wall -Wextra)
if(MEMX_WERROR)
  target_compile_options(memx_warnings INTERFACE -Werror)
endif()
