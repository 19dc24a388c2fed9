# cg_target_warnings(target): the project's warning set, applied per target and
# never through CMAKE_C_FLAGS, so that dependencies' headers are not affected.
function(cg_target_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wstrict-prototypes -Wshadow -Wformat=2
    -Wmissing-prototypes -Wvla -Wno-unused-parameter)
  if(CG_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE _POSIX_C_SOURCE=200809L)
endfunction()
