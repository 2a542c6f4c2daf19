/*
 * A GB18030 caller gets GB18030 back everywhere: the rendered HTML (declared as such), the
 * import's handle and findings, the last error; a lone byte 0x80 (no GB18030 character) is
 * refused rather than read as the euro sign; a NUL in a text comes back as U+FFFD.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

static const char *const AGENCY = "{\"name\":\"某市某局\",\"kind\":\"department\"}";

/* The GB18030 form of `utf8`; the caller frees it. */
static char *gb(const char *utf8) {
    char *s = to_gb18030(utf8);
    CHECK(s != NULL);
    return s;
}

static govreport_report *gb_report(void) {
    char *agency = gb(AGENCY);
    govreport_report *r = NULL;
    CHECK_OK(govreport_report_new("2021", 2023, agency, GOVREPORT_ENCODING_GB18030, &r));
    free(agency);
    return r;
}

static void test_html_in_gb18030(void) {
    govreport_report *r = gb_report();
    uint8_t *html = NULL;
    size_t len = 0;
    char *text, *utf8;
    CHECK_OK(govreport_report_render(r, "html", NULL, &html, &len));
    text = (char *)malloc(len + 1);
    if (html != NULL && text != NULL) {
        memcpy(text, html, len);
        text[len] = '\0';
        CHECK(contains(text, "<meta charset=\"gb18030\">"));
        CHECK(!contains(text, "charset=\"utf-8\""));
        utf8 = convert("GB18030", "UTF-8", text, len, NULL);
        CHECK(contains(utf8, "某市某局"));
        CHECK(!contains(text, "某市某局")); /* not UTF-8 bytes */
        free(utf8);
    }
    free(text);
    govreport_bytes_free(html);
    govreport_report_free(r);
}

static void test_import_encoded(void) {
    static const char page[] = "<html><head><meta charset=\"utf-8\"><title>某市某局2023年政府信息公开工作年度报告</title></head>"
                               "<body><h1>某市某局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年度工作平稳。</p></body></html>";
    govreport_report *r = NULL;
    char *findings = NULL, *title = NULL, *all = NULL, *utf8;
    CHECK_OK(govreport_import_encoded((const uint8_t *)page, strlen(page), NULL, GOVREPORT_ENCODING_GB18030, &r, &findings));
    CHECK(findings != NULL);
    CHECK_OK(govreport_report_get_text(r, "/agency/name", &title));
    utf8 = title ? from_gb18030(title) : NULL;
    CHECK(same(utf8, "某市某局"));
    free(utf8);
    govreport_string_free(title);
    /* The findings too are GB18030: their messages convert back to Chinese. */
    utf8 = findings ? from_gb18030(findings) : NULL;
    CHECK(utf8 != NULL && utf8[0] == '[');
    free(utf8);
    CHECK_OK(govreport_import_json_encoded((const uint8_t *)page, strlen(page), NULL, GOVREPORT_ENCODING_GB18030, &all));
    utf8 = all ? from_gb18030(all) : NULL;
    CHECK(contains(utf8, "\"name\":\"某市某局\""));
    free(utf8);
    CHECK_STATUS(govreport_import_encoded((const uint8_t *)page, strlen(page), NULL, 7, &r, NULL), GOVREPORT_ERROR_INVALID_ARGUMENT);
    govreport_string_free(all);
    govreport_string_free(findings);
    govreport_report_free(r);
}

static void test_last_error_in_gb18030(void) {
    govreport_report *r = gb_report();
    const char *msg;
    char *utf8;
    CHECK_STATUS(govreport_report_set_count(r, "/requests/nonsense/total", 1), GOVREPORT_ERROR_INVALID);
    msg = govreport_last_error_text(NULL, GOVREPORT_ENCODING_GB18030);
    utf8 = msg ? from_gb18030(msg) : NULL;
    CHECK(contains(utf8, "/requests/nonsense/total"));
    CHECK(utf8 != NULL && strcmp(utf8, msg) != 0); /* Chinese, so not the same bytes */
    free(utf8);
    govreport_report_free(r);
}

static void test_lone_0x80_is_refused(void) {
    /* 0x80 alone: refused wherever GB18030 comes in. As the second byte of a pair (0x81 0x80,
     * a real character) it is fine. */
    char *agency = gb(AGENCY);
    govreport_report *r = gb_report(), *other = NULL;
    char text[] = "price \x80 5", pair[] = "\x81\x80", *back = NULL;
    char doc[] = "{\"format\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"\x80\",\"kind\":\"department\"}}";
    char *out = NULL;
    CHECK_STATUS(govreport_report_set_text(r, "/sections/overview", text), GOVREPORT_ERROR_ENCODING);
    CHECK(contains(govreport_last_error(), "byte 6"));
    CHECK_STATUS(govreport_report_from_json((const uint8_t *)doc, strlen(doc), GOVREPORT_ENCODING_GB18030, &other), GOVREPORT_ERROR_ENCODING);
    CHECK(other == NULL);
    CHECK_STATUS(govreport_check_json_encoded((const uint8_t *)doc, strlen(doc), NULL, GOVREPORT_ENCODING_GB18030, &out), GOVREPORT_ERROR_ENCODING);
    CHECK_OK(govreport_report_set_text(r, "/sections/overview", pair));
    CHECK_OK(govreport_report_get_text(r, "/sections/overview", &back));
    CHECK(same(back, pair));
    govreport_string_free(back);
    /* The euro sign itself, written as GB18030 does (0xA2 0xE3), round-trips. */
    {
        char *euro = gb("€5");
        CHECK_OK(govreport_report_set_text(r, "/sections/overview", euro));
        CHECK_OK(govreport_report_get_text(r, "/sections/overview", &back));
        CHECK(same(back, euro));
        govreport_string_free(back);
        free(euro);
    }
    govreport_report_free(r);
    free(agency);
}

static void test_nul_in_text(void) {
    /* A document may quote a NUL (\u0000); a C string cannot hold one: it comes out as
     * U+FFFD, and the JSON form keeps the escape. */
    static const char doc[] = "{\"format\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"a\\u0000b\",\"kind\":\"department\"}}";
    govreport_report *r = NULL;
    char *name = NULL, *json = NULL;
    CHECK_OK(govreport_report_from_json((const uint8_t *)doc, strlen(doc), GOVREPORT_ENCODING_UTF8, &r));
    CHECK_OK(govreport_report_get_text(r, "/agency/name", &name));
    CHECK(same(name, "a\xEF\xBF\xBD" "b"));
    CHECK_OK(govreport_report_to_json(r, &json));
    CHECK(contains(json, "a\\u0000b"));
    govreport_string_free(name);
    govreport_string_free(json);
    govreport_report_free(r);
}

int main(void) {
    test_html_in_gb18030();
    test_import_encoded();
    test_last_error_in_gb18030();
    test_lone_0x80_is_refused();
    test_nul_in_text();
    return finish("test_gb18030");
}
