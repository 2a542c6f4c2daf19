/*
 * Many reports checked as one batch (govreport_check_many_json): the county's 2023 reports, a
 * broken one and a copy, as a JSON array, as JSON Lines and in GB18030. One item per report in
 * order; the broken one an error in its place; GR701 on the copy; and misuse: NULLs, bad
 * options, an encoding, an array cut short, 33 MiB. Every failure is a status with a message
 * and leaves the out-parameter as it was.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

static const char *const DATED = "{\"today\":\"2026-11-26\"}";
static const char *const FIXTURES[] = {
    "tests/fixtures/county/2023/education.json",
    "tests/fixtures/county/2023/health.json",
    "tests/fixtures/county/2023/minhe-town.json",
};
static const char *const BROKEN =
    "{\"format\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"x\",\"kind\":\"department\"},\"requests\":{\"new\":{\"total\":-1}}}";

#define DOCS 5

/* Sentinel: the out-parameter points here before a call that must fail. */
static char marker;
#define UNTOUCHED (&marker)

/* A report file as one line of JSON (the library writes it back compact); NULL on failure. */
static char *one_line(const char *path) {
    size_t len = 0;
    char *doc = read_text(path, &len), *json = NULL;
    govreport_report *r = NULL;
    CHECK(doc != NULL);
    if (doc == NULL) return NULL;
    CHECK_OK(govreport_report_from_json((const uint8_t *)doc, len, GOVREPORT_ENCODING_UTF8, &r));
    if (r != NULL) CHECK_OK(govreport_report_to_json(r, &json));
    govreport_report_free(r);
    free(doc);
    return json;
}

/* The 民和镇 report with the 教育体育局's sections copied into it, through report handles. */
static char *copied(const char *education, const char *minhe) {
    govreport_report *from = NULL, *to = NULL;
    char *sections = NULL, *json = NULL;
    CHECK_OK(govreport_report_from_json((const uint8_t *)education, strlen(education), GOVREPORT_ENCODING_UTF8, &from));
    CHECK_OK(govreport_report_from_json((const uint8_t *)minhe, strlen(minhe), GOVREPORT_ENCODING_UTF8, &to));
    if (from != NULL && to != NULL) {
        CHECK_OK(govreport_report_get(from, "/sections", &sections));
        if (sections != NULL) CHECK_OK(govreport_report_set(to, "/sections", sections));
        CHECK_OK(govreport_report_to_json(to, &json));
    }
    govreport_string_free(sections);
    govreport_report_free(from);
    govreport_report_free(to);
    return json;
}

/* `docs` joined: "[a,b,…]" when `lines` is 0, else one per line with blank lines between. */
static char *joined(char *const *docs, size_t n, int lines) {
    size_t i, total = 3;
    char *out, *at;
    for (i = 0; i < n; i++) total += strlen(docs[i]) + 4;
    out = (char *)malloc(total);
    if (out == NULL) return NULL;
    at = out;
    if (!lines) *at++ = '[';
    for (i = 0; i < n; i++) {
        size_t len = strlen(docs[i]);
        if (!lines && i > 0) *at++ = ',';
        memcpy(at, docs[i], len);
        at += len;
        if (lines) {
            memcpy(at, "\r\n\n", 3);
            at += 3;
        }
    }
    if (!lines) *at++ = ']';
    *at = '\0';
    return out;
}

static char *check_many(const char *input, const char *options, govreport_encoding encoding) {
    char *out = NULL;
    CHECK_OK(govreport_check_many_json((const uint8_t *)input, strlen(input), options, encoding, &out));
    return out;
}

static void test_batch(char *const *docs) {
    char *array = joined(docs, DOCS, 0), *lines = joined(docs, DOCS, 1);
    char *results = NULL, *from_lines = NULL, *english = NULL, *gb = NULL, *gb_out = NULL, *back = NULL, *expected = NULL;
    const char *item;
    size_t i;
    if (array == NULL || lines == NULL) { free(array); free(lines); return; }

    results = check_many(array, DATED, GOVREPORT_ENCODING_UTF8);
    CHECK(same(govreport_last_error(), ""));
    /* One item per report: four with findings, the broken one an error. */
    CHECK(occurrences(results, "{\"findings\":[") == 4);
    CHECK(occurrences(results, "{\"error\":{") == 1);
    CHECK(contains(results, "{\"error\":{\"kind\":\"structure\",\"pointer\":\"/requests/new/total\",\"message\":\"/requests/new/total："));
    /* In order: the first item is govreport_check_json's findings of the first report, and the
     * error comes right after it. */
    {
        char *alone = NULL;
        CHECK_OK(govreport_check_json((const uint8_t *)docs[0], strlen(docs[0]), DATED, &alone));
        if (alone != NULL) {
            expected = (char *)malloc(strlen(alone) + 32);
            if (expected != NULL) {
                sprintf(expected, "[{\"findings\":%s},{\"error\":", alone);
                CHECK(results != NULL && strncmp(results, expected, strlen(expected)) == 0);
            }
        }
        govreport_string_free(alone);
    }
    /* The copy, last, has GR701 naming the unit it copied; the earlier units have none. */
    item = results;
    for (i = 0; item != NULL && i < 4; i++) item = strstr(item + 1, "{\"findings\":[");
    CHECK(item != NULL && contains(item, "\"code\":\"GR701\""));
    CHECK(item != NULL && contains(item, "进贤县教育体育局"));
    CHECK(occurrences(results, "\"code\":\"GR701\"") == occurrences(item, "\"code\":\"GR701\""));

    /* JSON Lines of the same documents give the same. */
    from_lines = check_many(lines, DATED, GOVREPORT_ENCODING_UTF8);
    CHECK(same(from_lines, results));

    /* GB18030 in and out: the same, converted. */
    gb = to_gb18030(array);
    CHECK(gb != NULL);
    if (gb != NULL) gb_out = check_many(gb, DATED, GOVREPORT_ENCODING_GB18030);
    back = gb_out != NULL ? from_gb18030(gb_out) : NULL;
    CHECK(same(back, results));

    /* Messages in the options' language. */
    english = check_many(array, "{\"today\":\"2026-11-26\",\"lang\":\"en\"}", GOVREPORT_ENCODING_UTF8);
    CHECK(contains(english, "\"message\":\"/requests/new/total: "));
    CHECK(occurrences(english, "\"code\":\"GR701\"") == occurrences(results, "\"code\":\"GR701\""));

    free(back);
    govreport_string_free(gb_out);
    free(gb);
    govreport_string_free(english);
    govreport_string_free(from_lines);
    free(expected);
    govreport_string_free(results);
    free(array);
    free(lines);
}

static void test_edges(void) {
    char *out = NULL;
    /* Nothing to check is an empty batch. */
    CHECK_OK(govreport_check_many_json((const uint8_t *)"", 0, NULL, GOVREPORT_ENCODING_UTF8, &out));
    CHECK(same(out, "[]"));
    govreport_string_free(out);
    out = NULL;
    CHECK_OK(govreport_check_many_json((const uint8_t *)" [ ] ", 5, NULL, GOVREPORT_ENCODING_UTF8, &out));
    CHECK(same(out, "[]"));
    govreport_string_free(out);
    /* A line that is not JSON is an error item; the others are checked. */
    out = check_many("{\"format\":\n{\"format\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"某局\",\"kind\":\"department\"}}\n", NULL,
                     GOVREPORT_ENCODING_UTF8);
    {
        static const char *const first = "[{\"error\":{\"kind\":\"syntax\",\"pointer\":null,\"message\":";
        CHECK(out != NULL && strncmp(out, first, strlen(first)) == 0);
    }
    CHECK(occurrences(out, "{\"findings\":[") == 1);
    govreport_string_free(out);
}

static void test_misuse(const char *array) {
    const uint8_t *a = (const uint8_t *)array;
    size_t len = strlen(array), cut;
    char *s = UNTOUCHED;

    CHECK_STATUS(govreport_check_many_json(NULL, len, NULL, GOVREPORT_ENCODING_UTF8, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK(contains(govreport_last_error(), "reports"));
    CHECK_STATUS(govreport_check_many_json(a, len, NULL, GOVREPORT_ENCODING_UTF8, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK(contains(govreport_last_error(), "results_out"));
    CHECK_STATUS(govreport_check_many_json(a, len, NULL, 2, &s), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_check_many_json(a, len, "{\"copy_threshold\":2}", GOVREPORT_ENCODING_UTF8, &s), GOVREPORT_ERROR_INVALID);
    CHECK(contains(govreport_last_error(), "copy_threshold"));
    CHECK_STATUS(govreport_check_many_json(a, len, "{\"disable\":[\"XX\"]}", GOVREPORT_ENCODING_UTF8, &s), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_check_many_json((const uint8_t *)"[{}", 3, NULL, GOVREPORT_ENCODING_UTF8, &s), GOVREPORT_ERROR_SYNTAX);
    CHECK_STATUS(govreport_check_many_json((const uint8_t *)"[\"\xff\"]", 4, NULL, GOVREPORT_ENCODING_UTF8, &s), GOVREPORT_ERROR_ENCODING);
    CHECK_STATUS(govreport_check_many_json((const uint8_t *)"[\"\x81\"]", 4, NULL, GOVREPORT_ENCODING_GB18030, &s), GOVREPORT_ERROR_ENCODING);
    /* The array cut anywhere is refused as a whole. */
    for (cut = 1; cut < len; cut += 301) {
        govreport_status st = govreport_check_many_json(a, cut, NULL, GOVREPORT_ENCODING_UTF8, &s);
        CHECK(st == GOVREPORT_ERROR_SYNTAX || st == GOVREPORT_ERROR_ENCODING);
    }
    /* Over 32 MiB: refused before it is read. */
    {
        size_t size = (size_t)33 * 1024 * 1024;
        unsigned char *big = (unsigned char *)malloc(size);
        CHECK(big != NULL);
        if (big != NULL) {
            memset(big, '\n', size);
            CHECK_STATUS(govreport_check_many_json(big, size, NULL, GOVREPORT_ENCODING_UTF8, &s), GOVREPORT_ERROR_TOO_LARGE);
            CHECK(contains(govreport_last_error(), "limit"));
            free(big);
        }
    }
    CHECK(s == UNTOUCHED);
}

int main(void) {
    char *docs[DOCS] = {NULL, NULL, NULL, NULL, NULL}, *array;
    size_t i;
    docs[0] = one_line(FIXTURES[0]);
    docs[2] = one_line(FIXTURES[1]);
    docs[3] = one_line(FIXTURES[2]);
    docs[1] = (char *)malloc(strlen(BROKEN) + 1);
    if (docs[1] != NULL) strcpy(docs[1], BROKEN);
    if (docs[0] != NULL && docs[3] != NULL) docs[4] = copied(docs[0], docs[3]);
    for (i = 0; i < DOCS; i++) CHECK(docs[i] != NULL);
    if (docs[0] && docs[1] && docs[2] && docs[3] && docs[4]) {
        test_batch(docs);
        array = joined(docs, DOCS, 0);
        if (array != NULL) test_misuse(array);
        free(array);
    }
    test_edges();
    /* Strings from the library go back to it; the broken one is ours. */
    for (i = 0; i < DOCS; i++) {
        if (i == 1) free(docs[i]);
        else govreport_string_free(docs[i]);
    }
    return finish("test_batch");
}
