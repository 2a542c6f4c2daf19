#!/usr/bin/env python3
"""Writes the small seeds of the pdf_import fuzz target (see README.md): run from this folder."""
import zlib

CONTENTS = {
    "text.content": b"BT /F1 12 Tf 72 700 Td (2024) Tj 0 -14 Td [(AB) -3000 (12)] TJ /F2 12 Tf <00010002> Tj /F3 10 Tf <D5FEB8AE> Tj ET",
    "vertical.content": b"BT /F4 12 Tf 300 700 Td <00010002000300040005> Tj ET /X1 Do",
    "table.content": (
        b"0.5 w 50 700 m 300 700 l S 50 680 m 300 680 l S 50 660 m 300 660 l S "
        b"50 700 m 50 660 l S 150 700 m 150 660 l S 300 700 m 300 660 l S 150 679.8 150 0.4 re f "
        b"BT /F2 9 Tf 55 686 Td <0001000200030004> Tj 100 0 Td (0) Tj 0 -20 Td <0010> Tj ET"
    ),
}
for name, data in CONTENTS.items():
    open(name, "wb").write(data)


def pdf(objects, xref_stream=False):
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, o in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info << /Title (2024 report) /CreationDate (D:20250225021115+08'00') >> >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(d, data):
    return b"<< " + d + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


content = zlib.compress(CONTENTS["table.content"].replace(b"/F2", b"/F1").replace(b"<0001000200030004>", b"(Label)").replace(b"<0010>", b"(5)"))
open("flate-table.pdf", "wb").write(pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 800] /Rotate 90 /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    stream(b"/Filter /FlateDecode", content),
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]))

# The same with a cross-reference stream and an object stream, when qpdf is at hand.
import shutil, subprocess

if shutil.which("qpdf"):
    subprocess.run(["qpdf", "--object-streams=generate", "flate-table.pdf", "objstm-table.pdf"], check=True)
