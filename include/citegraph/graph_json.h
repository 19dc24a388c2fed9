/* citegraph/graph_json.h - one node or edge of the citation graph as a
 * jansson value, in the schema of the JSON export (data/graph.schema.json),
 * for programs that build JSON of their own around the graph (the queries
 * of the citegraph command do). Kept apart from graph.h so that only
 * programs that use jansson include jansson.h. libcitegraph-graph. */
#ifndef CITEGRAPH_GRAPH_JSON_H
#define CITEGRAPH_GRAPH_JSON_H

#include <jansson.h>

#include "citegraph/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Node `node` as an object {id, kind, in_corpus, file, [record, dip_id,]
 * number, wahlperiode, issuer, type, date, title, url, parent, urheber:
 * [{name, role}], type_from, title_from, date_from, urheber_from
 * ("header", "dip", "catalog", or null when the field is null)}; record
 * and dip_id only of a document that came in a DIP record: a new reference the
 * caller owns (json_decref). NULL, with the reason in `err`, for a node out
 * of range (CG_EINVAL) or when memory ran out (CG_ENOMEM); returning the
 * value, not a status, lets it go straight into jansson's calls. */
CG_EXPORT json_t *cg_graph_node_json(const cg_graph *g, size_t node, cg_error *err);
/** Edge `edge` as an object {source, target, relation, count, referrals,
 * age_days, locators, positions: [{file, [record,] line, col[, page,
 * page_line]}]}, record only for a position inside a DIP record, page and
 * page_line only for one in a PDF; age_days is cg_edge.age_days, or null when
 * the age is not known (added without a new schema version: it stays
 * "citegraph-graph/1", which changes only when a field changes meaning or
 * goes away): a new reference the caller owns; NULL as for
 * cg_graph_node_json(). */
CG_EXPORT json_t *cg_graph_edge_json(const cg_graph *g, size_t edge, cg_error *err);

#ifdef __cplusplus
}
#endif
#endif
