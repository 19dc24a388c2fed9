/* test_extract.c - table-driven extraction tests from real snippets.
 *
 * Each case is a piece of text as it stands in a real document (most from
 * the reference variants seen in the DIP corpus; the file each comes from is
 * named), and the references expected from it, one "kind|target|locator|
 * relation|flags" row each, in order. Negative cases expect no rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "citegraph/citegraph.h"

typedef struct extract_case {
    const char *name;
    const char *text;
    const char *expected; /* rows separated by '\n'; "" for none */
} extract_case;

#define BT_HEAD "Deutscher Bundestag Drucksache 21/1014\n21. Wahlperiode 22.08.2025\nAntwort\n"
#define BR_HEAD "Bundesrat Drucksache  299/25\n \n30.06.25\n"

static const extract_case cases[] = {
    /* ---- Bundestag Drucksachen and their locators ---- */
    {"question after (btd-21-175)", "(Bundestagsdrucksache 18/9651, Antwort zu Frage 24)",
     "bt_drucksache|BT-Drs. 18/9651|Frage 24|cites|"},
    {"question before, number on next line (btd-21-1007)",
     "Antwort zu Frage 15 auf Bundestagsdrucksache \n20/591)?",
     "bt_drucksache|BT-Drs. 20/591|Frage 15|cites|"},
    {"keyword on next line (btd-21-1014)",
     "(Antwort zu Frage 11 auf\nBundestagsdrucksache 20/14923)",
     "bt_drucksache|BT-Drs. 20/14923|Frage 11|cites|"},
    {"question several words before (btd-21-1095)",
     "Antwort der Bundesregierung zu Frage 4 der Kleinen \nAnfrage der Fraktion der AfD auf "
     "Bundestagsdrucksache 21/112",
     "bt_drucksache|BT-Drs. 21/112|Frage 4|cites|"},
    {"question range before (btd-21-1008)",
     "siehe Antwort der Bundesregierung zu den Fragen 7 bis 10 der \nKleinen Anfrage auf "
     "Bundestagsdrucksache 20/5678",
     "bt_drucksache|BT-Drs. 20/5678|Fragen 7 bis 10|cites|"},
    {"list of five across a line break (btd-21-1070)",
     "auf den Bundestagsdrucksachen 20/14424, 20/3087, \n20/10173, 20/10587 und 20/9906",
     "bt_drucksache|BT-Drs. 20/14424||cites|\nbt_drucksache|BT-Drs. 20/3087||cites|\n"
     "bt_drucksache|BT-Drs. 20/10173||cites|\nbt_drucksache|BT-Drs. 20/10587||cites|\n"
     "bt_drucksache|BT-Drs. 20/9906||cites|"},
    {"list with mixed Wahlperioden (btd-21-1071)",
     "(Bundestagsdrucksachen 19/23555, 20/753 und 20/7540)",
     "bt_drucksache|BT-Drs. 19/23555||cites|\nbt_drucksache|BT-Drs. 20/753||cites|\n"
     "bt_drucksache|BT-Drs. 20/7540||cites|"},
    {"Bundesdrucksache (btd-21-297)", "auf Bundesdrucksache \n19/4317",
     "bt_drucksache|BT-Drs. 19/4317||cites|"},
    {"page as Seite (brd-220-1-25)", "(vergleiche BT-Drucksache \n20/9044, Seite 34)",
     "bt_drucksache|BT-Drs. 20/9044|S. 34|cites|"},
    {"date then page (brd-474-1-25)", "(BT-Drucksache 20/13159 vom 2. Oktober 2024, Seite 12)",
     "bt_drucksache|BT-Drs. 20/13159|S. 12|cites|"},
    {"bare page number (brd-211-25)", "(BT-Drs. 19/28679, 13)",
     "bt_drucksache|BT-Drs. 19/28679|S. 13|cites|"},
    {"keyword split after BT- (brd-211-25-B)", "(BT-\nDrs. 16/3641, S. 15)",
     "bt_drucksache|BT-Drs. 16/3641|S. 15|cites|"},
    {"page with ff. (btd-21-1014)",
     "Antwort auf die Schriftliche Frage 10 auf\nBundestagsdrucksache 21/297, S. 8 ff.",
     "bt_drucksache|BT-Drs. 21/297|Schriftliche Frage 10|cites|"},
    {"page alone with ff.", "(Bundesrats-Drucksache 483/22, S. 65 ff.)",
     "br_drucksache|BR-Drs. 483/22|S. 65 ff.|cites|"},
    {"Nr. after the keyword (btd-21-1055)", "der Kleinen Anfrage BT-Drs. Nr. 21/660 (AfD)",
     "bt_drucksache|BT-Drs. 21/660||cites|"},
    {"doubled keyword (btd-21-2221)", "BT-Drs. Drucksache 21/1417, Frage 5)",
     "bt_drucksache|BT-Drs. 21/1417|Frage 5|cites|"},
    {"BT-Ds. split (brd-356-25)", "(BT-Ds. \n19/13958)", "bt_drucksache|BT-Drs. 19/13958||cites|"},
    {"BT Drucksache without hyphen (btd-21-1464)", "BT Drucksache 21/1293 vom 19. August 2025",
     "bt_drucksache|BT-Drs. 21/1293||cites|"},
    {"written question before, named deputy (btd-21-1038)",
     "Antwort auf die Schriftliche Frage 68 des\nAbgeordneten Steffen Korté auf Bundesdrucksache "
     "21/396",
     "bt_drucksache|BT-Drs. 21/396|Schriftliche Frage 68|cites|"},
    {"split keyword with hyphenation", "vgl. Bundestags-\ndrucksache 19/5954, Antwort zu Frage 2",
     "bt_drucksache|BT-Drs. 19/5954|Frage 2|cites|"},
    {"number broken after the slash", "Drucksache 19/\n5954",
     "bt_drucksache|BT-Drs. 19/5954||cites|"},
    {"Unicode spaces and dashes",
     "Drucksache\xC2\xA0"
     "21/59 \xE2\x80\x93 und Drucksache 21/\xE2\x80\x8A"
     "60",
     "bt_drucksache|BT-Drs. 21/59||cites|\nbt_drucksache|BT-Drs. 21/60||cites|"},

    /* ---- Bundesrat ---- */
    {"zu item without keyword (brd-238-25-B)", "in \nder Drucksache 238/25 und zu 238/25",
     "br_drucksache|BR-Drs. 238/25||cites|\nbr_drucksache|BR-Drs. zu 238/25||cites|"},
    {"two Beschluss forms (brd-120-1-25)",
     "BR-Drucksache 301/23 (Beschluss) und BR-\nDrucksache 302/23 (Beschluss)",
     "br_drucksache|BR-Drs. 301/23(B)||cites|\nbr_drucksache|BR-Drs. 302/23(B)||cites|"},
    {"(B) with Nummer (brd-364-1-25)",
     "(Bundesrats-Drucksache 427/24 (B), Nummer 8 der Stellungnahme)",
     "br_drucksache|BR-Drs. 427/24(B)|Nr. 8|cites|"},
    {"(B) without space (brd-530-25)", "(BR-Drs. 870/11(B))",
     "br_drucksache|BR-Drs. 870/11(B)||cites|"},
    {"BR-Beschluss-Drs. (brd-256-1-25)", "in der BR-Beschluss-Drs. 436/24(B))",
     "br_drucksache|BR-Drs. 436/24(B)||cites|"},
    {"N/K/YY without prefix, item before (brd-402-3-25)", "In Ziffer 1 der Drucksache 402/1/25",
     "br_drucksache|BR-Drs. 402/1/25|Ziffer 1|cites|"},
    {"123/20 in a Bundestag text is no Bundestag number", BT_HEAD "siehe Drucksache 123/20.",
     "br_drucksache|BR-Drs. 123/20||cites|"},
    {"Bundesrat text, Beschluss suffix (brd-299-25)", BR_HEAD "- Drs. 21/22 (Beschluss) - *",
     "br_drucksache|BR-Drs. 21/22(B)||cites|"},
    {"Bundesrat text, ambiguous number", BR_HEAD "vgl. Drucksache 21/22.",
     "br_drucksache|BR-Drs. 21/22||cites|ambiguous"},
    {"Bundestag numbers in a Bundesrat text (brd-492-25)",
     BR_HEAD "- Drucksachen 21/1061, 21/1062 -",
     "bt_drucksache|BT-Drs. 21/1061||cites|\nbt_drucksache|BT-Drs. 21/1062||cites|"},
    {"Bundesrat opinion printed as Bundestag Drucksache (btd-21-1628)",
     "hier: Stellungnahme des Bundesrates \nDrucksache 21/894",
     "bt_drucksache|BT-Drs. 21/894||cites|"},
    {"BR in a BT Antwort (btd-21-119)", "(siehe Bundesratsdrucksache 64/25)",
     "br_drucksache|BR-Drs. 64/25||cites|"},
    {"Bundesrat number behind a Bundestag keyword", "BT-Drs. 103/1/25",
     "bt_drucksache|BT-Drs. 103/1/25||cites|malformed"},
    {"no 24th Wahlperiode", "Bundestagsdrucksache 24/469",
     "bt_drucksache|BT-Drs. 24/469||cites|malformed"},

    /* ---- Landtage ---- */
    {"Landtagsdrucksache (brd-128-25-B)", "(Landtagsdrucksache 17/7535 vom 26. September 2024)",
     "landtag_drucksache|LT-Drs. 17/7535||cites|"},
    {"Landtag named before (btd-21-1252)",
     "(vgl.\nLandtag Nordrhein-Westfalen, Drucksache 17/8873, S. 110; ",
     "landtag_drucksache|LT-Drs. NW 17/8873|S. 110|cites|"},
    {"Abgeordnetenhaus (brd-313-25)", "13 Abgeordnetenhaus Berlin Drucksache 18/1996, S.20.",
     "landtag_drucksache|LT-Drs. BE 18/1996|S. 20|cites|"},
    {"state split over lines (btd-21-2087)",
     "Landtag Nordrhein-\nWestfalen, 18. Wahlperiode, Landtagsdrucksache 18/8381)",
     "landtag_drucksache|LT-Drs. NW 18/8381||cites|"},
    {"canonical Landtag spelling", "LT-Drs. NW 17/8873",
     "landtag_drucksache|LT-Drs. NW 17/8873||cites|"},
    {"reissued Landtag print", "Landtagsdrucksache 17/8873 (neu)",
     "landtag_drucksache|LT-Drs. 17/8873(neu)||cites|"},
    /* the keyword stands, as a Bundestag keyword does; the number is kept as written */
    {"Bundesrat number behind a Landtag keyword", "Landtagsdrucksache 249/2/24",
     "landtag_drucksache|LT-Drs. 249/2/24||cites|malformed"},
    {"no such Landtag Wahlperiode", "Landtagsdrucksache 34/887",
     "landtag_drucksache|LT-Drs. 34/887||cites|malformed"},
    /* a Landtag named earlier in the clause, but a Bundesrat form: the form decides */
    {"Bundesrat form after a Landtag named", "Der Landtag hat mit Drucksache 103/1/25 beraten.",
     "br_drucksache|BR-Drs. 103/1/25||cites|"},

    /* ---- Plenarprotokolle, Ausschussdrucksachen ---- */
    {"plenary question (btd-21-1072)",
     "(Frage 55 der \nAbgeordneten Lisa Badum, Plenarprotokoll 21/6)",
     "bt_plenarprotokoll|BT-PlPr. 21/6|Frage 55|cites|"},
    {"plenary page (btd-21-1223)", "(vgl. \nPlenarprotokoll 21/6, S. 417)?",
     "bt_plenarprotokoll|BT-PlPr. 21/6|S. 417|cites|"},
    {"Drucksache and Plenarprotokoll (brd-442-25)",
     "(BT-Drs. 19/23185 und Plenarprotokoll 19/184,  \nS. 23177 ff.)",
     "bt_drucksache|BT-Drs. 19/23185||cites|\nbt_plenarprotokoll|BT-PlPr. 19/184|S. 23177 "
     "ff.|cites|"},
    {"Ausschussdrucksache with letter (btd-21-1157)",
     "Ausschussdrucksache 20(4)493 A neu, S. 26 ff.",
     "bt_ausschussdrucksache|BT-ADrs. 20(4)493 A|S. 26 ff.|cites|"},
    {"Ausschussdrucksache (btd-21-1578)", "(Ausschussdrucksache 21(8)75)",
     "bt_ausschussdrucksache|BT-ADrs. 21(8)75||cites|"},
    {"A-Drs. with space (btd-21-1261)", "(A-Drs. 20/ 6455)",
     "bt_ausschussdrucksache|BT-ADrs. 20/6455||cites|"},

    /* ---- EU documents ---- */
    {"COM and Ratsdok. (brd-103-1-25)", "COM(2025) 75 final; Ratsdok. 6385/25",
     "eu_com_doc|COM(2025) 75||cites|\neu_council_doc|ST 6385/25||cites|"},
    {"KOM endg. Ratsdok.-Nr. (btd-21-1653)", "KOM(2025)551 endg.; Ratsdok.-Nr. 11758/25",
     "eu_com_doc|COM(2025) 551||cites|\neu_council_doc|ST 11758/25||cites|"},
    {"SEK and SWD (btd-21-2045)",
     "KOM(2022) 209 endg.; Ratsdok. 9068/22; SEK(2022) 209 endg.; SWD(2022) 209",
     "eu_com_doc|COM(2022) 209||cites|\neu_council_doc|ST 9068/22||cites|\n"
     "eu_com_doc|SEC(2022) 209||cites|\neu_com_doc|SWD(2022) 209||cites|"},
    {"zero padding and a procedure number (btd-21-2048)",
     "zu COM(2025)553 sowie Amendment 645 in COM(2024)0577 \n- 2024/0319(COD))",
     "eu_com_doc|COM(2025) 553||cites|\neu_com_doc|COM(2024) 577||cites|"},
    {"C and JOIN (brd-168-25-B)", "C(2025) 2000 final; JOIN(2025) 9 final",
     "eu_com_doc|C(2025) 2000||cites|\neu_com_doc|JOIN(2025) 9||cites|"},
    {"ST with INIT and ADD REV (btd-21-860)", "(ST \n10150/21 INIT; ST 10150/21 ADD 1 REV 2)",
     "eu_council_doc|ST 10150/21||cites|\neu_council_doc|ST 10150/21|ADD 1 REV 2|cites|"},
    {"date between keyword and number (brd-185-1-25)",
     "(Ratsdokument vom \n13.06.2019, 10144/19, Seite 46 fortfolgende)",
     "eu_council_doc|ST 10144/19||cites|"},
    {"ADD without space (btd-21-962)", "(vergleiche Ratsdokument \n9795/25, ADD1 vom 6. Juni 2025)",
     "eu_council_doc|ST 9795/25|ADD 1|cites|"},
    {"revision in the number", "Ratsdokument 12545/1/18 REV 1",
     "eu_council_doc|ST 12545/18|REV 1|cites|"},

    /* ---- EU legal acts ---- */
    {"regulation split (brd-153-1-25)", "Verordnung (EU) \n2019/631",
     "eu_legal_act|CELEX:32019R0631||cites|"},
    {"old regulation Nr. (brd-144-1-25)", "Verordnung (EU) Nr. 575/2013",
     "eu_legal_act|CELEX:32013R0575||cites|"},
    {"old regulation with suffix (brd-310-25-B)", "Verordnung (EG) \nNr. 1255/97/EG",
     "eu_legal_act|CELEX:31997R1255||cites|"},
    {"EU, Euratom (brd-254-25)", "Verordnung (EU, Euratom) 2024/2509",
     "eu_legal_act|CELEX:32024R2509||cites|"},
    {"directive year first (brd-124-1-25)", "Richtlinie 2005/36/EG",
     "eu_legal_act|CELEX:32005L0036||cites|"},
    {"directive two-digit year", "Richtlinie 95/46/EG", "eu_legal_act|CELEX:31995L0046||cites|"},
    {"GASP decision (btd-21-124)", "Beschluss \n(GASP) 2016/1693 des Rates",
     "eu_legal_act|CELEX:32016D1693||cites|"},
    {"VO (EU) 1/2005 (brd-310-25)", "(VO (EU) 1/2005)", "eu_legal_act|CELEX:32005R0001||cites|"},
    {"RL (EU) (brd-369-1-25)", "(RL (EU) 2022/2555)", "eu_legal_act|CELEX:32022L2555||cites|"},
    {"framework decision", "Rahmenbeschluss 2006/960/JI", "eu_legal_act|CELEX:32006F0960||cites|"},
    {"JI decision", "Beschluss 2008/615/JI des Rates", "eu_legal_act|CELEX:32008D0615||cites|"},
    {"article before the act (seed)", "Artikel 43 Absatz 4 der VO 2018/1862 sieht",
     "eu_legal_act|CELEX:32018R1862|Art. 43 Abs. 4|cites|"},
    {"article later in the sentence (seed)",
     "Auch die Verordnung (EU) 2018/1862 über das SIS sieht in Artikel 43 Absatz 1 die Nutzung "
     "vor.",
     "eu_legal_act|CELEX:32018R1862|Art. 43 Abs. 1|cites|"},
    {"list of acts", "Verordnungen (EU) 2019/817 und (EU) 2019/818",
     "eu_legal_act|CELEX:32019R0817||cites|\neu_legal_act|CELEX:32019R0818||cites|"},
    {"CELEX written out", "CELEX:32016R0679", "eu_legal_act|CELEX:32016R0679||cites|"},

    /* ---- URLs ---- */
    {"Bundestag PDF address (btd-21-1369)", "https://dserver.bundestag.de/btd/20/014/2001464.pdf",
     "url|https://dserver.bundestag.de/btd/20/014/2001464.pdf||cites|"},
    {"host split by hyphenation (brd-227-25)",
     "(vgl. BT-Drs. 19/13839, S. 61; unter: "
     "https://dserver.bundes-\ntag.de/btd/19/138/1913839.pdf)",
     "bt_drucksache|BT-Drs. 19/13839|S. 61|cites|\n"
     "url|https://dserver.bundestag.de/btd/19/138/1913839.pdf||cites|"},
    {"URL broken inside the number (btd-21-1908)",
     "https://dserver.bundestag.de/btd/2\n0/097/2009797.pdf, Antwort zu Frage 3",
     "url|https://dserver.bundestag.de/btd/20/097/2009797.pdf||cites|\ninternal|#|Frage 3|cites|"},
    {"broken after the scheme (btd-21-1212)", "(https://\nwww.destatis.de/DE/Presse/a.html)",
     "url|https://www.destatis.de/DE/Presse/a.html||cites|"},
    /* "://" in the query does not make "www." a scheme (found by fuzz_extract) */
    {"address in a query", "Siehe www.example.de/x?u=https://foo.de/a und weiter.",
     "url|http://www.example.de/x?u=https://foo.de/a||cites|"},
    {"broken at a real hyphen (brd-220-1-25)",
     "https://mediendienst-\nintegration.de/artikel/a.html)",
     "url|https://mediendienst-integration.de/artikel/a.html||cites|"},
    {"bare www broken mid-word (btd-21-1007)",
     "(www.bmel.de/DE/themen/landwirtschaft/flaec\nhennutzung-und-bodenmarkt/b.html). ",
     "url|http://www.bmel.de/DE/themen/landwirtschaft/flaechennutzung-und-bodenmarkt/"
     "b.html||cites|"},
    {"trailing punctuation (brd-470-25)", "(https://espas.eu/horizon.html).",
     "url|https://espas.eu/horizon.html||cites|"},
    {"Plenarprotokoll address (btd-21-2196)", "(https://dserver.bundestag.de/btp/21/21022.pdf)",
     "url|https://dserver.bundestag.de/btp/21/21022.pdf||cites|"},
    {"a URL ends before the next sentence", "www.heise.de.\nDie Bundesregierung",
     "url|http://www.heise.de||cites|"},
    {"broken inside a percent escape (btd-21-993)",
     "et al.: www.sciencedirect.com/science/article/pii/S01?via%3\nDihub; Feychting",
     "url|http://www.sciencedirect.com/science/article/pii/S01?via%3Dihub||cites|"},
    {"broken inside the host (btd-21-396)", "Zeile 664 f.: www.koalitionsvertrag202\n5.de), sicher",
     "url|http://www.koalitionsvertrag2025.de||cites|"},
    {"host cut before its last label (btd-21-1211)", "Link: https://sdg-indikatore\nn.de .",
     "url|https://sdg-indikatoren.de||cites|"},
    {"a host ending a sentence is not continued", "siehe www.heise.de.\n62 Die Bundesregierung",
     "url|http://www.heise.de||cites|"},

    {"scheme-less host with a path (btd-21-1035)",
     "(table.media/bildung/news/prien-stellt-haushalt)",
     "url|http://table.media/bildung/news/prien-stellt-haushalt||cites|"},
    {"host begun on the line before (btd-21-1052)",
     "(klimaentsch\neid-deg.de/auffahrten-auf-die-a92)",
     "url|http://klimaentscheid-deg.de/auffahrten-auf-die-a92||cites|"},
    {"broken inside a word, rest with a hyphen (btd-21-1008)",
     "(vgl. www.zeit.de/gesundheit/2025-08/hitze-schutz-kliniken-fehl\nt-klimaanlage). Viele",
     "url|http://www.zeit.de/gesundheit/2025-08/hitze-schutz-kliniken-fehlt-klimaanlage||cites|"},
    {"a footnote marker after the bracket (btd-21-1008)",
     "(www.krankenhaushygiene.de/pdfdata/a.pdf)?11 Weiter",
     "url|http://www.krankenhaushygiene.de/pdfdata/a.pdf||cites|"},
    {"syllable break in a path (btd-21-2027)",
     "https://www.bmi.bund.de/SharedDocs/downloads/DE/veroef-\nfentlichungen/x.pdf",
     "url|https://www.bmi.bund.de/SharedDocs/downloads/DE/veroeffentlichungen/x.pdf||cites|"},
    {"a slug word after the break keeps the hyphen (btd-21-1038)",
     "www.bayern-innovativ.de/detail/reiche-kuendigt-neuausrichtung-der-\nenergiepolitikan/",
     "url|http://www.bayern-innovativ.de/detail/"
     "reiche-kuendigt-neuausrichtung-der-energiepolitikan/"
     "||cites|"},
    {"a long number broken (btd-21-2087)",
     "(vgl. https://x.com/lederhosenrev/status/1\n815707287295529101; und",
     "url|https://x.com/lederhosenrev/status/1815707287295529101||cites|"},
    {"no footnote number joined (btd-21-2048)",
     "5 https://de.statista.com/statistik/daten/studie/1195964/umfrage/a/  \n6 "
     "https://ourworldindata.org/x",
     "url|https://de.statista.com/statistik/daten/studie/1195964/umfrage/a/||cites|\n"
     "url|https://ourworldindata.org/x||cites|"},
    {"page of a URL with hier (btd-21-1212)",
     "(www.koalitionsvertrag2025.de/files/koav_2025.pdf, hier S. 2)",
     "url|http://www.koalitionsvertrag2025.de/files/koav_2025.pdf|S. 2|cites|"},
    /* ---- more locators (CONVENTIONS.md, "More locators") ---- */
    {"item after (brd-247-25)", "vgl. BR-Drucksache 450/24, Ziffer 58\n",
     "br_drucksache|BR-Drs. 450/24|Ziffer 58|cites|"},
    {"running number after a date (btd-21-1726)",
     "Sammelüberweisung BT-Drs. 21/1653 vom 12. September 2025 unter der \nlaufenden Nr. A.66 "
     "aufgeführte",
     "bt_drucksache|BT-Drs. 21/1653|Nr. A.66|cites|"},
    {"item of an Empfehlungsdrucksache before it (brd-364-2-25)",
     "anstelle der Ziffer 10 der Empfehlungsdrucksache 364/1/25 zu",
     "br_drucksache|BR-Drs. 364/1/25|Ziffer 10|cites|"},
    {"Vorbemerkung before (btd-21-121)",
     "(vgl. hierzu die Vorbemerkung der \nFragesteller auf Bundestagsdrucksache 20/14902)",
     "bt_drucksache|BT-Drs. 20/14902|Vorbemerkung|cites|"},
    {"Anlage of the document before it (brd-365-1-25)",
     "(Anlage 4 der BT-Drucksache \n20/14988, zu Nummer 12)",
     "bt_drucksache|BT-Drs. 20/14988|Anlage 4|cites|"},
    {"Anlage of this document on a paper (btd-21-864)",
     "Anlage zur Bundestagsdrucksache 21/864, Kleine Anfrage der AfD-Fraktion",
     "bt_drucksache|BT-Drs. 21/864||cites|"},
    {"a written question of another paper named before (btd-21-153)",
     "die Antworten auf die Schriftliche Frage 31 der\nAbgeordneten auf Bundestagsdrucksache "
     "20/13973 sowie die \nVorbemerkung und die Antwort der Bundesregierung zu Frage 8 der\n"
     "Kleinen Anfrage der Gruppe Die Linke auf Bundestagsdrucksache 20/14598 \nwurden",
     "bt_drucksache|BT-Drs. 20/13973|Schriftliche Frage 31|cites|\n"
     "bt_drucksache|BT-Drs. 20/14598|Frage 8|cites|"},
    {"a number is no item", "BT-Drs. 21/100, Nr. 1907/2006", "bt_drucksache|BT-Drs. 21/100||cites|"},
    {"a question of this document before a supporting citation (CONVENTIONS)",
     "Text.\nWie in Frage 2 ausgeführt (BT-Drs. 21/100, S. 5), gilt das.",
     "internal|#|Frage 2|cites|\nbt_drucksache|BT-Drs. 21/100|S. 5|cites|"},
    {"a list item after a URL ending in a file (btd-21-1746)",
     "www.kbv.de/media/Buerokratieabbau.pdf\nf) hinsichtlich der Frage",
     "url|http://www.kbv.de/media/Buerokratieabbau.pdf||cites|"},
    {"a language code between hyphens of a slug", "(www.example.de/kw12-de-\nsondervermoegen-123456)",
     "url|http://www.example.de/kw12-de-sondervermoegen-123456||cites|"},
    {"a code's groups keep their hyphen (btd-21-1524)",
     "(https://www-genesis.destatis.de/datenbank/table/22311-\n0002)",
     "url|https://www-genesis.destatis.de/datenbank/table/22311-0002||cites|"},
    {"a bare number after the first of a list of acts", "die Verordnungen (EU) Nr. 1303/2013 und "
     "1304/2013 gelten", "eu_legal_act|CELEX:32013R1303||cites|\neu_legal_act|CELEX:32013R1304||cites|"},
    {"English framework decision (btd-21-860)", "Council Framework Decision 2008/913/JHA of 28",
     "eu_legal_act|CELEX:32008F0913||cites|"},
    {"a question bound over the member's party (btd-21-2290)",
     BT_HEAD "Auf die Antwort auf die Schriftliche Frage 100 des Abgeordneten Thomas \nDietz (AfD) "
     "in der Woche vom 22. September 2025 auf\nBundestagsdrucksache 21/1831 vom 26. September "
     "2025, S. 69 wird verwiesen.",
     "bt_drucksache|BT-Drs. 21/1831|Schriftliche Frage 100|refers|"},
    {"a question bound over a dash (btd-21-2290)",
     "Deutscher Bundestag Drucksache 21/900\n21. Wahlperiode 01.09.2025\nKleine Anfrage\n"
     "Die Bundesregierung hat auf die Antwort der Bundesregierung auf die Frage 1 in der Kleinen "
     "Anfrage der Fraktion der AfD – \nBundestagsdrucksache 21/1486 – „Titel“ auf\n"
     "Bundestagsdrucksache 21/1784, S. 1 verwiesen.",
     "bt_drucksache|BT-Drs. 21/1486|Frage 1|cites|\nbt_drucksache|BT-Drs. 21/1784|S. 1|cites|"},
    {"the Schriftliche Frage of a list of written questions is its own (btd-21-2290)",
     "Deutscher Bundestag Drucksache 21/2290\n21. Wahlperiode 17.10.2025\nSchriftliche Fragen\n"
     "Im Übrigen wird auf die Beantwortung der Schriftlichen \nFrage 36 verwiesen. Auf die Antwort "
     "auf die Schriftliche Frage 72 der \nAbgeordneten Nicole Hess wird verwiesen.",
     "internal|#|Schriftliche Frage 36|cites|\ninternal|#|Schriftliche Frage 72|cites|"},
    {"siehe hier before an address refers (btd-21-1217)",
     BT_HEAD "1. Wie hoch sind die Förderungen?\nZu den bisherigen Förderungen siehe hier: "
     "www.ilo.org/gb/352.\n",
     "url|http://www.ilo.org/gb/352||refers|"},
    {"siehe hier in a parenthesis behind a claim cites (btd-21-1217)",
     BT_HEAD "1. Wie hoch sind die Förderungen?\nDie Standards werden gestärkt (zur aktuellen "
     "Übersicht, siehe hier https://webapps.ilo.org/vzf/ ). Dabei bleibt es.\n",
     "url|https://webapps.ilo.org/vzf/||cites|"},
    {"zusammen wie folgt beantwortet (btd-21-2290)",
     "Text.\nDie Fragen 20 und 21 werden zusammen wie folgt beantwortet.", ""},
    {"the genitive Artikels (btd-21-2290)",
     "unter die Definition des Artikels 133 Absatz 5 der Verordnung (EU) \nNr. 575/2013 (CRR)",
     "eu_legal_act|CELEX:32013R0575|Art. 133 Abs. 5|cites|"},
    {"oral question of a Plenarprotokoll (btd-21-914)",
     "zur Mündlichen Frage des Abgeordneten Rainer Galla auf Plenarprotokoll 21/9, Nr. 62 "
     "verwiesen.",
     "bt_plenarprotokoll|BT-PlPr. 21/9|Mündliche Frage 62|cites|"},
    {"written question named earlier in the sentence (btd-21-1136)",
     "Das BMWE hat bereits eine entsprechende Schriftliche Frage zu\nVermögenswerten "
     "beantwortet (Bundestagsdrucksache 21/469, Frage 77):",
     "bt_drucksache|BT-Drs. 21/469|Schriftliche Frage 77|cites|"},
    {"questions joined by u. (btd-21-1136)", "(Bundestagsdrucksache 21/512, Frage 43 u. 44)",
     "bt_drucksache|BT-Drs. 21/512|Fragen 43, 44|cites|"},
    {"page before a URL (btd-21-287)",
     "(vgl. hierzu den Integritätsbericht 2023, S. 21, verfügbar unter www.bmi.bund.de/a/b.pdf)",
     "url|http://www.bmi.bund.de/a/b.pdf|S. 21|cites|"},
    {"pages before a URL (btd-21-2289)", "vom 29. Juli 2025, S. 89, 90 https://\nexample.org/a.pdf",
     "url|https://example.org/a.pdf|S. 89, 90|cites|"},
    {"page after a URL and a semicolon (btd-21-624)",
     "(intranet.land\ntag.nrw.de/portal/MMP18-94.pdf; \nS. 87) als",
     "url|http://intranet.landtag.nrw.de/portal/MMP18-94.pdf|S. 87|cites|"},
    {"page of the document before, not of the URL", "(BT-Drs. 21/100, S. 5, www.example.de/a)",
     "bt_drucksache|BT-Drs. 21/100|S. 5|cites|\nurl|http://www.example.de/a||cites|"},
    {"ff without a full stop (btd-21-2048)", "www.example.de/report.pdf, Seite 10f ",
     "url|http://www.example.de/report.pdf|S. 10 f.|cites|"},
    {"the page of a dated document before a URL is the document's",
     "Bundestagsdrucksache 21/100 vom 3. Mai 2024, S. 5, www.example.de/a",
     "bt_drucksache|BT-Drs. 21/100|S. 5|cites|\nurl|http://www.example.de/a||cites|"},
    {"an item at the start of the next line is something else", "auf Drucksache 21/100\nNr. 2 der "
     "Liste", "bt_drucksache|BT-Drs. 21/100||cites|"},
    {"a two-digit page count is no page", "BT-Drs. 21/1995 Seite 12 von 40 x",
     "bt_drucksache|BT-Drs. 21/1995||cites|"},
    {"a bracket inside a parenthesis of support (btd-21-287)",
     BT_HEAD "1. Wie viele?\nDie Zahl sinkt (vgl. hierzu den Bericht (2023), S. 21, verfügbar "
     "unter www.bmi.bund.de/a.pdf). Mehr nicht.\n",
     "url|http://www.bmi.bund.de/a.pdf|S. 21|cites|"},
    {"a range of pages as printed", "Drucksache 21/100, S. 5 – 7 und Drucksache 21/101, S. 511 "
     "bis 521.", "bt_drucksache|BT-Drs. 21/100|S. 5-7|cites|\nbt_drucksache|BT-Drs. 21/101|S. 511 "
     "bis 521|cites|"},
    {"a page in brackets after the paper", "wie in Drucksache 21/100 (S. 5) dargelegt",
     "bt_drucksache|BT-Drs. 21/100|S. 5|cites|"},
    {"pages before a URL after other words (btd-21-1683, btd-21-1737)",
     "Bericht, S. 511 bis 521, online abrufbar unter www.diw.de/a.pdf; Studie, S. 2, "
     "veröffentlicht unter: www.example.de/b.pdf",
     "url|http://www.diw.de/a.pdf|S. 511 bis 521|cites|\nurl|http://www.example.de/b.pdf|S. 2|cites|"},
    {"page count of an Anlage is no page (btd-21-2331)",
     "Anlage zur Antwort, BT-Drs. 21/1995 \nSeite 1 von 6 \n", "bt_drucksache|BT-Drs. 21/1995||cites|"},
    /* ---- EU acts: compounds with "EU-", brackets, English lists ---- */
    {"EU- compound over a line, act in double brackets (btd-21-1149)",
     "die Vorgaben der neuen EU-\nBatterieverordnung ((EU) 2023/1542).",
     "eu_legal_act|CELEX:32023R1542||cites|"},
    {"abbreviation before the number (btd-21-1595)",
     "EU-Verpackungsverordnung (PPWR, (EU) 2025/40), die", "eu_legal_act|CELEX:32025R0040||cites|"},
    {"EU-Empfehlung with a bare number (btd-21-1336)", "In der EU-Empfehlung 2022/1431 zur",
     "eu_legal_act|CELEX:32022H1431||cites|"},
    {"EU- before a plain keyword starts the reference (btd-21-1548)",
     "den Anforderungen der EU-\nRichtlinie 2011/93/EU, die", "eu_legal_act|CELEX:32011L0093||cites|"},
    {"English list with No and and (btd-21-1726)",
     "and amending Regulations (EC) No 1907/2006, (EU) No \n528/2012, (EU) No 649/2012 and (EU) "
     "2019/1021 \nand repealing Decision \nNo 1313/2013/EU",
     "eu_legal_act|CELEX:32006R1907||cites|\neu_legal_act|CELEX:32012R0528||cites|\n"
     "eu_legal_act|CELEX:32012R0649||cites|\neu_legal_act|CELEX:32019R1021||cites|\n"
     "eu_legal_act|CELEX:32013D1313||cites|"},
    {"compound act name (brd-490-25-B)", "die Marktüberwachungsverordnung (EU) 2019/1020 definiert",
     "eu_legal_act|CELEX:32019R1020||cites|"},
    {"compound act, number in brackets (btd-21-1626)",
     "EU-Pauschalreiserichtlinie (2015/2302) und der EU-\nFluggastrechteverordnung (EG 261/2004)",
     "eu_legal_act|CELEX:32015L2302||cites|\neu_legal_act|CELEX:32004R0261||cites|"},
    {"compound act with a bare number (btd-21-1074)",
     "der Betriebsübergangsrichtlinie \n2001/23/EG in", "eu_legal_act|CELEX:32001L0023||cites|"},
    {"title between keyword and number (btd-21-2027)",
     "Art. 1 der Richtlinie zur \nVerwirklichung der Gleichbehandlung in Beschäftigung und Beruf "
     "(2000/78/EG) ein",
     "eu_legal_act|CELEX:32000L0078|Art. 1|cites|"},
    {"kerning splits the numbers (btd-21-1075)",
     "der Richtlinie (EU) 2021/51 4 des\nRates zur Änderung der Richtlinie 201 1/1 6/EU über",
     "eu_legal_act|CELEX:32021L0514||cites|\neu_legal_act|CELEX:32011L0016||cites|"},
    {"recommendation (brd-218-25)", "Empfehlung (EU) 2021/2122 des Rates",
     "eu_legal_act|CELEX:32021H2122||cites|"},
    {"article with an adjective in brackets (brd-356-1-25)",
     "entsprechend Artikel 25c\nAbsatz 1 der (geänderten) Verordnung (EU) 2023/1230 genehmigt",
     "eu_legal_act|CELEX:32023R1230|Art. 25c Abs. 1|cites|"},
    {"Empfehlungsdrucksache (brd-402-3-25)",
     "Ziffer 1 Buchstabe f der Empfehlungsdrucksache 402/1/25 verknüpft",
     "br_drucksache|BR-Drs. 402/1/25|Ziffer 1 Buchst. f|cites|"},
    {"Kleine Anfrage with its number (btd-21-1476)", "der Kleinen Anfrage 21/1144 dahingehend",
     "bt_drucksache|BT-Drs. 21/1144||cites|"},
    {"list item with Anlage (btd-21-1002)", "- Drucksachen 21/500 Anlage, \n21/501 -",
     "bt_drucksache|BT-Drs. 21/500||cites|\nbt_drucksache|BT-Drs. 21/501||cites|"},
    {"two spaces before (Beschluss) (brd-524-25)", "* siehe Drucksache 202/24  (Beschluss)",
     "br_drucksache|BR-Drs. 202/24(B)||cites|"},
    {"state earlier in the sentence (brd-128-25-B)",
     "Daten aus Baden-Württemberg weisen darauf hin, dass es ca. 80 Prozent sind\n"
     "(Landtagsdrucksache 17/7535 vom 26. September 2024).",
     "landtag_drucksache|LT-Drs. BW 17/7535||cites|"},
    {"question after 'auf die' (btd-21-1212)",
     "Antwort der Bundesregierung vom 3. Juni 2025 auf\nBundestagsdrucksache 21/396 auf die Frage "
     "102 "
     "verwiesen.",
     "bt_drucksache|BT-Drs. 21/396|Frage 102|refers|"},
    {"question before an Anfrage keyword (btd-21-1055)",
     "Antwort der Bundesregierung zu Frage 7 der Kleinen Anfrage BT-Drs. Nr. 21/660 (AfD)",
     "bt_drucksache|BT-Drs. 21/660|Frage 7|cites|"},
    {"Fragestellungen (btd-21-1181)", "in den Antworten zu den Fragestellungen 1 bis 3",
     "internal|#|Fragen 1 bis 3|cites|"},

    /* ---- questions of this document and the answered Anfrage ---- */
    {"internal (btd-21-1068)", "(siehe auch Antwort zu Frage 11)", "internal|#|Frage 11|cites|"},
    {"internal list (btd-21-1014)", "siehe dazu die Antwort zu den Fragen 7 und 10",
     "internal|#|Fragen 7, 10|cites|"},
    {"internal range (btd-21-1041)", "Antwort zu den Fragen 1 bis 7 und 17",
     "internal|#|Fragen 1 bis 7, 17|cites|"},
    /* a question of this document named without "Antwort": a reference (CONVENTIONS.md,
     * "Questions of the same document"); not when the words head or group the questions */
    {"'vgl. Frage 8' in a question (btd-21-624)",
     "Text.\n9. Welche Kosten entstanden (vgl. "
     "Frage 8)?",
     "internal|#|Frage 8|cites|"},
    {"'die in Frage 9 genannten'", "Text.\nWie viele der in Frage 9 genannten F\xC3\xA4lle?",
     "internal|#|Frage 9|cites|"},
    {"a list in brackets (btd-21-2289)",
     "Text.\nDaher sind die Fragen (6, 6a, 9, 9a und 12) nicht "
     "offen zu beantworten.",
     "internal|#|Fragen 6, 6a, 9, 9a, 12|cites|"},
    {"a question running on from the line before (btd-21-1908)",
     "Text.\nWie sind die Erfahrungen im Hinblick auf\nFrage 1 (wenn nicht beantwortbar)?",
     "internal|#|Frage 1|cites|"},
    {"a question after 'vgl.' at a line end (btd-21-1289)",
     "Text.\nWelche Strukturen (vgl.\nFrage 20) gibt es?", "internal|#|Frage 20|cites|"},
    {"a heading 'Zu Frage 3:'", "Text.\nZu Frage 3:\nDie Antwort lautet nein.\n", ""},
    {"a joint-answer statement", "Text.\nDie Fragen 3 und 4 werden gemeinsam beantwortet.\n", ""},
    {"the own Vorbemerkung by its questions (btd-21-317)",
     "Text.\nEs wird auf die Vorbemerkung der Bundesregierung zu den Fragen 1 bis 4 verwiesen.\n",
     ""},
    {"questions answered by the own Vorbemerkung (btd-21-891)",
     "Text.\nF\xC3\xBCr die Fragen 26 und 27 wird auf die Vorbemerkung der Bundesregierung "
     "verwiesen.\n",
     ""},
    {"the own Anlage by its questions (btd-21-681)",
     "Text.\nDies ist der als Anlage 2 zu den Fragen 4 und 5 beigef\xC3\xBCgten Tabelle zu "
     "entnehmen.\n",
     ""},
    {"a heading 'Antwort auf die Frage 6' (btd-21-1207)",
     "Text.\nAntwort auf die Frage 6\nDie Zahlen steigen.\n", ""},
    {"answers header (btd-21-126)",
     "Antwort \nder Bundesregierung \nauf die Kleine Anfrage der Abgeordneten Martin Hess, Dr. "
     "Bernd "
     "Baumann, \nund der Fraktion der AfD\n\xE2\x80\x93 Drucksache 21/59 "
     "\xE2\x80\x93\nIslamisten\n",
     "bt_drucksache|BT-Drs. 21/59||answers|"},
    {"answers header with (neu) (btd-21-1343)",
     "Antwort\nder Bundesregierung\nauf die Kleine Anfrage der Fraktion\n- Drucksache 21/1026 "
     "(neu) -\n",
     "bt_drucksache|BT-Drs. 21/1026||answers|"},
    {"a Beschlussempfehlung cites (btd-21-1578)",
     "Beschlussempfehlung\nzu dem Gesetzentwurf der Bundesregierung\n- Drucksache 21/779 -\n",
     "bt_drucksache|BT-Drs. 21/779||cites|"},

    /* ---- what is no reference ---- */
    {"the document's own header", BT_HEAD "Titel\n", ""},
    {"running head (btd-21-1026)",
     BT_HEAD "Text.\nDeutscher Bundestag \xE2\x80\x93 21. Wahlperiode \xE2\x80\x93 3 \xE2\x80\x93 "
             "Drucksache 21/1014\nText.",
     ""},
    {"Bundesrat footer (brd-294-25)",
     "Bundesrat Drucksache  294/25\n\nText.\nDrucksache 294/25- 13 -\n", ""},
    {"alias note (brd-207-25)", BR_HEAD "* wird als Bundestags-Drucksache 21/100 verteilt\n", ""},
    {"Bundestagsdrucksachennummer (btd-21-154)", "unter Angabe der Bundestagsdrucksachennummer",
     ""},
    {"Arbeitsnummer (btd-21-1476)",
     "Antwort der Bundesregierung auf die Schriftliche Frage 7/431 \nvom 4. August 2025", ""},
    {"Arbeitsnummer with keyword (btd-21-1476)", "Schriftliche Frage mit der \nArbeitsnummer 7/431",
     ""},
    {"joint answer", "Die Fragen 3a bis 3e werden gemeinsam beantwortet.", ""},
    {"placeholder (brd-538-25)", "Stromnetze, BT-Drs. \xE2\x80\xA6] geändert worden ist", ""},
    {"Official Journal and BGBl.", "(ABl. L 241 vom 17.9.2015, S. 1) und (BGBl. 2024 I Nr. 351)",
     ""},
    {"court case (btd-21-1141)", "EuGH-Urteils C-148/15 und EuGH, 14.05.2019 - C-55/18", ""},
    {"Beschluss with a Bundesrat-like number", "der Beschluss 21/22 des Ausschusses", ""},
    {"e-mail address", "an user@www.example.org schreiben", ""},
    /* ---- URLs broken over lines: what the rest of the document says ---- */
    {"a hyphen the document writes elsewhere stays (btd-21-1336)",
     "in Schleswig-Holstein (www.schleswig-\nholstein.de/badegewaesser)",
     "url|http://www.schleswig-holstein.de/badegewaesser||cites|"},
    {"a word the document writes whole drops the hyphen (btd-21-2027)",
     "Homosexuelle werden verfolgt (www.example.de/gesetz-gegen-homose-\nxuelle-im-irak)",
     "url|http://www.example.de/gesetz-gegen-homosexuelle-im-irak||cites|"},
    {"a word standing alone in the text keeps the hyphen (btd-21-1595)",
     "Die Preise steigen (www.example.nrw/files/pospap-lm-\npreise_vznrw.pdf).",
     "url|http://www.example.nrw/files/pospap-lm-preise_vznrw.pdf||cites|"},
    {"a syllable break with no evidence goes (btd-21-1007)",
     "(www.example.de/SharedDocs/veroef-\nfentlichungen/a.html)",
     "url|http://www.example.de/SharedDocs/veroeffentlichungen/a.html||cites|"},
    {"a hyphenated slug breaks at its own hyphens (btd-21-2221)",
     "(www.example.de/muenchen/brandstiftung-csu-zentrale-\nmuenchenstaatsschutz-li.3321798)",
     "url|http://www.example.de/muenchen/brandstiftung-csu-zentrale-muenchenstaatsschutz-li."
     "3321798||cites|"},
    {"a long number broken at a hyphen (btd-21-588)",
     "(www.example.de/wirtschaft/buergergeld-zr-928-\n56533.html)",
     "url|http://www.example.de/wirtschaft/buergergeld-zr-92856533.html||cites|"},
    {"numbers in groups keep their hyphens (btd-21-344)",
     "(www.example.de/dpa.urn-newsml-dpa-com-20090101-250522-930-\n577611)",
     "url|http://www.example.de/dpa.urn-newsml-dpa-com-20090101-250522-930-577611||cites|"},
    {"a host cut without a hyphen (btd-21-672)",
     "hat das BMZ das Transparenzportal (www.trans\nparenzportal.bund.de) entwickelt.",
     "url|http://www.transparenzportal.bund.de||cites|"},
    {"a host cut before an unknown ending (btd-21-926)",
     "das Transparenzportal (www.transparenzportal.bu\nnd.de) entwickelt.",
     "url|http://www.transparenzportal.bund.de||cites|"},
    {"a hexadecimal id cut (btd-21-890)",
     "(www.example.de/lobbyismus-6843e6966e\n8f4710ff28d490; abgerufen am 11. Juni 2025)",
     "url|http://www.example.de/lobbyismus-6843e6966e8f4710ff28d490||cites|"},
    {"a query on the next line (btd-21-1730)", "(www.example.com/de-de/ar-AA1\nIIIlW?ocid=Bing).",
     "url|http://www.example.com/de-de/ar-AA1IIIlW?ocid=Bing||cites|"},
    {"a slug of capitalised words after a slash (btd-21-914)",
     "(www.example.de/politik/plus245049110/\nBaerbocks-praezedenzloses-Aufnahmeprogramm.html)",
     "url|http://www.example.de/politik/plus245049110/Baerbocks-praezedenzloses-"
     "Aufnahmeprogramm.html||cites|"},
    {"a list of addresses over lines (btd-21-926)",
     "taz.de/Krise/!6090592/; \nx.com/Bennie/status/1925993174914261184/video/1). Die",
     "url|http://taz.de/Krise/!6090592/||cites|\n"
     "url|http://x.com/Bennie/status/1925993174914261184/video/1||cites|"},
    {"a numbered item after a URL ending in a number (btd-21-588)",
     "www.spd.de/\nfileadmin/Koalitionsvertrag2025_bf.pdf#page=99\n3. alle ukrainischen",
     "url|http://www.spd.de/fileadmin/Koalitionsvertrag2025_bf.pdf#page=99||cites|"},
    {"an empty query before the closing bracket (btd-21-1027)",
     "(jungefreiheit.de/politik/gruene-jugend/?) und www.example.de/a/? Nein.",
     "url|http://jungefreiheit.de/politik/gruene-jugend/?||cites|\n"
     "url|http://www.example.de/a/||cites|"},
    {"a syllable break with spaces around the line end", "(www.example.de/liste/veroef- \n   "
     "fentlichungen/a.html)",
     "url|http://www.example.de/liste/veroeffentlichungen/a.html||cites|"},
    {"a hyphen after a slash is the line's (btd-21-1667)",
     "www.example.de/-\nfileadmin/a.pdf", "url|http://www.example.de/fileadmin/a.pdf||cites|"},
    {"a question mention without Antwort", "Text.\nwie bereits in Frage 3 dargestellt",
     "internal|#|Frage 3|cites|"},
    {"repeated own head (brd-128-25-B)",
     "Bundesrat Drucksache 128/25 (Beschluss)\n\n23.05.25\nText.\nBundesrat Drucksache 128/25 "
     "(Beschluss)\n Drucksache 128/25 (Beschluss) \nmehr Text.",
     ""},
    {"annex publication note (btd-21-1181)",
     BT_HEAD
     "* Von einer Drucklegung der Anlage wird abgesehen. Diese ist auf "
     "Bundestagsdrucksache 21/1014 auf der Internetseite des Deutschen Bundestages abrufbar.",
     ""},
    {"letterhead of a forwarded Commission paper (brd-218-25)",
     "Brüssel, 23.5.2025 \n C(2025) 3468 final \n", ""},
};

/* The canonical text of an id; "" for CG_KIND_NONE. */
static const char *id_text(const cg_docid *id, char *buf, size_t cap) {
    size_t n = cg_docid_format(id, buf, cap);
    assert_true(n < cap);
    return buf;
}

static char *rows_of(const cg_extractor *ex, const char *text) {
    cg_input *in = NULL;
    cg_extraction *r = NULL;
    assert_int_equal(cg_input_from_memory("case", text, strlen(text), NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    size_t cap = 4096, n = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < cg_extraction_count(r); i++) {
        const cg_reference *ref = cg_extraction_reference(r, i);
        char row[1024], target[512];
        int k =
            snprintf(row, sizeof row, "%s%s|%s|%s|%s|%s%s", i ? "\n" : "",
                     cg_docid_kind_name(&ref->target), id_text(&ref->target, target, sizeof target),
                     ref->locator.text ? ref->locator.text : "", cg_relation_name(ref->relation),
                     ref->flags & CG_REF_AMBIGUOUS ? "ambiguous" : "",
                     ref->flags & CG_REF_MALFORMED ? "malformed" : "");
        assert_true(k > 0 && (size_t)k < sizeof row);
        if (n + (size_t)k + 1 > cap) {
            cap = 2 * (n + (size_t)k + 1);
            out = realloc(out, cap);
        }
        memcpy(out + n, row, (size_t)k + 1);
        n += (size_t)k;
    }
    cg_extraction_free(r);
    cg_input_free(in);
    return out;
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

static void test_cases(void **state) {
    const cg_extractor *ex = *state;
    int failed = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = rows_of(ex, cases[i].text);
        if (strcmp(got, cases[i].expected) != 0) {
            print_error("case '%s'\n  expected: %s\n  got:      %s\n", cases[i].name,
                        cases[i].expected, got);
            failed++;
        }
        free(got);
    }
    assert_int_equal(failed, 0);
}

/* Positions point into the original bytes, whatever normalisation did before them. */
static void test_positions(void **state) {
    const cg_extractor *ex = *state;
    /* line 1: a soft hyphen and NBSPs; line 2: CRLF before; a 3-byte dash; then the reference */
    const char *text = "Ein\xC2\xAD Wort\xC2\xA0und\r\n\xE2\x80\x93 ab\xC2\xA0"
                       "Bundestags-\r\ndrucksache 19/5954 x";
    cg_input *in = NULL;
    cg_extraction *r = NULL;
    assert_int_equal(cg_input_from_memory("pos", text, strlen(text), NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    assert_int_equal(cg_extraction_count(r), 1);
    const cg_reference *ref = cg_extraction_reference(r, 0);
    const char *kw = strstr(text, "Bundestags-");
    assert_int_equal(ref->offset, (size_t)(kw - text));
    assert_int_equal(ref->line, 2);
    assert_int_equal(ref->col, 6); /* "– ab" + NBSP are 5 characters */
    const char *end = strstr(text, "5954") + 4;
    assert_int_equal(ref->offset + ref->length, (size_t)(end - text));
    char id[64];
    assert_string_equal(id_text(&ref->target, id, sizeof id), "BT-Drs. 19/5954");
    cg_extraction_free(r);
    cg_input_free(in);
}

/* Where a reference of a list stands: the first at its keyword ("EU-" of
 * "EU-⏎Richtlinie"), the others at their numbers, whatever stands before
 * them on the line above ("(EU) No⏎528/2012"); a URL whose host began on
 * the line above spans both pieces. */
static void test_list_and_url_positions(void **state) {
    const cg_extractor *ex = *state;
    const char *text = "der EU-\nRichtlinie 2011/93/EU, Regulations (EC) No 1907/2006, (EU) No \n"
                       "528/2012 and (EU) 2019/1021 (intranet.land\ntag.nrw.de/a.pdf; \nS. 87)";
    cg_input *in = NULL;
    cg_extraction *r = NULL;
    assert_int_equal(cg_input_from_memory("pos", text, strlen(text), NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    assert_int_equal(cg_extraction_count(r), 5);
    static const struct {
        const char *at;
        size_t line;
    } want[] = {{"EU-", 1}, {"Regulations", 2}, {"528/", 3}, {"2019/", 3}, {"intranet", 3}};
    for (size_t i = 0; i < 5; i++) {
        const cg_reference *ref = cg_extraction_reference(r, i);
        assert_int_equal(ref->offset, (size_t)(strstr(text, want[i].at) - text));
        assert_int_equal(ref->line, want[i].line);
    }
    const cg_reference *url = cg_extraction_reference(r, 4);
    assert_int_equal(url->offset + url->length, (size_t)(strstr(text, ".pdf") + 4 - text));
    assert_string_equal(url->locator.text, "S. 87");
    cg_extraction_free(r);
    cg_input_free(in);
}

static void test_header(void **state) {
    const cg_extractor *ex = *state;
    const char *text =
        "Deutscher Bundestag Drucksache 21/126\n21. Wahlperiode 09.05.2025\nAntwort \n"
        "der Bundesregierung \nauf die Kleine Anfrage der Abgeordneten A und der "
        "Fraktion der AfD\n\xE2\x80\x93 Drucksache 21/59 \xE2\x80\x93\nIslamisten in "
        "Deutschland zum Ende des Jahres 2024 \n(Stichtag: 31. Dezember 2024)\n 1. Wie "
        "viele?\n";
    cg_input *in = NULL;
    cg_extraction *r = NULL;
    assert_int_equal(cg_input_from_memory("h", text, strlen(text), NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    const cg_document_info *d = cg_extraction_document(r);
    char id[64];
    assert_string_equal(id_text(&d->id, id, sizeof id), "BT-Drs. 21/126");
    assert_non_null(cg_issuer_name(cg_docid_issuer(&d->id)));
    assert_string_equal(cg_issuer_name(cg_docid_issuer(&d->id)), "BT");
    assert_string_equal(d->type, "Antwort");
    assert_string_equal(d->date, "2025-05-09");
    assert_string_equal(
        d->title,
        "Islamisten in Deutschland zum Ende des Jahres 2024 (Stichtag: 31. Dezember 2024)");
    cg_extraction_free(r);
    cg_input_free(in);

    const char *br = "Bundesrat zu Drucksache 108/25 (Beschluss) \n \n03.07.25 \n"
                     "* wird als Bundestags-Drucksache 21/100 verteilt\n";
    assert_int_equal(cg_input_from_memory("b", br, strlen(br), NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    d = cg_extraction_document(r);
    assert_string_equal(id_text(&d->id, id, sizeof id), "BR-Drs. zu 108/25(B)");
    assert_string_equal(d->date, "2025-07-03");
    assert_string_equal(id_text(&d->alias, id, sizeof id), "BT-Drs. 21/100");
    assert_int_equal(cg_extraction_count(r), 0);
    cg_extraction_free(r);
    cg_input_free(in);

    /* no header: no id, never a guessed one */
    const char *none = "Antwort zu Frage 1 auf Bundestagsdrucksache 19/5954\n";
    assert_int_equal(cg_input_from_memory("n", none, strlen(none), NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    assert_int_equal(cg_extraction_document(r)->id.kind, CG_KIND_NONE);
    cg_extraction_free(r);
    cg_input_free(in);
}

static void test_canonical_id(void **state) {
    const cg_extractor *ex = *state;
    static const char *const pairs[][2] = {
        {"19/5954", "BT-Drs. 19/5954"},
        {"Drs. 19/5954", "BT-Drs. 19/5954"},
        {"BT-Drs. 19/5954", "BT-Drs. 19/5954"},
        {"BR-Drucksache 103/1/25", "BR-Drs. 103/1/25"},
        {"BR-Drs. 103/25(B)", "BR-Drs. 103/25(B)"},
        {"KOM(2008) 123 endg.", "COM(2008) 123"},
        {"ST 12545/18", "ST 12545/18"},
        {"CELEX:32018R1862", "CELEX:32018R1862"},
        {"BT-PlPr. 21/6", "BT-PlPr. 21/6"},
        {"BT-ADrs. 20(4)493", "BT-ADrs. 20(4)493"},
        {"LT-Drs. NW 17/8873", "LT-Drs. NW 17/8873"},
    };
    cg_buf storage = CG_BUF_INIT;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        cg_docid id;
        cg_error err;
        char text[64];
        assert_int_equal(cg_resolve_text(ex, pairs[i][0], &id, &storage, &err), CG_OK);
        assert_string_equal(id_text(&id, text, sizeof text), pairs[i][1]);
    }
    cg_docid none;
    assert_int_equal(cg_resolve_text(ex, "kein Verweis", &none, &storage, NULL), CG_EFORMAT);
    cg_buf_release(&storage);
}

/* A NUL byte, invalid UTF-8 and a long line neither crash nor hide references. */
static void test_hostile_bytes(void **state) {
    const cg_extractor *ex = *state;
    char text[] = "Luftverkehr\0 steuer \xff\xfe Drucksache 21/5 \xc3";
    cg_input *in = NULL;
    cg_extraction *r = NULL;
    assert_int_equal(cg_input_from_memory("b", text, sizeof text - 1, NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    assert_int_equal(cg_extraction_count(r), 1);
    assert_int_equal(cg_extraction_reference(r, 0)->offset, 23); /* bytes before "Drucksache" */
    assert_int_equal(cg_extraction_reference(r, 0)->col, 24);    /* \xff and \xfe count once each */
    cg_extraction_free(r);
    cg_input_free(in);

    size_t n = 1 << 20;
    char *big = malloc(n + 64);
    memset(big, 'x', n);
    strcpy(big + n, " Drucksache 21/7");
    assert_int_equal(cg_input_from_memory("big", big, strlen(big), NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    assert_int_equal(cg_extraction_count(r), 1);
    assert_int_equal(cg_extraction_reference(r, 0)->col, n + 2);
    cg_extraction_free(r);
    cg_input_free(in);
    free(big);
}

/* A Bundestag PDF address stays a URL and says which document it is. */
static void test_resolves_to(void **state) {
    const cg_extractor *ex = *state;
    static const char *const pairs[][2] = {
        {"https://dserver.bundestag.de/btd/20/014/2001464.pdf", "BT-Drs. 20/1464"},
        {"https://dserver.bundestag.de/btd/19/187/1918757.pdf#page=3", "BT-Drs. 19/18757"},
        {"https://dserver.bundestag.de/btp/19/19150.pdf", "BT-PlPr. 19/150"},
        {"https://dserver.bundes-\ntag.de/btd/19/138/1913839.pdf", "BT-Drs. 19/13839"},
        {"http://dip21.bundestag.de/dip21/btd/18/129/1812942.pdf", "BT-Drs. 18/12942"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        cg_input *in = NULL;
        cg_extraction *r = NULL;
        assert_int_equal(
            cg_input_from_memory("u", pairs[i][0], strlen(pairs[i][0]), NULL, &in, NULL), CG_OK);
        assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
        assert_int_equal(cg_extraction_count(r), 1);
        const cg_reference *ref = cg_extraction_reference(r, 0);
        char id[64];
        assert_string_equal(cg_docid_kind_name(&ref->target), "url");
        assert_int_equal(ref->target.kind, CG_KIND_URL);
        assert_int_not_equal(ref->resolves_to.kind, CG_KIND_NONE);
        assert_string_equal(id_text(&ref->resolves_to, id, sizeof id), pairs[i][1]);
        cg_extraction_free(r);
        cg_input_free(in);
    }
}

/* The questions of an Antwort: numbered from 1, sub-questions by letter,
 * answered out of order, a numbered list in an answer adding nothing, a
 * number too far ahead not a question; and which question phrases refer to
 * this document (internal) and which to another paper named in words. */
static void test_questions(void **state) {
    const cg_extractor *ex = *state;
    static const char doc[] =
        "Deutscher Bundestag Drucksache 21/843\n"
        "21. Wahlperiode 10.07.2025\n"
        "Antwort\n"
        "der Bundesregierung\n"
        "auf die Kleine Anfrage der Abgeordneten Erika Muster und der Fraktion X\n"
        "\xe2\x80\x93 Drucksache 21/659 \xe2\x80\x93\n"
        "Ein Titel\n"
        " 1. Wie viele Anträge gab es?\n"
        "Es gab drei. Siehe auch die Antwort zu Frage 3.\n"
        " 2. Wie hoch war der Anteil der\n"
        "a) kleinen Unternehmen,\n"
        "c) Konzerne?\n"
        "Die Fragen 2a und 2c werden gemeinsam beantwortet.\n"
        "b) mittleren Unternehmen?\n"
        "Es wird auf die Antwort zu Frage 4 der Kleinen Anfrage der Fraktion Y auf\n"
        "Drucksache 20/100 verwiesen. Vgl. Antwort zu Frage 6 der\n"
        "genannten Bundestagsdrucksache.\n"
        " 3. Welche Gründe gab es?\n"
        "Die Gründe sind:\n"
        "1. Erstens ein Grund.\n"
        "2. Zweitens ein anderer.\n"
        " 5. Wann wurde entschieden?\n"
        " 6. Von wem?\n"
        "Die Fragen 5 und 6 werden vor Frage 4 beantwortet.\n"
        " 4. Mit welchem Ergebnis?\n"
        "20. Mai 2025 ist kein Datum einer Frage, und 30. Juni auch nicht.\n";
    cg_input *in = NULL;
    cg_extraction *r = NULL;
    assert_int_equal(cg_input_from_memory("a.txt", doc, sizeof doc - 1, NULL, &in, NULL), CG_OK);
    assert_int_equal(cg_extract(ex, in, &r, NULL), CG_OK);
    const cg_question *questions;
    size_t n = cg_extraction_questions(r, &questions);
    static const char *const want[] = {"1", "2", "2a", "2c", "2b", "3", "5", "6", "4"};
    assert_int_equal(n, sizeof want / sizeof *want);
    for (size_t i = 0; i < n; i++) {
        char label[16];
        assert_true(cg_question_format(&questions[i], label, sizeof label) < sizeof label);
        assert_string_equal(label, want[i]);
    }
    /* internal: "Antwort zu Frage 3" only; not the questions of the other paper */
    size_t internal = 0;
    for (size_t i = 0; i < cg_extraction_count(r); i++) {
        const cg_reference *ref = cg_extraction_reference(r, i);
        if (ref->target.kind != CG_KIND_INTERNAL) continue;
        internal++;
        assert_string_equal(cg_docid_kind_name(&ref->target), "internal");
        assert_non_null(ref->locator.text);
        assert_string_equal(ref->locator.text, "Frage 3");
    }
    assert_int_equal(internal, 1);
    cg_extraction_free(r);
    cg_input_free(in);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resolves_to),  cmocka_unit_test(test_cases),
        cmocka_unit_test(test_positions),    cmocka_unit_test(test_list_and_url_positions),
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_canonical_id), cmocka_unit_test(test_hostile_bytes),
        cmocka_unit_test(test_questions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
