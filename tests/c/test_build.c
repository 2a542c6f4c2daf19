/*
 * Build a 2021 report field by field, complete it, check it and read the findings; the
 * version macros; the same report through a GB18030 handle.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#ifndef EXPECTED_VERSION
#error "compile with -DEXPECTED_VERSION='\"x.y.z\"' (the version in Cargo.toml)"
#endif

static const char *const COLUMNS[] = {"natural_person", "commercial", "research", "social_welfare",
                                      "legal_service", "other_org"};
#define NCOLUMNS (sizeof COLUMNS / sizeof COLUMNS[0])

static void test_version(void) {
    char composed[64];
    CHECK(same(GOVREPORT_VERSION, EXPECTED_VERSION));
    CHECK(same(govreport_version(), GOVREPORT_VERSION));
    sprintf(composed, "%d.%d.%d", GOVREPORT_VERSION_MAJOR, GOVREPORT_VERSION_MINOR, GOVREPORT_VERSION_PATCH);
    CHECK(same(composed, GOVREPORT_VERSION));
    CHECK(GOVREPORT_VERSION_NUMBER ==
          GOVREPORT_VERSION_MAJOR * 10000 + GOVREPORT_VERSION_MINOR * 100 + GOVREPORT_VERSION_PATCH);
}

/* Sets row `row` of table B to `values` (one per column), by pointer. */
static void set_row(govreport_report *r, const char *row, const unsigned values[NCOLUMNS]) {
    char pointer[128];
    size_t c;
    for (c = 0; c < NCOLUMNS; c++) {
        sprintf(pointer, "/requests/%s/%s", row, COLUMNS[c]);
        CHECK_OK(govreport_report_set_count(r, pointer, values[c]));
    }
}

/* Fills a report the way an office system would; `text` converts UTF-8 literals to the
 * handle's encoding (NULL: they are used as they are). */
static void fill(govreport_report *r, char *(*text)(const char *)) {
    static const unsigned new_[NCOLUMNS] = {8, 1, 0, 0, 0, 1};
    static const unsigned carried[NCOLUMNS] = {1, 0, 0, 0, 0, 0};
    static const unsigned granted[NCOLUMNS] = {5, 1, 0, 0, 0, 0};
    static const unsigned partial[NCOLUMNS] = {2, 0, 0, 0, 0, 1};
    static const unsigned forward[NCOLUMNS] = {2, 0, 0, 0, 0, 0};
    const char *overview = "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。";
    char *converted = text ? text(overview) : NULL;

    set_row(r, "new", new_);
    set_row(r, "carried_over", carried);
    set_row(r, "granted", granted);
    set_row(r, "partially_granted", partial);
    set_row(r, "carried_forward", forward);
    /* A published total that disagrees with its row: complete must keep it, check must flag it. */
    CHECK_OK(govreport_report_set(r, "/requests/granted/total", "99"));
    /* Blank and not applicable are cells too. */
    CHECK_OK(govreport_report_set(r, "/proactive/licensing", "null"));
    CHECK_OK(govreport_report_set(r, "/proactive/coercion", "\"/\""));
    CHECK_OK(govreport_report_set(r, "/proactive/fees_10k_yuan", "\"0.092\""));
    CHECK_OK(govreport_report_set_count(r, "/review_litigation/review/upheld", 1));
    CHECK_OK(govreport_report_set_count(r, "/review_litigation/review/corrected", 0));
    CHECK_OK(govreport_report_set_count(r, "/review_litigation/review/other", 0));
    CHECK_OK(govreport_report_set_count(r, "/review_litigation/review/pending", 0));
    CHECK_OK(govreport_report_set_text(r, "/sections/overview", converted ? converted : overview));
    CHECK_OK(govreport_report_set(r, "/published_on", "\"2024-01-20\""));
    free(converted);
}

static void test_build_complete_check(void) {
    govreport_report *r = NULL, *again = NULL;
    govreport_findings *f = NULL;
    char *value = NULL, *completion = NULL, *json = NULL, *json_again = NULL, *all = NULL, *item = NULL;
    const char *format = NULL;
    size_t i, n;
    int flagged_total = 0;

    CHECK_OK(govreport_report_new("2021", 2023, "{\"name\":\"长春市某局\",\"kind\":\"department\",\"level\":\"county\"}",
                                  GOVREPORT_ENCODING_UTF8, &r));
    CHECK(r != NULL);
    CHECK_OK(govreport_report_format(r, &format));
    CHECK(same(format, "2021"));
    fill(r, NULL);

    /* Before complete the row total is absent: NULL, and that is success. */
    value = (char *)"untouched";
    CHECK_OK(govreport_report_get(r, "/requests/new/total", &value));
    CHECK(value == NULL);

    CHECK_OK(govreport_report_complete(r, &completion));
    CHECK(contains(completion, "\"filled\""));
    CHECK(contains(completion, "/requests/new/total"));
    CHECK(contains(completion, "/review_litigation/review/total"));
    CHECK(!contains(completion, "/requests/granted/total")); /* a published total is kept */
    govreport_string_free(completion);

    CHECK_OK(govreport_report_get(r, "/requests/new/total", &value));
    CHECK(same(value, "10"));
    govreport_string_free(value);
    CHECK_OK(govreport_report_get(r, "/requests/granted/total", &value));
    CHECK(same(value, "99"));
    govreport_string_free(value);
    CHECK_OK(govreport_report_get(r, "/review_litigation/review/total", &value));
    CHECK(same(value, "1"));
    govreport_string_free(value);
    CHECK_OK(govreport_report_get(r, "/proactive/coercion", &value));
    CHECK(same(value, "\"/\""));
    govreport_string_free(value);
    CHECK_OK(govreport_report_get(r, "/proactive/licensing", &value));
    CHECK(same(value, "null"));
    govreport_string_free(value);
    CHECK_OK(govreport_report_get(r, "/agency/name", &value));
    CHECK(same(value, "\"长春市某局\""));
    govreport_string_free(value);

    CHECK_OK(govreport_report_check(r, "{\"today\":\"2026-11-26\"}", &f));
    n = govreport_findings_count(f);
    CHECK(n > 0);
    for (i = 0; i < n; i++) {
        const char *code = NULL, *name = NULL, *path = NULL, *message = NULL;
        govreport_severity severity = (govreport_severity)-1;
        govreport_finding_status status = (govreport_finding_status)-1;
        CHECK_OK(govreport_findings_code(f, i, &code));
        CHECK_OK(govreport_findings_name(f, i, &name));
        CHECK_OK(govreport_findings_path(f, i, &path));
        CHECK_OK(govreport_findings_message(f, i, &message));
        CHECK_OK(govreport_findings_severity(f, i, &severity));
        CHECK_OK(govreport_findings_status(f, i, &status));
        CHECK(code != NULL && strncmp(code, "GR", 2) == 0 && strlen(code) == 5);
        CHECK(name != NULL && name[0] != '\0');
        CHECK(path != NULL && (path[0] == '\0' || path[0] == '/'));
        CHECK(message != NULL && message[0] != '\0');
        CHECK(severity == GOVREPORT_SEVERITY_ERROR || severity == GOVREPORT_SEVERITY_WARNING ||
              severity == GOVREPORT_SEVERITY_INFO);
        CHECK(status == GOVREPORT_FINDING_VIOLATED || status == GOVREPORT_FINDING_NOT_ASSESSABLE);
        if (same(code, "GR203") && same(path, "/requests/granted/total")) {
            flagged_total = 1;
            CHECK(severity == GOVREPORT_SEVERITY_ERROR);
            CHECK(status == GOVREPORT_FINDING_VIOLATED);
        }
        CHECK_OK(govreport_findings_item_json(f, i, &item));
        CHECK(contains(item, code));
        govreport_string_free(item);
    }
    CHECK(flagged_total);
    CHECK_OK(govreport_findings_to_json(f, &all));
    CHECK(all != NULL && all[0] == '[' && contains(all, "/requests/granted/total"));
    govreport_string_free(all);
    govreport_findings_free(f);

    /* Severity overrides and switched-off rules reach the core. */
    CHECK_OK(govreport_report_check(r, "{\"disable\":[\"GR2\"],\"lang\":\"en\",\"today\":\"2026-11-26\"}", &f));
    for (i = 0; i < govreport_findings_count(f); i++) {
        const char *code = NULL;
        CHECK_OK(govreport_findings_code(f, i, &code));
        CHECK(code != NULL && strncmp(code, "GR2", 3) != 0);
    }
    govreport_findings_free(f);

    /* The document round-trips through JSON. */
    CHECK_OK(govreport_report_to_json(r, &json));
    CHECK(contains(json, "\"format\":\"2021\""));
    CHECK_OK(govreport_report_from_json((const uint8_t *)json, strlen(json), GOVREPORT_ENCODING_UTF8, &again));
    CHECK_OK(govreport_report_to_json(again, &json_again));
    CHECK(same(json, json_again));
    govreport_string_free(json);
    govreport_string_free(json_again);
    govreport_report_free(again);
    govreport_report_free(r);
}

/* The same report built through a GB18030 handle gives the same findings, in GB18030. */
static void test_gb18030_handle(void) {
    govreport_report *utf8 = NULL, *gb = NULL;
    govreport_findings *fu = NULL, *fg = NULL;
    char *ju = NULL, *jg = NULL, *jg_utf8 = NULL, *name = NULL, *name_utf8 = NULL;
    char *agency = to_gb18030("{\"name\":\"长春市某局\",\"kind\":\"department\"}");
    const char *options = "{\"today\":\"2026-11-26\"}";
    const char *message = NULL;

    CHECK(agency != NULL);
    CHECK_OK(govreport_report_new("2021", 2023, "{\"name\":\"长春市某局\",\"kind\":\"department\"}", GOVREPORT_ENCODING_UTF8, &utf8));
    CHECK_OK(govreport_report_new("2021", 2023, agency, GOVREPORT_ENCODING_GB18030, &gb));
    fill(utf8, NULL);
    fill(gb, to_gb18030);
    CHECK_OK(govreport_report_complete(utf8, NULL));
    CHECK_OK(govreport_report_complete(gb, NULL));

    CHECK_OK(govreport_report_get(gb, "/agency/name", &name));
    name_utf8 = name ? from_gb18030(name) : NULL;
    CHECK(same(name_utf8, "\"长春市某局\""));
    CHECK(!same(name, "\"长春市某局\"")); /* it really is GB18030, not UTF-8 */

    CHECK_OK(govreport_report_check(utf8, options, &fu));
    CHECK_OK(govreport_report_check(gb, options, &fg));
    CHECK(govreport_findings_count(fu) == govreport_findings_count(fg));
    CHECK_OK(govreport_findings_to_json(fu, &ju));
    CHECK_OK(govreport_findings_to_json(fg, &jg));
    jg_utf8 = jg ? from_gb18030(jg) : NULL;
    CHECK(same(ju, jg_utf8));
    if (govreport_findings_count(fg) > 0) {
        char *m;
        CHECK_OK(govreport_findings_message(fg, 0, &message));
        m = message ? from_gb18030(message) : NULL;
        CHECK(m != NULL && m[0] != '\0');
        free(m);
    }

    /* GB18030 text that is not GB18030 is refused by the handle. */
    CHECK_STATUS(govreport_report_set_text(gb, "/sections/problems", "\xff\xff"), GOVREPORT_ERROR_ENCODING);

    free(agency);
    free(name_utf8);
    free(jg_utf8);
    govreport_string_free(name);
    govreport_string_free(ju);
    govreport_string_free(jg);
    govreport_findings_free(fu);
    govreport_findings_free(fg);
    govreport_report_free(utf8);
    govreport_report_free(gb);
}

/* A 2019 and a 2007 report can be started too. */
static void test_other_formats(void) {
    govreport_report *r = NULL;
    govreport_findings *f = NULL;
    CHECK_OK(govreport_report_new("2019", 2020, "{\"name\":\"某县人民政府\",\"kind\":\"government\"}", GOVREPORT_ENCODING_UTF8, &r));
    CHECK_OK(govreport_report_set_count(r, "/requests/other/natural_person", 1));
    CHECK_OK(govreport_report_check(r, NULL, &f));
    govreport_findings_free(f);
    govreport_report_free(r);
    r = NULL;
    CHECK_OK(govreport_report_new("2007", 2012, "{\"name\":\"某县人民政府\",\"kind\":\"government\"}", GOVREPORT_ENCODING_UTF8, &r));
    CHECK_OK(govreport_report_set(r, "/sections/0", "{\"heading\":\"一、概述\",\"text\":\"……\"}"));
    CHECK_OK(govreport_report_check(r, NULL, &f));
    CHECK(govreport_findings_count(f) > 0);
    govreport_findings_free(f);
    govreport_report_free(r);
}

int main(void) {
    test_version();
    test_build_complete_check();
    test_gb18030_handle();
    test_other_formats();
    return finish("test_build");
}
