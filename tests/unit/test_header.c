/* test_header.c - titles and authors read from a document's header.
 *
 * Each case is the head of a document written like the real ones of the DIP text corpus
 * (tests/data/metadata/docs has real ones): a title over several lines, hyphens at line ends
 * that split a word or join a compound, the "– Drucksache –" line of an Antwort, the
 * "– Drucksachen … –" line of a Beschlussempfehlung, an Antwort's ministry and askers, a
 * Bundesrat Land. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "citegraph/accuracy.h"
#include "citegraph/extract.h"

#define BT "Deutscher Bundestag Drucksache 21/1036\n21. Wahlperiode 28.07.2025\n"
#define BR "Bundesrat Drucksache  526/25\n \n10.10.25\n \nVertrieb: Bundesanzeiger Verlag\n"
#define DASH "\xE2\x80\x93"

typedef struct header_case {
    const char *name, *text, *type, *title, *authors;
} header_case;

static const header_case cases[] = {
    {"a title over three lines, a hyphen before an upper-case letter kept",
     BT "Kleine Anfrage\nder Abgeordneten Steffen Janich, Dr. Gottfried Curio, \nKarsten Hilse, "
        "Stefan M\xC3\xB6ller und der Fraktion der AfD\nBeschlossene Versch\xC3\xA4rfungen im "
        "Waffenrecht und die von der Physikalisch-\nTechnischen Bundesanstalt abgelehnte "
        "Kennzeichnung zum erlaubnisfreien \nErwerb des sogenannten Six Needler\nBis zum "
        "Zeitpunkt Mitte Juni des Jahres 2025 erforderte der Erwerb und der \n",
     "Kleine Anfrage",
     "Beschlossene Versch\xC3\xA4rfungen im Waffenrecht und die von der Physikalisch-Technischen "
     "Bundesanstalt abgelehnte Kennzeichnung zum erlaubnisfreien Erwerb des sogenannten Six "
     "Needler",
     "urheber:Fraktion der AfD"},
    {"a word split at the line end is joined; a hyphen before 'und' stays",
     BT "Antrag\nder Fraktion BÜNDNIS 90/DIE GR\xC3\x9CNEN\nCRS-Ausdehnungs-\nverordnung im "
        "Agrar-\nund Lebensmittelsektor aufheben\nDer Bundestag wolle beschlie\xC3\x9F"
        "en:\n",
     "Antrag", "CRS-Ausdehnungsverordnung im Agrar- und Lebensmittelsektor aufheben",
     "urheber:Fraktion BÜNDNIS 90/DIE GRÜNEN"},
    {"an Antwort: the Drucksache line skipped, ministry and askers",
     BT "Antwort \nder Bundesregierung \nauf die Kleine Anfrage der Abgeordneten Linda Heitmann, "
        "Dr. Armin \nGrau, weiterer Abgeordneter und der Fraktion \nBÜNDNIS 90/DIE GRÜNEN\n" DASH
        " Drucksache 21/921 " DASH "\nBehandlungsterminvergabe f\xC3\xBCr gesetzlich Versicherte "
        "auf Selbstzahlungsbasis \nund Hindernisse bei der Terminvergabe\nV o r b e m e r k u "
        "n g  d e r  F r a g e s t e l l e r\nPresseberichte legen nahe\n* Die Antwort wurde "
        "namens der Bundesregierung mit Schreiben des Bundesministeriums f\xC3\xBCr "
        "Gesundheit vom 31. Juli 2025 \xC3\xBC"
        "bermittelt.\n",
     "Antwort",
     "Behandlungsterminvergabe f\xC3\xBCr gesetzlich Versicherte auf Selbstzahlungsbasis und "
     "Hindernisse bei der Terminvergabe",
     "urheber:Bundesregierung | ressort:Bundesministerium f\xC3\xBCr Gesundheit | "
     "fragesteller:Fraktion BÜNDNIS 90/DIE GRÜNEN"},
    {"a Beschlussempfehlung: the Drucksachen line over two lines dropped, the committee",
     BT "Beschlussempfehlung und Bericht \ndes Haushaltsausschusses (8. Ausschuss) \nzu dem "
        "Gesetzentwurf der Bundesregierung \n" DASH " Drucksachen 21/500, 21/501, \n21/1628 Nr. "
        "1 " DASH " \nEntwurf eines Gesetzes \xC3\xBC"
        "ber die Feststellung des  \n"
        "Bundeshaushaltsplans f\xC3\xBCr das Haushaltsjahr 2025 \n(Haushaltsgesetz 2025 " DASH
        " HG 2025) \nA. Problem\n",
     "Beschlussempfehlung und Bericht",
     "Entwurf eines Gesetzes \xC3\xBC"
     "ber die Feststellung des Bundeshaushaltsplans f\xC3\xBCr "
     "das Haushaltsjahr 2025 (Haushaltsgesetz 2025 " DASH " HG 2025)",
     "urheber:Haushaltsausschuss"},
    {"a Bundesrat Gesetzesantrag of two L\xC3\xA4nder, a margin stamp ignored",
     BR "Gesetzesantrag \nder L\xC3\xA4nder Rheinland-Pfalz, Saarland \nB\nR\nFu\nEntwurf "
        "eines Gesetzes zur \xC3\x84nderung des Strafgesetzbuches - Verbesserung des \n"
        "Opferschutzes \nDie Ministerpr\xC3\xA4sidentin          Mainz, 7. Oktober 2025\n",
     "Gesetzesantrag",
     "Entwurf eines Gesetzes zur \xC3\x84nderung des Strafgesetzbuches - Verbesserung des "
     "Opferschutzes",
     "urheber:Rheinland-Pfalz | urheber:Saarland"},
    {"a Bundesrat Verordnung of a ministry: the Bundesregierung with its ressort",
     BR "Verordnung \ndes Bundesministeriums  \ndes Innern \n \nZweite Verordnung zur \xC3\x84"
        "nderung der Allgemeinen Waffengesetz-\nVerordnung \n \nA. Problem und Ziel\n",
     "Verordnung", "Zweite Verordnung zur \xC3\x84nderung der Allgemeinen Waffengesetz-Verordnung",
     "urheber:Bundesregierung | ressort:Bundesministerium des Innern"},
    {"an Unterrichtung: the 'durch' line is the author, not the title",
     BR "Unterrichtung \ndurch den Bundesrechnungshof \n \nBericht nach \xC2\xA7 99 BHO \xC3\xBC"
        "ber die Modernisierung \nder Bundesverwaltung\n \nSehr geehrte Frau Pr\xC3\xA4sidentin\n",
     "Unterrichtung",
     "Bericht nach \xC2\xA7 99 BHO \xC3\xBC"
     "ber die Modernisierung der "
     "Bundesverwaltung",
     "urheber:Bundesrechnungshof"},
    {"a title that stops open runs on to a date line and to a short word",
     BT "Kleine Anfrage\nder Abgeordneten Stephan Brandner und der Fraktion der\nAfD\nIllegale "
        "Einreisen vom 1. Januar 2024 bis zum \n31. Dezember 2024 bei der Konferenz in\nRom\n"
        "1. Wie viele Personen reisten ein?\n",
     "Kleine Anfrage",
     "Illegale Einreisen vom 1. Januar 2024 bis zum 31. Dezember 2024 bei der Konferenz in Rom",
     "urheber:Fraktion der AfD"},
    {"an article and a compound of abbreviations at the line end: the noun follows",
     BT "Gro\xC3\x9F"
        "e Anfrage\nder Abgeordneten Klaus Ernst und der Fraktion DIE LINKE.\n"
        "Effekte des EU-USA\nFreihandelsabkommens\nDas derzeit verhandelte Abkommen soll "
        "die Zone schaffen.\n",
     "Gro\xC3\x9F"
     "e Anfrage",
     "Effekte des EU-USA Freihandelsabkommens", "urheber:Fraktion Die Linke"},
    {"a subtitle that starts with an article at the line end goes on",
     BR "Unterrichtung \ndurch die Europ\xC3\xA4ische Kommission \nSpar- und Investitionsunion - "
        "Eine \nStrategie zur F\xC3\xB6rderung von Wohlstand \n \nSehr geehrte Frau "
        "Pr\xC3\xA4sidentin\n",
     "Unterrichtung",
     "Spar- und Investitionsunion - Eine Strategie zur F\xC3\xB6rderung von Wohlstand",
     "urheber:Europ\xC3\xA4ische Kommission"},
    {"DIP's text layer opens with '[': the header is still the header",
     "[Deutscher Bundestag Drucksache 20/1\n20. Wahlperiode 25.10.2021\nAntrag\nder Fraktion der "
     "SPD\nWeitergeltung von Gesch\xC3\xA4"
     "ftsordnungsrecht\nDer Bundestag wolle beschlie\xC3\x9F"
     "en:\n",
     "Antrag",
     "Weitergeltung von Gesch\xC3\xA4"
     "ftsordnungsrecht",
     "urheber:Fraktion der SPD"},
    {"an Unterrichtung on Unionsdokumente: the period line is not the title's",
     BT "Unterrichtung \n\xC3\xBC"
        "ber die gem\xC3\xA4\xC3\x9F \xC2\xA7 93 der Gesch\xC3\xA4"
        "ftsordnung an die Aussch\xC3\xBC"
        "sse \xC3\xBC"
        "berwiesenen \nbzw. nicht \xC3\xBC"
        "berwiesenen Unionsdokumente \n(Eingangszeitraum: 24. Mai bis 20. Juni 2025) \nA. "
        "\xC3\x9C"
        "berwiesene Unionsdokumente \n",
     "Unterrichtung",
     "\xC3\xBC"
     "ber die gem\xC3\xA4\xC3\x9F \xC2\xA7 93 der Gesch\xC3\xA4"
     "ftsordnung an die Aussch\xC3\xBC"
     "sse \xC3\xBC"
     "berwiesenen bzw. nicht \xC3\xBC"
     "berwiesenen Unionsdokumente",
     ""},
};

static void test_cases(void **state) {
    const cg_extractor *ex = *state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const header_case *c = &cases[i];
        cg_input *in = NULL;
        cg_extraction *r = NULL;
        assert_int_equal(cg_input_from_memory(c->name, c->text, strlen(c->text), NULL, &in, NULL),
                         CG_OK);
        assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
        const cg_document_info *d = cg_extraction_document(r);
        cg_buf authors = CG_BUF_INIT;
        assert_int_equal(cg_authors_format(d->authors, d->nauthors, &authors), CG_OK);
        print_message("case: %s\n", c->name);
        assert_non_null(d->type);
        assert_string_equal(d->type, c->type);
        assert_non_null(d->title);
        assert_string_equal(d->title, c->title);
        assert_string_equal(authors.data, c->authors);
        assert_int_equal(d->title_from, CG_META_HEADER);
        assert_int_equal(d->type_from, CG_META_HEADER);
        assert_int_equal(d->id_from, CG_META_HEADER);
        assert_int_equal(d->authors_from, c->authors[0] ? CG_META_HEADER : CG_META_NONE);
        cg_buf_release(&authors);
        cg_extraction_free(r);
        cg_input_free(in);
    }
}

static int setup(void **state) {
    cg_extractor *ex = NULL;
    if (cg_extractor_new(NULL, &ex, NULL) != CG_OK) return -1;
    *state = ex;
    return 0;
}

static int teardown(void **state) {
    cg_extractor_free(*state);
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_cases)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
