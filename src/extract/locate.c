/* locate.c - what narrows a reference, what relates it, and what is no
 * reference at all.
 *
 * Runs after the recognisers, on candidates sorted by position:
 *   1. candidates inside the header, running heads and footers go (they are
 *      the document naming itself), and so do overlapping matches;
 *   2. a page or part after a document (", S. 15", ", Ziffer 58") or before it
 *      ("Ziffer 10 der Empfehlungsdrucksache", "S. 21, verfügbar unter www…")
 *      becomes its locator;
 *   3. a question phrase binds to a document: forwards when the words between
 *      lead to it ("Antwort zu Frage 1 auf Bundestagsdrucksache 19/5954"),
 *      else backwards when only a comma separates them ("Bundestagsdrucksache
 *      19/5954, Antwort zu Frage 2"); an "Antwort zu Frage 6" bound to no
 *      document is a reference to a part of this document ("#");
 *   4. an article binds to an EU act, before it ("Artikel 43 Absatz 4 der
 *      VO 2018/1862") or later in the same sentence;
 *   5. the Drucksache set between dashes under "auf die Kleine Anfrage" in
 *      an Antwort's header is what it `answers`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xctx.h"

#define FORWARD_GAP_MAX 250
#define ARTICLE_GAP_MAX 300
#define ANSWERS_WINDOW 6000

static int gap_has(const xctx *x, size_t a, size_t b, const char *chars) {
    for (size_t i = a; i < b; i++)
        if (strchr(chars, x->norm.text[i])) return 1;
    return 0;
}

/* 1. header, running heads, overlaps */
static void drop_excluded(xctx *x) {
    size_t last_end = 0;
    int last_first = -1;
    for (size_t i = 0; i < x->ncands; i++) {
        cand *c = &x->cands[i];
        if (c->target.kind != CG_KIND_URL && cgx_excluded(x, c->start, c->end)) {
            c->dropped = true;
            continue;
        }
        if (i && c->start < last_end && c->list_first != last_first) {
            c->dropped = true;
            continue;
        }
        if (c->end > last_end) last_end = c->end;
        last_first = c->list_first;
    }
}

/* 2. a page or a part: ", S. 8 ff." or ", Ziffer 58" after a document, "Ziffer 10
 * der" or "die Vorbemerkung der Fragesteller auf" before one, "S. 21, verfügbar
 * unter" before a URL. Written as CONVENTIONS.md ("More locators") says. */

/* Appends t[s, e) to out with each run of white space made one space, and
 * none next to a dash: "89, 90", "511 bis 521", "5 – 7" as "5-7". */
static void append_spaced(char *out, size_t cap, const char *t, size_t s, size_t e) {
    size_t n = strlen(out);
    int space = 0;
    for (size_t i = s; i < e && n + 1 < cap; i++) {
        if (t[i] == ' ' || t[i] == '\n' || t[i] == '\t') {
            space = 1;
            continue;
        }
        if (space && n + 2 < cap && t[i] != '-' && !(n > 0 && out[n - 1] == '-')) out[n++] = ' ';
        space = 0;
        out[n++] = t[i];
    }
    out[n] = '\0';
}

/* "S. 8", "S. 8 ff.", "S. 89, 90" from the groups page and ff of pattern p. */
static int page_text(xctx *x, int p, char *loc, size_t cap) {
    size_t gs, ge, fs, fe;
    if (!cgx_group(x, p, "page", &gs, &ge)) return 0;
    const char *t = x->norm.text;
    int ff = cgx_group(x, p, "ff", &fs, &fe), fs_seen = 0;
    if (ff)
        for (size_t i = fs; i < fe; i++)
            fs_seen += t[i] == 'f';
    int two = fs_seen == 2; /* "ff." or "ff", not "f." */
    snprintf(loc, cap, "S. ");
    append_spaced(loc, cap, t, gs, ge);
    if (ff) snprintf(loc + strlen(loc), cap - strlen(loc), "%s", two ? " ff." : " f.");
    return 1;
}

/* "Nr. A.66", "Ziffer 58", "Nr. 4 Buchst. b" from the groups item_kw, item
 * and lit of pattern p ("Nummer" is written "Nr.", "Ziff." "Ziffer"); *nr
 * is the number of a plain "Nr. 62" (which may be a question's), else 0. */
static int item_text(xctx *x, int p, char *loc, size_t cap, unsigned *nr) {
    size_t ks, ke, is, ie, ls, le;
    *nr = 0;
    if (!cgx_group(x, p, "item", &is, &ie) || !cgx_group(x, p, "item_kw", &ks, &ke)) return 0;
    const char *t = x->norm.text;
    snprintf(loc, cap, "%s", t[ks] == 'N' ? "Nr. " : "Ziffer ");
    size_t n = strlen(loc);
    for (size_t i = is; i < ie && n + 1 < cap; i++)
        if (t[i] != ' ' && t[i] != '\n' && t[i] != '\t') loc[n++] = t[i];
    loc[n] = '\0';
    int lit = cgx_group(x, p, "lit", &ls, &le);
    if (lit) snprintf(loc + n, cap - n, " Buchst. %.*s", (int)(le - ls), t + ls);
    int digits;
    unsigned long v = cgx_number(t, is, ie, &digits);
    if (t[ks] == 'N' && !lit && digits && (size_t)digits == ie - is) *nr = (unsigned)v;
    return 1;
}

/* The locator of a part named by the last match of P_PART_BEFORE. */
static int part_text(xctx *x, char *loc, size_t cap, unsigned *nr) {
    size_t gs, ge;
    if (item_text(x, P_PART_BEFORE, loc, cap, nr)) return 1;
    if (cgx_group(x, P_PART_BEFORE, "pre", &gs, &ge)) {
        snprintf(loc, cap, "Vorbemerkung");
        return 1;
    }
    if (!cgx_group(x, P_PART_BEFORE, "anl", &gs, &ge)) return 0;
    if (cgx_group(x, P_PART_BEFORE, "anr", &gs, &ge))
        snprintf(loc, cap, "Anlage %.*s", (int)(ge - gs), x->norm.text + gs);
    else
        snprintf(loc, cap, "Anlage");
    return 1;
}

/* Does a match of pattern p end where the candidate begins, in the words
 * since the candidate before it (`from`)? Only a few words back, and only
 * where one of the pattern's keywords stands there (most documents are
 * named without a part: the pattern is not run for them). */
static int names_before(xctx *x, int p, size_t from, size_t start, size_t window,
                        const char *const *keywords) {
    size_t pos = start > from + window ? start - window : from, s, e;
    int named = 0;
    for (const char *const *k = keywords; *k && !named; k++)
        named = cgx_find_literal(x->norm.text, pos, start, *k, strlen(*k)) != NULL;
    return named && cgx_find(x, p, &pos, start, &s, &e) && e == start;
}

static void page_locators(xctx *x) {
    size_t prev_end = 0; /* where the candidate before, and its page or item, end */
    for (size_t i = 0; i < x->ncands; i++) {
        cand *c = &x->cands[i];
        if (c->dropped) continue;
        size_t since = prev_end;
        prev_end = c->end;
        /* documents, and URLs, which name documents too ("koav_2025.pdf, S. 31") */
        if (c->role != ROLE_DOC && c->target.kind != CG_KIND_URL) continue;
        size_t e, gs, ge;
        char loc[64] = "";
        unsigned nr = 0;
        if (cgx_at(x, P_TAIL, c->end, x->norm.len, &e)) {
            if (!page_text(x, P_TAIL, loc, sizeof loc) &&
                !item_text(x, P_TAIL, loc, sizeof loc, &nr) &&
                cgx_group(x, P_TAIL, "bare", &gs, &ge))
                snprintf(loc, sizeof loc, "S. %.*s", (int)(ge - gs), x->norm.text + gs);
            if (loc[0]) prev_end = e;
        }
        /* a page before a URL, unless it is the page of the document just
         * before ("BT-Drs. 21/100 vom 3. Mai 2024, S. 5, www…": that page
         * ends where `since` does) */
        static const char *const pages[] = {"S.", "Seite", NULL};
        static const char *const parts[] = {"Ziff", "Nr.", "Numm", "Vorbem", "Anlage", NULL};
        if (!loc[0] && c->target.kind == CG_KIND_URL && since < c->start &&
            names_before(x, P_PAGE_BEFORE, since, c->start, 64, pages))
            page_text(x, P_PAGE_BEFORE, loc, sizeof loc);
        if (!loc[0] && c->role == ROLE_DOC &&
            names_before(x, P_PART_BEFORE, since, c->start, 64, parts))
            part_text(x, loc, sizeof loc, &nr);
        if (!loc[0]) continue;
        memset(&c->locator, 0, sizeof c->locator);
        c->locator.text = cgx_strdup(x, loc);
        c->item_nr = nr;
    }
}

static int phrase_between(const xctx *x, size_t a, size_t b, size_t self) {
    for (size_t i = 0; i < x->nquestions; i++)
        if (i != self && x->questions[i].start >= a && x->questions[i].start < b) return 1;
    return 0;
}

/* 3. questions */

/* The length of a name in brackets at text[k], a party's as a member's
 * name is followed by it ("(AfD)", "(BÜNDNIS 90/DIE GRÜNEN)", "(Die
 * Linke)", "(fraktionslos)": a capital first, letters, spaces, "/", ".", "-" and no digit
 * but the 90 of the Greens, under 32 bytes), ending before `b`; 0 if there
 * is none there. A member's party between a question and its paper does
 * not part them: "die Schriftliche Frage 100 des Abgeordneten Thomas Dietz
 * (AfD) … auf Bundestagsdrucksache 21/1831". */
static size_t bracketed_name(const xctx *x, size_t k, size_t b) {
    const char *t = x->norm.text;
    size_t i = k + 1;
    unsigned char first = i < b ? (unsigned char)t[i] : 0;
    if (!((first >= 'A' && first <= 'Z') || first == 0xC3) &&
        !(b - i >= 13 && strncmp(t + i, "fraktionslos)", 13) == 0))
        return 0;
    for (; i < b && i < k + 32 && t[i] != ')'; i++) {
        unsigned char c = (unsigned char)t[i];
        int letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
        int ninety = c == '9' && i + 1 < b && t[i + 1] == '0';
        if (ninety) i++;
        else if (!letter && c != ' ' && c != '/' && c != '.' && c != '-') return 0;
    }
    return i < b && t[i] == ')' && i > k + 1 ? i - k + 1 : 0;
}

static int bind_forward(xctx *x, size_t qi) {
    phrase *ph = &x->questions[qi];
    for (size_t i = 0; i < x->ncands; i++) {
        cand *c = &x->cands[i];
        if (c->dropped || c->start < ph->end) continue;
        if (c->role != ROLE_DOC) {
            /* another kind of reference stands between: the question is not its */
            if (c->target.kind == CG_KIND_URL || c->role == ROLE_ACT) return 0;
            continue;
        }
        size_t a = ph->end, b = c->start;
        if (b - a > FORWARD_GAP_MAX) return 0;
        if (cgx_crosses_sentence(x, a, b) || phrase_between(x, a, b, qi)) return 0;
        /* no ";", "?", "!" or other bracket between, and "(" only directly
         * before the document ("der Kleinen Anfrage (Drucksache ...)") */
        for (size_t k = a; k < b; k++) {
            char ch = x->norm.text[k];
            size_t skip = ch == '(' ? bracketed_name(x, k, b) : 0;
            if (skip) {
                k += skip - 1;
                continue;
            }
            if (ch == ';' || ch == ')' || ch == '?' || ch == '!') return 0;
            if (ch == '(') {
                size_t j = k + 1;
                while (j < b && (x->norm.text[j] == ' ' || x->norm.text[j] == '\n'))
                    j++;
                if (j != b) return 0;
            }
        }
        /* "Wie in Frage 2 ausgeführt (BT-Drs. 21/100, S. 5)": a question
         * named without "Antwort" or a series, and what is said in it, are
         * this document's; the paper after supports the statement */
        static const char *const said[] = {"ausgeführt", "dargelegt", "dargestellt", "erläutert",
                                           "beschrieben", "erwähnt", "genannt", NULL};
        for (const char *const *w = said; *w && !ph->antwort && !ph->written; w++)
            if (cgx_find_literal(x->norm.text, a, b, *w, strlen(*w))) return 0;
        size_t pos = a, s, e;
        if (!cgx_find(x, P_GAP_FWD_END, &pos, b, &s, &e)) return 0;
        if (c->has_question) return 0;
        c->locator = ph->locator;
        c->has_question = true;
        ph->bound = true;
        return 1;
    }
    return 0;
}

static int bind_backward(xctx *x, size_t qi) {
    phrase *ph = &x->questions[qi];
    cand *best = NULL;
    for (size_t i = 0; i < x->ncands; i++) {
        cand *c = &x->cands[i];
        if (c->dropped) continue;
        if (c->start >= ph->start) break;
        if (c->role == ROLE_DOC)
            best = c;
        else
            best = NULL;
    }
    if (!best || best->has_question || best->end > ph->start) return 0;
    size_t e;
    if (!cgx_at(x, P_GAP_BACK, best->end, ph->start, &e) || e != ph->start) return 0;
    best->locator = ph->locator;
    best->has_question = true;
    ph->bound = true;
    return 1;
}

/* Where the text before the line starting at `ls` ends, white space and
 * line breaks left out; *breaks counts the line breaks between. */
static size_t text_before(const char *t, size_t ls, size_t *breaks) {
    size_t pe = ls;
    *breaks = 0;
    while (pe > 0 && (t[pe - 1] == '\n' || t[pe - 1] == ' ' || t[pe - 1] == '\t'))
        *breaks += t[--pe] == '\n';
    return pe;
}

/* A question named without "Antwort" is this document's when the text
 * points to it (`vgl. Frage 5`, `die in Frage 9 genannten`, `(Fragen 1, 3,
 * 4)`), but not when the words only head or group the questions: a line
 * that begins with the question or with "Zu"/"Zur"/"Vorbemerkung", a
 * question followed by ':', a joint-answer statement, a Vorbemerkung or an
 * Anlage of this document named by the questions it belongs to. */
static int points_to_question(xctx *x, const phrase *ph) {
    const char *t = x->norm.text;
    size_t ls = cgu_line_start(t, ph->start);
    size_t k = ls;
    while (k < ph->start && (t[k] == ' ' || t[k] == '\t'))
        k++;
    if (k == ph->start) {
        /* the question heads its line, unless the line before runs on into it
         * ("im Hinblick auf" / "Frage 1 (wenn ...") */
        size_t breaks, pe = text_before(t, ls, &breaks);
        int see =
            pe >= 4 && (strncmp(t + pe - 4, "vgl.", 4) == 0 || strncmp(t + pe - 3, " s.", 3) == 0);
        if (pe == 0 || breaks > 1 || (strchr(".:?!)", t[pe - 1]) && !see)) return 0;
    }
    static const char *const heads[] = {"Zu ", "Zur ", "Vorbemerkung", "Antworten zu", NULL};
    for (const char *const *h = heads; *h; h++)
        if (strncmp(t + k, *h, strlen(*h)) == 0) return 0;
    /* a part of this document named by the questions it belongs to: "die Vorbemerkung der
     * Bundesregierung zu den Fragen 1 bis 4", "Anlage 2* zu den Fragen 4 und 5" */
    size_t from = ph->start > 80 ? ph->start - 80 : 0;
    size_t b = ph->start;
    while (b > from && (t[b - 1] == ' ' || t[b - 1] == '\n'))
        b--;
    int zu = (b >= from + 2 && strncmp(t + b - 2, "zu", 2) == 0) ||
             (b >= from + 3 && strncmp(t + b - 3, "zur", 3) == 0) ||
             (b >= from + 6 && strncmp(t + b - 6, "zu den", 6) == 0);
    for (size_t i = b; zu && i > from; i--) {
        if (t[i - 1] == '.' || t[i - 1] == ';') break;
        if ((i - 1 + 12 <= b && strncmp(t + i - 1, "Vorbemerkung", 12) == 0) ||
            (i - 1 + 6 <= b && strncmp(t + i - 1, "Anlage", 6) == 0))
            return 0;
    }
    size_t e = ph->end;
    while (e < x->norm.len && t[e] == ' ')
        e++;
    if (e < x->norm.len && t[e] == ':') return 0;
    /* "Die Fragen 3 und 4 werden gemeinsam beantwortet" */
    /* from a little before the question: "werden vor Frage 4 beantwortet" */
    size_t pos = ph->start > 24 ? ph->start - 24 : 0, js, je;
    size_t lim = ph->end + 160 < x->norm.len ? ph->end + 160 : x->norm.len;
    const char *dot = memchr(t + ph->end, '.', lim - ph->end);
    if (dot) lim = (size_t)(dot - t);
    if (cgx_find(x, P_JOINT_ANSWER, &pos, lim, &js, &je)) return 0;
    /* "Für die Fragen 26 und 27 wird auf die Vorbemerkung der Bundesregierung verwiesen":
     * the questions answered, by this document's Vorbemerkung */
    size_t near = ph->end + 60 < lim ? ph->end + 60 : lim;
    return !cgx_find_literal(t, ph->end, near, "Vorbemerkung", 12);
}

/* A heading that is only the phrase ("Antwort auf die Frage 6" on a line
 * of its own, after a finished sentence): the answer that follows, not a
 * reference. */
static int heading_line(const xctx *x, const phrase *ph) {
    const char *t = x->norm.text;
    size_t ls = ph->start, e = ph->end;
    while (ls > 0 && (t[ls - 1] == ' ' || t[ls - 1] == '\t'))
        ls--;
    if (ls > 0 && t[ls - 1] != '\n') return 0;
    while (e < x->norm.len && (t[e] == ' ' || t[e] == '\t'))
        e++;
    if (e < x->norm.len && t[e] != '\n') return 0;
    size_t breaks, pe = text_before(t, ls, &breaks);
    return pe > 0 && strchr(".:?!", t[pe - 1]) != NULL;
}

static int internal_refs(xctx *x) {
    /* A written question is another paper's, except in a list of written
     * questions: "Im Übrigen wird auf die Beantwortung der Schriftlichen
     * Frage 36 verwiesen" there is its own question 36. */
    const char *type = x->header.type;
    int own_written = type && strcmp(type, "Schriftliche Fragen") == 0;
    for (size_t i = 0; i < x->nquestions; i++) {
        phrase *ph = &x->questions[i];
        if (ph->bound || (ph->written && !own_written)) continue;
        if (!ph->antwort && !points_to_question(x, ph)) continue;
        if (heading_line(x, ph)) continue;
        /* "auf die Antworten zu Frage 8 sowie zu den Fragen 19 bis 21": the
         * list of the answers named just before */
        if (!ph->antwort && i > 0 && x->questions[i - 1].antwort &&
            ph->start - x->questions[i - 1].end < 40 &&
            !memchr(x->norm.text + x->questions[i - 1].end, '.',
                    ph->start - x->questions[i - 1].end))
            continue;
        if (cgx_excluded(x, ph->start, ph->end)) continue;
        size_t e;
        /* "Antwort zu Frage 4 der Kleinen Anfrage ...": another paper's question (but
         * "die Schriftliche Frage 72 der Abgeordneten …" of a list of written
         * questions is one of the list's) */
        if (!(ph->written && own_written) &&
            cgx_at(x, P_QUESTION_ELSEWHERE, ph->end, x->norm.len, &e))
            continue;
        cand c;
        memset(&c, 0, sizeof c);
        c.target.kind = CG_KIND_INTERNAL;
        c.role = ROLE_OTHER;
        c.start = ph->start;
        c.end = ph->end;
        c.locator = ph->locator;
        c.list_first = -1;
        c.bare_question = !ph->antwort;
        if (cgx_add_cand(x, &c) < 0) return -1;
    }
    return 0;
}

/* 4. articles of EU acts */
static int followed_by_other_law(const xctx *x, size_t e) {
    const char *t = x->norm.text;
    size_t i = e;
    while (i < x->norm.len && (t[i] == ' ' || t[i] == '\n'))
        i++;
    if (i + 4 <= x->norm.len && (strncmp(t + i, "der ", 4) == 0 || strncmp(t + i, "des ", 4) == 0))
        return 1;
    /* "Artikel 5 GG", "Art. 3 AEUV": an abbreviation of a statute follows */
    size_t w = i;
    while (w < x->norm.len && t[w] >= 'A' && t[w] <= 'Z')
        w++;
    return w - i >= 2;
}

static void bind_articles(xctx *x) {
    for (size_t ai = 0; ai < x->narticles; ai++) {
        phrase *ar = &x->articles[ai];
        cand *before = NULL, *after = NULL;
        for (size_t i = 0; i < x->ncands; i++) {
            cand *c = &x->cands[i];
            if (c->dropped) continue;
            if (c->end <= ar->start)
                before = c;
            else if (c->start >= ar->end) {
                after = c;
                break;
            }
        }
        if (after && after->role == ROLE_ACT && !after->locator.text &&
            after->start - ar->end < 80) {
            /* the words between, without a parenthesis: "der (geänderten) Verordnung" */
            char gap[80];
            size_t n = 0;
            int depth = 0;
            for (size_t i = ar->end; i < after->start && n + 1 < sizeof gap; i++) {
                char ch = x->norm.text[i];
                if (ch == '(')
                    depth++;
                else if (ch == ')')
                    depth--;
                else if (!depth)
                    gap[n++] = ch == '\n' ? ' ' : ch;
            }
            gap[n] = '\0';
            char *a = gap, *b = gap + n;
            while (*a == ' ')
                a++;
            while (b > a && b[-1] == ' ')
                *--b = '\0';
            for (char *q = a; *q; q++) /* fold double spaces left by the parenthesis */
                if (q[0] == ' ' && q[1] == ' ') memmove(q, q + 1, strlen(q));
            if (strcmp(a, "der") == 0 || strcmp(a, "des") == 0 || strcmp(a, "in der") == 0) {
                after->locator = ar->locator;
                continue;
            }
        }
        if (before && before->role == ROLE_ACT && !before->locator.text &&
            ar->start - before->end <= ARTICLE_GAP_MAX &&
            !gap_has(x, before->end, ar->start, ";") &&
            !cgx_crosses_sentence(x, before->end, ar->start) && !followed_by_other_law(x, ar->end))
            before->locator = ar->locator;
    }
}

/* 5. the Anfrage an Antwort answers */
static int dash_before(const xctx *x, size_t s) {
    const char *t = x->norm.text;
    size_t i = s;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\n' || t[i - 1] == '*'))
        i--;
    return i > 0 && t[i - 1] == '-';
}

static int dash_after(const xctx *x, size_t e) {
    const char *t = x->norm.text;
    size_t i = e;
    while (i < x->norm.len && (t[i] == ' ' || t[i] == '\n' || t[i] == '*'))
        i++;
    if (i + 5 <= x->norm.len && strncmp(t + i, "(neu)", 5) == 0) i += 5;
    while (i < x->norm.len && (t[i] == ' ' || t[i] == '*'))
        i++;
    return i < x->norm.len && t[i] == '-';
}

static void answers_relation(xctx *x) {
    const char *type = x->header.type;
    if (type && (strcmp(type, "Kleine Anfrage") == 0 || strcmp(type, "Große Anfrage") == 0)) return;
    for (size_t i = 0; i < x->ncands; i++) {
        cand *c = &x->cands[i];
        if (c->start > ANSWERS_WINDOW) break;
        if (c->dropped || c->role != ROLE_DOC || c->list_first != c->id) continue;
        if (!dash_before(x, c->start) || !dash_after(x, c->end)) continue;
        size_t from = c->start > 2500 ? c->start - 2500 : 0, s, e;
        if (!cgx_find(x, P_ANFRAGE_HEAD, &from, c->start, &s, &e)) continue;
        c->relation = CG_REL_ANSWERS;
        return;
    }
}

/* "Schriftliche" or "Mündliche" when the sentence before `at` names written
 * or oral questions without numbers ("hat bereits eine Schriftliche Frage …
 * beantwortet (Bundestagsdrucksache 21/469, Frage 77)"), and no Kleine or
 * Große Anfrage stands between; else NULL. */
static const char *series_named_before(const xctx *x, size_t at) {
    static const struct {
        const char *word, *series;
    } words[] = {{"Schriftliche", "Schriftliche"}, {"Mündliche", "Mündliche"}};
    const char *t = x->norm.text;
    size_t s, e;
    cgx_sentence_around(x, at, at > 400 ? at - 400 : 0, at, &s, &e);
    for (size_t i = at; i-- > s;) {
        /* most bytes begin none of the words: the compares below only where one may */
        if (t[i] != 'A' && t[i] != 'S' && t[i] != 'M') continue;
        /* "… zu Frage 8 der Kleinen Anfrage … auf Bundestagsdrucksache" */
        if (strncmp(t + i, "Anfrage", 7) == 0) return NULL;
        for (size_t w = 0; w < 2; w++) {
            size_t n = strlen(words[w].word);
            if (i + n > at || strncmp(t + i, words[w].word, n) != 0) continue;
            size_t k = i + n;
            if (k < at && t[k] == 'n') k++; /* "der Schriftlichen Frage" */
            while (k < at && (t[k] == ' ' || t[k] == '\n'))
                k++;
            if (k + 5 > at || strncmp(t + k, "Frage", 5) != 0) continue;
            /* "die Schriftliche Frage 31 … auf Drucksache 20/13973" is a
             * phrase of its own, bound to its own document */
            k += 5;
            if (k < at && t[k] == 'n') k++;
            while (k < at && (t[k] == ' ' || t[k] == '\n'))
                k++;
            if (k < at && ((t[k] >= '0' && t[k] <= '9') || strncmp(t + k, "Nr.", 3) == 0)) continue;
            return words[w].series;
        }
    }
    return NULL;
}

/* A question of a paper of written questions or of a Plenarprotokoll is
 * written with its series (CONVENTIONS.md, "More locators"): "Frage 77" of
 * "eine Schriftliche Frage … (Drucksache 21/469, Frage 77)" is "Schriftliche
 * Frage 77", and the "Nr. 62" of "zur Mündlichen Frage … auf Plenarprotokoll
 * 21/9, Nr. 62" is "Mündliche Frage 62". */
static int question_series(xctx *x) {
    for (size_t i = 0; i < x->ncands; i++) {
        cand *c = &x->cands[i];
        const char *loc = c->locator.text;
        if (c->dropped || c->role != ROLE_DOC || !loc) continue;
        int item = c->item_nr != 0 && !c->has_question;
        if (!item && !(c->has_question && c->locator.series == CG_SERIES_ANFRAGE)) continue;
        const char *series = series_named_before(x, c->start);
        if (!series && item && c->target.kind == CG_KIND_BT_PLENARPROTOKOLL) series = "Mündliche";
        if (!series) continue;
        char text[160];
        int n = item ? snprintf(text, sizeof text, "%s Frage %u", series, c->item_nr)
                     : snprintf(text, sizeof text, "%s %s", series, loc);
        if (n < 0 || (size_t)n >= sizeof text) continue; /* a list too long to retell: as it was */
        if (cgx_locator_from_text(x, cgx_strdup(x, text), &c->locator) != 0) return -1;
        c->has_question = true;
    }
    return 0;
}

int cgx_locators(xctx *x) {
    drop_excluded(x);
    page_locators(x);
    for (size_t i = 0; i < x->nquestions; i++)
        if (!cgx_excluded(x, x->questions[i].start, x->questions[i].end) && !bind_forward(x, i))
            bind_backward(x, i);
    if (x->status != CG_OK || question_series(x) != 0) return -1;
    bind_articles(x);
    answers_relation(x);
    if (x->answered.kind != CG_KIND_NONE) {
        cand c;
        memset(&c, 0, sizeof c);
        c.target = x->answered;
        c.role = ROLE_DOC;
        c.start = x->answered_start;
        c.end = x->answered_end;
        c.relation = CG_REL_ANSWERS;
        c.list_first = -1;
        if (cgx_add_cand(x, &c) < 0) return -1;
    }
    if (internal_refs(x) != 0) return -1;
    /* list_first indices are not needed past this point; sorting moves them */
    if (x->ncands) qsort(x->cands, x->ncands, sizeof *x->cands, cgx_cmp_cand);
    return x->status == CG_OK ? 0 : -1;
}
