# Writes OUTPUT, a C file defining NAME (a NUL-terminated char array) and
# NAME_len with the bytes of INPUT, so that a data file ships inside the binary.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR bytes "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n    " body "${body}")
file(WRITE "${OUTPUT}"
  "/* Generated from ${INPUT} by cmake/embed.cmake; do not edit. */\n"
  "#include <stddef.h>\n"
  "static const unsigned char ${NAME}_bytes[] = {\n    ${body}0x00};\n"
  "const char *const ${NAME} = (const char *)${NAME}_bytes;\n"
  "const size_t ${NAME}_len = ${bytes};\n")
