/* xctx.h - the state of one extraction, shared by the extractor's modules.
 *
 * cg_extract() runs in stages over one document, each in its own file:
 *   header.c   the document's own identity, type, title, and the spans that
 *              repeat it (header, running heads, footers), which are no
 *              references;
 *   questions.c the numbered questions of an Anfrage or Antwort;
 *   refs.c     the recognisers: Drucksachen, Plenarprotokolle, EU documents
 *              and acts, URLs, each turning a match into candidates: with a
 *              canonical id where the number names its document, else (a
 *              bare Drucksache number) with the evidence the resolver reads
 *              it from (citation.h);
 *   locate.c   locators ("Antwort zu Frage 2", "S. 15", "Art. 43 Abs. 4"),
 *              references to parts of this document, and the `answers`
 *              relation;
 *   extractor.c running the stages, and mapping every span back to the
 *              original bytes.
 * The patterns are compiled from the grammar in compile.c; match.c runs
 * them and keeps the candidates. Spans in candidates are offsets into the
 * normalised text.
 */
#ifndef CG_XCTX_H
#define CG_XCTX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "citation.h"
#include "citegraph/extract.h"
#include "grammar.h"
#include "literals.h"
#include "normalize/normalize.h"
#include "url_break.h"
#include "util/util.h"

/* The compiled patterns, by role. */
enum {
    P_DRS,             /* Drucksache keyword + list of numbers */
    P_DRS_ITEM,        /* one number of that list */
    P_PLPR,            /* Plenarprotokoll keyword + list */
    P_WPNR_ITEM,       /* one WP/N number */
    P_ADRS,            /* Ausschussdrucksache */
    P_COUNCIL,         /* Council document keyword + list */
    P_COUNCIL_ITEM,    /* one Council number */
    P_COM,             /* COM(2020) 72 final */
    P_ACT,             /* EU legal act + list */
    P_ACT_ITEM,        /* one act number */
    P_URL,             /* http(s)://, www. */
    P_QUESTION,        /* "Antwort zu Frage 2", "Schriftliche Frage 11", "Fragen 7 bis 10" */
    P_QITEM,           /* one question number or range of that list */
    P_ARTICLE,         /* Artikel 43 Absatz 4 */
    P_TAIL,            /* page locator after a document: ", S. 15 ff." */
    P_PART_BEFORE,     /* a part named before a document: "Ziffer 10 der", "Vorbemerkung der ... auf" */
    P_PAGE_BEFORE,     /* a page named before a URL: "S. 21, verfügbar unter" */
    P_GAP_BACK,        /* what may stand between a document and a locator after it */
    P_GAP_FWD_END,     /* how the text between a locator and its document ends */
    P_HDR_BT,          /* Deutscher Bundestag Drucksache 21/126 / 21. Wahlperiode 09.05.2025 */
    P_HDR_BR,          /* Bundesrat Drucksache 103/1/25 */
    P_HDR_LT,          /* Landtag header with Wahlperiode and Drucksache */
    P_HDR_DATE_BR,     /* the dd.mm.yy line under a Bundesrat header */
    P_RUNNING,         /* running heads and footers that repeat the document's number */
    P_ALIAS,           /* "wird als Bundestags-Drucksache 21/100 verteilt" */
    P_ANFRAGE_HEAD,    /* "auf die Kleine Anfrage ..." in an Antwort's header */
    P_BT_URL,          /* a Bundestag PDF address that encodes a document number */
    P_LT_CONTEXT,      /* a parliament of a state named before "Drucksache" */
    P_CELEX,           /* CELEX:32018R1862 */
    P_OWN_LINE,        /* a line that is only a document number: a repeated head */
    P_OWN_HEAD,        /* a page head or foot with the number, Wahlperiode, page number */
    P_EU_LETTERHEAD,   /* "Brüssel, 23.5.2025 / C(2025) 3468 final" */
    P_QUESTION_NUMBER, /* "1. Wie viele ...": the questions of an Anfrage or Antwort */
    P_QUESTION_LETTER, /* "a) Welche ...": their sub-questions */
    P_BARE_KEYWORD,    /* "BT-Drs. …]": a keyword with no number */
    P_PUBNOTE,         /* "Diese ist auf Bundestagsdrucksache 21/1181 auf der Internetseite ..." */
    P_QUESTION_ELSEWHERE, /* "... der Kleinen Anfrage" after a question: another paper's */
    P_HDR_PARTY,          /* a Fraktion named in a header: "CDU/CSU", "BÜNDNIS 90/DIE GRÜNEN" */
    P_HDR_RESSORT,   /* "mit Schreiben des Bundesministeriums ... vom": the answering ministry */
    P_HDR_LAND,      /* a Land named in a Bundesrat header */
    P_HDR_COMMITTEE, /* "des Haushaltsausschusses (8. Ausschuss)" */
    P_PRELIMINARY,   /* "Vorbemerkung der Fragesteller", "... der Bundesregierung" */
    P_REFERRAL,      /* what makes a sentence of an Antwort a referral: "wird ... verwiesen" */
    P_JOINT_ANSWER,  /* "Die Fragen 3 und 4 werden gemeinsam beantwortet" */
    P_IMPRINT,       /* "Gesamtherstellung: ...": the printer's imprint at the end */
    P_TRANSMITTAL,   /* "Die Antwort wurde namens der Bundesregierung ... übermittelt." */
    P_COUNT
};

#define CGX_MAX_SHARED 32
/* The triggers of a pattern (grammar key `trigger = REACH PATTERN`): every match starts at
 * most `reach` bytes, white space not counted, before a match of one of them; with
 * `REACH,WORDS`, also at most `words` words before it (words - 1 runs of white space). */
#define CGX_MAX_TRIGGERS 16
typedef struct cgx_trigger {
    pcre2_code *re;
    size_t reach;
    size_t words;  /* 0, or the most words from a match's start to the trigger */
    char *literal; /* when the trigger is plain text: found with memchr and memcmp */
    size_t literal_len;
    size_t literal_rare; /* cgx_literal_rare of it */
    char *text;          /* the pattern, its defines expanded: to tell triggers alike */
    int shared;          /* its sightings in the extractor's `shared`, or -1 */
    int first_byte; /* else an ASCII non-letter every match begins with, or -1 */
} cgx_trigger;
typedef struct cgx_triggers {
    cgx_trigger t[CGX_MAX_TRIGGERS];
    size_t n;
} cgx_triggers;

/* The texts of a pattern's `contains` keys: every match holds one of them, so the pattern is
 * not tried where the text to search holds none (found in one pass, literals.h). */
typedef struct cgx_contains {
    cgx_literals set;
    char *text[CGX_LITERALS_MAX];
} cgx_contains;

/* A pattern's `line_first` key: every match starts at a line start, and the first character
 * of that line other than space and tab is one of these (ASCII) or one beyond ASCII, which is
 * always tried: a pattern's \d, \s or \p{Lu} takes characters of every script, and the
 * promise stays exact for them without naming them. */
typedef struct cgx_line_first {
    bool on;
    uint8_t in[16]; /* bit c % 8 of in[c / 8]: byte c is one */
} cgx_line_first;

/* Does the line that starts at `ls` begin, after spaces and tabs, with a byte of `f` or one
 * beyond ASCII before `limit`? (Asked of every line a search passes: inline.) */
static inline bool cgx_line_first_holds(const cgx_line_first *f, const char *text, size_t ls,
                                        size_t limit) {
    while (ls < limit && (text[ls] == ' ' || text[ls] == '\t'))
        ls++;
    if (ls >= limit) return false;
    unsigned char c = (unsigned char)text[ls];
    return c >= 0x80 || (f->in[c >> 3] >> (c & 7) & 1);
}

/* A kind defined by a grammar file: a pattern and templates. */
typedef struct user_kind {
    pcre2_code *re;
    cgx_triggers trig;
    cgx_contains *contains; /* NULL: none */
    char *kind;
    cgg_template id, locator;
    int role; /* cand_role */
} user_kind;

struct cg_extractor {
    pcre2_code *re[P_COUNT];
    bool handler_off[P_COUNT];   /* a grammar file replaced it with a template */
    char *line_literal[P_COUNT]; /* when set: only lines holding it can start a match */
    /* line_literal[p] as a plain-text search (owns nothing), found as a trigger is */
    cgx_trigger line_search[P_COUNT];
    cgx_line_first line_first[P_COUNT]; /* when on: only lines that begin so are tried */
    /* The searches that triggers and line_literals have in common (plain text, a pattern that
     * begins with a byte), each once: copies that own nothing. A document lists what each
     * finds, for every pattern that asks (xctx.sightings). */
    cgx_trigger shared[CGX_MAX_SHARED];
    size_t nshared;
    /* the shared searches for plain text, all found in one pass (literals.h), and the index
     * in `shared` of each */
    cgx_literals literals;
    uint8_t literal_shared[CGX_LITERALS_MAX];
    cgx_triggers trig[P_COUNT];  /* when any: only windows before their matches are searched */
    cgx_contains *contains[P_COUNT]; /* when set: only text that holds one is searched */
    user_kind *users;
    size_t nusers;
    size_t examples_checked;
    char fingerprint[33];          /* of the version and every grammar text loaded */
    struct cgx_stack_pool *stacks; /* JIT stacks of finished extractions, for the next ones */
};

typedef struct cgx_stack_pool cgx_stack_pool;
cgx_stack_pool *cgx_stack_pool_new(void);
void cgx_stack_pool_free(cgx_stack_pool *p);

/* A JIT stack for one extraction: one that an earlier extraction gave back,
 * or a new one; NULL when memory ran out. Thread-safe. */
pcre2_jit_stack *cgx_stack_take(const cg_extractor *ex);
/* Gives it back for the next extraction (or frees it, when enough are kept). */
void cgx_stack_give(const cg_extractor *ex, pcre2_jit_stack *stack);

/* The grammar section name of each built-in pattern ("drs" for P_DRS). */
extern const char *const cgx_pattern_names[P_COUNT];

typedef enum cand_role {
    ROLE_DOC,  /* a document reference that can carry a question locator */
    ROLE_ACT,  /* an EU legal act: carries article locators */
    ROLE_OTHER /* URLs, EU documents */
} cand_role;

typedef struct cand {
    cg_docid target; /* CG_KIND_NONE: a Drucksache number for the resolver (drs) */
    cgx_drucksache drs;
    cgx_pdf_address pdf; /* a URL that is a Bundestag PDF address */
    size_t start, end;   /* normalised span */
    cg_locator locator;
    const char *note;
    unsigned flags;
    cg_relation relation;
    cand_role role;
    int id;         /* order of creation, unique in the document */
    int list_first; /* id of the first item of its list (its own id if alone) */
    bool dropped;
    bool has_question;  /* its locator is a question */
    unsigned item_nr;   /* its locator is a plain item "Nr. 62": 62, else 0 */
    bool bare_question; /* this document's question named without "Antwort": it names what
                           the sentence is about, never the place it sends the reader to */
    size_t answer;      /* in an Antwort: 1 + the index of the answer it stands in, or 0 */
} cand;

/* An answer of an Antwort (answers.c): to the questions x->qlabels[q0..q1],
 * beginning at `start` (normalised), with its sentences counted. */
typedef struct xanswer {
    size_t q0, q1;
    size_t start;
    size_t referrals, own;
} xanswer;

typedef struct phrase {
    size_t start, end;
    cg_locator locator;
    bool antwort; /* begins with "Antwort zu/auf ..." */
    bool written; /* a Schriftliche or Mündliche Frage */
    bool bound;
} phrase;

typedef struct span {
    size_t start, end;
} span;

/* The slots of xctx.group_names. */
enum { GROUP_NAME_SLOTS = 64 };

typedef struct xctx {
    const cg_extractor *ex;
    const cg_input *input;
    cg_normalized norm;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    /* Which entries of trigger_memo (below) hold something: bit k of [p] for trigger k of
     * pattern p. */
    uint16_t trigger_memo_set[P_COUNT];
    /* Where a pattern's name table lists a group (pcre2_substring_nametable_scan, a binary
     * search with a string compare per step, for each of the 300,000 groups the handlers read
     * on the real corpus): by the pattern's and the name's address, which are the compiled
     * code's and a string literal's. re NULL: empty. */
    struct group_names {
        const void *re;
        const char *name;
        const unsigned char *first, *last;
        int size;
    } group_names[GROUP_NAME_SLOTS];
    cg_status status;
    cgu_arena *arena;

    /* what the header says */
    cg_document_info header; /* own id (its kind tells the parliament), alias, type, title,
                                date */
    cg_docid answered;       /* Landtag headers name the answered Anfrage; kind NONE if not */
    size_t answered_start, answered_end;
    size_t header_end; /* end of the header block */

    span *excluded; /* header and running heads */
    size_t nexcluded, capexcluded;
    cand *cands;
    size_t ncands, capcands;
    phrase *questions;
    size_t nquestions, capquestions;
    phrase *articles;
    size_t narticles, caparticles;
    span *defects; /* keywords without a number */
    size_t ndefects, capdefects;
    cg_question *qlabels; /* the document's own questions, in order */
    size_t *qstart;       /* where each stands: the start of its numbered or lettered line */
    size_t nqlabels, capqlabels, capqstart;
    xanswer *answers; /* an Antwort's answers, in order */
    size_t nanswers, capanswers;
    /* the text spelled as URLs spell it, made when a URL broken at a hyphen first needs it */
    cgx_url_words url_words;
    cg_buf url_scratch[2]; /* refs.c's buffers for a URL's pieces and target */
    /* What each of the extractor's shared searches found in the whole text: every match start
     * before `complete_to`, in order. Several patterns begin their searches at the same
     * triggers ("Drs.", a slash after a digit): the text is searched for them once. */
    struct cgx_sighting {
        size_t *pos;
        size_t n, cap, complete_to;
    } sightings[CGX_MAX_SHARED];
    bool literals_listed; /* the sightings of every plain-text search are complete */
    /* For each built-in pattern with contains: the first of its texts in [from, to), [at, end)
     * (at SIZE_MAX: none), once a search asked. A search from a position in [from, at] finds
     * the same first text: the text is looked along once, not again from each search
     * ([referral] searches each sentence of an Antwort). */
    struct contains_memo {
        bool known;
        size_t from, to, at, end;
    } contains_memo[P_COUNT];

    /* Where each trigger of each built-in pattern was last searched from and found (SIZE_MAX:
     * not at all), for a subject ending at `limit`: a later search from a position in
     * [from, at] finds the same match, so that a trigger that matches rarely is not searched
     * for again from every match of its pattern to the end of the text. Last, and not
     * cleared for each document (25 KB): trigger_memo_set says which entries hold something. */
    struct trigger_memo {
        size_t from, at, limit;
        size_t ws; /* cgx_window_start(text, from, at, trigger) */
    } trigger_memo[P_COUNT][CGX_MAX_TRIGGERS];
} xctx;

_Static_assert(CGX_MAX_TRIGGERS <= 16, "trigger_memo_set holds a bit per trigger in 16 bits");
_Static_assert(offsetof(xctx, trigger_memo) + sizeof(((xctx *)0)->trigger_memo) == sizeof(xctx),
               "trigger_memo is the last member: cgx_extract clears what stands before it");

/* refs.c: a locator with text `text` (in the arena, or NULL), and the
 * questions it names when it names questions ("Frage 3"). 0, or -1 with
 * x->status set. */
int cgx_locator_from_text(xctx *x, const char *text, cg_locator *loc);

/* sentence.c: whether [a, b) holds the end of a sentence or a paragraph; the
 * sentence around `pos`, inside [floor, ceil): [*start, *end), at most a few
 * thousand bytes either side. */
int cgx_crosses_sentence(const xctx *x, size_t a, size_t b);
void cgx_sentence_around(const xctx *x, size_t pos, size_t floor, size_t ceil, size_t *start,
                         size_t *end);

/* Runs pattern `p` from `*pos`; on a match sets [*s, *e), moves *pos past it
 * and returns 1. Returns 0 at the end or on an error (then x->status is set). */
int cgx_next(xctx *x, int p, size_t *pos, size_t *s, size_t *e);
/* The first occurrence of lit[0..ll) in t[from..limit), or NULL (memchr is
 * vectorised; memmem is not in POSIX). */
const char *cgx_find_literal(const char *t, size_t from, size_t limit, const char *lit, size_t ll);
/* The same, given cgx_literal_rare(lit, ll) as `rare` (ll >= 2): the offset of the byte of the
 * literal, after its first, that is least common in German text; searched with the first. */
const char *cgx_find_literal_by(const char *t, size_t from, size_t limit, const char *lit,
                                size_t ll, size_t rare);
size_t cgx_literal_rare(const char *lit, size_t ll);
/* As cgx_next, but the match must end by `limit`. */
int cgx_find(xctx *x, int p, size_t *pos, size_t limit, size_t *s, size_t *e);
/* As cgx_find, but the subject is the whole text (so lookarounds see past
 * `limit`) and the match must end by `limit`: for the items of a list. */
int cgx_find_within(xctx *x, int p, size_t *pos, size_t limit, size_t *s, size_t *e);
/* Matches pattern `p` against a string other than the document; 1 on a match.
 * Groups are then read with cgx_group as usual (offsets into `str`). */
int cgx_match_str(xctx *x, int p, const char *str, size_t len);
/* Matches pattern `p` anchored at `at` (not searching further); 1 on a match. */
int cgx_at(xctx *x, int p, size_t at, size_t limit, size_t *e);
/* The span of named group `name` in the last match; 0 if it did not take part. `name` stays
 * at its address, with its text, while the extractor lives (a string literal, or a template's
 * in the extractor): where the group is, is remembered by that address (group_names). */
int cgx_group(xctx *x, int p, const char *name, size_t *s, size_t *e);
/* The same for a pattern given by its code (a kind from a grammar file). */
int cgx_next_code(xctx *x, const user_kind *k, size_t *pos, size_t *s, size_t *e);
int cgx_group_code(xctx *x, const pcre2_code *re, const char *name, size_t *s, size_t *e);
/* The decimal number in named group `name` (0 and *digits = 0 if unset). */
unsigned long cgx_group_number(xctx *x, int p, const char *name, int *digits);
/* Copies normalised text [s, e) into the arena, white space runs folded to
 * one space. NULL on ENOMEM (x->status set). */
char *cgx_text(xctx *x, size_t s, size_t e);
/* Copies a string into the arena. */
char *cgx_strdup(xctx *x, const char *s);
/* Copies n questions into the arena; NULL for none, or on ENOMEM (x->status set). */
cg_question *cgx_questions_dup(xctx *x, const cg_question *q, size_t n);
/* Appends a candidate; returns its index or -1 on ENOMEM. */
long cgx_add_cand(xctx *x, const cand *c);

/* Stages. Each returns 0, or -1 with x->status set. */
int cgx_read_header(xctx *x);
int cgx_references(xctx *x);
int cgx_locators(xctx *x);
int cgx_questions(xctx *x);
/* answers.c: an Antwort's answers and referrals; after cgx_locators. */
int cgx_answers(xctx *x);
/* The authors (header.authors) from the header's issuer lines, `block` (cleaned and joined
 * with spaces), and the type read; sets header.authors_from. */
int cgx_read_authors(xctx *x, const char *block, size_t len);
/* Is [s, e) inside an excluded span (header, running head)? */
bool cgx_excluded(const xctx *x, size_t s, size_t e);

/* The length of the white-space character that ends at t[i - 1] (not before t[floor]), 0 if
 * there is none: exactly the characters \s matches (PCRE2_UCP: \p{Z}, \h and \v), which
 * cgx_window_start needs to count the words of a window. */
size_t cgx_space_before(const char *t, size_t floor, size_t i);
/* The first byte of a window that ends at `t` and holds `reach` bytes other
 * than white space (any character \s matches), or `floor` if that comes
 * first. Always a character boundary when `floor` and `t` are. */
size_t cgx_reach_start(const char *text, size_t floor, size_t t, size_t reach);
/* The window of trigger `tr` that ends at its match `t`: cgx_reach_start, and with `words`
 * no further back than the start of the words-th word before `t`. */
size_t cgx_window_start(const char *text, size_t floor, size_t t, const cgx_trigger *tr);

/* The decimal number the digits in text[s, e) spell, other bytes skipped
 * (only the first nine digits count); the count of all digits in *ndigits
 * (may be NULL). */
unsigned long cgx_number(const char *text, size_t s, size_t e, int *ndigits);

/* qsort order of candidates: by start, the longer first, then by kind name
 * (a Drucksache not yet resolved sorts as a Bundestag one). */
int cgx_cmp_cand(const void *a, const void *b);

#endif
