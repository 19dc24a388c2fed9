/* test_pdf_layout.c - the text of a PDF made from its pages (src/input/pdf_layout.c):
 * running heads, page numbers and margin notices left out, the first
 * page's header put in print order, letter-spaced headings joined, spaces
 * at print gaps, link annotations matched to the URLs they cover; and
 * cgin_is_pdf(). The pages are made by hand, as poppler would give them:
 * the text, and a rectangle per character laid out here with a fixed
 * character width. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "input/pdf.h"

/* An A4 page in points; characters CW wide and CH high. The bands of
 * pdf_layout.c: top up to 101 pt, bottom from 766 pt, header up to 134 pt. */
#define PAGE_W 595.0
#define PAGE_H 842.0
#define CW 6.0
#define CH 10.0

#define MAX_CHARS 1024
#define MAX_PAGES 4
#define MAX_LINKS 4

typedef struct tpage {
    char text[MAX_CHARS];
    size_t len;
    cgin_rect rects[MAX_CHARS];
    size_t nrects;
    double pen_x, pen_y; /* where the last character ended */
    cgin_pdf_link links[MAX_LINKS];
    size_t nlinks;
    const char *label;
    int images;
    int no_rects; /* give the page without rectangles */
} tpage;

static tpage pages[MAX_PAGES];

static tpage *new_page(size_t i) {
    memset(&pages[i], 0, sizeof pages[i]);
    return &pages[i];
}

/* Appends one character (its UTF-8 bytes at s[0, n)) printed at `r`. */
static void put_char(tpage *p, const char *s, size_t n, cgin_rect r) {
    assert_true(p->len + n < MAX_CHARS && p->nrects < MAX_CHARS);
    memcpy(p->text + p->len, s, n);
    p->len += n;
    p->rects[p->nrects++] = r;
    p->pen_x = r.x2;
    p->pen_y = r.y1;
}

static size_t char_len(const char *s) {
    unsigned char c = (unsigned char)*s;
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (size_t i = 1; i < n; i++)
        assert_true(s[i] != '\0');
    return n;
}

/* Appends `s` printed left to right from (x, y) (the top of the characters). */
static void put_text(tpage *p, const char *s, double x, double y) {
    while (*s) {
        size_t n = char_len(s);
        put_char(p, s, n, (cgin_rect){x, y, x + CW, y + CH});
        x += CW;
        s += n;
    }
}

/* Ends the line: a '\n', with a rectangle of no width where the line ended. */
static void end_line(tpage *p) {
    put_char(p, "\n", 1, (cgin_rect){p->pen_x, p->pen_y, p->pen_x, p->pen_y + CH});
}

static void line(tpage *p, const char *s, double x, double y) {
    put_text(p, s, x, y);
    end_line(p);
}

/* A line set vertically (bottom to top in print, top to bottom here): each
 * character CH wide and CW high, one below the other, from (x, y). */
static void vline(tpage *p, const char *s, double x, double y) {
    while (*s) {
        size_t n = char_len(s);
        put_char(p, s, n, (cgin_rect){x, y, x + CH, y + CW});
        y += CW;
        s += n;
    }
    end_line(p);
}

/* The area a link annotation covers, from the rectangles of characters
 * [c0, c1) of the page (counted in characters, '\n' included). */
static cgin_rect area_of(const tpage *p, size_t c0, size_t c1) {
    cgin_rect a = p->rects[c0];
    for (size_t c = c0 + 1; c < c1; c++) {
        const cgin_rect *r = &p->rects[c];
        if (r->x1 < a.x1) a.x1 = r->x1;
        if (r->y1 < a.y1) a.y1 = r->y1;
        if (r->x2 > a.x2) a.x2 = r->x2;
        if (r->y2 > a.y2) a.y2 = r->y2;
    }
    return a;
}

static void add_link(tpage *p, const char *uri, cgin_rect area) {
    assert_true(p->nlinks < MAX_LINKS);
    p->links[p->nlinks++] = (cgin_pdf_link){uri, area};
}

/* Lays out pages[0, n) and checks that it worked. */
static void layout(size_t n, cgin_pdf_text *out) {
    cgin_pdf_page pp[MAX_PAGES];
    for (size_t i = 0; i < n; i++) {
        const tpage *p = &pages[i];
        pp[i] = (cgin_pdf_page){.text = p->text,
                                .len = p->len,
                                .rects = p->no_rects ? NULL : p->rects,
                                .nrects = p->no_rects ? 0 : p->nrects,
                                .width = PAGE_W,
                                .height = PAGE_H,
                                .label = p->label,
                                .links = p->links,
                                .nlinks = p->nlinks,
                                .images = p->images};
    }
    assert_int_equal(cgin_pdf_layout(pp, n, out), 0);
    assert_int_equal(out->npages, n);
    assert_non_null(out->text.data);
    assert_int_equal(strlen(out->text.data), out->text.len);
}

/* The three lines of the Bundestag's first page header, in text order. */
static void first_page_header(tpage *p) {
    line(p, "Deutscher Bundestag", 72, 40);
    line(p, "Drucksache 21/1576", 400, 40);
    line(p, "21. Wahlperiode", 72, 56);
}

/* The running head of an even page: number, page, Wahlperiode, in one row. */
static void head_even(tpage *p, const char *page) {
    line(p, "Drucksache 21/1576", 72, 40);
    line(p, page, 280, 40);
    line(p, "Deutscher Bundestag \xE2\x80\x93 21. Wahlperiode", 350, 40);
}

static void head_odd(tpage *p, const char *page) {
    line(p, "Deutscher Bundestag \xE2\x80\x93 21. Wahlperiode", 72, 40);
    line(p, page, 280, 40);
    line(p, "Drucksache 21/1576", 420, 40);
}

#define HEADER "Deutscher Bundestag Drucksache 21/1576\n21. Wahlperiode\n"

/* A running head on pages 2 and 3 goes; the same words on page 1 are its
 * header and stay; a line of the top band that no other page has stays. */
static void test_running_head(void **state) {
    (void)state;
    tpage *p = new_page(0);
    first_page_header(p);
    line(p, "Antwort der Bundesregierung", 72, 200);
    line(p, "Text eins.", 72, 220);
    p = new_page(1);
    head_even(p, "\xE2\x80\x93 2 \xE2\x80\x93");
    line(p, "Anlage 1", 72, 90); /* in the top band, but on this page only */
    line(p, "Text zwei.", 72, 150);
    p = new_page(2);
    head_odd(p, "\xE2\x80\x93 3 \xE2\x80\x93");
    line(p, "Text drei.", 72, 150);

    cgin_pdf_text t;
    layout(3, &t);
    const char *p1 = HEADER "Antwort der Bundesregierung\nText eins.\n";
    const char *p2 = "Anlage 1\nText zwei.\n";
    assert_string_equal(t.text.data, HEADER "Antwort der Bundesregierung\nText eins.\n"
                                            "Anlage 1\nText zwei.\n"
                                            "Text drei.\n");
    assert_int_equal(t.page_starts[0], 0);
    assert_int_equal(t.page_starts[1], strlen(p1));
    assert_int_equal(t.page_starts[2], strlen(p1) + strlen(p2));
    assert_int_equal(t.removed_lines, 6);
    assert_int_equal(t.nlinks, 0);
    assert_int_equal(t.empty_pages, 0);
    cgin_pdf_text_release(&t);
}

/* "Arti-" at the end of page 1, "kel 2" after the running head of page 2:
 * nothing between them, so that normalisation can join the word. */
static void test_word_split_by_running_head(void **state) {
    (void)state;
    tpage *p = new_page(0);
    first_page_header(p);
    line(p, "Der Entwurf \xC3\xA4ndert den Arti-", 72, 700);
    p = new_page(1);
    head_even(p, "\xE2\x80\x93 2 \xE2\x80\x93");
    line(p, "kel 2 des Gesetzes.", 72, 120);
    p = new_page(2);
    head_odd(p, "\xE2\x80\x93 3 \xE2\x80\x93");
    line(p, "Ende.", 72, 120);

    cgin_pdf_text t;
    layout(3, &t);
    assert_string_equal(t.text.data, HEADER "Der Entwurf \xC3\xA4ndert den Arti-\n"
                                            "kel 2 des Gesetzes.\nEnde.\n");
    assert_int_equal(t.page_starts[1], strlen(HEADER "Der Entwurf \xC3\xA4ndert den Arti-\n"));
    assert_int_equal(t.removed_lines, 6);
    cgin_pdf_text_release(&t);
}

/* Footnotes in the bottom band of several pages differ but for their
 * numbers: they are text, not furniture; so is a body line at the top of a
 * page that no other page prints. */
static void test_footnotes_stay(void **state) {
    (void)state;
    tpage *p = new_page(0);
    line(p, "Eins.", 72, 300);
    p = new_page(1);
    line(p, "Zwei.", 72, 300);
    line(p, "1 Vgl. BT-Drucksache 19/1234, S. 5.", 72, 780);
    p = new_page(2);
    line(p, "Einzelplan 14 Verteidigung", 72, 40);
    line(p, "Drei.", 72, 300);
    line(p, "2 Vgl. BT-Drucksache 19/5678, S. 7.", 72, 780);
    cgin_pdf_text t;
    layout(3, &t);
    assert_string_equal(t.text.data, "Eins.\nZwei.\n1 Vgl. BT-Drucksache 19/1234, S. 5.\n"
                                     "Einzelplan 14 Verteidigung\nDrei.\n"
                                     "2 Vgl. BT-Drucksache 19/5678, S. 7.\n");
    assert_int_equal(t.removed_lines, 0);
    cgin_pdf_text_release(&t);
}

/* A document of two pages: its one running head repeats nothing, and is
 * known by what it says (the Wahlperiode, the paper's number). */
static void test_two_page_running_head(void **state) {
    (void)state;
    tpage *p = new_page(0);
    first_page_header(p);
    line(p, "Der Entwurf \xC3\xA4ndert den Arti-", 72, 700);
    p = new_page(1);
    head_even(p, "\xE2\x80\x93 2 \xE2\x80\x93");
    line(p, "kel 2 des Gesetzes.", 72, 120);
    cgin_pdf_text t;
    layout(2, &t);
    assert_string_equal(t.text.data, HEADER "Der Entwurf \xC3\xA4ndert den Arti-\n"
                                            "kel 2 des Gesetzes.\n");
    assert_int_equal(t.removed_lines, 3);
    cgin_pdf_text_release(&t);
}

/* A page number alone in the bottom band goes, on a document of one page
 * too; a footnote there stays. */
static void test_page_numbers(void **state) {
    (void)state;
    /* the page's own number: its place, or its label where that is a number */
    static const struct {
        const char *printed, *label;
    } numbers[] = {
        {"1", NULL},       {"- 1 -", NULL},         {"\xE2\x80\x93 1 \xE2\x80\x93", NULL},
        {"Seite 1", NULL}, {"Seite 1 von 9", NULL}, {"1/9", NULL},
        {"1 von 9", NULL}, {"Seite 12", "12"},      {"- 12 -", "12"},
    };
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        tpage *p = new_page(0);
        p->label = numbers[i].label;
        line(p, "Text.", 72, 300);
        line(p, numbers[i].printed, 280, 800);
        cgin_pdf_text t;
        layout(1, &t);
        assert_string_equal(t.text.data, "Text.\n");
        assert_int_equal(t.removed_lines, 1);
        cgin_pdf_text_release(&t);
    }
    /* a number that is not the page's stays: a table cell, a document's number */
    static const char *const others[] = {"3", "- 3 -", "19/1234", "Seite 12", "2/9"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        tpage *p = new_page(0);
        line(p, "Text.", 72, 300);
        line(p, others[i], 280, 800);
        cgin_pdf_text t;
        layout(1, &t);
        assert_int_equal(t.removed_lines, 0);
        cgin_pdf_text_release(&t);
    }

    /* page 1 of two, and a footnote in the bottom band of page 2 */
    tpage *p = new_page(0);
    line(p, "Eins.", 72, 300);
    line(p, "Seite 1 von 2", 260, 800);
    p = new_page(1);
    line(p, "Zwei.", 72, 300);
    line(p, "1 Vgl. BT-Drs. 19/1234.", 72, 780);
    cgin_pdf_text t;
    layout(2, &t);
    assert_string_equal(t.text.data, "Eins.\nZwei.\n1 Vgl. BT-Drs. 19/1234.\n");
    assert_int_equal(t.page_starts[1], 6);
    assert_int_equal(t.removed_lines, 1);
    cgin_pdf_text_release(&t);
}

/* A notice set vertically in a side margin of every page goes, on page 1 too. */
static void test_vertical_notice(void **state) {
    (void)state;
    static const char notice[] =
        "Vorabfassung \xE2\x80\x93 wird durch die lektorierte Fassung ersetzt.";
    tpage *p = new_page(0);
    line(p, "Erster Absatz.", 72, 200);
    vline(p, notice, 20, 250);
    line(p, "Zweiter Absatz.", 72, 220);
    p = new_page(1);
    line(p, "Dritter Absatz.", 72, 200);
    vline(p, notice, 570, 260);
    cgin_pdf_text t;
    layout(2, &t);
    assert_string_equal(t.text.data, "Erster Absatz.\nZweiter Absatz.\nDritter Absatz.\n");
    assert_int_equal(t.removed_lines, 2);
    cgin_pdf_text_release(&t);
}

/* The first page's header in print order: rows top to bottom, each row left
 * to right; the type, printed above the first line of the body but late in
 * the text, moves up. Page 2 keeps its text order. */
static void test_first_page_header(void **state) {
    (void)state;
    tpage *p = new_page(0);
    /* the right of each row stands a point higher than the left */
    line(p, "Deutscher Bundestag", 72, 40);
    line(p, "21. Wahlperiode", 72, 56);
    line(p, "Drucksache 21/1576", 400, 39);
    line(p, "der Abgeordneten Max Mustermann", 72, 200);
    line(p, "Betreff der Anfrage", 72, 220);
    line(p, "Kleine Anfrage", 72, 160);
    line(p, "10.09.2025", 450, 55);
    p = new_page(1);
    line(p, "unten", 72, 400);
    line(p, "oben", 72, 150);
    cgin_pdf_text t;
    layout(2, &t);
    const char *p1 = "Deutscher Bundestag Drucksache 21/1576\n"
                     "21. Wahlperiode 10.09.2025\n"
                     "Kleine Anfrage\n"
                     "der Abgeordneten Max Mustermann\n"
                     "Betreff der Anfrage\n";
    assert_int_equal(t.page_starts[1], strlen(p1));
    assert_memory_equal(t.text.data, p1, strlen(p1));
    assert_string_equal(t.text.data + strlen(p1), "unten\noben\n");
    assert_int_equal(t.removed_lines, 0);
    cgin_pdf_text_release(&t);
}

/* Letters from x on, each CW wide, `gap` apart, and `word_gap` more
 * between words; the text has one space between any two letters. */
static void spaced_line(tpage *p, const char *const *words, double x, double y, double gap,
                        double word_gap) {
    for (size_t w = 0; words[w]; w++) {
        if (w) {
            put_char(p, " ", 1, (cgin_rect){x - gap, y, x, y + CH});
            x += word_gap;
        }
        for (const char *s = words[w]; *s; s++) {
            if (s != words[w]) put_char(p, " ", 1, (cgin_rect){x - gap, y, x, y + CH});
            put_char(p, s, 1, (cgin_rect){x, y, x + CW, y + CH});
            x += CW + gap;
        }
    }
    end_line(p);
}

/* A heading spelt out letter by letter is joined into its words: the
 * words are apart by wider gaps (by more spaces in the text, and, without
 * rectangles, by two spaces). */
static void test_letter_spaced_heading(void **state) {
    (void)state;
    /* as the text has it: one space between letters, three between words */
    tpage *p = new_page(0);
    line(p, "V o r b e m e r k u n g   d e r   F r a g e s t e l l e r", 72, 300);
    line(p, "Die Bundesregierung hat es so gesagt.", 72, 320);
    cgin_pdf_text t;
    layout(1, &t);
    assert_string_equal(t.text.data,
                        "Vorbemerkung der Fragesteller\nDie Bundesregierung hat es so gesagt.\n");
    cgin_pdf_text_release(&t);

    /* one space everywhere in the text; the print shows the words */
    static const char *const words[] = {"Vorbemerkung", "der", "Fragesteller", NULL};
    p = new_page(0);
    spaced_line(p, words, 72, 300, 3, 12);
    layout(1, &t);
    assert_string_equal(t.text.data, "Vorbemerkung der Fragesteller\n");
    cgin_pdf_text_release(&t);

    /* without rectangles: two spaces part the words */
    p = new_page(0);
    line(p, "V o r b e m e r k u n g  d e r  F r a g e s t e l l e r", 72, 300);
    line(p, "Text folgt.", 72, 320);
    p->no_rects = 1;
    layout(1, &t);
    assert_string_equal(t.text.data, "Vorbemerkung der Fragesteller\nText folgt.\n");
    cgin_pdf_text_release(&t);
}

/* A gap in the print wider than 0.3 x the character height where the text
 * has no space gets one; a narrower gap and adjacent characters do not. */
static void test_gap_space(void **state) {
    (void)state;
    tpage *p = new_page(0);
    put_text(p, "1.", 72, 300);
    put_text(p, "Der Bundestag", 72 + 2 * CW + 5, 300); /* 5 pt > 3 pt */
    end_line(p);
    put_text(p, "2.", 72, 320);
    put_text(p, "Die", 72 + 2 * CW + 2, 320); /* 2 pt < 3 pt */
    end_line(p);
    line(p, "Bundesregierung", 72, 340);
    cgin_pdf_text t;
    layout(1, &t);
    assert_string_equal(t.text.data, "1. Der Bundestag\n2.Die\nBundesregierung\n");
    cgin_pdf_text_release(&t);

    /* without rectangles nothing is known of gaps */
    p->no_rects = 1;
    layout(1, &t);
    assert_string_equal(t.text.data, "1.Der Bundestag\n2.Die\nBundesregierung\n");
    cgin_pdf_text_release(&t);
}

/* Rectangles that are not one per character are not used: the text as given. */
static void test_rects_not_per_character(void **state) {
    (void)state;
    tpage *p = new_page(0);
    line(p, "Anlage zum Bericht", 72, 40);
    line(p, "Text.", 72, 300);
    line(p, "3", 280, 800);
    p->nrects--;
    p = new_page(1);
    line(p, "Anlage zum Bericht", 72, 40);
    cgin_pdf_text t;
    layout(2, &t);
    /* page 1 has no bands, so page 2's line repeats nothing (and is no known running head) */
    assert_string_equal(t.text.data, "Anlage zum Bericht\nText.\n3\nAnlage zum Bericht\n");
    assert_int_equal(t.removed_lines, 0);
    cgin_pdf_text_release(&t);
}

/* A link annotation over a URL the layout broke over two lines gives one
 * span over the printed URL, with the address as the text shows it (no
 * scheme); a link on a word ("hier") and a mailto: link give none. */
static void test_links(void **state) {
    (void)state;
    tpage *p = new_page(0);
    line(p, "Seite eins.", 72, 300);
    p = new_page(1);
    line(p, "Quelle: www.example.de/aktuell/schuster-", 72, 300);
    line(p, "bezeichnet-x.html, abgerufen am 1.9.2025.", 72, 312);
    size_t l2 = strlen("Quelle: www.example.de/aktuell/schuster-\n");
    line(p, "Weitere Informationen finden Sie hier.", 72, 340);
    size_t l3 = l2 + strlen("bezeichnet-x.html, abgerufen am 1.9.2025.\n");
    line(p, "Kontakt: presse@example.de", 72, 360);
    size_t l4 = l3 + strlen("Weitere Informationen finden Sie hier.\n");
    /* one rectangle over both lines, as a two-line annotation's bounding box */
    cgin_rect two = area_of(p, 8, l2 + strlen("bezeichnet-x.html"));
    add_link(p, "https://www.example.de/aktuell/schuster-bezeichnet-x.html", two);
    size_t hier = l3 + strlen("Weitere Informationen finden Sie ");
    add_link(p, "https://www.example.de/weitere-informationen", area_of(p, hier, hier + 4));
    size_t mail = l4 + strlen("Kontakt: ");
    add_link(p, "mailto:presse@example.de", area_of(p, mail, mail + 17));

    cgin_pdf_text t;
    layout(2, &t);
    const char *printed = "www.example.de/aktuell/schuster-\nbezeichnet-x.html";
    size_t at = strlen("Seite eins.\n") + strlen("Quelle: ");
    assert_int_equal(t.nlinks, 1);
    assert_int_equal(t.links[0].offset, at);
    assert_int_equal(t.links[0].length, strlen(printed));
    assert_memory_equal(t.text.data + at, printed, strlen(printed));
    assert_string_equal(t.links[0].url, "www.example.de/aktuell/schuster-bezeichnet-x.html");
    cgin_pdf_text_release(&t);
}

/* The scheme stays when the text shows it; a '/' at the end of the address
 * that the text does not show is left out. */
static void test_link_forms(void **state) {
    (void)state;
    tpage *p = new_page(0);
    line(p, "Siehe https://www.bundestag.de/presse und", 72, 300);
    line(p, "www.bundestag.de.", 72, 320);
    size_t l2 = strlen("Siehe https://www.bundestag.de/presse und\n");
    add_link(p, "https://www.bundestag.de/presse", area_of(p, 6, 6 + 31));
    add_link(p, "https://www.bundestag.de/", area_of(p, l2, l2 + 16));
    cgin_pdf_text t;
    layout(1, &t);
    assert_string_equal(t.text.data,
                        "Siehe https://www.bundestag.de/presse und\nwww.bundestag.de.\n");
    assert_int_equal(t.nlinks, 2);
    assert_int_equal(t.links[0].offset, 6);
    assert_int_equal(t.links[0].length, 31);
    assert_string_equal(t.links[0].url, "https://www.bundestag.de/presse");
    assert_int_equal(t.links[1].offset, l2);
    assert_int_equal(t.links[1].length, 16);
    assert_string_equal(t.links[1].url, "www.bundestag.de");
    cgin_pdf_text_release(&t);
}

/* A link whose address ends in a '/' the text does not show: the same
 * address whether the layout broke it or not; and a link that is only a
 * scheme gives no span. */
static void test_link_final_slash(void **state) {
    (void)state;
    tpage *p = new_page(0);
    line(p, "Siehe www.bundes-", 72, 300);
    line(p, "tag.de/a und www.bundestag.de/a.", 72, 312);
    size_t l2 = strlen("Siehe www.bundes-\n");
    add_link(p, "https://www.bundestag.de/a/", area_of(p, 6, l2 + 8));
    add_link(p, "https://www.bundestag.de/a/", area_of(p, l2 + 13, l2 + 31));
    add_link(p, "http://", area_of(p, 0, 5));
    cgin_pdf_text t;
    layout(1, &t);
    assert_int_equal(t.nlinks, 2);
    assert_string_equal(t.links[0].url, "www.bundestag.de/a");
    assert_int_equal(t.links[0].offset, 6);
    assert_int_equal(t.links[0].length, l2 + 8 - 6);
    assert_string_equal(t.links[1].url, "www.bundestag.de/a");
    assert_int_equal(t.links[1].offset, l2 + 13);
    assert_int_equal(t.links[1].length, 18);
    cgin_pdf_text_release(&t);
}

/* A link to the host alone over a printed address that goes on: the printed
 * one is the reference, no span. One address with one annotation per line
 * (pdfTeX's hyperref): the annotations are taken together, one span. */
static void test_link_parts(void **state) {
    (void)state;
    tpage *p = new_page(0);
    line(p, "Siehe https://www.bundestag.de/dokumente/textarchiv/2019 dazu.", 72, 300);
    add_link(p, "https://www.bundestag.de", area_of(p, 6, 30));
    line(p, "Quelle: www.example.de/abc-", 72, 340);
    size_t l2 = strlen("Siehe https://www.bundestag.de/dokumente/textarchiv/2019 dazu.\n");
    line(p, "def-ghi/x.html steht dort.", 72, 352);
    size_t l3 = l2 + strlen("Quelle: www.example.de/abc-\n");
    add_link(p, "http://www.example.de/abc-def-ghi/x.html", area_of(p, l2 + 8, l3 - 1));
    add_link(p, "http://www.example.de/abc-def-ghi/x.html", area_of(p, l3, l3 + 14));
    cgin_pdf_text t;
    layout(1, &t);
    assert_int_equal(t.nlinks, 1);
    assert_string_equal(t.links[0].url, "www.example.de/abc-def-ghi/x.html");
    assert_int_equal(t.links[0].offset, l2 + 8);
    assert_int_equal(t.links[0].length, l3 + 14 - (l2 + 8));
    cgin_pdf_text_release(&t);
}

/* A page with a box poppler could not place (infinite) is laid out as plain
 * text: no header rows, no gaps, no links; nothing is lost. */
static void test_infinite_boxes(void **state) {
    (void)state;
    tpage *p = new_page(0);
    line(p, "Deutscher Bundestag", 72, 40);
    line(p, "1.Der Text.", 72, 300);
    p->rects[3].x2 = 1.0f / 0.0f;
    add_link(p, "https://www.example.de", area_of(p, 0, 5));
    cgin_pdf_text t;
    layout(1, &t);
    assert_string_equal(t.text.data, "Deutscher Bundestag\n1.Der Text.\n");
    assert_int_equal(t.nlinks, 0);
    cgin_pdf_text_release(&t);
}

/* Pages without text are counted, those with images apart; their labels kept. */
static void test_empty_pages(void **state) {
    (void)state;
    tpage *p = new_page(0);
    line(p, "Text.", 72, 300);
    p->images = 1; /* has text: not an image page */
    p->label = "1";
    p = new_page(1);
    p->images = 1;
    p = new_page(2);
    line(p, "", 72, 300); /* one empty line */
    p = new_page(3);
    p->images = 1;
    p->label = "iv";
    cgin_pdf_text t;
    layout(4, &t);
    assert_string_equal(t.text.data, "Text.\n\n");
    assert_int_equal(t.page_starts[0], 0);
    assert_int_equal(t.page_starts[1], 6);
    assert_int_equal(t.page_starts[2], 6);
    assert_int_equal(t.page_starts[3], 7);
    assert_int_equal(t.empty_pages, 3);
    assert_int_equal(t.image_pages, 2);
    assert_string_equal(t.page_labels[0], "1");
    assert_null(t.page_labels[1]);
    assert_null(t.page_labels[2]);
    assert_string_equal(t.page_labels[3], "iv");
    cgin_pdf_text_release(&t);

    /* no pages at all */
    layout(0, &t);
    assert_string_equal(t.text.data, "");
    assert_int_equal(t.empty_pages, 0);
    cgin_pdf_text_release(&t);
}

static void test_is_pdf(void **state) {
    (void)state;
    static const char head[] = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";
    assert_true(cgin_is_pdf(head, sizeof head - 1));
    static const char junk[] = "\r\n\x00\xFFjunk%PDF-1.4\n";
    assert_true(cgin_is_pdf(junk, sizeof junk - 1));
    assert_false(cgin_is_pdf("%PDF-", 4)); /* cut short */
    assert_false(cgin_is_pdf("", 0));
    static const char text[] = "Drucksache 21/1576: siehe Anlage (PDF-Datei, 1,2 MB).\n";
    assert_false(cgin_is_pdf(text, sizeof text - 1));
    assert_false(cgin_is_pdf("%PDF1.7", 7));

    char *big = malloc(2048);
    assert_non_null(big);
    memset(big, ' ', 2048);
    memcpy(big + 1019, "%PDF-1.7", 8); /* "%PDF-" ends at byte 1024 */
    assert_true(cgin_is_pdf(big, 2048));
    memset(big, ' ', 2048);
    memcpy(big + 1024, "%PDF-1.7", 8); /* after the first 1024 bytes */
    assert_false(cgin_is_pdf(big, 2048));
    free(big);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_running_head),
        cmocka_unit_test(test_word_split_by_running_head),
        cmocka_unit_test(test_two_page_running_head),
        cmocka_unit_test(test_footnotes_stay),
        cmocka_unit_test(test_page_numbers),
        cmocka_unit_test(test_vertical_notice),
        cmocka_unit_test(test_first_page_header),
        cmocka_unit_test(test_letter_spaced_heading),
        cmocka_unit_test(test_gap_space),
        cmocka_unit_test(test_rects_not_per_character),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_link_forms),
        cmocka_unit_test(test_link_final_slash),
        cmocka_unit_test(test_link_parts),
        cmocka_unit_test(test_infinite_boxes),
        cmocka_unit_test(test_empty_pages),
        cmocka_unit_test(test_is_pdf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
