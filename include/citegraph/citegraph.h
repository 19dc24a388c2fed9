/* citegraph/citegraph.h - umbrella header of the citegraph library.
 *
 * citegraph reads German parliamentary and EU documents, finds the references
 * they make to one another, and builds the citation graph. The data flows one
 * way: read (input.h) -> normalise and extract (extract.h) -> graph (graph.h)
 * -> output (output.h, graph.h).
 */
#ifndef CITEGRAPH_CITEGRAPH_H
#define CITEGRAPH_CITEGRAPH_H

#include "citegraph/check.h"
#include "citegraph/error.h"
#include "citegraph/extract.h"
#include "citegraph/graph.h"
#include "citegraph/input.h"
#include "citegraph/output.h"
#include "citegraph/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The library's version, e.g. "0.1.0". */
CG_EXPORT const char *cg_version(void);

#ifdef __cplusplus
}
#endif
#endif
