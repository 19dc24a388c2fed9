/* answers.c - how an Antwort answers: the answer under each of its
 * questions, the references that give an answer by sending the reader
 * elsewhere (the `refers` relation), and which questions are answered only
 * that way.
 *
 * An Antwort repeats the Anfrage's preliminary remark and each question
 * before its answer; only the Bundesregierung's own text can refer. The
 * regions, from the numbered questions (questions.c) and the headings:
 *   the header (to header_end): no referral;
 *   "Vorbemerkung der Fragesteller" to the next heading or question: the
 *     askers' words, no referral;
 *   "Vorbemerkung der Bundesregierung" to the first question: its own;
 *   each question: its text (to the line that ends with "?", and a
 *     parenthesis after it) is the askers'; the rest, to the next question
 *     (the last: to the printer's imprint), is the answer. A question whose answer is empty is
 * answered with the next one ("Die Fragen 3 und 4 werden gemeinsam beantwortet"). A reference in
 * the Bundesregierung's text is a referral when its sentence matches the grammar's [referral]
 * pattern (a "siehe"/"vgl." only where it opens the sentence: behind a claim it supports the
 * claim). An answer is by reference when every sentence of it is a referral, apart from a note that
 * questions are answered together ([joint_answer]); partly when some are. A referral to a statute
 * ("auf § 31 SG wird verwiesen") names the rule that answers: that is an answer of its own; "nicht
 * verfügbar", "keine ... entnommen" and "der nachfolgenden Tabelle entnommen" are no referrals; the
 * note on who sent the Antwort and a printer's note ("Von einer Drucklegung
 * der Anlage wird abgesehen") are neither answer nor referral. tests/gold/CONVENTIONS.md
 * says the same for readers. */
#include <stdlib.h>
#include <string.h>

#include "xctx.h"

static bool is_antwort(const xctx *x) {
    return x->header.type && strcmp(x->header.type, "Antwort") == 0;
}

/* The end of question text starting at `s`, inside the block ending at
 * `limit`: after the first line whose last character is "?", and a
 * parenthesis that follows on the next lines ("(bitte nach Jahren
 * aufschlüsseln)"); without one, after the first line. */
static size_t question_end(const xctx *x, size_t s, size_t limit) {
    const char *t = x->norm.text;
    size_t first_line_end = SIZE_MAX;
    for (size_t ls = s; ls < limit;) {
        const char *nl = memchr(t + ls, '\n', limit - ls);
        size_t le = nl ? (size_t)(nl - t) : limit;
        if (first_line_end == SIZE_MAX) first_line_end = le;
        size_t k = le;
        while (k > ls && (t[k - 1] == ' ' || t[k - 1] == '\t' || t[k - 1] == '\r'))
            k--;
        if (k > ls && t[k - 1] == '?') {
            size_t end = le;
            /* "(bitte ... aufschlüsseln)" under the question */
            size_t p = end;
            while (p < limit && (t[p] == '\n' || t[p] == ' '))
                p++;
            if (p < limit && t[p] == '(') {
                for (size_t q = p, lines = 0; q < limit && lines < 4; q++) {
                    if (t[q] == '\n') lines++;
                    if (t[q] == ')') {
                        const char *nl2 = memchr(t + q, '\n', limit - q);
                        end = nl2 ? (size_t)(nl2 - t) : limit;
                        break;
                    }
                }
            }
            return end;
        }
        ls = le + 1;
    }
    return first_line_end == SIZE_MAX ? limit : first_line_end;
}

static bool has_letter(const char *t, size_t s, size_t e) {
    for (size_t i = s; i < e; i++) {
        unsigned char c = (unsigned char)t[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC3) return true;
    }
    return false;
}

/* Words that may open a sentence before its "siehe"/"vgl.". */
static bool only_opening(const char *t, size_t s, size_t e) {
    static const char *const words[] = {"Hierzu",     "Dazu",        "Insoweit",       "Ergänzend",
                                        "Im Übrigen", "Im Weiteren", "Darüber hinaus", "Zudem",
                                        "Ferner",     NULL};
    while (s < e && (t[s] == ' ' || t[s] == '\n' || t[s] == '(' || t[s] == '-'))
        s++;
    for (const char *const *w = words; s < e && *w; w++) {
        size_t n = strlen(*w);
        if (n <= e - s && strncmp(t + s, *w, n) == 0) {
            s += n;
            break;
        }
    }
    while (s < e && (t[s] == ' ' || t[s] == '\n' || t[s] == ',' || t[s] == ':'))
        s++;
    return s == e;
}

/* The parenthesis still open at `cue` that opened after the sentence [s, …)
 * began, or SIZE_MAX: a parenthesis behind a claim supports it. Brackets
 * inside it are closed again: "(vgl. den Bericht (2023), S. 21, verfügbar
 * unter …)". */
static size_t open_parenthesis(const char *t, size_t s, size_t cue) {
    while (s < cue && (t[s] == ' ' || t[s] == '\n'))
        s++;
    size_t depth = 0;
    for (size_t i = cue; i-- > s;) {
        if (t[i] == ')')
            depth++;
        else if (t[i] == '(' && depth)
            depth--;
        else if (t[i] == '(')
            return i == s ? SIZE_MAX : i;
    }
    return SIZE_MAX;
}

/* Whether the words just before a cue at `cue` (in the sentence from `s`)
 * take it back: "nicht verfügbar", "keine Daten ... entnommen", or point
 * into the answer itself ("der nachfolgenden Tabelle entnommen"). */
static bool cue_taken_back(const char *t, size_t s, size_t cue) {
    /* not "folgenden": "unter folgenden Links abrufbar" sends the reader away */
    static const char *const words[] = {"nicht ",      "nicht\n", "kein", "Kein",
                                        "nachfolgend", "unten ",  NULL};
    size_t from = cue > s + 40 ? cue - 40 : s;
    for (const char *const *w = words; *w; w++)
        if (cgx_find_literal(t, from, cue, *w, strlen(*w))) return true;
    /* inside a parenthesis of support behind a claim: "… Bereich (vgl. hierzu
     * den Integritätsbericht 2023, S. 21, verfügbar unter www…)"; or one
     * that the cue opens, a source note: "Die Schlussfolgerungen des Rates
     * (abrufbar unter: https://…) begrüßen den Sonderbericht" */
    size_t open = open_parenthesis(t, s, cue);
    return open != SIZE_MAX &&
           (strncmp(t + open + 1, "vgl. ", 5) == 0 || strncmp(t + open + 1, "siehe ", 6) == 0 ||
            open + 1 == cue);
}

/* Whether a cue says where something is to be had ("verfügbar", "abrufbar",
 * "entnommen", ...): only those can be taken back by the words before them;
 * "verwiesen" and "Bezug genommen" refer whatever stands before. */
static bool is_availability(const char *cue, size_t len) {
    static const char *const stems[] = {"verfügbar", "zugänglich", "abrufbar",  "abgerufen",
                                        "einsehbar", "eingesehen", "entnommen", "entnehmen",
                                        "finden",    "zu finden",  NULL};
    for (const char *const *w = stems; *w; w++)
        if (strlen(*w) <= len && strncmp(cue, *w, strlen(*w)) == 0) return true;
    return false;
}

/* Whether the sentence [s, e) refers the reader elsewhere. */
static bool is_referral(xctx *x, size_t s, size_t e) {
    /* from the byte before: [referral] begins with what stands before its word */
    size_t pos = s ? s - 1 : 0, ms, me, gs, ge;
    while (cgx_find(x, P_REFERRAL, &pos, e, &ms, &me)) {
        if (!cgx_group(x, P_REFERRAL, "see", &gs, &ge)) {
            if (!is_availability(x->norm.text + ms, me - ms) ||
                !cue_taken_back(x->norm.text, s, ms))
                return true;
        } else if (only_opening(x->norm.text, s, gs)) {
            return true;
        }
    }
    return false;
}

/* Whether the sentence [s, e), which names a reference, sends the reader to
 * it with "siehe hier" or "siehe unter": "Zu den Förderungen siehe hier:
 * www…", but not "… gestärkt (zur aktuellen Übersicht, siehe hier
 * https://…)", a parenthesis of support. Looked for only where a reference
 * stands, not by the [referral] pattern, which is tried at every word. */
static bool see_here(const char *t, size_t s, size_t e) {
    static const char *const cues[] = {"iehe hier", "iehe unter", NULL};
    for (const char *const *cue = cues; *cue; cue++) {
        size_t n = strlen(*cue);
        for (size_t from = s + 1;;) {
            const char *hit = cgx_find_literal(t, from, e, *cue, n);
            if (!hit) break;
            size_t at = (size_t)(hit - t) - 1; /* the S of "Siehe" */
            from = at + 2;
            if (t[at] != 'S' && t[at] != 's') continue;
            if (at > s && strchr(" \n(:,", t[at - 1]) == NULL) continue;
            if (at + 1 + n < e && t[at + 1 + n] != ' ' && t[at + 1 + n] != ':' &&
                t[at + 1 + n] != '\n')
                continue;
            if (open_parenthesis(t, s, at) == SIZE_MAX) return true;
        }
    }
    return false;
}

/* Whether the sentence [s, e) is a printer's note: "Von einer Drucklegung der
 * Anlage wird abgesehen. Diese ist auf Bundestagsdrucksache 21/1076 auf der
 * Internetseite ... abrufbar." Neither an answer nor a referral. */
static bool is_printers_note(xctx *x, size_t s, size_t e) {
    size_t pos = s, ps, pe;
    return cgx_find_literal(x->norm.text, s, e, "Drucklegung", 11) ||
           cgx_find(x, P_PUBNOTE, &pos, e, &ps, &pe);
}

/* Whether a referral sentence without a reference names a statute ("§"):
 * the rule that answers. */
static bool names_statute(const char *t, size_t s, size_t e) {
    for (size_t i = s; i + 1 < e; i++)
        if ((unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA7) return true;
    return false;
}

typedef struct region {
    size_t start, end;
    size_t answer; /* index + 1 into x->answers of the answer it is, or 0 */
} region;

/* Where the note on who sent the Antwort stands ([transmittal]); empty if
 * nowhere. */
typedef struct span_t {
    size_t start, end;
} span_t;

/* Whether [s, e) holds a letter outside `skip`. */
static bool has_content(const char *t, size_t s, size_t e, span_t skip) {
    if (skip.end <= s || skip.start >= e) return has_letter(t, s, e);
    return (skip.start > s && has_letter(t, s, skip.start)) ||
           (skip.end < e && has_letter(t, skip.end, e));
}

/* Reads the region [r->start, r->end) sentence by sentence: its
 * candidates (sorted by start; *ci is the first not before it) in a
 * referral sentence become `refers`, and all take the answer the region is;
 * of an answer, counts the referral sentences and those of its own (for a
 * region that is no answer, `referrals` and `own` may be NULL). */
static void read_region(xctx *x, const region *r, span_t note, size_t *ci, size_t *referrals,
                        size_t *own) {
    const char *t = x->norm.text;
    size_t k = *ci;
    for (size_t pos = r->start; pos < r->end && x->status == CG_OK;) {
        while (pos < r->end && (t[pos] == ' ' || t[pos] == '\n' || t[pos] == '\t'))
            pos++;
        if (pos >= r->end) break;
        size_t s, e;
        cgx_sentence_around(x, pos, pos, r->end, &s, &e);
        if (e <= pos) e = pos + 1;
        bool refers = is_referral(x, s, e), has_ref = false;
        while (k < x->ncands && x->cands[k].start < s)
            k++;
        if (!refers && k < x->ncands && x->cands[k].start < e) refers = see_here(t, s, e);
        for (; k < x->ncands && x->cands[k].start < e; k++) {
            cand *c = &x->cands[k];
            if (c->dropped || c->relation != CG_REL_CITES) continue;
            has_ref = true;
            if (refers && !c->bare_question) c->relation = CG_REL_REFERS;
            c->answer = r->answer;
        }
        bool in_note = s >= note.start && e <= note.end && note.end > note.start;
        if (r->answer && !in_note && has_letter(t, s, e) && !is_printers_note(x, s, e)) {
            size_t js = s, jstart, jend;
            if (refers && (has_ref || !names_statute(t, s, e))) (*referrals)++;
            /* every joint-answer note says "beantwortet": most sentences need no match */
            else if (!cgx_find_literal(t, s, e, "beantwortet", 11) ||
                     !cgx_find(x, P_JOINT_ANSWER, &js, e, &jstart, &jend))
                (*own)++;
        }
        pos = e;
    }
    *ci = k;
}

static int add_answer(xctx *x, size_t q0, size_t q1, size_t start) {
    if (cgu_grow((void **)&x->answers, &x->capanswers, x->nanswers + 1, sizeof *x->answers)) {
        x->status = CG_ENOMEM;
        return -1;
    }
    x->answers[x->nanswers++] = (xanswer){q0, q1, start, 0, 0};
    return 0;
}

int cgx_answers(xctx *x) {
    if (!is_antwort(x)) return 0;
    size_t from = x->header_end, s, e;
    /* the text ends at the printer's imprint, which is no part of the last answer */
    size_t len = x->norm.len, imprint_from = x->nqlabels ? x->qstart[x->nqlabels - 1] : from;
    if (cgx_find(x, P_IMPRINT, &imprint_from, len, &s, &e)) len = s;
    /* the headings of the two preliminary remarks, before the first question */
    size_t first_q = x->nqlabels ? x->qstart[0] : len;
    size_t askers = SIZE_MAX, government = SIZE_MAX, government_end = 0;
    while (cgx_find(x, P_PRELIMINARY, &from, first_q, &s, &e)) {
        size_t gs, ge;
        bool gov = cgx_group(x, P_PRELIMINARY, "government", &gs, &ge);
        if (gov && government == SIZE_MAX) {
            government = s;
            government_end = e;
        } else if (!gov && askers == SIZE_MAX) {
            askers = s;
        }
    }
    if (x->status != CG_OK) return -1;
    /* what the Bundesregierung says before the first question: its
     * preliminary remark, or, without headings and without questions, the
     * whole text after the header */
    region pre = {0, 0, 0};
    if (government != SIZE_MAX)
        pre = (region){government_end,
                       askers > government_end && askers < first_q ? askers : first_q, 0};
    else if (askers == SIZE_MAX && !x->nqlabels)
        pre = (region){x->header_end, len, 0};
    span_t note = {0, 0};
    size_t note_from = x->header_end;
    if (cgx_find(x, P_TRANSMITTAL, &note_from, len, &s, &e)) note = (span_t){s, e};
    if (x->status != CG_OK) return -1;
    size_t ci = 0;
    /* the preliminary remark answers no question: nothing to count */
    if (pre.end > pre.start) read_region(x, &pre, note, &ci, NULL, NULL);
    /* each question's answer, a question with an empty one joining the next */
    size_t pending = 0;
    for (size_t i = 0; i < x->nqlabels && x->status == CG_OK; i++) {
        size_t block_end = i + 1 < x->nqlabels ? x->qstart[i + 1] : len;
        if (block_end < x->qstart[i]) block_end = x->qstart[i]; /* out of order: empty */
        size_t answer_start = question_end(x, x->qstart[i], block_end);
        while (answer_start < block_end &&
               (x->norm.text[answer_start] == '\n' || x->norm.text[answer_start] == ' ' ||
                x->norm.text[answer_start] == '\t'))
            answer_start++;
        /* nothing but the note on who sent it: answered with the next */
        if (!has_content(x->norm.text, answer_start, block_end, note)) continue;
        if (add_answer(x, pending, i, answer_start) != 0) return -1;
        pending = i + 1;
        region r = {answer_start, block_end, x->nanswers};
        size_t nref = 0, nown = 0;
        read_region(x, &r, note, &ci, &nref, &nown);
        xanswer *a = &x->answers[x->nanswers - 1];
        a->referrals = nref;
        a->own = nown;
    }
    return x->status == CG_OK ? 0 : -1;
}
