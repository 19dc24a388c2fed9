/* extractor.c - compiling the grammar, running the stages of one extraction,
 * and turning candidates into the public result.
 *
 * Every pattern is compiled once per extractor with PCRE2_UTF | PCRE2_UCP
 * (umlauts count as letters) and JIT-compiled where the library supports it.
 * Each pattern below carries an example it must match and one it must not;
 * the unit tests hold the same examples. Patterns run on normalised text, in
 * which dashes are '-' and Unicode spaces are ' ', but line breaks remain,
 * so every separator is written as \s. No pattern nests unbounded
 * quantifiers, and every match runs under a match and depth limit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/citegraph.h"
#include "corpus/input_internal.h"
#include "xctx.h"

/* Building blocks, kept as macros so that each pattern reads as one string. */
#define NB "(?<![\\p{L}\\p{N}])" /* not inside a word or number */
#define NL "(?![\\p{L}])"        /* no letter follows */
#define SEP "(?:\\s*[,;]\\s*|\\s+(?:und|sowie|bzw\\.|oder)\\s+)"
#define DRS_SUFFIX "(?:\\s{0,3}\\((?:neu|B|Beschluss)\\)(?:\\s?\\(\\d\\))?)*"
#define DRS_ITEM                                                                                \
    "(?:zu\\s+)?\\d{1,4}(?:/\\s?\\d{1,3}(?=/))?/\\s?\\d{1,6}(?![\\d/])" DRS_SUFFIX              \
    "(?:\\s+Anlage(?:\\s+\\d{1,2})?(?=\\s*,))?"
#define WPNR_ITEM "\\d{1,2}/\\s?\\d{1,5}(?![\\d/])"
#define COUNCIL_ITEM                                                                            \
    "(?:\\d{3,6}(?:/\\d{1,2}(?=/))?/\\d{2}(?![\\d/])|\\d{3,6}\\s(?:19|20)\\d\\d(?=\\s+(?:INIT|"  \
    "REV|ADD|COR)))(?:\\s*,?\\s*(?:INIT|(?:ADD|REV|COR|EXT|DCL)\\s?\\d{1,2}))*"
#define ACT_AUTH                                                                                \
    "(?:EU|EG|EWG|EGKS|EAG|Euratom|EU,\\s?Euratom|EG,\\s?Euratom|EWG,\\s?Euratom|GASP|JI|EC|"    \
    "EEC|CFSP)"
#define ACT_SFX "(?:EU|EG|EWG|JI|GASP|Euratom|EAG|EGKS|EC|EEC|CFSP)"
#define ACT_NUM "(?:\\d{1,3} \\d{1,3}(?=/)|\\d{1,4})/(?:\\d{1,3} \\d{1,2}(?=/|\\s+(?:des|der|vom|zur|über)\\s)|\\d{1,4})"
#define ACT_ITEM                                                                                \
    "(?:\\(" ACT_AUTH "\\)\\s*|(?:EU|EG|EWG)\\s)?(?:Nr\\.\\s*)?" ACT_NUM "(?:/" ACT_SFX ")?(?![\\d/])"
#define DATE "\\d{1,2}\\.\\s*(?:\\d{1,2}\\.|\\p{Lu}\\p{Ll}+)\\s*\\d{2,4}"
#define Q_ITEM "\\d{1,3}[a-z]?(?![\\p{L}\\p{N}/])"
#define Q_SEP "(?:\\s*,\\s*|\\s+(?:und|sowie|bis)\\s+|\\s*-\\s*(?=\\d))"

static const char *const pattern_source[P_COUNT] = {
    /* "Bundestagsdrucksachen 19/5954 und 19/8683", "BT-Drs. Nr. 21/660",
     * "in der Drucksache 238/25 und zu 238/25"; not "Bundestagsdrucksachennummer". */
    [P_DRS] = NB "(?:(?<bt>Bundestags(?:-\\s*)?[Dd]rucksachen?|Bundesdrucksachen?|BT(?:-\\s*|\\s)?"
                 "Drucksachen?|BT(?:-\\s*|\\s)?Drs\\.?|BT(?:-\\s*|\\s)?Ds\\.)"
                 "|(?<br>Bundesrats(?:-\\s*)?[Dd]rucksachen?|BR(?:-\\s*|\\s)?Drucksachen?|"
                 "(?:Empfehlungs|Beschluss)drucksachen?|"
                 "BR(?:-\\s*|\\s)?Drs\\.?|BR-\\s*Beschluss-\\s*Drs\\.|BR-\\s*Ds\\.)"
                 "|(?<lt>Landtags(?:-\\s*)?[Dd]rucksachen?|LT(?:-\\s*|\\s)?Drucksachen?|"
                 "LT(?:-\\s*|\\s)?Drs\\.?)"
                 "|(?<plain>Drucksachen?|Drs\\.|(?:Kleinen?|Großen?)\\s+Anfragen?))" NL
                 "(?:\\s+(?<state>BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH)(?=\\s+\\d))?"
                 "(?:\\s+(?:Drucksache|Drs\\.))?(?:\\s*Nr\\.)?\\s*"
                 "(?<list>" DRS_ITEM "(?:" SEP DRS_ITEM ")*)",
    /* one item: "103/1/25", "zu 108/25 (Beschluss)", "19/ 5954" */
    [P_DRS_ITEM] = "(?<zu>zu\\s+)?(?<a>\\d{1,4})(?:/\\s?(?<k>\\d{1,3})(?=/))?/\\s?(?<b>\\d{1,6})"
                   "(?![\\d/])(?<sfx>" DRS_SUFFIX ")",
    /* "Plenarprotokoll 21/6", "PlPr. 19/150"; not "Plenarprotokoll 1054" (Bundesrat). */
    [P_PLPR] = NB "(?:BT(?:-\\s*|\\s)?)?(?:Plenarprotokoll(?:e|s|en)?|PlPr\\.?|Plenarprot\\.)" NL
                  "(?:\\s*Nr\\.)?\\s*(?<list>" WPNR_ITEM "(?:" SEP WPNR_ITEM ")*)",
    [P_WPNR_ITEM] = "(?<a>\\d{1,2})/\\s?(?<b>\\d{1,5})(?![\\d/])",
    /* "Ausschussdrucksache 20(4)493 A neu", "A-Drs. 20/ 6455"; not "Ausschuss 20". */
    [P_ADRS] = NB "(?:BT-\\s*)?(?:Ausschussdrucksachen?|Ausschuss-\\s*Drucksachen?|Ausschuss-\\s*Drs\\.|"
                  "A-\\s*Drs\\.|ADrs\\.)" NL "(?:\\s*Nr\\.)?\\s*(?<wp>\\d{1,2})"
                  "(?:\\s?\\((?<c>\\d{1,2})\\)\\s?|/\\s?)(?<nr>\\d{1,5})(?![\\d/])"
                  "(?:\\s(?<letter>[A-Z])" NL ")?(?:\\s+neu" NL ")?",
    /* "Ratsdok. 6385/25", "ST 10150/21 ADD 1 REV 2", "Ratsdokument vom 13.06.2019, 10144/19";
     * not "ST" alone. */
    [P_COUNCIL] = NB "(?:Ratsdokument(?:e|s|en)?|Ratsdok\\.(?:-Nr\\.)?|Rats-Dok\\.|"
                     "Ratsdrucksache|Council\\s+[Dd]ocuments?|Council\\s+doc\\.|ST)" NL
                     "\\s*(?:Nr\\.\\s*)?(?:vom\\s+\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4},?\\s*)?"
                     "(?<list>" COUNCIL_ITEM "(?:" SEP COUNCIL_ITEM ")*)",
    [P_COUNCIL_ITEM] = "(?:(?<nr>\\d{3,6})(?:/(?<rev>\\d{1,2})(?=/))?/(?<yy>\\d{2})(?![\\d/])"
                       "|(?<nr2>\\d{3,6})\\s(?<yyyy>(?:19|20)\\d\\d))"
                       "(?<q>(?:\\s*,?\\s*(?:INIT|(?:ADD|REV|COR|EXT|DCL)\\s?\\d{1,2}))*)",
    /* "COM(2020) 72 final", "KOM(2025)551 endg.", "SWD(2022) 209"; not "C-148/15". */
    [P_COM] = NB "(?<series>COM|KOM|SWD|SEK|SEC|JOIN|C)\\s?\\((?<year>(?:19|20)\\d\\d)\\)\\s?"
                 "(?<nr>\\d{1,5})(?!\\d)(?:\\s?(?:final|endg(?:ültig)?\\.?|fin\\.))?",
    /* "Verordnung (EU) 2018/1862", "Richtlinie 95/46/EG", "VO (EU) 1/2005",
     * "Verordnungen (EU) 2019/817 und (EU) 2019/818"; not "Beschluss 21/22". */
    [P_ACT] = NB "(?<type>Durchführungsverordnung(?:en)?|Durchführungsrichtlinien?|"
                 "Durchführungsbeschl(?:uss|üsse)(?:es)?|"
                 "Delegierte[nr]?\\s+(?:Verordnung(?:en)?|Richtlinien?|Beschluss(?:es)?)|"
                 "Verordnung(?:en)?|Richtlinien?|Rahmenbeschl(?:uss|üsse)(?:es)?|"
                 "Beschl(?:uss|üsse)(?:es)?|Entscheidung(?:en)?|VO|RL|Regulations?|Directives?|"
                 "Framework\\s+Decisions?|Implementing\\s+(?:Regulation|Decision)|"
                 "Delegated\\s+(?:Regulation|Directive)|Decisions?|Empfehlung(?:en)?|"
                 "Recommendations?|"
                 /* compounds: "Marktüberwachungsverordnung (EU) 2019/1020" */
                 "(?:\\p{Lu}{2,5}-\\s*)?[\\p{L}-]{3,40}(?:verordnung|richtlinie|beschluss)"
                 "(?=\\s*(?:\\((?:EU|EG|EWG|\\d)|\\d{2,4}/\\d{1,4}/(?:EG|EU|EWG|JI))))" NL
                 /* a title between keyword and number: "Richtlinie zur Verwirklichung der
                  * Gleichbehandlung in Beschäftigung und Beruf (2000/78/EG)" */
                 "(?:\\s+(?:zur|zum|über|betreffend)\\s[^();.]{1,160}?\\s(?=\\(\\d{2,4}/\\d{1,4}/"
                 "(?:EG|EU|EWG|JI)\\)))?"
                 "\\s*(?<paren>\\((?=(?:EU|EG|EWG)?\\s?(?:Nr\\.\\s*)?\\d{1,4}/\\d{1,4}(?:/" ACT_SFX ")?\\)))?"
                 "(?<list>" ACT_ITEM "(?:(?:\\s*,\\s*|\\s+(?:und|sowie|bzw\\.|oder)\\s+)"
                 ACT_ITEM ")*)",
    [P_ACT_ITEM] = "(?:\\((?<auth>" ACT_AUTH ")\\)\\s*|(?<auth>EU|EG|EWG)\\s)?(?<nr>Nr\\.\\s*)?"
                   /* PDF kerning splits digits: "2021/51 4", "201 1/1 6/EU" */
                   "(?<a>\\d{1,3} \\d{1,3}(?=/)|\\d{1,4})/"
                   "(?<b>\\d{1,3} \\d{1,2}(?=/|\\s+(?:des|der|vom|zur|über)\\s)|\\d{1,4})"
                   "(?:/(?<sfx>" ACT_SFX "))?(?![\\d/])",
    /* "https://www.interpol.int/...", "www.heise.de"; not "user@www.example.org". */
    [P_URL] = "(?<![\\p{L}\\p{N}@/.\\-])(?:(?:https?|ftp)://|www\\.|"
              /* a host with a path but no scheme: "table.media/bildung/..." */
              "(?:[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\\.)+(?:de|eu|com|org|net|int|info|"
              "media|io|gov|edu|uk|fr|at|ch|nl|be|it|es|pl|dk|se|lu|news|online|berlin|"
              "bayern|nrw|hamburg)/)"
              "[^\\s<>\"\\x{201C}\\x{201D}\\x{201E}\\x{00AB}\\x{00BB}]*",
    /* "Antwort zu Frage 2", "Antwort auf die Schriftliche Frage 11", "Fragen 7 bis 10 und 17";
     * not "Schriftliche Frage 7/431" (an Arbeitsnummer). */
    [P_QUESTION] = NB "(?<ant>Antwort(?:en)?(?:\\s+der\\s+Bundesregierung)?\\s+(?:zu[rm]?|auf)"
                      "(?:\\s+(?:die|den|der|meine|ihre))?\\s+)?"
                      "(?<sq>(?:[Ss]chriftlichen?|[Mm]ündlichen?)\\s+)?"
                      "(?:Fragen?|Fragestellung(?:en)?)" NL "\\s*(?:Nr\\.\\s*)?"
                      "(?<qlist>" Q_ITEM "(?:" Q_SEP Q_ITEM ")*)",
    [P_QITEM] = "(?<sep>\\s*,\\s*|\\s+(?:und|sowie)\\s+|\\s+bis\\s+|\\s*-\\s*)?"
                "(?<q>\\d{1,3}[a-z]?)",
    /* "Artikel 43 Absatz 4", "Art. 5 Abs. 2 UAbs. 1 Buchst. a"; not "Artikelgesetz 3". */
    [P_ARTICLE] = NB "(?:Artikel|Art\\.)\\s*(?<art>\\d{1,3}[a-z]?)(?![\\p{N}])"
                     "(?:\\s*(?:Absatz|Abs\\.)\\s*(?<abs>\\d{1,3}[a-z]?))?"
                     "(?:\\s*(?:Unterabsatz|UAbs\\.)\\s*(?<uabs>\\d{1,2}))?"
                     "(?:\\s*Satz\\s*(?<satz>\\d{1,2}))?"
                     "(?:\\s*(?:Buchstabe|Buchst\\.|lit\\.)\\s*(?<lit>[a-z]{1,2})" NL ")?",
    /* after a document: ", S. 8 ff.", " vom 15. November 2023, Seite 106", ", 13)" */
    [P_TAIL] = "(?:\\s*,\\s*|\\s+)(?:vom\\s+" DATE "\\s*(?:,\\s*)?)?(?:hier\\s+)?"
               "(?:(?:S\\.|Seiten?)\\s*(?<page>\\d{1,5})(?<ff>\\s*ff?\\.)?)"
               "|\\s*,\\s*(?<bare>\\d{1,4})(?=\\s*\\))",
    /* between a document and the question that narrows it: ", " or " vom 2.1.2020, " */
    [P_GAP_BACK] = "(?:\\s*\\((?:neu|B|Beschluss)\\))?(?:\\s+vom\\s+" DATE ")?"
                   "(?:\\s*,\\s*(?:S\\.|Seite)\\s*\\d{1,5}(?:\\s*ff?\\.)?)?"
                   "(?:\\s*,\\s*|\\s+(?:auf|zu|in)\\s+(?:die|den|der)\\s+)",
    /* how the words between a question and a later document may end */
    [P_GAP_FWD_END] = "(?:(?:^|\\s)(?:auf|in|im|aus|zu|zur|zum|laut|gemäß|nach|der|den|dem|des|"
                      "Anfrage|Anfragen)"
                      "(?:\\s+(?:der|den|dem|die|das))?\\s+|\\s*,\\s*|\\s*\\(\\s*|^\\s+)\\z",
    /* "Deutscher Bundestag Drucksache 21/126 / 21. Wahlperiode 09.05.2025", and the
     * layouts "Deutscher Bundestag / 21. Wahlperiode / Drucksache 21/2298" and
     * "Drucksache 21/470Deutscher Bundestag / 21. Wahlperiode 12.06.2025". */
    [P_HDR_BT] = "(?m)^[ \\t]*(?:Deutscher[ \\t]+Bundestag[ \\t]+Drucksache[ \\t]+(?<wp>\\d{1,2})/"
                 "(?<nr>\\d{1,6})(?<neu>[ \\t]*\\(neu\\))?[^\\n]*"
                 "(?:\\n(?:[ \\t]*\\n){0,3}[ \\t]*\\d{1,2}\\.[ \\t]*Wahlperiode[ \\t]+"
                 "(?<date>\\d{1,2}\\.\\d{1,2}\\.\\d{4}))?"
                 "|Deutscher[ \\t]+Bundestag[ \\t]*\\n[ \\t]*\\d{1,2}\\.[ \\t]*Wahlperiode[ \\t]*"
                 "(?<date>\\d{1,2}\\.\\d{1,2}\\.\\d{4})?[ \\t]*\\n[ \\t]*Drucksache[ \\t]+"
                 "(?<wp>\\d{1,2})/(?<nr>\\d{1,6})(?![\\d/])"
                 "|Drucksache[ \\t]+(?<wp>\\d{1,2})/(?<nr>\\d{1,6})[ \\t]*Deutscher[ \\t]+Bundestag"
                 "[ \\t]*\\n[ \\t]*\\d{1,2}\\.[ \\t]*Wahlperiode[ \\t]+"
                 "(?<date>\\d{1,2}\\.\\d{1,2}\\.\\d{4}))",
    [P_HDR_BR] = "(?m)^[ \\t]*Bundesrat[ \\t]+(?<zu>zu[ \\t]+)?Drucksache[ \\t]+(?<a>\\d{1,4})"
                 "(?:/(?<k>\\d{1,3}))?/(?<yy>\\d{2})(?![\\d/])"
                 "(?<sfx>(?:[ \\t]*\\((?:Beschluss|B|neu|\\d)\\)\\*?\\)?)*)",
    [P_HDR_LT] = "(?m)^[ \\t]*(?<wp>\\d{1,2})\\.[ \\t]*Wahlperiode[ \\t]+Drucksache[ \\t]+"
                 "(?<a>\\d{1,2})/(?<nr>\\d{1,6})(?:[ \\t]*\\((?<aa>\\d{1,2})/(?<anr>\\d{1,6})\\))?",
    [P_HDR_DATE_BR] = "(?m)^[ \\t]*(?<d>\\d{2})\\.(?<m>\\d{2})\\.(?<y>\\d{2})[ \\t]*$",
    /* "Drucksache 294/25- 13 -", "Deutscher Bundestag - 21. Wahlperiode - 3 - Drucksache
     * 21/1026 (neu)", "Drucksache 15/1284 (15/1217) Landtag des Saarlandes - 15. Wahlperiode -" */
    [P_RUNNING] = "(?m)^[^\\n]{0,80}?Drucksache[ \\t]+(?:zu[ \\t]+)?\\d{1,4}(?:/\\d{1,3})?/"
                  "\\d{1,6}(?:[ \\t]*\\((?:neu|B|Beschluss|\\d{1,2}/\\d{1,6})\\))*[ \\t]*-[ \\t]*"
                  "\\d{1,4}[ \\t]*-[^\\n]*"
                  "|^[ \\t]*Deutscher[ \\t]+Bundestag[ \\t]*-[ \\t]*\\d{1,2}\\.[ \\t]*Wahlperiode"
                  "[ \\t]*-[ \\t]*\\d{1,4}[ \\t]*-[ \\t]*Drucksache[^\\n]*"
                  "|^[^\\n]{0,40}Drucksache[ \\t]+\\d{1,2}/\\d{1,6}(?:[ \\t]*\\(\\d{1,2}/\\d{1,6}\\))?"
                  "[ \\t]+Landtag[^\\n]*",
    [P_ALIAS] = "wird\\s+als\\s+Bundestags-?[Dd]rucksache\\s+(?<wp>\\d{1,2})/(?<nr>\\d{1,6})\\s+"
                "verteilt",
    [P_ANFRAGE_HEAD] = NB "(?:Kleinen?|Großen?)\\s+Anfrage" NL,
    /* "https://dserver.bundestag.de/btd/19/187/1918757.pdf" is BT-Drs. 19/18757;
     * ".../btp/19/19150.pdf" is BT-PlPr. 19/150. */
    [P_BT_URL] = "^https?://(?:dserver|dip21|dipbt)\\.bundestag\\.de/(?:dip21/)?(?<t>btd|btp)/"
                 "(?<wp>\\d{2})/(?:\\d{3}/)?(?<num>\\d{5,7})\\.pdf(?:[#?].*)?$",
    /* "Landtag Nordrhein-Westfalen, Drucksache", "Abgeordnetenhaus Berlin Drucksache" */
    [P_LT_CONTEXT] = "(?:Landtag|Landtags|Abgeordnetenhaus|Bürgerschaft|Landesparlament|"
                     "LANDTAG)" NL,
    /* "Bundesrat Drucksache 128/25 (Beschluss)" or "Drucksache 524/25" alone on a line */
    [P_OWN_LINE] = "(?m)^[ \\t*]*(?:Bundesrat|Deutscher[ \\t]+Bundestag)?[ \\t]*(?:zu[ \\t]+)?"
                   "Drucksache[ \\t]+(?<num>\\d{1,4}(?:/\\d{1,3})?/\\d{1,6})"
                   "(?:[ \\t]*\\((?:neu|B|Beschluss|\\d)\\))*[ \\t*]*$",
    /* the publication note of an Antwort's annex names the Antwort itself */
    [P_PUBNOTE] = "(?:Bundestags)?[Dd]rucksache\\s+(?<num>\\d{1,2}/\\d{1,6})\\s+(?:auf|unter)\\s+der\\s+"
                  "Internetseite",
    /* the letterhead of a forwarded Commission document: its own number, no citation */
    [P_EU_LETTERHEAD] = "(?m)^[ \\t]*Brüssel,?[ \\t]+(?:den[ \\t]+)?\\d{1,2}\\.[ \\t]*"
                        "(?:\\d{1,2}\\.|\\p{L}+)[ \\t]*\\d{4}[ \\t]*\\n\\s*"
                        "(?:COM|KOM|C|SWD|JOIN|SEC|SEK)[ \\t]?\\(\\d{4}\\)[ \\t]?\\d+[^\\n]*",
    /* "CELEX:32018R1862", "CELEX-Nr. 32016L0680" */
    [P_CELEX] = NB "CELEX(?:-Nr\\.)?:?\\s?(?<c>3\\d{4}[A-Z]\\d{4})(?!\\d)",
};

const char *cg_relation_name(cg_relation rel) {
    return rel == CG_REL_ANSWERS ? "answers" : "cites";
}

cg_status cg_extractor_new(const cg_extractor_options *opts, cg_extractor **out, cg_error *err) {
    (void)opts;
    *out = NULL;
    cg_extractor *ex = calloc(1, sizeof *ex);
    if (!ex) return CG_ENOMEM;
    uint32_t jit = 0;
    pcre2_config(PCRE2_CONFIG_JIT, &jit);
    for (int i = 0; i < P_COUNT; i++) {
        int code;
        PCRE2_SIZE at;
        ex->re[i] = pcre2_compile((PCRE2_SPTR)pattern_source[i], PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES, &code, &at, NULL);
        if (!ex->re[i]) {
            if (err) {
                memset(err, 0, sizeof *err);
                err->status = CG_EPATTERN;
                err->col = at + 1;
                char msg[160];
                pcre2_get_error_message(code, (PCRE2_UCHAR *)msg, sizeof msg);
                snprintf(err->text, sizeof err->text, "built-in pattern %d: %s", i, msg);
            }
            cg_extractor_free(ex);
            return CG_EPATTERN;
        }
        /* Without JIT the interpreter runs the same patterns, only slower. */
        if (jit) pcre2_jit_compile(ex->re[i], PCRE2_JIT_COMPLETE);
    }
    *out = ex;
    return CG_OK;
}

void cg_extractor_free(cg_extractor *ex) {
    if (!ex) return;
    for (int i = 0; i < P_COUNT; i++) pcre2_code_free(ex->re[i]);
    free(ex);
}

/* ---- helpers shared by the stages ---- */

/* A subject may only end on a character boundary. */
static size_t char_boundary(const xctx *x, size_t limit) {
    if (limit >= x->norm.len) return x->norm.len;
    while (limit > 0 && ((unsigned char)x->norm.text[limit] & 0xC0) == 0x80) limit--;
    return limit;
}

static int run_match(xctx *x, int p, size_t start, size_t limit, uint32_t opts) {
    limit = char_boundary(x, limit);
    if (start > limit) return 0;
    if (!x->utf_checked) {
        /* The normalised text is valid UTF-8 by construction; check it once,
         * then let every later match skip the check. */
        x->utf_checked = true;
    } else {
        opts |= PCRE2_NO_UTF_CHECK;
    }
    int rc = pcre2_match(x->ex->re[p], (PCRE2_SPTR)x->norm.text, limit, start, opts, x->md,
                         x->mctx);
    if (rc >= 0) return 1;
    if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL) return 0;
    if (rc == PCRE2_ERROR_NOMEMORY) x->status = CG_ENOMEM;
    else if (x->status == CG_OK) {
        if (getenv("CG_DEBUG")) fprintf(stderr, "pattern %d rc %d at %zu\n", p, rc, start);
        x->status = CG_ELIMIT;
    }
    return 0;
}

int cgx_next(xctx *x, int p, size_t *pos, size_t *s, size_t *e) {
    return cgx_find(x, p, pos, x->norm.len, s, e);
}

int cgx_find_within(xctx *x, int p, size_t *pos, size_t limit, size_t *s, size_t *e) {
    size_t start = *pos;
    if (!cgx_find(x, p, &start, x->norm.len, s, e) || *e > limit) return 0;
    *pos = start;
    return 1;
}

int cgx_find(xctx *x, int p, size_t *pos, size_t limit, size_t *s, size_t *e) {
    if (limit > x->norm.len) limit = x->norm.len;
    if (*pos > limit || x->status != CG_OK) return 0;
    if (!run_match(x, p, *pos, limit, 0)) return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
    *s = ov[0];
    *e = ov[1];
    *pos = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
    return 1;
}

int cgx_match_str(xctx *x, int p, const char *str, size_t len) {
    if (x->status != CG_OK) return 0;
    int rc = pcre2_match(x->ex->re[p], (PCRE2_SPTR)str, len, 0, 0, x->md, x->mctx);
    if (rc >= 0) return 1;
    if (rc != PCRE2_ERROR_NOMATCH && rc < 0 && rc != PCRE2_ERROR_BADUTFOFFSET &&
        (rc > PCRE2_ERROR_UTF8_ERR1 || rc < PCRE2_ERROR_UTF8_ERR21))
        x->status = rc == PCRE2_ERROR_NOMEMORY ? CG_ENOMEM : CG_ELIMIT;
    return 0;
}

int cgx_at(xctx *x, int p, size_t at, size_t limit, size_t *e) {
    if (at > limit || x->status != CG_OK) return 0;
    if (!run_match(x, p, at, limit, PCRE2_ANCHORED)) return 0;
    *e = pcre2_get_ovector_pointer(x->md)[1];
    return 1;
}

int cgx_group(xctx *x, int p, const char *name, size_t *s, size_t *e) {
    /* Names may repeat across alternatives (PCRE2_DUPNAMES): take the one set. */
    PCRE2_SPTR first, last;
    int size = pcre2_substring_nametable_scan(x->ex->re[p], (PCRE2_SPTR)name, &first, &last);
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
    if (!x->cands[x->ncands].tail_end) x->cands[x->ncands].tail_end = c->end;
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

/* ---- the result ---- */

struct cg_extraction {
    cgu_arena arena;
    cg_document_info info;
    cg_reference *refs;
    size_t nrefs;
};

static int cmp_cand(const void *a, const void *b) {
    const cand *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->end != y->end) return x->end > y->end ? -1 : 1; /* longer first */
    return strcmp(x->kind, y->kind);
}

static cg_status build_result(xctx *x, cg_extraction *r) {
    size_t n = 0;
    for (size_t i = 0; i < x->ncands; i++) n += !x->cands[i].dropped;
    r->refs = calloc(n ? n : 1, sizeof *r->refs);
    if (!r->refs) return CG_ENOMEM;
    cg_position_cursor cur;
    cg_position_cursor_init(&cur, x->input);
    for (size_t i = 0; i < x->ncands; i++) {
        const cand *c = &x->cands[i];
        if (c->dropped) continue;
        cg_reference *ref = &r->refs[r->nrefs++];
        ref->kind = c->kind;
        ref->target = c->target;
        ref->locator = c->locator;
        ref->resolves_to = c->resolves_to;
        ref->note = c->note;
        ref->relation = c->relation;
        ref->flags = c->flags;
        ref->offset = cg_norm_orig_start(&x->norm, c->start);
        size_t end = cg_norm_orig_end(&x->norm, c->end);
        ref->length = end > ref->offset ? end - ref->offset : 0;
        cg_position_cursor_get(&cur, ref->offset, &ref->line, &ref->col);
    }
    return CG_OK;
}

cg_status cg_extract(const cg_extractor *ex, const cg_input *input, cg_extraction **out,
                     cg_error *err) {
    *out = NULL;
    cg_extraction *r = calloc(1, sizeof *r);
    if (!r) return CG_ENOMEM;
    xctx x;
    memset(&x, 0, sizeof x);
    x.ex = ex;
    x.input = input;
    x.arena = &r->arena;
    cg_status st = CG_OK;
    if (cg_normalize(input->data, input->size, &x.norm) != 0) {
        st = CG_ENOMEM;
        goto out;
    }
    x.md = pcre2_match_data_create(64, NULL);
    x.mctx = pcre2_match_context_create(NULL);
    x.jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (!x.md || !x.mctx || !x.jit) {
        st = CG_ENOMEM;
        goto out;
    }
    /* Bounds on every match: a pathological input fails one document with
     * CG_ELIMIT instead of running for hours. */
    pcre2_set_match_limit(x.mctx, 10 * 1000 * 1000);
    pcre2_set_depth_limit(x.mctx, 10 * 1000);
    pcre2_jit_stack_assign(x.mctx, NULL, x.jit);

    if (cgx_header(&x) != 0 || cgx_references(&x) != 0) goto fail;
    if (x.ncands) qsort(x.cands, x.ncands, sizeof *x.cands, cmp_cand);
    if (cgx_locators(&x) != 0) goto fail;
    r->info = x.info;
    st = build_result(&x, r);
    goto out;
fail:
    st = x.status != CG_OK ? x.status : CG_ENOMEM;
out:
    if (st != CG_OK && err) {
        memset(err, 0, sizeof *err);
        err->status = st;
        snprintf(err->path, sizeof err->path, "%s", input->name);
        snprintf(err->text, sizeof err->text, "%s",
                 st == CG_ELIMIT ? "a pattern reached its match limit; the document was not "
                                   "processed"
                                 : cg_strerror(st));
    }
    pcre2_match_data_free(x.md);
    pcre2_match_context_free(x.mctx);
    pcre2_jit_stack_free(x.jit);
    free(x.cands);
    free(x.questions);
    free(x.articles);
    free(x.excluded);
    cg_normalized_release(&x.norm);
    if (st != CG_OK) {
        cg_extraction_free(r);
        return st;
    }
    *out = r;
    return CG_OK;
}

void cg_extraction_free(cg_extraction *r) {
    if (!r) return;
    free(r->refs);
    cgu_arena_release(&r->arena);
    free(r);
}

const cg_document_info *cg_extraction_document(const cg_extraction *r) {
    return &r->info;
}

size_t cg_extraction_count(const cg_extraction *r) {
    return r->nrefs;
}

const cg_reference *cg_extraction_reference(const cg_extraction *r, size_t i) {
    return i < r->nrefs ? &r->refs[i] : NULL;
}

const char *cg_strerror(cg_status st) {
    switch (st) {
    case CG_OK: return "success";
    case CG_ENOMEM: return "out of memory";
    case CG_EIO: return "input/output error";
    case CG_ELIMIT: return "a limit was reached";
    case CG_EINVAL: return "invalid argument";
    case CG_EPATTERN: return "invalid pattern";
    case CG_EBINARY: return "binary input";
    case CG_ENOTFILE: return "not a regular file";
    case CG_EFORMAT: return "malformed input";
    case CG_EGRAPH: return "graph error";
    }
    return "unknown error";
}

const char *cg_version(void) {
    return CG_VERSION_STRING;
}

char *cg_canonical_id(const cg_extractor *ex, const char *text, size_t len) {
    /* A bare number is read as a Drucksache; everything else as written. */
    size_t skip = 0;
    while (skip < len && (text[skip] == ' ' || text[skip] == '\t')) skip++;
    int bare = skip < len && text[skip] >= '0' && text[skip] <= '9';
    size_t n = len + (bare ? 11 : 0);
    char *buf = malloc(n + 1);
    if (!buf) return NULL;
    snprintf(buf, n + 1, "%s%.*s", bare ? "Drucksache " : "", (int)len, text);
    cg_input *in = NULL;
    cg_extraction *r = NULL;
    char *id = NULL;
    if (cg_input_from_memory("id", buf, n, NULL, &in, NULL) == CG_OK &&
        cg_extract(ex, in, &r, NULL) == CG_OK) {
        for (size_t i = 0; i < r->nrefs && !id; i++)
            if (strcmp(r->refs[i].kind, CG_KIND_INTERNAL) != 0) id = strdup(r->refs[i].target);
    }
    cg_extraction_free(r);
    cg_input_free(in);
    free(buf);
    return id;
}
