/* citegraph/export.h - the citation graph as DOT, JSON, CSV, GraphML, GEXF
 * and an HTML explorer (libcitegraph-graph).
 *
 * Every exporter writes the nodes in id order and the edges in (source,
 * target) order, so the same graph gives the same bytes. `keep` is NULL
 * for the whole graph, or marks the nodes to write (cg_graph_node_count()
 * entries, e.g. from cg_graph_neighbourhood()); edges between kept nodes
 * are written. Text from the documents is made valid UTF-8 and escaped for
 * each format, so that no title or URL can break the syntax of the output.
 * Each appends to a caller-owned cg_buf; CG_EINVAL for an unfinished graph,
 * CG_ENOMEM, and for GraphML and HTML CG_EGRAPH.
 */
#ifndef CITEGRAPH_EXPORT_H
#define CITEGRAPH_EXPORT_H

#include "citegraph/buf.h"
#include "citegraph/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Graphviz DOT: nodes styled by kind and corpus membership, clustered by
 * issuer and Wahlperiode (Bundesrat: year), ranked by date, with labels,
 * tooltips (with the authors, and where metadata came from when not from
 * the header) and links to the official sources. */
CG_EXPORT cg_status cg_graph_write_dot(const cg_graph *g, const unsigned char *keep, cg_buf *out,
                                       cg_error *err);
/** JSON node-link data (schema "citegraph-graph/1", data/graph.schema.json),
 * readable by D3 and by networkx.node_link_graph; one line. The objects of
 * its "nodes" and "links" are those of citegraph/graph_json.h. */
CG_EXPORT cg_status cg_graph_write_json(const cg_graph *g, const unsigned char *keep, cg_buf *out,
                                        cg_error *err);
/** Where a streaming writer sends its bytes, in order: return 0 to go on,
 * nonzero to stop it (the writer then returns CG_EIO). */
typedef int (*cg_sink_fn)(void *ctx, const char *data, size_t len);
/** The bytes of cg_graph_write_json(), handed to `sink` piece by piece as
 * they are made, the pieces made on up to `jobs` threads (0: one per
 * core): the same bytes for every `jobs`, and memory for a few pieces
 * rather than the whole text (216 MB at a million references). CG_EIO when
 * the sink stopped it; CG_ENOMEM. On an error the sink has had part of the
 * text, without its end: not a complete JSON document. */
CG_EXPORT cg_status cg_graph_stream_json(const cg_graph *g, const unsigned char *keep, int jobs,
                                         cg_sink_fn sink, void *ctx, cg_error *err);
/** CSV tables of nodes and of edges (RFC 4180, CRLF line ends). A node's
 * authors are two columns: urheber, the names joined by "; ", and
 * urheber_role, their roles in the same order; then type_from, title_from,
 * date_from and urheber_from say where each came from. */
CG_EXPORT cg_status cg_graph_write_csv(const cg_graph *g, const unsigned char *keep, cg_buf *nodes,
                                       cg_buf *edges, cg_error *err);
/** GraphML, written by igraph, with the node and edge attributes; a
 * node's authors as the CSV has them (keys urheber and urheber_role, and the
 * *_from keys). */
CG_EXPORT cg_status cg_graph_write_graphml(const cg_graph *g, const unsigned char *keep,
                                           cg_buf *out, cg_error *err);

/** GEXF 1.3 (http://gexf.net/1.3) in dynamic mode, for Gephi's timeline:
 * a node starts at its date (cg_graph_node_time(); a question at its
 * document's), an edge at the citing document's; nothing ends, and what
 * has no date is there all the time. Node and edge attributes are declared
 * with their types, numbered per class ("0", "1", ...) with their names as
 * titles: kind, in_corpus, file, number, wahlperiode (of the id,
 * as the other exports), bundestag_wahlperiode
 * (cg_graph_node_wahlperiode()), issuer, type, date, title, url, parent,
 * urheber, urheber_role; relation, count (also the edge's weight),
 * locators, age_days, age_years (days / 365.2425) and crosses_wahlperiode.
 * A missing value is left out. Every string is made valid XML 1.0: invalid
 * UTF-8 and the characters XML 1.0 forbids become U+FFFD. The label of a
 * node is its id; edges are numbered from 0 in the order written; each
 * node and edge is one line. */
CG_EXPORT cg_status cg_graph_write_gexf(const cg_graph *g, const unsigned char *keep, cg_buf *out,
                                        cg_error *err);

/** What the HTML explorer is made with. */
typedef struct cg_html_options {
    cg_layout_kind layout; /* CG_LAYOUT_FORCE or CG_LAYOUT_TIME (cg_graph_layout()) */
    const char *title;     /* the page's title; NULL: "citegraph: N nodes, M edges" */
} cg_html_options;

/** The explorer: one self-contained HTML page that works offline, to be
 * opened in a browser. The page and its JavaScript (sigma.js and
 * graphology, vendored at pinned versions, their licences with them) are
 * compiled into the library; the graph goes in as JSON (schema
 * "citegraph-explorer/1", data/explorer/README.md) with the positions of
 * cg_graph_layout(), in-degree and PageRank of the whole graph, and per
 * edge its locators and positions with the quoted lines (a graph made with
 * the quotes option). `opts` may be NULL. It calls igraph (the layout and
 * the ranks): see the thread-safety note of citegraph/graph.h. */
CG_EXPORT cg_status cg_graph_write_html(const cg_graph *g, const unsigned char *keep,
                                        const cg_html_options *opts, cg_buf *out, cg_error *err);

#ifdef __cplusplus
}
#endif
#endif
