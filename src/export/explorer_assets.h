/* explorer_assets.h - the HTML explorer's page, compiled in from
 * data/explorer by cmake/embed_explorer.cmake: the page up to where its
 * data goes (style, vendored libraries with their licences), and the rest
 * (the page's script). */
#ifndef CG_EXPORT_EXPLORER_ASSETS_H
#define CG_EXPORT_EXPLORER_ASSETS_H

#include <stddef.h>

extern const char *const cg_explorer_head;
extern const size_t cg_explorer_head_len;
extern const char *const cg_explorer_tail;
extern const size_t cg_explorer_tail_len;

#endif
