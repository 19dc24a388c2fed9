/* match.c - what the stages of an extraction share (xctx.h): running the
 * grammar's patterns over the normalised text, within limits, by lines or
 * only near their triggers; reading named groups; and the list of
 * candidates the stages add to and drop from. extractor.c runs the stages;
 * each stage (header.c, refs.c, locate.c, questions.c) uses only this. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xctx.h"

/* A subject may only end on a character boundary. */
static size_t char_boundary(const xctx *x, size_t limit) {
    if (limit >= x->norm.len) return x->norm.len;
    while (limit > 0 && ((unsigned char)x->norm.text[limit] & 0xC0) == 0x80)
        limit--;
    return limit;
}

static int run_code(xctx *x, const pcre2_code *re, size_t start, size_t limit, uint32_t opts);
static int run_code_from(xctx *x, const pcre2_code *re, size_t start, size_t limit, uint32_t opts,
                         size_t last_start);

static size_t next_char(const xctx *x, size_t i, size_t limit);

static int run_match(xctx *x, int p, size_t start, size_t limit, uint32_t opts) {
    return run_code(x, x->ex->re[p], start, limit, opts);
}

size_t cgx_space_before(const char *t, size_t floor, size_t i) {
    const unsigned char *u = (const unsigned char *)t;
    unsigned char c = u[i - 1];
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    if (c < 0x80 || i - floor < 2) return 0;
    if (u[i - 2] == 0xC2 && (c == 0x85 || c == 0xA0)) return 2;
    if (i - floor < 3) return 0;
    unsigned cp = ((unsigned)u[i - 3] << 16) | ((unsigned)u[i - 2] << 8) | c;
    return (cp >= 0xE28080 && cp <= 0xE2808A) || cp == 0xE280A8 || cp == 0xE280A9 ||
                   cp == 0xE280AF || cp == 0xE2819F || cp == 0xE19A80 || cp == 0xE1A08E ||
                   cp == 0xE38080
               ? 3
               : 0;
}

size_t cgx_reach_start(const char *text, size_t floor, size_t t, size_t reach) {
    if (t - floor <= reach) return floor; /* white space only widens a window */
    /* whole characters, so that the window starts on a boundary */
    size_t i = t, counted = 0;
    while (i > floor) {
        if (i - floor >= 8) {
            /* Eight ASCII bytes at once. Those below '!' are taken for white space: control
             * characters among them only widen the window. */
            uint64_t w;
            memcpy(&w, text + i - 8, 8);
            if (!(w & 0x8080808080808080ULL)) {
                uint64_t printable = (w + 0x5f5f5f5f5f5f5f5fULL) & 0x8080808080808080ULL;
                /* one bit per byte, at its top: summed into the top byte by a multiply
                 * (the compiler's popcount is a library call without -mpopcnt) */
                size_t n = (size_t)(((printable >> 7) * CGU_BYTES_ONES) >> 56);
                if (counted + n <= reach) {
                    counted += n;
                    i -= 8;
                    continue;
                }
            }
        }
        unsigned char c = (unsigned char)text[i - 1];
        if (c < 0x80) { /* most text: ASCII */
            if (c != ' ' && (c < '\t' || c > '\r')) {
                if (counted == reach) break;
                counted++;
            }
            i--;
            continue;
        }
        size_t sp = cgx_space_before(text, floor, i);
        if (sp) {
            i -= sp;
            continue;
        }
        size_t j = i - 1;
        while (j > floor && ((unsigned char)text[j] & 0xC0) == 0x80)
            j--;
        if (counted + (i - j) > reach) break;
        counted += i - j;
        i = j;
    }
    return i;
}

static int run_code(xctx *x, const pcre2_code *re, size_t start, size_t limit, uint32_t opts) {
    return run_code_from(x, re, start, limit, opts, PCRE2_UNSET);
}

/* As run_code; a match must start at or before `last_start` (a pattern with a trigger). */
static int run_code_from(xctx *x, const pcre2_code *re, size_t start, size_t limit, uint32_t opts,
                         size_t last_start) {
    limit = char_boundary(x, limit);
    if (start > limit) return 0;
    /* The normalised text is valid UTF-8 by construction (cg_normalize re-encodes every
     * character it does not copy whole; test_normalize checks its output on 20,000 random
     * texts of broken UTF-8): every match skips PCRE2's check, which reads eight bytes of
     * ASCII one by one. */
    opts |= PCRE2_NO_UTF_CHECK;
    if (opts & PCRE2_ANCHORED) {
        /* the same match, by the JIT (see compile_text) */
        opts &= ~(uint32_t)PCRE2_ANCHORED;
        last_start = start;
    }
    if (last_start != PCRE2_UNSET) pcre2_set_offset_limit(x->mctx, last_start);
    /* Straight to the JIT's fast path, without pcre2_match's checks (a fifth of the cost of a
     * short search); a pattern left to the interpreter says so, and takes pcre2_match. */
    int rc = pcre2_jit_match(re, (PCRE2_SPTR)x->norm.text, limit, start, 0, x->md, x->mctx);
    if (rc == PCRE2_ERROR_JIT_BADOPTION)
        rc = pcre2_match(re, (PCRE2_SPTR)x->norm.text, limit, start, opts, x->md, x->mctx);
    if (last_start != PCRE2_UNSET) pcre2_set_offset_limit(x->mctx, PCRE2_UNSET);
    if (rc >= 0) return 1;
    if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL) return 0;
    if (rc == PCRE2_ERROR_NOMEMORY)
        x->status = CG_ENOMEM;
    else if (x->status == CG_OK) {
        x->status = CG_ELIMIT;
    }
    return 0;
}

/* Whether t[from, limit) may hold a match of a pattern with `contains`: only if it holds one
 * of its texts, which one vector pass tells far sooner than the pattern's own search. The
 * pass stops at the first text, which a match found would hold: it never reads further than
 * the search itself. */
static bool may_hold(const cgx_contains *c, const char *t, size_t from, size_t limit) {
    return !c || (from < limit && cgx_literals_any(&c->set, t + from, limit - from));
}

typedef struct first_text {
    const cgx_literals *set;
    size_t at, end;
} first_text;

static int take_first_text(void *ctx, size_t which, size_t at) {
    first_text *f = ctx;
    f->at = at;
    f->end = at + f->set->len[which];
    return 1;
}

/* How far past a search's end the look for a pattern's contains texts goes: far enough to be
 * taken again by the searches of the next sentences, not so far that a search that starts
 * before the last (a region read again) reads much twice. */
#define CONTAINS_AHEAD 4096

/* may_hold for built-in pattern p, from what its memo knows. */
static bool pattern_may_hold(xctx *x, int p, size_t from, size_t limit) {
    const cgx_contains *c = x->ex->contains[p];
    if (!c) return true;
    if (from >= limit) return false;
    struct contains_memo *m = &x->contains_memo[p];
    bool known = m->known && from >= m->from &&
                 (m->at != SIZE_MAX ? from <= m->at : limit <= m->to);
    if (!known) {
        size_t to = x->norm.len - limit > CONTAINS_AHEAD ? limit + CONTAINS_AHEAD : x->norm.len;
        first_text f = {&c->set, SIZE_MAX, SIZE_MAX};
        cgx_literals_scan(&c->set, x->norm.text + from, to - from, true, take_first_text, &f);
        *m = (struct contains_memo){true, from, to, f.at == SIZE_MAX ? SIZE_MAX : from + f.at,
                                    f.at == SIZE_MAX ? SIZE_MAX : from + f.end};
    }
    if (m->at >= limit) return false;
    if (m->end <= limit) return true;
    /* the first text runs past `limit`: another that starts later may still end before it */
    return may_hold(c, x->norm.text, from, limit);
}

int cgx_next(xctx *x, int p, size_t *pos, size_t *s, size_t *e) {
    return cgx_find(x, p, pos, x->norm.len, s, e);
}

/* How common byte c is in German text, roughly: a literal is searched by its first byte
 * and its least common other byte together. */
static int commonness(unsigned char c) {
    /* the rank of each letter a..z by its frequency: e, n, i, s, r, a, t, d, h, u, ... q */
    static const unsigned char rank[26] = {5, 15, 11, 7,  0, 17, 12, 8, 2,  22, 18, 10, 13,
                                           1, 14, 20, 25, 4, 3,  6,  9, 21, 16, 24, 23, 19};
    if (c == ' ') return 120;
    if (c >= 'a' && c <= 'z') return 100 - 3 * rank[c - 'a'];
    if (c == '.' || c == ',') return 40;
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 20;
    return c >= 0x80 ? 15 : 10;
}

#if CGU_HAVE_AVX2
/* As the loop below, thirty-two starts at once where the processor can: the first start not
 * tried, with *hit set when a start holds the literal. */
__attribute__((target("avx2"))) static size_t find_pairs_avx2(const char *t, size_t from,
                                                              size_t limit, const char *lit,
                                                              size_t ll, size_t k,
                                                              const char **hit) {
    const __m256i first = _mm256_set1_epi8(lit[0]), other = _mm256_set1_epi8(lit[k]);
    for (; from + ll + 31 <= limit; from += 32) {
        __m256i a = _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(t + from)), first);
        __m256i b = _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(t + from + k)), other);
        for (unsigned m = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(a, b)); m; m &= m - 1)
            if (memcmp(t + from + __builtin_ctz(m), lit, ll) == 0) {
                *hit = t + from + __builtin_ctz(m);
                return from;
            }
    }
    return from;
}
#endif

size_t cgx_literal_rare(const char *lit, size_t ll) {
    size_t k = 1;
    for (size_t j = 2; j < ll; j++)
        if (commonness((unsigned char)lit[j]) < commonness((unsigned char)lit[k])) k = j;
    return k;
}

const char *cgx_find_literal(const char *t, size_t from, size_t limit, const char *lit, size_t ll) {
    /* a short stretch (a sentence, a window around a URL) is not worth choosing the rare byte:
     * any byte of the literal gives the same answer */
    size_t rare = ll < 2 ? 0 : limit - from < 512 ? 1 : cgx_literal_rare(lit, ll);
    return cgx_find_literal_by(t, from, limit, lit, ll, rare);
}

const char *cgx_find_literal_by(const char *t, size_t from, size_t limit, const char *lit,
                                size_t ll, size_t k) {
#if defined(__SSE2__)
    if (ll >= 2 && from + ll + 15 <= limit) {
        /* Sixteen starts at once, each tried for its first byte and the literal's least
         * common other byte (at k): far fewer candidates than the first byte alone ("D" of
         * "Drs." stands at every "Die" and "Der"). */
#if CGU_HAVE_AVX2
        if (__builtin_cpu_supports("avx2")) {
            const char *hit = NULL;
            from = find_pairs_avx2(t, from, limit, lit, ll, k, &hit);
            if (hit) return hit;
        }
#endif
        const __m128i first = _mm_set1_epi8(lit[0]), other = _mm_set1_epi8(lit[k]);
        for (; from + ll + 15 <= limit; from += 16) {
            __m128i a = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(t + from)), first);
            __m128i b = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(t + from + k)), other);
            for (unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(a, b)); m; m &= m - 1)
                if (memcmp(t + from + __builtin_ctz(m), lit, ll) == 0)
                    return t + from + __builtin_ctz(m);
        }
    }
#endif
    while (from + ll <= limit) {
        const char *c = memchr(t + from, lit[0], limit - from - ll + 1);
        if (!c) return NULL;
        /* the last byte first: most candidates fail there, without a call */
        if (c[ll - 1] == lit[ll - 1] && memcmp(c, lit, ll) == 0) return c;
        from = (size_t)(c - t) + 1;
    }
    return NULL;
}

static size_t find_trigger(xctx *x, const cgx_trigger *tr, size_t from, size_t limit);

/* For a pattern with a line_literal: only the lines that hold the literal
 * are tried, each anchored at its start, instead of a scan of every line.
 * The grammar promises that a match starts at a line start and that its
 * first line holds the literal (checked on its examples), so the first
 * such line that matches gives the same match as the full scan. A
 * line_first as well skips the lines that do not begin so. */
static int run_by_lines(xctx *x, int p, size_t pos, size_t limit, size_t last_start) {
    const char *t = x->norm.text;
    const cgx_line_first *first = &x->ex->line_first[p];
    size_t from = pos;
    while (from < limit) {
        size_t h = find_trigger(x, &x->ex->line_search[p], from, limit);
        if (h == SIZE_MAX) return 0;
        size_t ls = cgu_line_start(t, h);
        if (ls > last_start) return 0; /* the lines come in order */
        if (ls >= pos && (!first->on || cgx_line_first_holds(first, t, ls, limit)) &&
            run_match(x, p, ls, limit, PCRE2_ANCHORED))
            return 1;
        if (x->status != CG_OK) return 0;
        /* on from the next line; none before `limit`: the search is over */
        const char *nl = h < limit ? memchr(t + h, '\n', limit - h) : NULL;
        if (!nl) return 0;
        from = (size_t)(nl - t) + 1;
    }
    return 0;
}

/* For a pattern with a line_first (and no line_literal): only the lines that begin with one
 * of its bytes are tried, each anchored at its start; the promise, checked on the examples,
 * makes the first of them that matches the full scan's match. A line is passed over in a
 * few instructions and a memchr, where the JIT's own search for a line start takes some
 * for every byte. */
static int run_by_first(xctx *x, int p, size_t pos, size_t limit, size_t last_start) {
    const char *t = x->norm.text;
    const cgx_line_first *first = &x->ex->line_first[p];
    size_t ls = pos;
    if (ls > 0 && t[ls - 1] != '\n') { /* pos inside a line: the next line's start */
        const char *nl = ls < limit ? memchr(t + ls, '\n', limit - ls) : NULL;
        if (!nl) return 0;
        ls = (size_t)(nl - t) + 1;
    }
    while (ls < limit && ls <= last_start) {
        if (cgx_line_first_holds(first, t, ls, limit)) {
            if (run_match(x, p, ls, limit, PCRE2_ANCHORED)) return 1;
            if (x->status != CG_OK) return 0;
        }
        const char *nl = memchr(t + ls, '\n', limit - ls);
        if (!nl) return 0;
        ls = (size_t)(nl - t) + 1;
    }
    return 0;
}

/* The next position after `i` at which a character starts. */
static size_t next_char(const xctx *x, size_t i, size_t limit) {
    i++;
    while (i < limit && ((unsigned char)x->norm.text[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* The next start of a match of trigger `tr` in [from, limit), or SIZE_MAX. Plain text is
 * found with memchr and memcmp, a pattern that begins with a fixed byte is tried (anchored)
 * only where memchr finds that byte; these are much faster than the JIT's own search. */
#define TRIGGER_SPAN 64
#define DENSE_TRIGGERS 16  /* triggers in one window before it is widened */
#define DENSE_STRETCH 4096 /* by so many bytes */

static size_t search_trigger(xctx *x, const cgx_trigger *tr, size_t from, size_t limit) {
    const char *t = x->norm.text;
    if (tr->literal) {
        const char *hit =
            cgx_find_literal_by(t, from, limit, tr->literal, tr->literal_len, tr->literal_rare);
        return hit ? (size_t)(hit - t) : SIZE_MAX;
    }
    if (tr->first_byte < 0)
        return run_code(x, tr->re, from, limit, 0) ? pcre2_get_ovector_pointer(x->md)[0] : SIZE_MAX;
    while (from < limit) {
        const char *c = memchr(t + from, tr->first_byte, limit - from);
        if (!c) break;
        size_t at = (size_t)(c - t);
        /* one call tries the next TRIGGER_SPAN bytes, where candidates crowd (a long list) */
        if (run_code_from(x, tr->re, at, limit, 0, at + TRIGGER_SPAN))
            return pcre2_get_ovector_pointer(x->md)[0];
        if (x->status != CG_OK) break;
        from = at + TRIGGER_SPAN + 1;
        while (from < limit && ((unsigned char)t[from] & 0xC0) == 0x80)
            from++;
    }
    return SIZE_MAX;
}

static int add_sighting(void *ctx, size_t which, size_t at) {
    xctx *x = ctx;
    struct cgx_sighting *sg = &x->sightings[x->ex->literal_shared[which]];
    if (cgu_grow((void **)&sg->pos, &sg->cap, sg->n + 1, sizeof *sg->pos)) {
        x->status = CG_ENOMEM;
        return 1;
    }
    sg->pos[sg->n++] = at;
    return 0;
}

/* Lists every match of every plain-text search in the whole text, in one pass: the same
 * sightings as searching for each on its own (each match start, overlapping ones too), at
 * about the cost of one such search. */
static void list_literals(xctx *x) {
    const cgx_literals *l = &x->ex->literals;
    x->literals_listed = true;
    if (cgx_literals_scan(l, x->norm.text, x->norm.len, true, add_sighting, x)) return;
    for (size_t i = 0; i < l->n; i++)
        x->sightings[x->ex->literal_shared[i]].complete_to = x->norm.len + 1;
}

/* The first start >= from of a match of shared search `id` in the whole text, or SIZE_MAX.
 * The sightings hold every match start before complete_to; what is not known yet is searched
 * from there, and listed, up to the first match at or after `from`. */
static size_t sighted(xctx *x, int id, size_t from) {
    struct cgx_sighting *sg = &x->sightings[id];
    const size_t len = x->norm.len;
    /* Where the processor has the vector loop, plain texts are listed all at once; else each
     * is searched for on its own, as far as it is asked for. */
    if (x->ex->shared[id].literal && !x->literals_listed && cgx_literals_vector()) {
        list_literals(x);
        if (x->status != CG_OK) return SIZE_MAX;
    }
    for (;;) {
        size_t lo = cgu_lower_bound(sg->pos, sg->n, from);
        if (lo < sg->n) return sg->pos[lo];
        if (sg->complete_to > len) return SIZE_MAX; /* all of the text searched */
        size_t at = search_trigger(x, &x->ex->shared[id], sg->complete_to, len);
        if (x->status != CG_OK) return SIZE_MAX;
        if (at == SIZE_MAX) {
            sg->complete_to = len + 1;
            return SIZE_MAX;
        }
        if (cgu_grow((void **)&sg->pos, &sg->cap, sg->n + 1, sizeof *sg->pos)) {
            x->status = CG_ENOMEM;
            return SIZE_MAX;
        }
        sg->pos[sg->n++] = at;
        sg->complete_to = next_char(x, at, len);
    }
}

/* The next start of a match of trigger `tr` in [from, limit), or SIZE_MAX: from the
 * sightings when the search is over the whole text (a shorter subject could change what a
 * lookaround sees). */
static size_t find_trigger(xctx *x, const cgx_trigger *tr, size_t from, size_t limit) {
    if (tr->shared >= 0 && limit == x->norm.len) return sighted(x, tr->shared, from);
    return search_trigger(x, tr, from, limit);
}

size_t cgx_window_start(const char *text, size_t floor, size_t t, const cgx_trigger *tr) {
    if (!tr->words) return cgx_reach_start(text, floor, t, tr->reach);
    /* Back from the trigger, the reach and the words counted together, to whichever ends the
     * window first: a match holds words - 1 runs of white space at most, so it starts after
     * the words-th; and `reach` bytes other than white space. Both bound the walk (a stretch
     * without white space ends it at the reach). The runs are of exactly the characters \s
     * matches (cgx_space_before): a character taken for white space that is none would split
     * a word. */
    size_t i = t, counted = 0, runs = 0;
    bool in_space = false;
    while (i > floor) {
        if (i - floor >= 8 && counted + 8 <= tr->reach) {
            /* eight printable ASCII bytes at once: no white space, eight counted */
            uint64_t w;
            memcpy(&w, text + i - 8, 8);
            if (!(w & 0x8080808080808080ULL) && !cgu_some_byte_below(w, 0x21)) {
                counted += 8;
                in_space = false;
                i -= 8;
                continue;
            }
        }
        size_t sp = cgx_space_before(text, floor, i);
        if (sp) {
            if (!in_space && ++runs == tr->words) break;
            in_space = true;
            i -= sp;
            continue;
        }
        size_t j = i - 1; /* the character that ends at i */
        while (j > floor && ((unsigned char)text[j] & 0xC0) == 0x80)
            j--;
        if (counted + (i - j) > tr->reach) break;
        counted += i - j;
        in_space = false;
        i = j;
    }
    return i;
}

/* Where each trigger of a pattern matches next, and the window of text before it in which a
 * match of the pattern may start. */
typedef struct trigger_scan {
    const cgx_triggers *trig;
    struct trigger_memo *memo;   /* NULL for the kinds of grammar files */
    uint16_t *memo_set;          /* which entries of memo hold something */
    size_t at[CGX_MAX_TRIGGERS]; /* SIZE_MAX: no match left */
    size_t ws[CGX_MAX_TRIGGERS]; /* the window [ws, at] */
    size_t limit;
} trigger_scan;

/* Finds the next match of trigger k at or after `from`, and its window. The window need not
 * reach back past `from`: what lies before it is before the search's start, or in the window
 * of this trigger's previous match, which the search has taken already (windows of one
 * trigger start in text order). So where a trigger matches densely (a long list), each window
 * costs O(1), not O(reach). */
static void advance_trigger(xctx *x, trigger_scan *ts, size_t k, size_t from, size_t floor) {
    const cgx_trigger *tr = &ts->trig->t[k];
    struct trigger_memo *m = ts->memo ? &ts->memo[k] : NULL;
    size_t ws = 0;
    if (from > ts->limit) {
        ts->at[k] = SIZE_MAX;
    } else if (m && (*ts->memo_set >> k & 1) && m->limit == ts->limit && from >= m->from &&
               from <= m->at) {
        ts->at[k] = m->at; /* no match in [m->from, m->at): the same answer, the same window */
        ws = m->ws;
    } else {
        ts->at[k] = find_trigger(x, tr, from, ts->limit);
        if (ts->at[k] != SIZE_MAX) ws = cgx_window_start(x->norm.text, from, ts->at[k], tr);
        if (m && x->status == CG_OK) {
            *m = (struct trigger_memo){from, ts->at[k], ts->limit, ws};
            *ts->memo_set |= (uint16_t)(1u << k);
        }
    }
    ts->ws[k] = ws > floor ? ws : floor;
}

/* The trigger whose window starts first (windows clipped at `cursor`), or -1. */
static int first_window(const trigger_scan *ts, size_t cursor, size_t *ws) {
    int best = -1;
    for (size_t k = 0; k < ts->trig->n; k++) {
        if (ts->at[k] == SIZE_MAX) continue;
        size_t w = ts->ws[k] > cursor ? ts->ws[k] : cursor;
        if (best < 0 || w < *ws) {
            best = (int)k;
            *ws = w;
        }
    }
    return best;
}

/* For a pattern with triggers: the grammar promises that every match starts at most `reach`
 * bytes (white space not counted) before a match of one of its triggers. So the pattern runs
 * only from the windows [cgx_window_start(t), t] before the triggers' matches t, taken in the
 * order of their starts and merged where they overlap, and a match must start inside the
 * window (PCRE2's offset limit). The subject is that of a full scan, so lookarounds see the
 * same text; no match can start outside every window, and the windows are searched from left
 * to right, so the first match found is the first match of the full scan. A match starts
 * at `last_start` at the latest (PCRE2_UNSET: anywhere). */
static int run_by_trigger(xctx *x, const pcre2_code *re, const cgx_triggers *trig,
                          struct trigger_memo *memo, uint16_t *memo_set, size_t pos, size_t limit,
                          size_t last_start) {
    trigger_scan ts = {
        .trig = trig, .memo = memo, .memo_set = memo_set, .limit = char_boundary(x, limit)};
    for (size_t k = 0; k < trig->n; k++)
        advance_trigger(x, &ts, k, pos, pos);
    size_t cursor = pos; /* no match starts in [pos, cursor) */
    size_t ws = 0, next = 0;
    int k;
    while (x->status == CG_OK && (k = first_window(&ts, cursor, &ws)) >= 0) {
        if (ws > last_start) return 0; /* the windows come in the order of their starts */
        size_t we = ts.at[k];
        advance_trigger(x, &ts, (size_t)k, next_char(x, we, ts.limit), cursor);
        /* Windows that overlap or touch are merged (one search for a run of triggers). Each
         * trigger's windows start in text order, so once the first of them starts after the
         * end of this window, no other window can reach into it. */
        size_t merged = 1;
        while (x->status == CG_OK && (k = first_window(&ts, cursor, &next)) >= 0 &&
               next <= next_char(x, we, ts.limit)) {
            if (we - ws >= DENSE_STRETCH) {
                /* A run of windows this long is searched in parts: a match early in it is then
                 * found without every trigger after it, which the next search would walk
                 * again (a list of 10,000 items took each of its 10,000 searches through all
                 * of it). The triggers inside the part move past it, so that the next part
                 * begins where this one ends. */
                for (size_t j = 0; j < trig->n; j++)
                    if (ts.at[j] <= we)
                        advance_trigger(x, &ts, j, next_char(x, we, ts.limit), cursor);
                break;
            }
            if (ts.at[k] > we) we = ts.at[k];
            if (++merged > DENSE_TRIGGERS) {
                /* Triggers crowd (a list of numbers): the next stretch of text is searched
                 * whole rather than found trigger by trigger. A wider window is always
                 * correct: it only adds start positions a full scan tries too. */
                we =
                    char_boundary(x, ts.limit - we > DENSE_STRETCH ? we + DENSE_STRETCH : ts.limit);
                for (size_t j = 0; j < trig->n; j++)
                    if (ts.at[j] <= we)
                        advance_trigger(x, &ts, j, next_char(x, we, ts.limit), cursor);
                merged = 0;
                continue;
            }
            advance_trigger(x, &ts, (size_t)k, next_char(x, ts.at[k], ts.limit), cursor);
        }
        if (x->status != CG_OK) return 0;
        if (run_code_from(x, re, ws, ts.limit, 0, we < last_start ? we : last_start)) return 1;
        cursor = next_char(x, we, ts.limit);
    }
    return 0;
}

/* The match just found, into *s and *e; the next search starts after it (after an empty match,
 * at the next character: never inside one). */
static int take_match(xctx *x, size_t *pos, size_t *s, size_t *e) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
    *s = ov[0];
    *e = ov[1];
    *pos = ov[1] > ov[0] ? ov[1] : next_char(x, ov[1], x->norm.len);
    return 1;
}

/* The first match of pattern p in [*pos, limit) that starts at `last_start` at the latest
 * (PCRE2_UNSET: anywhere), however the pattern is searched: by lines, by triggers or whole. */
static int find_from(xctx *x, int p, size_t *pos, size_t limit, size_t last_start, size_t *s,
                     size_t *e) {
    if (limit > x->norm.len) limit = x->norm.len;
    if (*pos > limit || x->status != CG_OK) return 0;
    if (!pattern_may_hold(x, p, *pos, limit)) return 0;
    int found = x->ex->line_literal[p]    ? run_by_lines(x, p, *pos, limit, last_start)
                : x->ex->line_first[p].on ? run_by_first(x, p, *pos, limit, last_start)
                : x->ex->trig[p].n
                    ? run_by_trigger(x, x->ex->re[p], &x->ex->trig[p], x->trigger_memo[p],
                                     &x->trigger_memo_set[p], *pos, limit, last_start)
                    : run_code_from(x, x->ex->re[p], *pos, limit, 0, last_start);
    return found && take_match(x, pos, s, e);
}

int cgx_find(xctx *x, int p, size_t *pos, size_t limit, size_t *s, size_t *e) {
    return find_from(x, p, pos, limit, PCRE2_UNSET, s, e);
}

int cgx_find_within(xctx *x, int p, size_t *pos, size_t limit, size_t *s, size_t *e) {
    size_t start = *pos;
    /* A match must end by `limit`; the subject stops a little after it, so that short
     * lookaheads still see the real text, and a search that fails does not run on to the end
     * of the document (which made lists quadratic). Nor may it start after `limit` (PCRE2's
     * offset limit): such a match would end after it, and the search for the item after a
     * list's last tried every position of those 64 bytes (five times the cost of the items). */
    size_t subject = limit + 64 < x->norm.len ? limit + 64 : x->norm.len;
    if (!find_from(x, p, &start, subject, limit, s, e) || *e > limit) return 0;
    *pos = start;
    return 1;
}

int cgx_match_str(xctx *x, int p, const char *str, size_t len) {
    if (x->status != CG_OK || !may_hold(x->ex->contains[p], str, 0, len)) return 0;
    int rc = pcre2_match(x->ex->re[p], (PCRE2_SPTR)str, len, 0, 0, x->md, x->mctx);
    if (rc >= 0) return 1;
    if (rc != PCRE2_ERROR_NOMATCH && rc < 0 && rc != PCRE2_ERROR_BADUTFOFFSET &&
        (rc > PCRE2_ERROR_UTF8_ERR1 || rc < PCRE2_ERROR_UTF8_ERR21))
        x->status = rc == PCRE2_ERROR_NOMEMORY ? CG_ENOMEM : CG_ELIMIT;
    return 0;
}

int cgx_at(xctx *x, int p, size_t at, size_t limit, size_t *e) {
    /* no look for the texts of contains: an anchored match tries one position, and the look
     * could run to `limit` (the end of the text) from each of many */
    if (at > limit || x->status != CG_OK) return 0;
    if (!run_match(x, p, at, limit, PCRE2_ANCHORED)) return 0;
    *e = pcre2_get_ovector_pointer(x->md)[1];
    return 1;
}

int cgx_next_code(xctx *x, const user_kind *k, size_t *pos, size_t *s, size_t *e) {
    if (*pos > x->norm.len || x->status != CG_OK) return 0;
    if (!may_hold(k->contains, x->norm.text, *pos, x->norm.len)) return 0;
    return (k->trig.n ? run_by_trigger(x, k->re, &k->trig, NULL, NULL, *pos, x->norm.len,
                                       PCRE2_UNSET)
                      : run_code(x, k->re, *pos, x->norm.len, 0)) &&
           take_match(x, pos, s, e);
}

int cgx_group(xctx *x, int p, const char *name, size_t *s, size_t *e) {
    return cgx_group_code(x, x->ex->re[p], name, s, e);
}

int cgx_group_code(xctx *x, const pcre2_code *re, const char *name, size_t *s, size_t *e) {
    /* Names may repeat across alternatives (PCRE2_DUPNAMES): take the one set. */
    uintptr_t h = ((uintptr_t)re >> 4) * 31u + ((uintptr_t)name >> 1);
    struct group_names *g = &x->group_names[(h ^ h >> 7) % GROUP_NAME_SLOTS];
    if (g->re != re || g->name != name) {
        PCRE2_SPTR first = NULL, last = NULL;
        int size = pcre2_substring_nametable_scan(re, (PCRE2_SPTR)name, &first, &last);
        *g = (struct group_names){re, name, first, last, size};
    }
    PCRE2_SPTR first = g->first, last = g->last;
    int size = g->size;
    if (size <= 0) return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
    uint32_t count = pcre2_get_ovector_count(x->md);
    for (PCRE2_SPTR entry = first; entry <= last; entry += size) {
        uint32_t n = ((uint32_t)entry[0] << 8) | entry[1];
        if (n < count && ov[2 * n] != PCRE2_UNSET) {
            *s = ov[2 * n];
            *e = ov[2 * n + 1];
            return 1;
        }
    }
    return 0;
}

unsigned long cgx_group_number(xctx *x, int p, const char *name, int *digits) {
    size_t s, e;
    if (!cgx_group(x, p, name, &s, &e)) {
        if (digits) *digits = 0;
        return 0;
    }
    return cgx_number(x->norm.text, s, e, digits);
}

char *cgx_text(xctx *x, size_t s, size_t e) {
    char *out = cgu_arena_alloc(x->arena, e - s + 1);
    if (!out) {
        x->status = CG_ENOMEM;
        return NULL;
    }
    size_t n = 0;
    int space = 0;
    for (size_t i = s; i < e; i++) {
        char c = x->norm.text[i];
        if (c == ' ' || c == '\n' || c == '\t') {
            space = n > 0;
            continue;
        }
        if (space) out[n++] = ' ';
        space = 0;
        out[n++] = c;
    }
    out[n] = '\0';
    return out;
}

char *cgx_strdup(xctx *x, const char *s) {
    char *p = cgu_arena_strdup(x->arena, s);
    if (!p) x->status = CG_ENOMEM;
    return p;
}

long cgx_add_cand(xctx *x, const cand *c) {
    if (cgu_grow((void **)&x->cands, &x->capcands, x->ncands + 1, sizeof *x->cands)) {
        x->status = CG_ENOMEM;
        return -1;
    }
    x->cands[x->ncands] = *c;
    x->cands[x->ncands].id = (int)x->ncands;
    if (x->cands[x->ncands].list_first < 0) x->cands[x->ncands].list_first = (int)x->ncands;
    return (long)x->ncands++;
}

unsigned long cgx_number(const char *text, size_t s, size_t e, int *ndigits) {
    unsigned long v = 0;
    int n = 0;
    for (size_t i = s; i < e; i++) {
        if (text[i] < '0' || text[i] > '9') continue;
        if (n < 9) v = v * 10 + (unsigned long)(text[i] - '0');
        n++;
    }
    if (ndigits) *ndigits = n;
    return v;
}

bool cgx_excluded(const xctx *x, size_t s, size_t e) {
    for (size_t i = 0; i < x->nexcluded; i++)
        if (s >= x->excluded[i].start && e <= x->excluded[i].end) return true;
    return false;
}

/* ---- candidates ---- */

/* The kind name a candidate sorts by (a Drucksache not yet resolved sorts as a
 * Bundestag one). */
static const char *cand_kind_name(const cand *c) {
    return c->target.kind == CG_KIND_NONE ? cg_kind_name(CG_KIND_BT_DRUCKSACHE)
                                          : cg_docid_kind_name(&c->target);
}

int cgx_cmp_cand(const void *a, const void *b) {
    const cand *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->end != y->end) return x->end > y->end ? -1 : 1; /* longer first */
    return strcmp(cand_kind_name(x), cand_kind_name(y));
}

cg_question *cgx_questions_dup(xctx *x, const cg_question *q, size_t n) {
    if (!n) return NULL;
    cg_question *copy = cgu_arena_alloc(x->arena, n * sizeof *copy);
    if (!copy) {
        x->status = CG_ENOMEM;
        return NULL;
    }
    memcpy(copy, q, n * sizeof *copy);
    return copy;
}
