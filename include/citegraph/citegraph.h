/* citegraph/citegraph.h - umbrella header of libcitegraph.
 *
 * citegraph reads German parliamentary and EU documents, finds the references
 * they make to one another, and builds the citation graph. The data flows one
 * way, one header a stage:
 *
 *   read       input.h      documents as bytes, and the files of a corpus
 *   extract    extract.h    the references of a document, with positions
 *              docid.h      document ids as values; locator.h their parts
 *   resolve    resolve.h    ids as people write them, catalogs, aliases
 *   serialise  serialize.h  JSON Lines and TSV, written and read back
 *   run        run.h        many documents on several threads, with a cache
 *   check      check.h      broken references, for CI
 *
 * The citation graph and its exports are a library of their own,
 * libcitegraph-graph (graph.h, export.h, graph_json.h, mainpath.h, similar.h), because
 * igraph maps a dozen libraries into every process linked with it.
 *
 * Conventions: every function that can fail returns a cg_status and fills
 * an optional cg_error (error.h); output is appended to a caller-owned
 * cg_buf (buf.h); the library never prints, never exits and keeps no
 * global state of its own.
 */
#ifndef CITEGRAPH_CITEGRAPH_H
#define CITEGRAPH_CITEGRAPH_H

#include "citegraph/buf.h"
#include "citegraph/check.h"
#include "citegraph/docid.h"
#include "citegraph/error.h"
#include "citegraph/extract.h"
#include "citegraph/input.h"
#include "citegraph/locator.h"
#include "citegraph/resolve.h"
#include "citegraph/run.h"
#include "citegraph/serialize.h"
#include "citegraph/version.h"

#endif
