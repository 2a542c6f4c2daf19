/*
 * Import published reports from their raw bytes: the 2012 Changchun text (which then checks as
 * the hand-typed seed: GR801 three times and GR802), the same text saved as GBK, a Word page
 * in GBK and a Word file from tests/fixtures/pages (each exactly the document typed next to
 * it), the real 洪泽区 PDF and a scanned PDF, and misuse: NULLs, empty and binary input, bad
 * options, truncated input, a 100 MB input. Every failure is a status with a message and leaves the out-parameters as they were.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

static const char *const SEED_TXT = "tests/fixtures/corpus/seed-2012-changchun-etdz.txt";

/* Sentinels: out-parameters point here before a call that must fail. */
static char marker;
#define UNTOUCHED_STR (&marker)
#define UNTOUCHED_REPORT ((govreport_report *)&marker)

/* The codes of a findings handle, comma-separated, in a caller's buffer. */
static void codes_of(const govreport_findings *f, char *out, size_t cap) {
    size_t i, used = 0;
    out[0] = '\0';
    for (i = 0; i < govreport_findings_count(f); i++) {
        const char *code = NULL;
        CHECK_OK(govreport_findings_code(f, i, &code));
        if (code != NULL && used + strlen(code) + 2 < cap) used += (size_t)sprintf(out + used, "%s%s", i ? "," : "", code);
    }
}

/* The report of a handle as JSON (the caller frees it with govreport_string_free). */
static char *json_of(const govreport_report *r) {
    char *json = NULL;
    CHECK_OK(govreport_report_to_json(r, &json));
    return json;
}

static void test_seed_text(void) {
    size_t len = 0;
    char *txt = read_text(SEED_TXT, &len), *notes = NULL, *imported = NULL, *value = NULL, codes[256];
    govreport_report *r = NULL, *quiet = NULL;
    govreport_findings *f = NULL;
    const char *format = NULL;
    CHECK(txt != NULL);
    if (txt == NULL) return;

    CHECK_OK(govreport_import((const uint8_t *)txt, len, NULL, &r, &notes));
    CHECK(notes != NULL && notes[0] == '[');
    CHECK(same(govreport_last_error(), ""));
    CHECK_OK(govreport_report_format(r, &format));
    CHECK(same(format, "2007"));
    CHECK_OK(govreport_report_get(r, "/agency/name", &value));
    CHECK(same(value, "\"长春经济技术开发区\""));
    govreport_string_free(value);
    /* Checked, the imported report gives what the hand-typed seed gives. */
    CHECK_OK(govreport_report_check(r, NULL, &f));
    codes_of(f, codes, sizeof codes);
    CHECK(same(codes, "GR801,GR801,GR801,GR802"));
    govreport_findings_free(f);

    /* The import findings may be skipped. */
    CHECK_OK(govreport_import((const uint8_t *)txt, len, NULL, &quiet, NULL));
    {
        char *a = json_of(r), *b = json_of(quiet);
        CHECK(same(a, b));
        govreport_string_free(a);
        govreport_string_free(b);
    }
    govreport_report_free(quiet);

    /* One call, everything as JSON. */
    CHECK_OK(govreport_import_json((const uint8_t *)txt, len, "{\"lang\":\"en\"}", &imported));
    CHECK(contains(imported, "\"source\":\"text\""));
    CHECK(contains(imported, "\"encoding\":\"UTF-8\""));
    CHECK(contains(imported, "\"report\":{"));
    CHECK(contains(imported, "\"findings\":["));
    govreport_string_free(imported);

    govreport_report_free(r);
    govreport_string_free(notes);
    free(txt);
}

static void test_gbk_text(void) {
    size_t len = 0, gbk_len = 0, i;
    char *txt = read_text(SEED_TXT, &len), *gbk, *a, *b, *imported = NULL, *options_imported = NULL;
    govreport_report *from_utf8 = NULL, *from_gbk = NULL, *told = NULL;
    govreport_findings *f = NULL;
    char codes[256];
    CHECK(txt != NULL);
    if (txt == NULL) return;
    /* GBK has no U+00A0 (the page's &nbsp;): a GBK page has spaces there. */
    for (i = 0; i + 1 < len; i++) {
        if ((unsigned char)txt[i] == 0xc2 && (unsigned char)txt[i + 1] == 0xa0) txt[i] = txt[i + 1] = ' ';
    }
    gbk = convert("UTF-8", "GBK", txt, len, &gbk_len);
    CHECK(gbk != NULL);
    if (gbk == NULL) { free(txt); return; }
    CHECK(gbk_len < len); /* two bytes a character where UTF-8 has three */

    /* No options: the encoding is found from the bytes. */
    CHECK_OK(govreport_import((const uint8_t *)txt, len, NULL, &from_utf8, NULL));
    CHECK_OK(govreport_import((const uint8_t *)gbk, gbk_len, NULL, &from_gbk, NULL));
    a = json_of(from_utf8);
    b = json_of(from_gbk);
    CHECK(a != NULL && same(a, b)); /* the handle is UTF-8 whatever the page was */
    govreport_string_free(a);
    govreport_string_free(b);
    CHECK_OK(govreport_report_check(from_gbk, NULL, &f));
    codes_of(f, codes, sizeof codes);
    CHECK(same(codes, "GR801,GR801,GR801,GR802"));
    govreport_findings_free(f);
    CHECK_OK(govreport_import_json((const uint8_t *)gbk, gbk_len, NULL, &imported));
    CHECK(contains(imported, "\"encoding\":\"gb18030\"") || contains(imported, "\"encoding\":\"GBK\""));
    CHECK(contains(imported, "长春经济技术开发区"));

    /* Told the encoding and the kind of source. */
    CHECK_OK(govreport_import((const uint8_t *)gbk, gbk_len, "{\"encoding\":\"gbk\",\"source\":\"text\",\"year\":2012}", &told, NULL));
    a = json_of(from_utf8);
    b = json_of(told);
    CHECK(same(a, b));
    govreport_string_free(a);
    govreport_string_free(b);
    CHECK_OK(govreport_import_json((const uint8_t *)gbk, gbk_len, "{\"encoding\":\"gb18030\"}", &options_imported));
    CHECK(contains(options_imported, "\"encoding\":\"gb18030\""));

    govreport_string_free(options_imported);
    govreport_string_free(imported);
    govreport_report_free(told);
    govreport_report_free(from_gbk);
    govreport_report_free(from_utf8);
    free(gbk);
    free(txt);
}

/* The report a fixture document gives, as JSON (the caller frees it with govreport_string_free). */
static char *expected_json(const char *path) {
    size_t len = 0;
    unsigned char *doc = read_file(path, &len);
    govreport_report *r = NULL;
    char *json = NULL;
    CHECK(doc != NULL);
    if (doc == NULL) return NULL;
    CHECK_OK(govreport_report_from_json(doc, len, GOVREPORT_ENCODING_UTF8, &r));
    if (r != NULL) json = json_of(r);
    govreport_report_free(r);
    free(doc);
    return json;
}

/* Imports a page of tests/fixtures/pages; it must give exactly the document typed next to it. */
static void import_page(const char *page_path, const char *doc_path, const char *source, const char *encoding) {
    size_t len = 0;
    unsigned char *page = read_file(page_path, &len);
    char *notes = NULL, *imported = NULL, *got, *want = expected_json(doc_path), needle[64];
    govreport_report *r = NULL;
    CHECK(page != NULL);
    if (page == NULL) { govreport_string_free(want); return; }
    CHECK_OK(govreport_import(page, len, NULL, &r, &notes));
    CHECK(notes != NULL && notes[0] == '[');
    got = r != NULL ? json_of(r) : NULL;
    CHECK(want != NULL && same(got, want));
    if (!same(got, want)) fprintf(stderr, "%s imports as\n%s\nnot\n%s\n", page_path, got ? got : "(null)", want ? want : "(null)");
    CHECK_OK(govreport_import_json(page, len, NULL, &imported));
    sprintf(needle, "\"source\":\"%s\"", source);
    CHECK(contains(imported, needle));
    sprintf(needle, "\"encoding\":\"%s\"", encoding);
    CHECK(contains(imported, needle));
    /* Cut short, a .docx is broken and an HTML page is still a page: a status or a report. */
    {
        govreport_report *part = UNTOUCHED_REPORT;
        govreport_status st = govreport_import(page, len / 2, NULL, &part, NULL);
        CHECK(st == GOVREPORT_OK || st == GOVREPORT_ERROR_INVALID);
        if (same(source, "docx")) CHECK(st == GOVREPORT_ERROR_INVALID && part == UNTOUCHED_REPORT);
        if (st == GOVREPORT_OK) govreport_report_free(part);
    }
    govreport_string_free(imported);
    govreport_string_free(got);
    govreport_string_free(want);
    govreport_string_free(notes);
    govreport_report_free(r);
    free(page);
}

/* A page saved by Word as HTML in GB2312 (declared in its <meta>), and a Word file. */
static void test_pages(void) {
    import_page("tests/fixtures/pages/word-gbk-2022.html", "tests/fixtures/pages/word-gbk-2022.json", "html", "GBK");
    import_page("tests/fixtures/pages/word-2020.docx", "tests/fixtures/pages/word-2020.json", "docx", "UTF-8");
}

/* PDF bytes like any other source: the real WPS-made 洪泽区 2024 report, and a scan. */
static void test_pdf(void) {
    size_t len = 0, scan_len = 0;
    unsigned char *pdf = read_file("tests/fixtures/corpus/pdf/2024-hongze-district.pdf", &len);
    unsigned char *scan = read_file("tests/fixtures/pdf/scanned-page.pdf", &scan_len);
    char *notes = NULL, *imported = NULL, *value = NULL, *s = UNTOUCHED_STR;
    govreport_report *r = NULL, *none = UNTOUCHED_REPORT;
    CHECK(pdf != NULL && scan != NULL);
    if (pdf == NULL || scan == NULL) { free(pdf); free(scan); return; }
    CHECK_OK(govreport_import(pdf, len, NULL, &r, &notes));
    /* The single （六） row is named with its page and box. */
    CHECK(contains(notes, "\"code\":\"GR908\"") && contains(notes, "\"page\":\"4\""));
    CHECK_OK(govreport_report_get(r, "/agency/name", &value));
    CHECK(same(value, "\"淮安市洪泽区人民政府\""));
    govreport_string_free(value);
    CHECK_OK(govreport_report_get(r, "/review_litigation/review/total", &value));
    CHECK(same(value, "2"));
    govreport_string_free(value);
    CHECK_OK(govreport_report_get(r, "/requests/partially_granted/natural_person", &value));
    CHECK(same(value, "9"));
    govreport_string_free(value);
    CHECK_OK(govreport_import_json(pdf, len, "{\"source\":\"pdf\"}", &imported));
    CHECK(contains(imported, "\"source\":\"pdf\""));
    /* A scan: a status and a message saying why, the out-parameters untouched. */
    CHECK_STATUS(govreport_import(scan, scan_len, NULL, &none, NULL), GOVREPORT_ERROR_INVALID);
    CHECK(none == UNTOUCHED_REPORT);
    CHECK(contains(govreport_last_error(), "OCR"));
    CHECK_STATUS(govreport_import_json(scan, scan_len, "{\"lang\":\"en\"}", &s), GOVREPORT_ERROR_INVALID);
    CHECK(s == UNTOUCHED_STR);
    /* Cut short: a status or a report, never a crash. */
    {
        govreport_report *part = UNTOUCHED_REPORT;
        govreport_status st = govreport_import(pdf, len / 3, NULL, &part, NULL);
        CHECK(st == GOVREPORT_OK || st == GOVREPORT_ERROR_INVALID);
        if (st == GOVREPORT_OK) govreport_report_free(part);
    }
    govreport_string_free(imported);
    govreport_string_free(notes);
    govreport_report_free(r);
    free(scan);
    free(pdf);
}

static void test_abuse(void) {
    size_t len = 0, cut;
    char *txt = read_text(SEED_TXT, &len), *notes = UNTOUCHED_STR, *s = UNTOUCHED_STR;
    govreport_report *r = UNTOUCHED_REPORT;
    const uint8_t *t = (const uint8_t *)txt;
    static const char pdf[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x01\x02";
    static const char no_year[] = "某局政府信息公开工作报告\n一、总体情况\n本机关依法公开政府信息。";
    CHECK(txt != NULL);
    if (txt == NULL) return;

    /* NULLs. */
    CHECK_STATUS(govreport_import(NULL, len, NULL, &r, &notes), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK(contains(govreport_last_error(), "bytes"));
    CHECK_STATUS(govreport_import(NULL, 0, NULL, &r, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_import(t, len, NULL, NULL, &notes), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_import_json(NULL, len, NULL, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_import_json(t, len, NULL, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);

    /* Empty, blank, binary, no year anywhere. */
    CHECK_STATUS(govreport_import((const uint8_t *)"", 0, NULL, &r, &notes), GOVREPORT_ERROR_INVALID);
    CHECK(contains(govreport_last_error(), "empty"));
    CHECK_STATUS(govreport_import((const uint8_t *)" \r\n\t", 4, NULL, &r, &notes), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_import((const uint8_t *)pdf, sizeof pdf - 1, NULL, &r, &notes), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_import((const uint8_t *)"PK\x03\x04garbage", 11, NULL, &r, &notes), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_import((const uint8_t *)no_year, strlen(no_year), NULL, &r, &notes), GOVREPORT_ERROR_INVALID);
    CHECK(contains(govreport_last_error(), "year"));
    CHECK_STATUS(govreport_import_json((const uint8_t *)no_year, strlen(no_year), NULL, &s), GOVREPORT_ERROR_INVALID);

    /* Bad options. */
    CHECK_STATUS(govreport_import(t, len, "{\"colour\":\"red\"}", &r, &notes), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_import(t, len, "{\"encoding\":\"klingon\"}", &r, &notes), GOVREPORT_ERROR_INVALID);
    CHECK(contains(govreport_last_error(), "klingon"));
    CHECK_STATUS(govreport_import(t, len, "{\"source\":\"pdf\"}", &r, &notes), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_import(t, len, "{\"format\":\"2031\"}", &r, &notes), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_import(t, len, "{\"year\":-1}", &r, &notes), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_import(t, len, "{", &r, &notes), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_import(t, len, "{\"source\":\"\xff\"}", &r, &notes), GOVREPORT_ERROR_ENCODING);

    /* A JSON document is read by the core's parser, with its statuses. */
    CHECK_STATUS(govreport_import((const uint8_t *)"{\"format\":", 10, NULL, &r, &notes), GOVREPORT_ERROR_SYNTAX);
    CHECK_STATUS(govreport_import((const uint8_t *)"{\"format\":\"2031\"}", 17, NULL, &r, &notes), GOVREPORT_ERROR_UNKNOWN_FORMAT);
    CHECK(r == UNTOUCHED_REPORT && notes == UNTOUCHED_STR && s == UNTOUCHED_STR);

    /* Truncated anywhere: a report of what is there, or a status; never a crash. */
    for (cut = 1; cut < len; cut += len / 12) {
        govreport_report *part = UNTOUCHED_REPORT;
        char *part_notes = UNTOUCHED_STR;
        govreport_status st = govreport_import(t, cut, NULL, &part, &part_notes);
        CHECK(st == GOVREPORT_OK || st == GOVREPORT_ERROR_INVALID);
        if (st == GOVREPORT_OK) {
            CHECK(part != UNTOUCHED_REPORT && part_notes != UNTOUCHED_STR);
            govreport_report_free(part);
            govreport_string_free(part_notes);
        } else {
            CHECK(part == UNTOUCHED_REPORT && part_notes == UNTOUCHED_STR);
        }
    }

    /* 100 MB: refused before it is read. */
    {
        size_t size = (size_t)100 * 1024 * 1024;
        unsigned char *big = (unsigned char *)malloc(size);
        CHECK(big != NULL);
        if (big != NULL) {
            memset(big, 'a', size);
            CHECK_STATUS(govreport_import(big, size, NULL, &r, &notes), GOVREPORT_ERROR_TOO_LARGE);
            CHECK(contains(govreport_last_error(), "limit"));
            CHECK_STATUS(govreport_import_json(big, size, "{\"encoding\":\"gbk\"}", &s), GOVREPORT_ERROR_TOO_LARGE);
            free(big);
        }
    }
    CHECK(r == UNTOUCHED_REPORT && notes == UNTOUCHED_STR && s == UNTOUCHED_STR);
    free(txt);
}

/* Provenance: each cell's place and text as published, and check findings that say where. */
static void test_provenance(void) {
    static const char page[] =
        "某市某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度……\n二、主动公开政府信息情况\n"
        "规章 | 0 | 0 | 0 |\n行政规范性文件 | 5件 | 1.5 | 25 |\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 5 |\n";
    char *imported = NULL, *findings = UNTOUCHED_STR;
    CHECK_OK(govreport_import_json((const uint8_t *)page, strlen(page), NULL, &imported));
    /* Keys in JSON order (sorted), as every object of the import's JSON. */
    CHECK(contains(imported, "\"provenance\":{"));
    CHECK(contains(imported, "\"/proactive/normative_documents/issued\":{\"column\":11,\"line\":6,\"text\":\"5件\"}"));
    CHECK(contains(imported, "\"/proactive/normative_documents/repealed\":{\"column\":16,\"line\":6,\"text\":\"1.5\",\"unreadable\":true}"));
    govreport_string_free(imported);

    /* Imported and checked: the wrong total says where it is; in English on request. */
    CHECK_OK(govreport_import_check_json((const uint8_t *)page, strlen(page), NULL, "{\"lang\":\"en\"}", &findings));
    CHECK(contains(findings, "\"code\":\"GR911\""));
    CHECK(contains(findings, "\"code\":\"GR203\""));
    CHECK(contains(findings, "\"source_at\":\"line 8, column 44\""));
    CHECK(contains(findings, "\"source_text\":\"5\""));
    govreport_string_free(findings);

    /* Misuse: a status, nothing written. */
    findings = UNTOUCHED_STR;
    CHECK_STATUS(govreport_import_check_json(NULL, 3, NULL, NULL, &findings), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_import_check_json((const uint8_t *)page, strlen(page), NULL, "{\"nope\":1}", &findings), GOVREPORT_ERROR_INVALID);
    CHECK(findings == UNTOUCHED_STR);
    CHECK_STATUS(govreport_import_check_json((const uint8_t *)page, strlen(page), NULL, NULL, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
}

int main(void) {
    test_provenance();
    test_seed_text();
    test_gbk_text();
    test_pages();
    test_pdf();
    test_abuse();
    return finish("test_import");
}
