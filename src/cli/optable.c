/* optable.c - citegraph's commands and options, each described once: the
 * parser, every --help and every man page are made from these rows
 * (options.h has the form of the texts: paragraphs, literal blocks indented by
 * two spaces, "TERM\tTEXT" lists).
 *
 * An option spelled alike means alike everywhere; where its values or its
 * default differ per command, it has one row per meaning, and each command's
 * help shows only its own. */
#include "optable.h"

#define BIT(name) CLI_CMD_BIT(CMD_##name)
/* the program and every command: a new command takes -h and -V too */
#define EVERY_COMMAND (CLI_CMD_BIT(CMD_COUNT) - 1)
_Static_assert(CMD_COUNT <= 32, "a command's id is a bit of cli_option.commands");

/* ---- texts shared by several commands ---- */

#define PATHS_TEXT                                                                                 \
    "PATH is a text or PDF file, a directory (read recursively, taking files ending in .txt and "  \
    ".pdf unless "                                                                                 \
    "--ext says otherwise; hidden entries are skipped) or - for standard input. Files are "        \
    "processed in byte-wise order of their paths, whatever the order they were given in, so the "  \
    "same files give the same output, byte for byte."

#define GRAPH_PATHS_TEXT                                                                           \
    "PATH is a document (text or PDF), a directory (files ending in .txt, .pdf, .jsonl and "       \
    ".cgpack, read recursively) or the output of citegraph extract: JSON Lines (a .jsonl file, "   \
    "or any file or standard input whose first line is one of extract's), or a packed file "       \
    "(--format packed, read many times faster), so that extraction can run in pieces, on "         \
    "several machines, and be merged into one graph. The graph has one node per canonical id: "    \
    "the "                                                                                         \
    "documents read, with what their headers say, and what they cite outside the corpus as "       \
    "external nodes; and one edge per citing and cited pair, with the relation, the number of "    \
    "occurrences, the locators and the positions. A document read twice (two files, or a file "    \
    "and a DIP record, with one id) is named in a warning with both inputs: its DIP record is "    \
    "used, else the first in path order, and only the one used gives the node its metadata and "   \
    "its citations."

#define GRAPH_IDS_TEXT                                                                             \
    "An ID may be written in any spelling the extractor understands (19/5954, Drs." CLI_NBSP       \
    "19/5954, BT-Drs." CLI_NBSP "19/5954, BT-Drs." CLI_NBSP "19/5954#Frage" CLI_NBSP "2) or be "   \
    "a file name of the corpus."

#define QUERY_TEXT(what) what "\n\n" GRAPH_PATHS_TEXT "\n\n" GRAPH_IDS_TEXT

#define OUT_OF_MEMORY_STATUS "3\tout of memory\n"

#define QUERY_EXIT_STATUS(not_found)                                                               \
    "0\tsuccess\n"                                                                                 \
    "1\tfinished, but " not_found ", or some input could not be read or processed\n"               \
    "2\tusage or configuration error: an unknown option or format, a missing argument, a "         \
    "catalog that cannot be read\n" OUT_OF_MEMORY_STATUS

/* ---- the program and its commands ---- */

static const cli_command program = {
    .id = CMD_CITEGRAPH,
    .name = "citegraph",
    .synopsis = "COMMAND [OPTIONS] [ARGUMENT...]\n--help\n--version",
    .summary = "find the references German parliamentary and EU documents make to one another",
    .description =
        "citegraph reads German parliamentary and EU documents (Bundestag and Bundesrat "
        "Drucksachen, government answers, EU papers forwarded to parliament) and finds every "
        "reference one document makes to another: its canonical id (BT-Drs." CLI_NBSP "19/5954), "
        "the part it narrows (Frage" CLI_NBSP
        "2), its relation (cites; answers for the Anfrage an Antwort answers; refers for a "
        "referral, an Antwort answering by sending the reader there) and its exact position in "
        "the file. It builds the citation graph of the "
        "documents, answers questions about it, and checks references in CI.\n"
        "\n"
        "A PATH is a file, a directory (read recursively) or - for standard input. Standard "
        "output carries only data; messages go to standard error. A closed pipe (citegraph "
        "extract ... | head) ends a run quietly.\n"
        "\n"
        "Run citegraph help COMMAND, or citegraph COMMAND --help, for the options of a command.",
    .sections =
        (const cli_section[]){{"Environment",
                               "CI\tset and not empty: no progress on standard error, which "
                               "otherwise shows it when it is a terminal"},
                              {NULL, NULL}},
    .exit_status = "0\tsuccess, also when nothing was found\n"
                   "1\tfinished, but some input could not be read or processed (check: 4); for "
                   "check, new findings at or above --fail-on; for the graph queries, an ID not "
                   "in the graph; for accuracy, a figure below its threshold\n"
                   "2\tusage or configuration error: nothing was done\n" OUT_OF_MEMORY_STATUS
                   "4\tcheck only: some input could not be read or processed, or a report could "
                   "not be written\n",
};

static const cli_command commands[] = {
    {
        .id = CMD_EXTRACT,
        .name = "extract",
        .synopsis = "[OPTIONS] PATH...",
        .summary = "report every reference with its canonical id and position",
        .description =
            "Report every reference the documents make, with its canonical id, locator, "
            "relation and exact position in the original file.\n"
            "\n"
            "The relation is answers for the Anfrage an Antwort names in its header, refers for a "
            "referral (in an Antwort, a sentence that answers by sending the reader there: \"Auf "
            "die Antwort zu Frage" CLI_NBSP "6 wird verwiesen\"), cites for every other "
            "reference. In an Antwort each reference also names the questions in whose answer "
            "it stands, and the document line says how each question is answered: own, "
            "reference (only by reference) or partly (see citegraph referrals).\n"
            "\n" PATHS_TEXT " A file that cannot be read is reported on standard error, and the "
            "run goes on with the others.",
        .sections =
            (const cli_section[]){
                {"Output",
                 "JSON Lines (the default): one {\"type\":\"document\"} line per file (its own "
                 "id, type, title, date, number of references, an Antwort's answers, warnings "
                 "and any error), then one "
                 "{\"type\":\"reference\"} line per reference (file, doc, line, col, offset, "
                 "length, kind, target, locator, relation, answering where it answers, text, "
                 "resolves_to, ambiguous, malformed, note), and a final {\"type\":\"summary\"} "
                 "line. line and col are "
                 "1-based, col in characters; offset and length are bytes of the original file. "
                 "For a PDF they are positions in the text citegraph reads from its pages "
                 "(--format text shows it), and the reference line also has page (1-based), "
                 "page_label (the label the PDF gives the page, or its number) and page_line "
                 "(the line on that page).\n"
                 "\n"
                 "TSV: a header, then the columns file, line, kind, target, locator, relation.\n"
                 "\n"
                 "Text: the text of each document exactly as the references were found in it, "
                 "the bytes offset, line and col count: for a text file the file itself, for a "
                 "PDF the text of its pages (running heads, footers and page numbers left out), "
                 "for a DIP file the text of each record.\n"
                 "\n"
                 "Packed: the same documents and references as the JSON Lines, in a compact "
                 "binary form (src/io/packed.c describes it) that the graph commands read about "
                 "eight times faster: for graphs of millions of references. It is not written to "
                 "a terminal."},
                {"Examples", "  citegraph extract --format tsv data/sample/btd-21-1958.txt\n"
                             "  citegraph extract -q -j 4 -o references.jsonl corpus/\n"
                             "  citegraph extract -q -o references.cgpack corpus/\n"
                             "  citegraph stats references.cgpack"},
                {NULL, NULL}},
        .exit_status = "0\tsuccess, also when nothing was found\n"
                       "1\tfinished, but some input could not be read or processed, or the output "
                       "could not be written\n"
                       "2\tusage error (an unknown option or format, no PATH) or a grammar file "
                       "that does not load\n" OUT_OF_MEMORY_STATUS,
        .see_also = "check graph grammar",
    },
    {
        .id = CMD_CHECK,
        .name = "check",
        .synopsis = "[OPTIONS] PATH...",
        .summary = "report broken references, in formats for CI",
        .description =
            "Extract the references of the documents, resolve them against the documents "
            "themselves and against catalogs of known documents (--catalog), and report what is "
            "broken, each finding with its position: a document that is neither in the corpus "
            "nor in a catalog, a malformed number, a question the cited document does not have, "
            "a citation of a later document, and more; --list-rules explains every rule.\n"
            "\n" PATHS_TEXT "\n"
            "\n"
            "A catalog covers the kinds and Wahlperioden (Bundesrat: years) it lists: a missing "
            "document there is an error, elsewhere only a warning, because citegraph cannot know "
            "what exists outside its catalogs. A catalog given with --catalog-selection lists only "
            "a selection (the index of a corpus that is one): a document missing from it is a "
            "warning that says so.\n"
            "\n"
            "A catalog's date, title and type of a document outweigh what its header says (the "
            "document's own DIP record outweighs both), in every rule: a misprinted header date "
            "gives no finding when a catalog knows the right one, and CG004 says which date it "
            "used and where it came from. Two inputs with the same document id are reported "
            "(CG010), both named; references resolve to the one in a DIP record, else to the first "
            "in path order.",
        .sections =
            (const cli_section[]){
                {"Formats",
                 "text\tfile:line:col: severity: message [rule], as compilers write it; on a "
                 "terminal, with the line and a caret under the reference\n"
                 "json\t{\"version\":1, \"findings\":[...], \"input_problems\":[...], "
                 "\"summary\":{...}}\n"
                 "sarif\tSARIF 2.1.0, for GitHub code scanning and other viewers: URIs "
                 "relative to %SRCROOT%, inputs not checked or read with a warning as tool "
                 "execution notifications, silenced and baseline findings as suppressions\n"
                 "github\tworkflow annotations: ::error file=...,line=...,col=...::message; "
                 "errors first, then warnings, then notes, since GitHub shows only the first "
                 "few\n"
                 "junit\tJUnit XML for CI systems that show test reports: a failure per new "
                 "finding at or above --fail-on, a passing test case per other finding and per "
                 "file without findings, an error per input problem\n"
                 "markdown\tinput problems, a table per rule and a list of findings (the "
                 "first 200), for a job summary\n"
                 "\n"
                 "A finding in a PDF says its page: file.pdf:p2:14:6 is page 2, line 14 of the "
                 "text citegraph reads from that page (running heads left out; extract "
                 "--format text shows it), column 6, and p5(iii) names a printed page label "
                 "that is not the page's number; in JSON page, page_label and page_line. SARIF "
                 "and GitHub annotations point at the PDF as a whole (SARIF: line 1, with page, "
                 "pageLabel, pageLine and column in the location's properties) and say the page "
                 "in the message."},
                {"Environment",
                 "GITHUB_STEP_SUMMARY\tset and not empty (as in a GitHub Actions job): the "
                 "Markdown report of the run (the same findings, baseline and silences) is "
                 "appended to the file it names, whatever the formats of the reports; a failure "
                 "to write it gives exit status 4"},
                {"Files", ".citegraph.json\tin the working directory, read unless --config or "
                          "--no-config says otherwise: rule levels ({\"rules\": {\"CG007\": "
                          "\"off\"}}) and silenced findings, each with a reason"},
                {"Examples",
                 "  # once: record today's findings\n"
                 "  citegraph check --catalog index.tsv --fail-on never \\\n"
                 "      --write-baseline .citegraph-baseline.json docs\n"
                 "  # in CI: fail on new findings only\n"
                 "  citegraph check --catalog index.tsv \\\n"
                 "      --baseline .citegraph-baseline.json -f sarif -o out.sarif docs\n"
                 "  # one run, several reports of the same findings\n"
                 "  citegraph check --baseline .citegraph-baseline.json \\\n"
                 "      -o out.sarif -o summary.md -f junit -o junit.xml docs"},
                {NULL, NULL}},
        .exit_status = "0\tno new finding at or above --fail-on, also when nothing was found\n"
                       "1\ta new finding at or above --fail-on, and every input was read and "
                       "every report written\n"
                       "2\tusage or configuration error: an unknown option or format, no PATH, a "
                       "catalog, config or baseline that cannot be read, --online without "
                       "libcurl\n" OUT_OF_MEMORY_STATUS
                       "4\tsome input could not be read or processed, or a report (-o, the step "
                       "summary, --write-baseline) could not be written: the reports are "
                       "incomplete. It outweighs 1, whatever the findings; the reports that "
                       "were written still carry them\n",
        .see_also = "extract",
    },
    {
        .id = CMD_GRAPH,
        .name = "graph",
        .synopsis = "[OPTIONS] PATH...",
        .summary = "export the graph (DOT, SVG, JSON, GraphML, GEXF, CSV, HTML)",
        .description =
            "Build the citation graph of the documents and write it, whole or the neighbourhood "
            "of one document (--around).\n"
            "\n" GRAPH_PATHS_TEXT "\n"
            "\n" GRAPH_IDS_TEXT "\n"
            "\n"
            "The DOT groups nodes by issuer and Wahlperiode, fills documents of the corpus by "
            "kind and draws external ones dashed, labels nodes with number, short title, type "
            "and date, links them to their official source, and draws answers edges red.",
        .sections =
            (const cli_section[]){
                {"Examples",
                 "  citegraph graph data/sample > graph.dot\n"
                 "  citegraph graph --around 21/1958 --depth 2 -o around.svg data/sample\n"
                 "  citegraph graph --format json -o graph.json data/sample\n"
                 "  citegraph graph --format csv -o graph data/sample\n"
                 "  citegraph graph -o timeline.gexf data/sample\n"
                 "  citegraph graph -o explorer.html data/sample\n"
                 "  citegraph graph --layout time -o timeline.html data/sample"},
                {"Explorer",
                 "--format html (or -o FILE.html) writes one HTML file that works offline: "
                 "open it in a browser. The nodes are placed by citegraph (--layout force or "
                 "time), so the page opens at once, also with 100,000 nodes. In the page: search "
                 "by id in any spelling (21/1958, BT-Drs. 21/1958) or by words of the title; "
                 "filter by issuer, Wahlperiode, type, kind, author, inside or outside the "
                 "corpus, relation and date; size nodes by in-degree or PageRank; click a node "
                 "for its metadata, its official source and its citations in both directions, "
                 "each with its locator and the line it stands on; show the neighbourhood of a "
                 "selection, or the path between two selected documents (select the second with "
                 "Shift). The address (its #fragment) keeps the selection, to share a view."},
                {NULL, NULL}},
        .exit_status =
            "0\tsuccess\n"
            "1\tfinished, but some input could not be read or processed, --around names an ID "
            "not in the graph, or the output could not be written or rendered\n"
            "2\tusage or configuration error: an unknown option or format, no PATH, a catalog "
            "that cannot be read; rendering .svg, .png or .pdf without "
            "Graphviz; rendering more than 1500 nodes or 2500 edges without "
            "--force-render\n" OUT_OF_MEMORY_STATUS,
        .see_also = "extract cites stats",
    },
    {
        .id = CMD_CITES,
        .name = "cites",
        .synopsis = "[OPTIONS] ID PATH...",
        .summary = "what a document cites, with locators and positions",
        .description = QUERY_TEXT("List what the document ID cites: each node it cites, with "
                                  "the relation, the locators and the position of every "
                                  "citation."),
        .sections =
            (const cli_section[]){{"Examples",
                                   "  citegraph cites 21/1958 data/sample\n"
                                   "  citegraph cites -f json 'BT-Drs. 21/1958' data/sample"},
                                  {NULL, NULL}},
        .exit_status = QUERY_EXIT_STATUS("ID is not in the graph"),
        .see_also = "cited-by chain graph",
    },
    {
        .id = CMD_CITED_BY,
        .name = "cited-by",
        .synopsis = "[OPTIONS] ID PATH...",
        .summary = "what cites a document",
        .description = QUERY_TEXT("List what cites the document ID: each node that cites it, "
                                  "with the relation, the locators and the position of every "
                                  "citation."),
        .exit_status = QUERY_EXIT_STATUS("ID is not in the graph"),
        .see_also = "cites chain",
    },
    {
        .id = CMD_CHAIN,
        .name = "chain",
        .synopsis = "[OPTIONS] ID PATH...",
        .summary = "the transitive citations of a document, as a tree",
        .description = QUERY_TEXT("Follow the citations of the document ID (or, with "
                                  "--direction in, the citations of it) step by step, up to "
                                  "--depth steps, and print them as an indented tree. A node "
                                  "reached a second time is named, not followed again."),
        .sections =
            (const cli_section[]){
                {"Examples", "  citegraph chain 21/843 --direction in data/sample"}, {NULL, NULL}},
        .exit_status = QUERY_EXIT_STATUS("ID is not in the graph"),
        .see_also = "cites cited-by path",
    },
    {
        .id = CMD_PATH,
        .name = "path",
        .synopsis = "[OPTIONS] FROM TO PATH...\n[OPTIONS] --pairs FILE PATH...",
        .summary = "a shortest citation path between two documents",
        .description = QUERY_TEXT("Print a shortest citation path from the document FROM to the "
                                  "document TO, each step a citation in its direction. With "
                                  "--pairs, FROM and TO are not given: every line FROM<tab>TO of "
                                  "FILE is answered, in one run, with the length of its shortest "
                                  "path."),
        .exit_status =
            "0\tsuccess\n"
            "1\tfinished, but FROM or TO (or an ID of --pairs) is not in the graph, there is no "
            "path from FROM to TO, or some input could not be read or processed\n"
            "2\tusage or configuration error: an unknown option or format, a missing argument, a "
            "catalog or --pairs file that cannot be read, a line of it without a "
            "tab\n" OUT_OF_MEMORY_STATUS,
        .see_also = "chain longest-chain",
    },
    {
        .id = CMD_LONGEST_CHAIN,
        .name = "longest-chain",
        .synopsis = "[OPTIONS] PATH...",
        .summary = "the longest citation chain, and the cycles",
        .description = "Print the longest citation chain of the graph, and name its cycles. The "
                       "edges inside cycles are left out, so the chain is the longest of the "
                       "acyclic rest.\n"
                       "\n" GRAPH_PATHS_TEXT,
        .exit_status = QUERY_EXIT_STATUS("no graph could be built"),
        .see_also = "chain path",
    },
    {
        .id = CMD_RANK,
        .name = "rank",
        .synopsis = "[OPTIONS] PATH...",
        .summary = "the most cited or most central documents",
        .description = "List the nodes of the graph by importance, highest first, ties by id: "
                       "how often they are cited, their PageRank, or their hub or authority "
                       "score (--by).\n"
                       "\n" GRAPH_PATHS_TEXT,
        .sections =
            (const cli_section[]){
                {"Examples", "  citegraph rank --by pagerank --top 5 data/sample"}, {NULL, NULL}},
        .exit_status = QUERY_EXIT_STATUS(
            "the ranking could not be computed, or no document has the author --urheber names"),
        .see_also = "stats",
    },
    {
        .id = CMD_STATS,
        .name = "stats",
        .synopsis = "[OPTIONS] PATH...",
        .summary = "the size and shape of the graph",
        .description = "Print the numbers of nodes (documents read, external, questions) and "
                       "edges, the weakly connected components, the cycles, how many documents "
                       "cite nothing and how many are cited by none, how many documents were "
                       "read twice (only when some were), how old the cited documents are "
                       "(citation age in days: median, quartiles, range, over the citation edges "
                       "dated at both ends) and how many citations cross a Wahlperiode of the "
                       "Bundestag, then the most cited nodes and the documents that cite "
                       "nothing. With --by urheber, who cites whom instead.\n"
                       "\n" GRAPH_PATHS_TEXT,
        .exit_status = QUERY_EXIT_STATUS("the statistics could not be computed"),
        .see_also = "rank graph",
    },
    {
        .id = CMD_REFERRALS,
        .name = "referrals",
        .synopsis = "[OPTIONS] PATH...",
        .summary = "questions the Antworten answer only by reference",
        .description =
            "Report how the Antworten read answer their questions: in words of their own, only "
            "by reference (every sentence of the answer sends the reader elsewhere: \"Auf die "
            "Antwort zu Frage" CLI_NBSP "6 wird verwiesen\"), or partly. First the totals, then "
            "per Wahlperiode and per ministry (the answering \"ressort\", from the header, DIP "
            "or a catalog) the number of Antworten and questions and the share answered only "
            "and partly by reference; then the documents most referred to (referrals to another "
            "document; an Antwort's references to its own answers are counted apart); then, per "
            "Antwort with answers by reference, each such question and what it refers to.\n"
            "\n"
            "A question counts once by its number (a question answered in parts, 3a and 3b, takes "
            "the way of its parts: partly when they differ). Referrals are the references whose "
            "relation is refers (see citegraph extract).\n"
            "\n" GRAPH_PATHS_TEXT,
        .exit_status = QUERY_EXIT_STATUS("the report could not be made"),
        .see_also = "extract stats",
    },
    {
        .id = CMD_MAINPATH,
        .name = "mainpath",
        .synopsis = "[OPTIONS] PATH...",
        .summary = "the main path of the citations: the backbone of a literature",
        .description =
            "Main path analysis (Hummon and Doreian 1989): weigh every citation by the chains of "
            "citations that run through it, and follow the heaviest. The citations are read as "
            "knowledge flowing from the cited document to the citing one: sources are the "
            "documents that cite nothing in the graph (the oldest end), sinks those nothing cites "
            "(the newest end), and every path is printed oldest first.\n"
            "\n"
            "The weights (--weight), for a citation of u by v: SPC, the paths from a source to a "
            "sink through it (Batagelj 2003); SPLC, the paths from any document to a sink; SPNP, "
            "the paths from any document to any document (Hummon and Doreian 1989). They are "
            "counted in one pass over a topological order, never by listing paths, as doubles "
            "(exact up to 2^53), and shown also divided by the number of paths they range over "
            "(for SPC: all source-sink paths).\n"
            "\n"
            "The methods (--method, Liu and Lu 2012): global, the source-sink path of the "
            "largest sum of weights; forward, from the heaviest citation out of a source always "
            "the heaviest onward; backward, from the heaviest citation into a sink always the "
            "heaviest backward; key-route, the --top heaviest citations, each extended both ways "
            "as forward and backward do. Ties go to the document first in id order.\n"
            "\n"
            "Only citations count (cites and answers, not part_of); with --questions a question "
            "stands for its document; documents without a citation are left out. Documents that "
            "cite one another in a cycle are shrunk into one unit, as Batagelj (2003) and Pajek "
            "do, and a document citing itself loses that citation: every cycle is named with its "
            "members.\n"
            "\n" GRAPH_PATHS_TEXT,
        .sections =
            (const cli_section[]){
                {"Output",
                 "text: the path(s), one line per document (id, type, date, title) with the "
                 "weight of the citation that leads to it, then the cycles.\n"
                 "\n"
                 "json: {\"version\": 1, \"weight\", \"method\", \"top\", \"network\": {units, "
                 "arcs, "
                 "sources, sinks, total, max_weight}, \"paths\": [{\"sum\", \"normalized_sum\", "
                 "\"key_arc\" (key-route: the index in arcs of its key citation, else null), "
                 "\"nodes\": [node objects of the graph's JSON schema, with \"cycle\" (its number, "
                 "or null)], \"arcs\": [{\"cited\", \"citing\" (ids), \"weight\", "
                 "\"normalized\"}]}], \"cycles\": [[ids]], \"self_citing\": [ids]}. A cycle's "
                 "node is its member first in id order.\n"
                 "\n"
                 "dot: the union of the paths for Graphviz, oldest at the top, each citation "
                 "labelled with its weight."},
                {"Examples", "  citegraph mainpath data/sample\n"
                             "  citegraph mainpath --method key-route --top 5 corpus/\n"
                             "  citegraph mainpath -f dot -o main.dot corpus/"},
                {NULL, NULL}},
        .exit_status = QUERY_EXIT_STATUS("the weights could not be computed"),
        .see_also = "longest-chain rank graph",
    },
    {
        .id = CMD_SIMILAR,
        .name = "similar",
        .synopsis = "[OPTIONS] ID PATH...\n[OPTIONS] --all [-o FILE] PATH...",
        .summary = "related documents, by co-citation and bibliographic coupling",
        .description = QUERY_TEXT(
            "List the documents most similar to the document ID: by co-citation, those that "
            "other documents cite together with it, and by bibliographic coupling, those that "
            "cite the same documents as it (--by says which; both by default, as two lists). "
            "Each is scored with Salton's cosine, the number of documents the two share divided "
            "by the square root of the product of their degrees (for co-citation, how many "
            "documents cite each; for coupling, how many each cites): 1 when the two lists are "
            "the same. The list is sorted by cosine, then by the number shared, then by id, "
            "and each entry names the documents shared (the first 10, and how many more). With "
            "--all, no ID is given: every pair of documents of the corpus that shares at least "
            "--min-shared documents is written as CSV.\n"
            "\n"
            "Only citations count (cites and answers), between documents: a question cited "
            "(--questions) counts as its document, a document counts once however often it is "
            "cited, and a document citing itself is left out. Documents outside the corpus can "
            "be co-cited and be shared by a coupling, but cite nothing, so are never coupled."),
        .sections =
            (const cli_section[]){
                {"Output",
                 "text\tfor each measure, the document's degree and how many documents share "
                 "something with it, then rank, cosine, number shared, the document (id, type, "
                 "date, title) and the documents shared\n"
                 "json\t{\"version\": 1, \"node\": {...}, (\"asked\": ID, when ID named a "
                 "question,) \"measures\": [{\"measure\": "
                 "\"cocitation\" or \"coupling\", \"degree\", \"total\", \"similar\": "
                 "[{\"rank\", \"cosine\", \"shared\", \"degree\", \"node\": {...}, "
                 "\"evidence\": [ID, ...]}]}]}, nodes as in the JSON export\n"
                 "csv\twith --all (and its default): a header a,b,measure,shared,cosine, then one "
                 "row per pair and measure, a before b by id, sorted by a, b and measure "
                 "(cocitation first); RFC 4180, lines ending in CR LF. A document cited by k "
                 "documents can make k (k - 1) / 2 rows: --min-shared keeps the stronger pairs. "
                 "Rows are written as they are found, so memory does not grow with them."},
                {"Examples",
                 "  citegraph similar 21/1958 data/sample\n"
                 "  citegraph similar --by coupling --top 5 -f json 21/1958 data/sample\n"
                 "  citegraph similar --all --min-shared 2 -o pairs.csv data/sample"},
                {NULL, NULL}},
        .exit_status = QUERY_EXIT_STATUS("ID is not in the graph"),
        .see_also = "cites cited-by rank",
    },
    {
        .id = CMD_ACCURACY,
        .name = "accuracy",
        .synopsis = "[OPTIONS] GOLD_DIR",
        .summary = "measure the extractor against a gold set",
        .description =
            "Measure the extractor against a gold set: GOLD_DIR holds NAME.txt documents, each "
            "with a NAME.gold.tsv of every reference in it (columns line, kind, target, locator, "
            "relation; lines starting with # are comments). A NAME.pdf takes the place of "
            "NAME.txt when there is none; its gold file's first column is the page (its header "
            "row starts with page), and a reference matches on its page instead of its line.\n"
            "\n"
            "A reference found matches a gold row when line, kind and target agree. The report "
            "gives precision, recall and F1 per kind and overall, the share of matched rows with "
            "the right locator and relation, and lists every false positive (FP) and false "
            "negative (FN) with file, line and the line's text.\n"
            "\n"
            "A GOLD_DIR that holds gold-*.tsv files is a metadata gold instead: rows file, "
            "type, title, urheber (ROLE:NAME joined by ' | '), note, for documents in "
            "GOLD_DIR/docs. The report gives the share of documents whose title (white space "
            "collapsed), author list (roles and order included) and type are exact, and lists "
            "every mismatch with what was expected and what was found.",
        .exit_status = "0\tevery figure at or above its threshold, or no --thresholds\n"
                       "1\ta figure below its threshold, or a file that could not be read\n"
                       "2\tusage error, or a gold directory, thresholds file or grammar file "
                       "that cannot be read\n" OUT_OF_MEMORY_STATUS,
        .see_also = "extract grammar",
    },
    {
        .id = CMD_GRAMMAR,
        .name = "grammar",
        .synopsis = "\n--check FILE...",
        .summary = "print the built-in reference grammar, or check grammar files",
        .description =
            "Without --check, print the built-in reference grammar: every pattern citegraph "
            "uses, with the documentation of the format at its top. Copy a section into a file "
            "of your own to override it, or write new sections to add reference kinds, and pass "
            "the file to --patterns FILE.\n"
            "\n"
            "With --check, load the built-in grammar and the FILEs after it, compile every "
            "pattern and check every example and counter-example; the first fault is reported "
            "as FILE:LINE:COL.",
        .exit_status = "0\tthe grammar loads, with every FILE\n"
                       "1\tthe grammar could not be written\n"
                       "2\ta grammar file does not load, or a usage error\n" OUT_OF_MEMORY_STATUS,
        .see_also = "extract accuracy",
    },
    {
        .id = CMD_HELP,
        .name = "help",
        .synopsis = "[COMMAND]",
        .summary = "show the help of citegraph or of a command",
        .description = "Print the help of COMMAND, as citegraph COMMAND --help does; without "
                       "COMMAND, the list of commands.",
        .exit_status = "0\tsuccess\n"
                       "2\tCOMMAND is no command of citegraph, or a usage error\n",
    },
    {
        .id = CMD_VERSION,
        .name = "version",
        .synopsis = "",
        .summary = "print the version",
        .description = "Print the version of citegraph, as citegraph --version does.",
        .exit_status = "0\tsuccess\n",
    },
};

/* ---- the options, in the order every help lists them ---- */

static const cli_option options[] = {
    /* -f, --format: one row per set of formats */
    {.id = OPT_FORMAT,
     .short_name = 'f',
     .long_name = "format",
     .arg = "FORMAT",
     .choices = "jsonl|tsv|text|packed",
     .commands = BIT(EXTRACT),
     .help = "jsonl (the default), tsv, text (the text the references were found in), or "
             "packed (for the graph commands to read fast); see Output"},
    {.id = OPT_FORMAT,
     .short_name = 'f',
     .long_name = "format",
     .arg = "FORMAT",
     .choices = "text|json|sarif|github|junit|markdown",
     .flags = CLI_OPT_REPEATABLE,
     .commands = BIT(CHECK),
     .help = "text (the default), json, sarif, github, junit or markdown; see Formats. With "
             "several -o, each --format is for the -o that follows it"},
    {.id = OPT_FORMAT,
     .short_name = 'f',
     .long_name = "format",
     .arg = "FORMAT",
     .choices = "dot|json|graphml|csv|html|gexf",
     .commands = BIT(GRAPH),
     .help = "dot (the default; Graphviz), json (node-link JSON for D3 and networkx), graphml "
             "(for Gephi and Cytoscape), csv (needs -o), html (the explorer: one page that "
             "works offline in a browser; see Explorer) or gexf (GEXF 1.3 with dates, for "
             "Gephi's timeline); without --format, an -o FILE ending in .json, .graphml, "
             ".html, .htm or .gexf chooses it (.dot, .gv or none: DOT)"},
    {.id = OPT_FORMAT,
     .short_name = 'f',
     .long_name = "format",
     .arg = "FORMAT",
     .choices = "text|json",
     .commands = CLI_GRAPH_QUERIES & ~BIT(MAINPATH),
     .help = "text (the default) for people, or json for programs"},
    {.id = OPT_FORMAT,
     .short_name = 'f',
     .long_name = "format",
     .arg = "FORMAT",
     .choices = "text|json|dot",
     .commands = BIT(MAINPATH),
     .help = "text (the default) for people, json for programs, or dot (Graphviz) for the "
             "picture of the path(s); see Output"},
    {.id = OPT_FORMAT,
     .short_name = 'f',
     .long_name = "format",
     .arg = "FORMAT",
     .choices = "text|json|csv",
     .commands = BIT(SIMILAR),
     .help = "text (the default with an ID) for people, json for programs, or csv (with "
             "--all, and its default); see Output"},

    /* -o, --output */
    {.id = OPT_OUTPUT,
     .short_name = 'o',
     .long_name = "output",
     .arg = "FILE",
     .commands = CLI_GRAPH_QUERIES | BIT(SIMILAR),
     .help = "write to FILE instead of standard output"},
    {.id = OPT_OUTPUT,
     .short_name = 'o',
     .long_name = "output",
     .arg = "FILE",
     .commands = BIT(EXTRACT),
     .help = "write to FILE instead of standard output; without --format, a FILE ending in .tsv "
             "chooses TSV, one in .jsonl or .ndjson JSON Lines, one in .cgpack packed (another "
             "ending is an error)"},
    {.id = OPT_OUTPUT,
     .short_name = 'o',
     .long_name = "output",
     .arg = "FILE",
     .flags = CLI_OPT_REPEATABLE,
     .commands = BIT(CHECK),
     .help = "write to FILE instead of standard output; without --format, a FILE ending in "
             ".txt, .json, .sarif, .xml (JUnit) or .md chooses the format (another ending is an "
             "error). Given more than once, one run writes several reports of the same findings "
             "(-f sarif -o x.sarif -f markdown -o y.md, or -o x.sarif -o y.md); -o - is standard "
             "output, which at most one report may take"},
    {.id = OPT_OUTPUT,
     .short_name = 'o',
     .long_name = "output",
     .arg = "FILE",
     .commands = BIT(GRAPH),
     .help = "write to FILE instead of standard output; a FILE ending in .svg, .png or .pdf is "
             "rendered with Graphviz's dot, one ending in .html is the explorer; --format csv "
             "writes FILE.nodes.csv and FILE.edges.csv"},

    /* graph commands */
    {.id = OPT_AROUND,
     .long_name = "around",
     .arg = "ID",
     .commands = BIT(GRAPH),
     .help = "only the neighbourhood of the document ID (see --depth and --direction)"},
    {.id = OPT_DEPTH,
     .long_name = "depth",
     .arg = "N",
     .commands = BIT(GRAPH),
     .help = "with --around: how many citation steps to follow from ID (default 2)"},
    {.id = OPT_DEPTH,
     .long_name = "depth",
     .arg = "N",
     .commands = BIT(CHAIN),
     .help = "how many citation steps to follow (default 3)"},
    {.id = OPT_DIRECTION,
     .long_name = "direction",
     .arg = "DIRECTION",
     .choices = "out|in|all",
     .commands = BIT(GRAPH),
     .help = "with --around: follow what ID cites (out), what cites it (in) or both (all, the "
             "default)"},
    {.id = OPT_DIRECTION,
     .long_name = "direction",
     .arg = "DIRECTION",
     .choices = "out|in",
     .commands = BIT(CHAIN),
     .help = "follow what ID cites (out, the default) or what cites it (in)"},
    {.id = OPT_BY,
     .long_name = "by",
     .arg = "METHOD",
     .choices = "indegree|pagerank|hub|authority",
     .commands = BIT(RANK),
     .help = "indegree (the default: how often a node is cited), pagerank (damping 0.85), hub "
             "or authority (HITS)"},
    {.id = OPT_BY,
     .long_name = "by",
     .arg = "WHAT",
     .choices = "urheber",
     .commands = BIT(STATS),
     .help =
         "urheber: instead of the statistics, who cites whom: for each pair of an author "
         "of a citing document and an author of the document it cites, the number of "
         "citation edges (cites and answers), most first, then by the names; only authors "
         "in the role --role names count, by default the submitters (urheber: the "
         "Fraktionen, the Bundesregierung, the Bundesrat), so that the Fraktionen's Anfragen "
         "meet the Bundesregierung's Antworten. A document of two authors counts for both; "
         "documents without authors count for no pair; --top N lists the first N pairs (default: "
         "all)"},
    {.id = OPT_ROLE,
     .long_name = "role",
     .arg = "ROLE",
     .choices = "urheber|ressort|fragesteller|all",
     .commands = BIT(STATS),
     .help = "with --by urheber: the authors that count: urheber (the default: who submits), "
             "ressort (the ministry that answers), fragesteller (of an Antwort, who asked), or "
             "all of them"},
    {.id = OPT_BY,
     .long_name = "by",
     .arg = "MEASURE",
     .choices = "cocitation|coupling|both",
     .commands = BIT(SIMILAR),
     .help = "cocitation (cited together by the same documents), coupling (citing the same "
             "documents) or both (the default: two lists; with --all, two rows for a pair that "
             "is both)"},
    {.id = OPT_ALL_PAIRS,
     .long_name = "all",
     .commands = BIT(SIMILAR),
     .help = "instead of the documents like one ID: every pair of documents of the corpus, as "
             "CSV"},
    {.id = OPT_MIN_SHARED,
     .long_name = "min-shared",
     .arg = "N",
     .commands = BIT(SIMILAR),
     .help = "only documents that share at least N documents (default 1)"},
    {.id = OPT_URHEBER,
     .long_name = "urheber",
     .arg = "NAME",
     .commands = BIT(RANK),
     .help = "rank only the documents NAME is an author of, in any role: NAME as DIP spells it "
             "(\"Fraktion der AfD\", Bundesregierung, \"Auswärtiges Amt\"), or, written without "
             "capitals, a part of the name (afd, grünen)"},
    {.id = OPT_TOP,
     .long_name = "top",
     .arg = "N",
     .commands = BIT(RANK),
     .help = "how many nodes to list (default 20; 0: all)"},
    {.id = OPT_TOP,
     .long_name = "top",
     .arg = "N",
     .commands = BIT(STATS),
     .help = "how many of the most cited nodes, and of the documents that cite nothing, to list "
             "(default 10; 0: all)"},
    {.id = OPT_TOP,
     .long_name = "top",
     .arg = "N",
     .commands = BIT(REFERRALS),
     .help = "how many of the documents most referred to, and of the Antworten with most "
             "questions answered by reference, to list (default 10; 0: all)"},
    {.id = OPT_TOP,
     .long_name = "top",
     .arg = "N",
     .commands = BIT(MAINPATH),
     .help = "with --method key-route: how many of the heaviest citations to start from "
             "(default 10; 0: all)"},
    {.id = OPT_WEIGHT,
     .long_name = "weight",
     .arg = "WEIGHT",
     .choices = "spc|splc|spnp",
     .commands = BIT(MAINPATH),
     .help = "spc (the default: source-sink paths through a citation), splc (from any "
             "document to a sink) or spnp (from any document to any document)"},
    {.id = OPT_METHOD,
     .long_name = "method",
     .arg = "METHOD",
     .choices = "global|forward|backward|key-route",
     .commands = BIT(MAINPATH),
     .help = "global (the default: the path of the largest sum of weights), forward, backward "
             "(local searches from the oldest or the newest end) or key-route (see --top)"},
    {.id = OPT_TOP,
     .long_name = "top",
     .arg = "N",
     .commands = BIT(SIMILAR),
     .help = "how many documents to list for each measure (default 10; 0: all)"},
    {.id = OPT_PAIRS,
     .long_name = "pairs",
     .arg = "FILE",
     .commands = BIT(PATH),
     .help = "answer every line FROM<tab>TO of FILE (# starts a comment) with the length of a "
             "shortest path, - when there is none; an ID not in the graph is reported, answered "
             "-, and makes the exit status 1"},
    {.id = OPT_QUESTIONS,
     .long_name = "questions",
     .commands = CLI_GRAPH_COMMANDS,
     .help = "a node per question cited (BT-Drs." CLI_NBSP "19/5954#Frage" CLI_NBSP "2), so that "
             "two questions of one answer stay apart"},
    {.id = OPT_LAYOUT,
     .long_name = "layout",
     .arg = "LAYOUT",
     .choices = "force|time",
     .commands = BIT(GRAPH),
     .help = "with --format html: how the nodes are placed: force (the default; "
             "force-directed) or time (x is the date, from left to right; documents without "
             "a date in a band on the left)"},
    {.id = OPT_FORCE_RENDER,
     .long_name = "force-render",
     .commands = BIT(GRAPH),
     .help =
         "render .svg, .png or .pdf even when the graph has more than 1500 nodes or 2500 "
         "edges, which Graphviz's dot cannot lay out in reasonable time (the whole corpus of "
         "6,265 nodes ran 445 s and failed); without it such a graph is refused (exit "
         "status 2): draw a part with --around ID --depth N, or explore the whole graph with -o "
         "FILE.html"},
    {.id = OPT_URLS,
     .long_name = "urls",
     .commands = CLI_GRAPH_COMMANDS,
     .help = "keep web pages that name no document as nodes (Bundestag PDF addresses always "
             "count as the document they name)"},

    /* check */
    {.id = OPT_CATALOG,
     .long_name = "catalog",
     .arg = "FILE",
     .flags = CLI_OPT_REPEATABLE,
     .commands = BIT(CHECK),
     .help = "known documents: a TSV whose header names the id (id, or herausgeber and "
             "dokumentnummer as in DIP's index.tsv), type, date and title columns, or DIP JSON "
             "records"},
    {.id = OPT_SELECTION,
     .long_name = "catalog-selection",
     .arg = "FILE",
     .flags = CLI_OPT_REPEATABLE,
     .commands = BIT(CHECK),
     .help = "like --catalog, for a catalog that lists only a selection of the documents (the "
             "index of a corpus that is a selection, one page of a DIP search): a cited document "
             "missing from it is a warning that says so, not an error; its dates, titles and "
             "types are used as --catalog's are"},
    {.id = OPT_FAIL_ON,
     .long_name = "fail-on",
     .arg = "LEVEL",
     .choices = "error|warning|note|never",
     .commands = BIT(CHECK),
     .help = "exit with status 1 when a new finding is at least LEVEL: error (the default), "
             "warning or note; never: exit with 0 whatever is found"},
    {.id = OPT_SEVERITY,
     .long_name = "severity",
     .arg = "LEVEL",
     .choices = "error|warning|note",
     .commands = BIT(CHECK),
     .help = "report only findings of at least LEVEL: error, warning or note (the default); "
             "what fails is not changed"},
    {.id = OPT_BASELINE,
     .long_name = "baseline",
     .arg = "FILE",
     .commands = BIT(CHECK),
     .help = "findings recorded in FILE (by --write-baseline) are not new: they are reported, "
             "but do not fail"},
    {.id = OPT_WRITE_BASELINE,
     .long_name = "write-baseline",
     .arg = "FILE",
     .commands = BIT(CHECK),
     .help = "record this run's findings in FILE, for --baseline"},
    {.id = OPT_CONFIG,
     .long_name = "config",
     .arg = "FILE",
     .commands = BIT(CHECK),
     .help = "rule levels and silenced findings (default: .citegraph.json, if present)"},
    {.id = OPT_NO_CONFIG,
     .long_name = "no-config",
     .commands = BIT(CHECK),
     .help = "do not read .citegraph.json"},
    {.id = OPT_ONLINE,
     .long_name = "online",
     .commands = BIT(CHECK),
     .help = "fetch every distinct valid URL once, from public addresses only, and report those "
             "that answer with an error or not at all (rule CG009) and those not fetched "
             "(CG011); needs libcurl"},
    {.id = OPT_TIMEOUT,
     .long_name = "timeout",
     .arg = "MS",
     .commands = BIT(CHECK),
     .help = "with --online: how long a request may take, in milliseconds (default 10000)"},
    {.id = OPT_RETRIES,
     .long_name = "retries",
     .arg = "N",
     .commands = BIT(CHECK),
     .help = "with --online: how often a 429 or 503 answer or a timeout is retried, with "
             "exponential backoff (default 2)"},
    {.id = OPT_CONCURRENCY,
     .long_name = "concurrency",
     .arg = "N",
     .commands = BIT(CHECK),
     .help = "with --online: how many requests run at once (default 8)"},
    {.id = OPT_URL_CACHE,
     .long_name = "url-cache",
     .arg = "FILE",
     .commands = BIT(CHECK),
     .help = "with --online: keep the results in FILE between runs"},
    {.id = OPT_URL_CACHE_TTL,
     .long_name = "url-cache-ttl",
     .arg = "SECONDS",
     .commands = BIT(CHECK),
     .help = "with --online: how long a result in --url-cache stays valid (default 86400, a "
             "day)"},
    {.id = OPT_ALLOW_HOST,
     .long_name = "allow-host",
     .arg = "HOST",
     .flags = CLI_OPT_REPEATABLE,
     .commands = BIT(CHECK),
     .help = "with --online: fetch only from HOST and its subdomains (this opens no private "
             "address)"},
    {.id = OPT_DENY_HOST,
     .long_name = "deny-host",
     .arg = "HOST",
     .flags = CLI_OPT_REPEATABLE,
     .commands = BIT(CHECK),
     .help = "with --online: never fetch from HOST and its subdomains"},
    {.id = OPT_ALLOW_PRIVATE,
     .long_name = "allow-private",
     .commands = BIT(CHECK),
     .help = "with --online: also connect to loopback, private and carrier-grade NAT addresses "
             "(by default only public ones: URLs in documents must not reach into the network "
             "the check runs in; link-local ones, where clouds serve instance metadata, only "
             "with --allow-address)"},
    {.id = OPT_ALLOW_ADDRESS,
     .long_name = "allow-address",
     .arg = "RANGE",
     .flags = CLI_OPT_REPEATABLE,
     .commands = BIT(CHECK),
     .help = "with --online: also connect to the addresses of RANGE (10.1.0.0/16, fd00::/8, "
             "127.0.0.1), whatever they are"},
    {.id = OPT_MAX_REDIRECTS,
     .long_name = "max-redirects",
     .arg = "N",
     .commands = BIT(CHECK),
     .help = "with --online: how many redirects a URL may take (default 5)"},
    {.id = OPT_ONLINE_BUDGET,
     .long_name = "online-budget",
     .arg = "SECONDS",
     .commands = BIT(CHECK),
     .help = "with --online: the time for all requests together; URLs not fetched by then are "
             "reported (CG011) (default 600)"},
    {.id = OPT_CACHE,
     .long_name = "cache",
     .arg = "DIR",
     .commands = BIT(CHECK),
     .help = "keep each document's extraction in DIR, keyed by its content, and reuse it while "
             "the document, citegraph and the grammar are unchanged; a file whose size, times "
             "and inode are unchanged is not even read; its findings and their report lines are "
             "kept too (DIR/check-state) and copied while nothing they depend on changed"},
    {.id = OPT_LIST_RULES,
     .long_name = "list-rules",
     .commands = BIT(CHECK),
     .help = "explain every rule, and exit"},

    /* the graph commands' catalog: --metadata was its name before check had one */
    {.id = OPT_CATALOG,
     .long_name = "catalog",
     .alias = "metadata",
     .arg = "FILE",
     .flags = CLI_OPT_REPEATABLE,
     .commands = CLI_GRAPH_COMMANDS,
     .help = "known documents, whose type, date, title and authors (DIP's urheber and ressort) "
             "fill what the documents do not say and replace what their headers say; what a "
             "document's DIP record says is kept: a TSV like DIP's index.tsv (columns herausgeber "
             "and dokumentnummer, or id, with drucksachetyp, datum, titel) or DIP JSON records"},

    /* accuracy, grammar */
    {.id = OPT_THRESHOLDS,
     .long_name = "thresholds",
     .arg = "FILE",
     .commands = BIT(ACCURACY),
     .help = "lines KIND MIN_PRECISION MIN_RECALL (KIND may be overall), locator MIN and "
             "relation MIN (for a metadata gold: title MIN, urheber MIN, type MIN): exit with "
             "status 1 when a figure is below its threshold"},
    {.id = OPT_CHECK,
     .long_name = "check",
     .commands = BIT(GRAMMAR),
     .help = "load the built-in grammar and the FILEs after it, and check them instead of "
             "printing the grammar"},

    /* reading the documents */
    {.id = OPT_PATTERNS,
     .long_name = "patterns",
     .arg = "FILE",
     .flags = CLI_OPT_REPEATABLE,
     .commands = BIT(EXTRACT) | BIT(CHECK) | CLI_GRAPH_COMMANDS | BIT(ACCURACY),
     .help = "add or override reference kinds with a grammar file; see citegraph grammar"},
    {.id = OPT_EXT,
     .long_name = "ext",
     .arg = "LIST",
     .commands = BIT(EXTRACT) | BIT(CHECK),
     .help = "file endings to take from directories, comma-separated (default: .txt,.pdf; an "
             "empty LIST takes every file)"},
    {.id = OPT_EXT,
     .long_name = "ext",
     .arg = "LIST",
     .commands = CLI_GRAPH_COMMANDS,
     .help = "file endings to take from directories, comma-separated (default: "
             ".txt,.pdf,.jsonl,.cgpack; an empty LIST takes every file); files ending in .jsonl, "
             "and JSON Lines and packed files whatever their ending, are read as the output of "
             "citegraph extract"},
    {.id = OPT_JOBS,
     .short_name = 'j',
     .long_name = "jobs",
     .arg = "N",
     .commands = BIT(EXTRACT) | BIT(CHECK),
     .help = "documents read and extracted at once (default, and 0: one per core); the output is "
             "the same for every N"},
    {.id = OPT_JOBS,
     .short_name = 'j',
     .long_name = "jobs",
     .arg = "N",
     .commands = CLI_GRAPH_COMMANDS,
     .help = "documents read and extracted at once, and pieces of a large .jsonl or packed file "
             "read at "
             "once (default, and 0: one per core); the result is the same for every N"},
    {.id = OPT_TIMINGS,
     .long_name = "timings",
     .commands = CLI_GRAPH_COMMANDS,
     .help = "say on standard error how long reading (and extracting), building the graph and "
             "answering took"},

    /* messages */
    {.id = OPT_QUIET,
     .short_name = 'q',
     .long_name = "quiet",
     .commands = BIT(EXTRACT) | CLI_GRAPH_COMMANDS,
     .help = "no warnings and no progress on standard error"},
    {.id = OPT_QUIET,
     .short_name = 'q',
     .long_name = "quiet",
     .commands = BIT(CHECK),
     .help = "no summary, warnings or progress on standard error"},
    {.id = OPT_QUIET,
     .short_name = 'q',
     .long_name = "quiet",
     .commands = BIT(ACCURACY),
     .help = "only the table, not the lists of false positives and false negatives"},
    {.id = OPT_HELP,
     .short_name = 'h',
     .long_name = "help",
     .commands = EVERY_COMMAND,
     .help = "show this help, and exit"},
    {.id = OPT_VERSION,
     .short_name = 'V',
     .long_name = "version",
     .commands = EVERY_COMMAND,
     .help = "print the version, and exit"},
};

const cli_table cli_citegraph_table = {
    .program = &program,
    .commands = commands,
    .ncommands = sizeof commands / sizeof commands[0],
    .options = options,
    .noptions = sizeof options / sizeof options[0],
};
