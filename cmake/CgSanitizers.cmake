# CG_SANITIZE="address;undefined" builds everything with those sanitizers and
# makes every report fatal, so that CTest fails on the first one.
if(CG_SANITIZE)
  string(REPLACE ";" "," _cg_san "${CG_SANITIZE}")
  add_compile_options(-fsanitize=${_cg_san} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${_cg_san})
endif()
