/*
 * Across reports: a county unit's 2023 report against its 2022 report (one-shot JSON, GB18030
 * and handles), the county's three 2023 reports rolled up (JSON and handles), and misuse:
 * NULLs, empty lists, mixed years, truncated JSON, a 100 MB input. Every failure is a status
 * with a message and leaves the out-parameters as they were.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

static const char *const COUNTY = "{\"name\":\"进贤县人民政府\",\"kind\":\"government\",\"region_code\":\"360124\"}";
static const char *const DATED = "{\"today\":\"2026-11-26\"}";
static const char *const UNITS_2023[] = {
    "tests/fixtures/county/2023/education.json",
    "tests/fixtures/county/2023/health.json",
    "tests/fixtures/county/2023/minhe-town.json",
};
static const char *const GAPS = "[{\"pointer\":\"/proactive/licensing\",\"units\":[\"进贤县民和镇人民政府\"]}]";

/* Sentinels: out-parameters point here before a call that must fail. */
static char marker;
#define UNTOUCHED_STR (&marker)
#define UNTOUCHED_REPORT ((govreport_report *)&marker)
#define UNTOUCHED_FINDINGS ((govreport_findings *)&marker)

static char *load(const char *path, size_t *len) {
    char *text = read_text(path, len);
    CHECK(text != NULL);
    return text;
}

/* The files at `paths` as one JSON array of documents, NUL-terminated; NULL on failure. */
static char *array_of(const char *const *paths, size_t n, size_t *len) {
    size_t i, used = 1, cap = 2;
    char *out = (char *)malloc(cap + 1);
    if (out == NULL) return NULL;
    out[0] = '[';
    for (i = 0; i < n; i++) {
        size_t doc_len = 0;
        char *doc = load(paths[i], &doc_len), *bigger;
        if (doc == NULL) { free(out); return NULL; }
        cap = used + doc_len + 2;
        bigger = (char *)realloc(out, cap + 1);
        if (bigger == NULL) { free(doc); free(out); return NULL; }
        out = bigger;
        if (i > 0) out[used++] = ',';
        memcpy(out + used, doc, doc_len);
        used += doc_len;
        free(doc);
    }
    out[used++] = ']';
    out[used] = '\0';
    *len = used;
    return out;
}

static govreport_report *report_of(const char *path, govreport_encoding encoding) {
    size_t len = 0;
    char *doc = load(path, &len), *gb = NULL;
    govreport_report *r = NULL;
    if (doc == NULL) return NULL;
    if (encoding == GOVREPORT_ENCODING_GB18030) {
        gb = to_gb18030(doc);
        CHECK(gb != NULL);
        if (gb != NULL) CHECK_OK(govreport_report_from_json((const uint8_t *)gb, strlen(gb), encoding, &r));
        free(gb);
    } else {
        CHECK_OK(govreport_report_from_json((const uint8_t *)doc, len, encoding, &r));
    }
    free(doc);
    return r;
}

static void test_compare_json(void) {
    size_t prev_len = 0, cur_len = 0;
    char *prev = load("tests/fixtures/county/2022/education.json", &prev_len);
    char *cur = load("tests/fixtures/county/2023/education.json", &cur_len);
    char *findings = NULL, *defaults = NULL, *gb_prev, *gb_cur, *gb_out = NULL, *gb_back;
    if (prev == NULL || cur == NULL) { free(prev); free(cur); return; }

    CHECK_OK(govreport_compare_json((const uint8_t *)prev, prev_len, (const uint8_t *)cur, cur_len, DATED, &findings));
    /* Exactly two findings, both GR601, at the two cells of 上年结转 that differ. */
    CHECK(occurrences(findings, "\"code\":") == 2);
    CHECK(occurrences(findings, "\"code\":\"GR601\"") == 2);
    CHECK(contains(findings, "\"path\":\"/requests/carried_over/natural_person\""));
    CHECK(contains(findings, "\"path\":\"/requests/carried_over/total\""));
    CHECK(contains(findings, "\"expected\":\"2\"") && contains(findings, "\"actual\":\"3\""));
    CHECK(same(govreport_last_error(), ""));
    /* NULL options are the defaults. */
    CHECK_OK(govreport_compare_json((const uint8_t *)prev, prev_len, (const uint8_t *)cur, cur_len, NULL, &defaults));
    CHECK(occurrences(defaults, "\"code\":\"GR601\"") == 2);

    /* GB18030 in, GB18030 out: the same findings. */
    gb_prev = to_gb18030(prev);
    gb_cur = to_gb18030(cur);
    CHECK(gb_prev != NULL && gb_cur != NULL);
    if (gb_prev != NULL && gb_cur != NULL) {
        CHECK_OK(govreport_compare_json_encoded((const uint8_t *)gb_prev, strlen(gb_prev), (const uint8_t *)gb_cur, strlen(gb_cur), DATED,
                                                GOVREPORT_ENCODING_GB18030, &gb_out));
        gb_back = gb_out != NULL ? from_gb18030(gb_out) : NULL;
        CHECK(same(gb_back, findings));
        free(gb_back);
    }
    govreport_string_free(gb_out);
    free(gb_prev);
    free(gb_cur);
    govreport_string_free(defaults);
    govreport_string_free(findings);
    free(prev);
    free(cur);
}

static void test_report_compare(void) {
    govreport_report *prev = report_of("tests/fixtures/county/2022/education.json", GOVREPORT_ENCODING_UTF8);
    govreport_report *cur = report_of("tests/fixtures/county/2023/education.json", GOVREPORT_ENCODING_GB18030);
    govreport_findings *f = NULL, *self = NULL;
    const char *code = NULL, *path = NULL;
    char *all = NULL;
    size_t i;

    CHECK_OK(govreport_report_compare(prev, cur, DATED, &f));
    govreport_report_free(prev); /* the findings do not depend on the reports */
    CHECK(govreport_findings_count(f) == 2);
    for (i = 0; i < govreport_findings_count(f); i++) {
        CHECK_OK(govreport_findings_code(f, i, &code));
        CHECK(same(code, "GR601"));
    }
    CHECK_OK(govreport_findings_path(f, 0, &path));
    CHECK(same(path, "/requests/carried_over/natural_person"));
    CHECK_OK(govreport_findings_path(f, 1, &path));
    CHECK(same(path, "/requests/carried_over/total"));
    /* The findings are in the encoding of `current`: GB18030 here. */
    CHECK_OK(govreport_findings_to_json(f, &all));
    {
        char *utf8 = all != NULL ? from_gb18030(all) : NULL;
        CHECK(contains(utf8, "自然人"));
        free(utf8);
    }
    govreport_string_free(all);
    govreport_findings_free(f);

    /* A handle against itself: no deadlock; the years do not follow (GR604). */
    CHECK_OK(govreport_report_compare(cur, cur, NULL, &self));
    for (i = 0, code = NULL; i < govreport_findings_count(self); i++) {
        const char *c = NULL;
        CHECK_OK(govreport_findings_code(self, i, &c));
        if (same(c, "GR604")) code = c;
    }
    CHECK(same(code, "GR604"));
    govreport_findings_free(self);
    govreport_report_free(cur);
}

static void test_aggregate(void) {
    size_t len = 0, i;
    char *units = array_of(UNITS_2023, 3, &len), *rollup = NULL, *gb_units, *gb_county, *gb_out = NULL, *gaps = NULL, *value = NULL;
    govreport_report *handles[3], *up = NULL, *again = NULL;
    if (units == NULL) return;

    CHECK_OK(govreport_aggregate_json((const uint8_t *)units, len, COUNTY, &rollup));
    CHECK(contains(rollup, "\"units\":[\"进贤县教育体育局\",\"进贤县卫生健康委员会\",\"进贤县民和镇人民政府\"]"));
    CHECK(contains(rollup, "\"gaps\":[{\"pointer\":\"/proactive/licensing\",\"units\":[\"进贤县民和镇人民政府\"]}]"));
    CHECK(contains(rollup, "\"report\":{\"format\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"进贤县人民政府\""));
    CHECK(contains(rollup, "\"licensing\":null"));

    /* The same in GB18030. */
    gb_units = to_gb18030(units);
    gb_county = to_gb18030(COUNTY);
    CHECK(gb_units != NULL && gb_county != NULL);
    if (gb_units != NULL && gb_county != NULL) {
        CHECK_OK(govreport_aggregate_json_encoded((const uint8_t *)gb_units, strlen(gb_units), gb_county, GOVREPORT_ENCODING_GB18030, &gb_out));
        {
            char *back = gb_out != NULL ? from_gb18030(gb_out) : NULL;
            CHECK(same(back, rollup));
            free(back);
        }
    }
    govreport_string_free(gb_out);
    free(gb_units);
    free(gb_county);

    /* Handles: the new report's new total is 17 + 19 + 2 = 38; 行政许可 is blank, not summed. */
    for (i = 0; i < 3; i++) handles[i] = report_of(UNITS_2023[i], i == 1 ? GOVREPORT_ENCODING_GB18030 : GOVREPORT_ENCODING_UTF8);
    CHECK_OK(govreport_aggregate(handles, 3, COUNTY, GOVREPORT_ENCODING_UTF8, &up, &gaps));
    CHECK(same(gaps, GAPS));
    CHECK_OK(govreport_report_get(up, "/requests/new/total", &value));
    CHECK(same(value, "38"));
    govreport_string_free(value);
    value = NULL;
    CHECK_OK(govreport_report_get(up, "/proactive/licensing", &value));
    CHECK(same(value, "null"));
    govreport_string_free(value);
    value = NULL;
    CHECK_OK(govreport_report_get(up, "/agency/name", &value));
    CHECK(same(value, "\"进贤县人民政府\""));
    govreport_string_free(value);
    /* The roll-up itself checks (its totals add up). */
    {
        char *json = NULL, *findings = NULL;
        CHECK_OK(govreport_report_to_json(up, &json));
        if (json != NULL) CHECK_OK(govreport_check_json((const uint8_t *)json, strlen(json), DATED, &findings));
        CHECK(findings != NULL && !contains(findings, "\"code\":\"GR201\"") && !contains(findings, "\"code\":\"GR301\""));
        govreport_string_free(findings);
        govreport_string_free(json);
    }
    /* Gaps are optional. */
    CHECK_OK(govreport_aggregate(handles, 3, COUNTY, GOVREPORT_ENCODING_UTF8, &again, NULL));
    govreport_report_free(again);

    govreport_report_free(up);
    govreport_string_free(gaps);
    for (i = 0; i < 3; i++) govreport_report_free(handles[i]);
    govreport_string_free(rollup);
    free(units);
}

static void test_mixed_years(void) {
    static const char *const mixed[] = {"tests/fixtures/county/2023/education.json", "tests/fixtures/county/2022/health.json"};
    size_t len = 0;
    char *units = array_of(mixed, 2, &len), *s = UNTOUCHED_STR, *gaps = UNTOUCHED_STR;
    govreport_report *handles[2], *r = UNTOUCHED_REPORT;
    if (units == NULL) return;
    CHECK_STATUS(govreport_aggregate_json((const uint8_t *)units, len, COUNTY, &s), GOVREPORT_ERROR_INVALID);
    CHECK(contains(govreport_last_error(), "reports[1]"));
    CHECK(contains(govreport_last_error(), "进贤县卫生健康委员会"));
    CHECK(contains(govreport_last_error_text("zh", GOVREPORT_ENCODING_UTF8), "reports[1]"));
    handles[0] = report_of(mixed[0], GOVREPORT_ENCODING_UTF8);
    handles[1] = report_of(mixed[1], GOVREPORT_ENCODING_UTF8);
    CHECK_STATUS(govreport_aggregate(handles, 2, COUNTY, GOVREPORT_ENCODING_UTF8, &r, &gaps), GOVREPORT_ERROR_INVALID);
    CHECK(contains(govreport_last_error(), "reports[1]"));
    CHECK(s == UNTOUCHED_STR && r == UNTOUCHED_REPORT && gaps == UNTOUCHED_STR);
    govreport_report_free(handles[0]);
    govreport_report_free(handles[1]);
    free(units);
}

static void test_abuse(void) {
    size_t len = 0, doc_len = 0, cut;
    char *units = array_of(UNITS_2023, 3, &len), *doc = load("tests/fixtures/county/2023/education.json", &doc_len);
    char *s = UNTOUCHED_STR, *gaps = UNTOUCHED_STR;
    govreport_report *r = UNTOUCHED_REPORT, *live = report_of(UNITS_2023[0], GOVREPORT_ENCODING_UTF8);
    govreport_report *holey[2];
    govreport_findings *f = UNTOUCHED_FINDINGS;
    const uint8_t *u = (const uint8_t *)units, *d = (const uint8_t *)doc;
    if (units == NULL || doc == NULL) { free(units); free(doc); govreport_report_free(live); return; }
    holey[0] = live;
    holey[1] = NULL;

    /* NULLs. */
    CHECK_STATUS(govreport_compare_json(NULL, doc_len, d, doc_len, NULL, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK(contains(govreport_last_error(), "previous"));
    CHECK_STATUS(govreport_compare_json(d, doc_len, NULL, 0, NULL, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK(contains(govreport_last_error(), "current"));
    CHECK_STATUS(govreport_compare_json(d, doc_len, d, doc_len, NULL, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_compare_json_encoded(NULL, 0, NULL, 0, NULL, GOVREPORT_ENCODING_GB18030, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_compare(NULL, live, NULL, &f), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_compare(live, NULL, NULL, &f), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_compare(live, live, NULL, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_aggregate_json(NULL, len, COUNTY, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_aggregate_json(u, len, NULL, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_aggregate_json(u, len, COUNTY, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_aggregate(NULL, 0, COUNTY, GOVREPORT_ENCODING_UTF8, &r, &gaps), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_aggregate(holey, 2, COUNTY, GOVREPORT_ENCODING_UTF8, &r, &gaps),
                 GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK(contains(govreport_last_error(), "reports[1]"));
    CHECK_STATUS(govreport_aggregate(holey, 1, NULL, GOVREPORT_ENCODING_UTF8, &r, &gaps),
                 GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_aggregate(holey, 1, COUNTY, GOVREPORT_ENCODING_UTF8, NULL, &gaps),
                 GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK(s == UNTOUCHED_STR && r == UNTOUCHED_REPORT && f == UNTOUCHED_FINDINGS && gaps == UNTOUCHED_STR);

    /* Empty lists, things that are not lists, bad agencies, options and flags. */
    CHECK_STATUS(govreport_aggregate_json((const uint8_t *)"[]", 2, COUNTY, &s), GOVREPORT_ERROR_INVALID);
    CHECK(contains(govreport_last_error(), "no report"));
    CHECK_STATUS(govreport_aggregate(holey, 0, COUNTY, GOVREPORT_ENCODING_UTF8, &r, &gaps),
                 GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_aggregate_json((const uint8_t *)"", 0, COUNTY, &s), GOVREPORT_ERROR_SYNTAX);
    CHECK_STATUS(govreport_aggregate_json(d, doc_len, COUNTY, &s), GOVREPORT_ERROR_STRUCTURE);
    CHECK(contains(govreport_last_error(), "array"));
    CHECK_STATUS(govreport_aggregate_json((const uint8_t *)"[{}]", 4, COUNTY, &s), GOVREPORT_ERROR_STRUCTURE);
    CHECK(contains(govreport_last_error(), "reports[0]"));
    CHECK(same(govreport_last_error_pointer(), "/0"));
    CHECK_STATUS(govreport_aggregate_json(u, len, "{\"name\":\"x\",\"kind\":\"ministry\"}", &s), GOVREPORT_ERROR_STRUCTURE);
    CHECK(same(govreport_last_error_pointer(), "/agency/kind"));
    CHECK_STATUS(govreport_aggregate_json(u, len, "{\"name\":", &s), GOVREPORT_ERROR_SYNTAX);
    CHECK_STATUS(govreport_aggregate_json_encoded(u, len, COUNTY, 2, &s), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_aggregate(holey, 1, COUNTY, 7, &r, &gaps), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_aggregate(holey, (size_t)-1, COUNTY, GOVREPORT_ENCODING_UTF8, &r, &gaps),
                 GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_compare_json(d, doc_len, d, doc_len, "{\"copy_threshold\":2}", &s), GOVREPORT_ERROR_INVALID);
    CHECK(contains(govreport_last_error(), "copy_threshold"));
    CHECK_STATUS(govreport_compare_json_encoded(d, doc_len, d, doc_len, NULL, 3, &s), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_report_compare(live, live, "{\"disable\":[\"XX\"]}", &f), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_compare_json(d, doc_len, (const uint8_t *)"{\"format\":\"\xff\"}", 14, NULL, &s), GOVREPORT_ERROR_ENCODING);
    CHECK(s == UNTOUCHED_STR && r == UNTOUCHED_REPORT && f == UNTOUCHED_FINDINGS && gaps == UNTOUCHED_STR);

    /* Truncated JSON: the array or either document cut anywhere is refused. */
    for (cut = 0; cut < len; cut += 37) {
        govreport_status st = govreport_aggregate_json(u, cut, COUNTY, &s);
        CHECK(st == GOVREPORT_ERROR_SYNTAX || st == GOVREPORT_ERROR_ENCODING);
    }
    for (cut = 0; cut < doc_len; cut += 53) {
        govreport_status st = govreport_compare_json(d, cut, d, doc_len, NULL, &s);
        CHECK(st == GOVREPORT_ERROR_SYNTAX || st == GOVREPORT_ERROR_ENCODING);
        CHECK(contains(govreport_last_error(), "previous"));
        st = govreport_compare_json(d, doc_len, d, cut, NULL, &s);
        CHECK(st == GOVREPORT_ERROR_SYNTAX || st == GOVREPORT_ERROR_ENCODING);
        CHECK(contains(govreport_last_error(), "current"));
    }
    CHECK(s == UNTOUCHED_STR);

    /* 100 MB: refused before it is read. */
    {
        size_t size = (size_t)100 * 1024 * 1024;
        unsigned char *big = (unsigned char *)malloc(size);
        CHECK(big != NULL);
        if (big != NULL) {
            memset(big, ' ', size);
            big[0] = '[';
            big[size - 1] = ']';
            CHECK_STATUS(govreport_aggregate_json(big, size, COUNTY, &s), GOVREPORT_ERROR_TOO_LARGE);
            CHECK(contains(govreport_last_error(), "limit"));
            CHECK_STATUS(govreport_aggregate_json_encoded(big, size, COUNTY, GOVREPORT_ENCODING_GB18030, &s), GOVREPORT_ERROR_TOO_LARGE);
            CHECK_STATUS(govreport_compare_json(big, size, d, doc_len, NULL, &s), GOVREPORT_ERROR_TOO_LARGE);
            CHECK(contains(govreport_last_error(), "previous"));
            CHECK_STATUS(govreport_compare_json(d, doc_len, big, size, NULL, &s), GOVREPORT_ERROR_TOO_LARGE);
            CHECK(contains(govreport_last_error(), "current"));
            free(big);
        }
    }
    CHECK(s == UNTOUCHED_STR);

    govreport_report_free(live);
    free(units);
    free(doc);
}

int main(void) {
    test_compare_json();
    test_report_compare();
    test_aggregate();
    test_mixed_years();
    test_abuse();
    return finish("test_across");
}
