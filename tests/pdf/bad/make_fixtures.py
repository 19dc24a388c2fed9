#!/usr/bin/env python3
"""make_fixtures.py - writes the PDF fixtures of tests/pdf/bad/ from scratch.

Plain Python 3, no third-party module: every PDF is written by hand, object
by object, with a cross-reference table whose offsets are counted here, so
that the files are the same bytes on every run and every machine.

    python3 make_fixtures.py [DIR]      (DIR defaults to this script's directory)

Writes text.pdf, truncated.pdf, damaged.pdf, scanned.pdf, empty.pdf,
manypages.pdf, numbers-only.pdf and manylinks.pdf. encrypted.pdf needs AES-256, which plain Python cannot
write; it is made from text.pdf with qpdf (11.3.0 was used):

    qpdf --encrypt user owner 256 -- text.pdf encrypted.pdf

(user password "user", owner password "owner"). qpdf puts a random file
key, salt and /ID into it, so every run gives other bytes: the committed
encrypted.pdf is one such run, and it need not be made again when text.pdf
changes, as long as it stays an encrypted PDF. With --with-qpdf this
script runs that command too (when qpdf is installed).

What each file is for: README.md next to this script.
"""
import os
import shutil
import subprocess
import sys

PAGE_W, PAGE_H = 595, 842  # A4 in points


def pdf_string(text):
    """A PDF literal string of `text` in WinAnsiEncoding (Latin-1 plus the dashes)."""
    out = bytearray(b"(")
    for ch in text:
        if ch == "\u2013":  # en dash
            b = b"\x96"
        elif ch == "\u2014":  # em dash
            b = b"\x97"
        else:
            b = ch.encode("latin-1")
        if b in (b"(", b")", b"\\"):
            out += b"\\" + b
        else:
            out += b
    out += b")"
    return bytes(out)


def text_stream(lines, size=11):
    """A content stream showing each (x, y, text) in Helvetica (/F1) at `size` points."""
    ops = bytearray()
    for x, y, text in lines:
        ops += b"BT /F1 %d Tf %d %d Td " % (size, x, y) + pdf_string(text) + b" Tj ET\n"
    return bytes(ops)


def build_pdf(objects, root=1, trailer_extra=b""):
    """The bytes of a PDF of `objects` (object 1 first, each the bytes
    between "N 0 obj" and "endobj"), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\n" % (len(objects) + 1, root, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pages_pdf(contents, with_font=True, xobjects=None):
    """A PDF of one page per content stream in `contents`.

    Objects: 1 catalog, 2 page tree, 3 font (Helvetica, WinAnsiEncoding),
    then per page its page object and its content stream, then any image
    XObjects (`xobjects`: a list of stream bodies, named /Im1, /Im2, ...,
    available to every page)."""
    n = len(contents)
    first_page = 4
    first_image = first_page + 2 * n
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(n))
    resources = b""
    if with_font:
        resources += b" /Font << /F1 3 0 R >>"
    if xobjects:
        resources += b" /XObject << " + b" ".join(
            b"/Im%d %d 0 R" % (k + 1, first_image + k) for k in range(len(xobjects))) + b" >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, c in enumerate(contents):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources <<%s >> "
                       b"/Contents %d 0 R >>" % (PAGE_W, PAGE_H, resources, first_page + 2 * i + 1))
        objects.append(stream(c))
    for body in xobjects or []:
        objects.append(body)
    return build_pdf(objects)


# ---- the fixtures

RUNNING_HEAD = "Drucksache 19/9999"


def page_number(n):
    """A page number centred at the bottom, as the Bundestag prints it: "– 2 –"."""
    return (285, 40, "\u2013 %d \u2013" % n)


def text_pdf():
    """Two pages of an Antwort with the running head at the top of both
    pages and the page number at the bottom. The first page's top lines
    are the document's header (its own number, Wahlperiode and date); the
    running head stands at the same place on both pages. The reference to
    Drucksache 19/5954 stands on page 2, body line 4."""
    page1 = [
        (56, 812, "Deutscher Bundestag"),
        (56, 798, "19. Wahlperiode 12.03.2019"),
        (56, 784, RUNNING_HEAD),
        (56, 730, "Antwort"),
        (56, 716, "der Bundesregierung"),
        (56, 702, "auf die Kleine Anfrage der Abgeordneten Erika Beispiel und der Fraktion"),
        (56, 676, "Pr\u00fcffragen f\u00fcr die Testdaten"),
        (56, 640, "Vorbemerkung der Bundesregierung"),
        (56, 624, "Die Bundesregierung beantwortet die Fragen wie folgt."),
        (56, 608, "Diese Seite enth\u00e4lt keinen Verweis auf eine andere Drucksache."),
        page_number(1),
    ]
    page2 = [
        (56, 784, RUNNING_HEAD),
        (56, 730, "1. Welche Unterlagen liegen der Bundesregierung vor?"),
        (56, 714, "Die Unterlagen liegen vollst\u00e4ndig vor."),
        (56, 698, "2. Wo ist das n\u00e4her ausgef\u00fchrt?"),
        (56, 682, "siehe BT-Drucksache 19/5954, Antwort zu Frage 2"),
        (56, 666, "Weitere Angaben liegen nicht vor."),
        page_number(2),
    ]
    return pages_pdf([text_stream(page1), text_stream(page2)])


def damaged_pdf():
    """A PDF header, then bytes that are no PDF object at all: no objects,
    no xref, no trailer."""
    junk = bytearray()
    state = 12345
    for _ in range(1500):  # a fixed linear congruential sequence: the same bytes every run
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        junk.append(state >> 16 & 0xFF)
    return b"%PDF-1.4\n" + bytes(junk) + b"\nthis is not a PDF object\n"


def scanned_pdf():
    """One page that shows only an 8x8 grey image (a gradient), no text and no font."""
    pixels = bytes((16 * (x + y)) & 0xFF for y in range(8) for x in range(8))
    image = stream(pixels, b" /Type /XObject /Subtype /Image /Width 8 /Height 8"
                           b" /ColorSpace /DeviceGray /BitsPerComponent 8")
    content = b"q 400 0 0 400 97 221 cm /Im1 Do Q\n"
    return pages_pdf([content], with_font=False, xobjects=[image])


def empty_pdf():
    """One page with an empty content stream: no text, no image."""
    return pages_pdf([b""], with_font=False)


def numbers_only_pdf():
    """Two pages that print only their page numbers: text, but none that is
    not furniture."""
    return pages_pdf([text_stream([page_number(1)]), text_stream([page_number(2)])])


def manylinks_pdf():
    """One page whose text is 40 lines of 1,000 "w" each, under 400 link
    annotations of one address of 30,000 "w" and an "x" (one action object
    they share): a page built to make link matching slow. citegraph must
    read it in about the time pdftotext takes, and find no link."""
    lines = [(20, 800 - 18 * k, "w" * 1000) for k in range(40)]
    uri = b"http://" + b"w" * 30000 + b"x"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    first_annot = 7
    annots = b" ".join(b"%d 0 R" % (first_annot + k) for k in range(400))
    objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font "
                   b"<< /F1 3 0 R >> >> /Contents 5 0 R /Annots [%s] >>" % (PAGE_W, PAGE_H, annots))
    objects.append(stream(text_stream(lines, size=4)))
    objects.append(b"<< /S /URI /URI (" + uri + b") >>")
    for k in range(400):
        objects.append(b"<< /Type /Annot /Subtype /Link /Rect [0 0 %d %d] /Border [0 0 0] "
                       b"/A 6 0 R >>" % (PAGE_W, PAGE_H))
    return build_pdf(objects)


def manypages_pdf():
    """Twelve pages, each with two short lines of text in the middle of the
    page (not in the margin bands, where lines repeated on every page are
    taken for running heads); the last page also cites Drucksache 19/1212,
    so that a test can see page 12 reached."""
    pages = []
    for n in range(1, 13):
        lines = [
            (56, 500, "Seite %d von 12 des Dokuments mit vielen Seiten." % n),
            (56, 484, "Ein kurzer Absatz auf der Seite %d." % n),
        ]
        if n == 12:
            lines.append((56, 468, "Siehe Drucksache 19/1212."))
        pages.append(text_stream(lines))
    return pages_pdf(pages)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    out = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    text = text_pdf()
    files = {
        "text.pdf": text,
        "truncated.pdf": text[:len(text) // 2],
        "damaged.pdf": damaged_pdf(),
        "scanned.pdf": scanned_pdf(),
        "empty.pdf": empty_pdf(),
        "manypages.pdf": manypages_pdf(),
        "numbers-only.pdf": numbers_only_pdf(),
        "manylinks.pdf": manylinks_pdf(),
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print("%-14s %6d bytes" % (name, len(data)))
    if "--with-qpdf" in argv:
        if not shutil.which("qpdf"):
            print("qpdf not found: encrypted.pdf left as it is", file=sys.stderr)
            return 1
        subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--",
                        os.path.join(out, "text.pdf"), os.path.join(out, "encrypted.pdf")],
                       check=True)
        print("%-14s %6d bytes" % ("encrypted.pdf",
                                   os.path.getsize(os.path.join(out, "encrypted.pdf"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
