# Builds the HTML explorer's page from DIR (data/explorer): the template
# explorer.html with its markers replaced, each alone on its line,
#   <!--cg:style-->   by explorer.css in a <style> element
#   <!--cg:vendor-->  by the libraries of vendor/vendor.txt, in its order, each
#                     in a <script> element after a comment with its licences
#   <!--cg:data-->    by the opening of the data's <script> element; the page is
#                     cut here: OUTPUT_HEAD gets what stands before the data,
#                     OUTPUT_TAIL the closing tag and the rest
#   <!--cg:app-->     by explorer.js in a <script> element
# and writes both parts as C arrays (embed.cmake): cg_explorer_head and
# cg_explorer_tail. An asset that could end its element early (a "</script"
# or "</style" in it, or "*/" in a licence) fails the build.
cmake_minimum_required(VERSION 3.16)

function(read_asset path var) # [TEMPLATE: the page itself, whose markers are comments]
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "explorer: ${path} is missing")
  endif()
  file(READ "${path}" text)
  string(TOLOWER "${text}" lower)
  set(bads "</script" "</style")
  if(NOT ARGV2 STREQUAL "TEMPLATE")
    # in a script element "<!--" can keep a later "</script>" from ending it
    list(APPEND bads "<!--")
  endif()
  foreach(bad IN LISTS bads)
    string(FIND "${lower}" "${bad}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "explorer: ${path} contains '${bad}', which would end its element")
    endif()
  endforeach()
  set(${var} "${text}" PARENT_SCOPE)
endfunction()

read_asset("${DIR}/explorer.html" page TEMPLATE)
read_asset("${DIR}/explorer.css" css)
read_asset("${DIR}/explorer.js" app)

file(STRINGS "${DIR}/vendor/vendor.txt" vendor_lines)
set(vendor "")
foreach(line IN LISTS vendor_lines)
  string(STRIP "${line}" line)
  if(line STREQUAL "" OR line MATCHES "^#")
    continue()
  endif()
  string(REPLACE " " ";" words "${line}")
  list(POP_FRONT words script)
  set(licences "")
  foreach(licence IN LISTS words)
    if(licence STREQUAL "")
      continue()
    endif()
    read_asset("${DIR}/vendor/${licence}" text)
    string(FIND "${text}" "*/" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "explorer: vendor/${licence} contains '*/'")
    endif()
    string(APPEND licences "\n${licence}:\n${text}\n")
  endforeach()
  read_asset("${DIR}/vendor/${script}" code)
  # a source map comment names a file the page does not carry: a browser
  # with its developer tools open would try to fetch it
  string(REGEX REPLACE "\n//# sourceMappingURL=[^\n]*" "\n" code "${code}")
  string(APPEND vendor "<script>/*! ${script}, vendored from the npm registry (VENDOR.md); "
         "its licence:\n${licences}*/\n${code}\n</script>\n")
endforeach()

foreach(marker style vendor data app)
  string(FIND "${page}" "<!--cg:${marker}-->" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "explorer: explorer.html has no <!--cg:${marker}--> marker")
  endif()
endforeach()
string(REPLACE "<!--cg:style-->" "<style>\n${css}\n</style>" page "${page}")
string(REPLACE "<!--cg:vendor-->" "${vendor}" page "${page}")
string(REPLACE "<!--cg:app-->" "<script>\n${app}\n</script>" page "${page}")
string(FIND "${page}" "<!--cg:data-->" at)
string(SUBSTRING "${page}" 0 ${at} head)
math(EXPR after "${at} + 14")
string(SUBSTRING "${page}" ${after} -1 tail)
string(APPEND head "<script id=\"cg-data\" type=\"application/json\">")
set(tail "</script>${tail}")

get_filename_component(out_dir "${OUTPUT_HEAD}" DIRECTORY)
file(WRITE "${out_dir}/explorer_head.html" "${head}")
file(WRITE "${out_dir}/explorer_tail.html" "${tail}")
set(INPUT "${out_dir}/explorer_head.html")
set(OUTPUT "${OUTPUT_HEAD}")
set(NAME cg_explorer_head)
include("${CMAKE_CURRENT_LIST_DIR}/embed.cmake")
set(INPUT "${out_dir}/explorer_tail.html")
set(OUTPUT "${OUTPUT_TAIL}")
set(NAME cg_explorer_tail)
include("${CMAKE_CURRENT_LIST_DIR}/embed.cmake")
