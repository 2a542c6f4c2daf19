/*
 * Limits on every way in: options that are not an object (a JSON array, "[]", "", blanks) are
 * INVALID, never the defaults or options applied by position; the 32 MiB input limit holds
 * for every string argument (pointers, values, texts, options, agency) and for the document a
 * handle builds field by field, so that what is built can always be read back; the year of a
 * new report is 0-65535.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#define LIMIT (32u * 1024u * 1024u)

static const char *const AGENCY = "{\"name\":\"某市某局\",\"kind\":\"department\"}";
static const char *const DOC =
    "{\"format\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"x\",\"kind\":\"department\"},"
    "\"requests\":{\"new\":{\"natural_person\":3,\"total\":4}}}";

static char marker;
#define UNTOUCHED_STR (&marker)
#define UNTOUCHED_REPORT ((govreport_report *)&marker)
#define UNTOUCHED_FINDINGS ((govreport_findings *)&marker)

static govreport_report *new_report(void) {
    govreport_report *r = NULL;
    CHECK_OK(govreport_report_new("2021", 2023, AGENCY, GOVREPORT_ENCODING_UTF8, &r));
    return r;
}

/* Options that are not an object are refused with INVALID and a message; NULL and "{}" are
 * the defaults. */
static void test_options_must_be_an_object(void) {
    static const char *const bad[] = {
        "[\"en\",{\"GR201\":\"info\"},[\"GR5\"]]", "[]", "", "   ", "\n\t", "5", "\"en\"", "null", "true",
    };
    govreport_report *r = new_report();
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *s = UNTOUCHED_STR;
        govreport_findings *f = UNTOUCHED_FINDINGS;
        govreport_report *imported = UNTOUCHED_REPORT;
        CHECK_STATUS(govreport_check_json((const uint8_t *)DOC, strlen(DOC), bad[i], &s), GOVREPORT_ERROR_INVALID);
        CHECK(s == UNTOUCHED_STR);
        CHECK(contains(govreport_last_error(), "options"));
        CHECK_STATUS(govreport_report_check(r, bad[i], &f), GOVREPORT_ERROR_INVALID);
        CHECK(f == UNTOUCHED_FINDINGS);
        CHECK(contains(govreport_last_error(), "options"));
        CHECK(strlen(govreport_last_error_text("zh", GOVREPORT_ENCODING_UTF8)) > 0);
        CHECK_STATUS(govreport_import((const uint8_t *)DOC, strlen(DOC), bad[i], &imported, NULL), GOVREPORT_ERROR_INVALID);
        CHECK(imported == UNTOUCHED_REPORT);
        CHECK(contains(govreport_last_error(), "options"));
    }
    /* The array of the issue would have disabled GR5 by position: it must not check at all,
     * and the same options as an object still apply. */
    {
        char *with_defaults = NULL, *with_braces = NULL;
        CHECK_OK(govreport_check_json((const uint8_t *)DOC, strlen(DOC), NULL, &with_defaults));
        CHECK_OK(govreport_check_json((const uint8_t *)DOC, strlen(DOC), " { } ", &with_braces));
        CHECK(same(with_defaults, with_braces));
        govreport_string_free(with_defaults);
        govreport_string_free(with_braces);
    }
    govreport_report_free(r);
}

/* A string of `len` bytes of `c`, NUL-terminated; the caller frees it. */
static char *filled(size_t len, char c) {
    char *s = (char *)malloc(len + 1);
    if (s == NULL) return NULL;
    memset(s, c, len);
    s[len] = '\0';
    return s;
}

static void test_every_string_argument_is_limited(void) {
    size_t big = (size_t)LIMIT + 1;
    char *text = filled(big, 'x');
    char *value = filled(big + 2, ' ');
    char *pointer = filled(big, 'a');
    char *options = filled(big, ' ');
    char *s = UNTOUCHED_STR;
    govreport_findings *f = UNTOUCHED_FINDINGS;
    govreport_report *r = new_report(), *other = UNTOUCHED_REPORT;
    char *json = NULL;
    if (text == NULL || value == NULL || pointer == NULL || options == NULL) {
        CHECK(!"out of memory in the test");
        goto out;
    }
    pointer[0] = '/';
    value[0] = '"';
    value[big + 1] = '"';
    options[0] = '{';
    options[big - 1] = '}';

    CHECK_STATUS(govreport_report_set_text(r, "/sections/overview", text), GOVREPORT_ERROR_TOO_LARGE);
    CHECK(contains(govreport_last_error(), "text"));
    CHECK_STATUS(govreport_report_set(r, "/sections/overview", value), GOVREPORT_ERROR_TOO_LARGE);
    CHECK(contains(govreport_last_error(), "value_json"));
    CHECK_STATUS(govreport_report_set_count(r, pointer, 1), GOVREPORT_ERROR_TOO_LARGE);
    CHECK(contains(govreport_last_error(), "pointer"));
    CHECK_STATUS(govreport_report_get(r, pointer, &s), GOVREPORT_ERROR_TOO_LARGE);
    CHECK(s == UNTOUCHED_STR);
    CHECK_STATUS(govreport_report_check(r, options, &f), GOVREPORT_ERROR_TOO_LARGE);
    CHECK(f == UNTOUCHED_FINDINGS);
    CHECK_STATUS(govreport_check_json((const uint8_t *)DOC, strlen(DOC), options, &s), GOVREPORT_ERROR_TOO_LARGE);
    CHECK_STATUS(govreport_import((const uint8_t *)DOC, strlen(DOC), options, &other, NULL), GOVREPORT_ERROR_TOO_LARGE);
    CHECK(other == UNTOUCHED_REPORT);
    CHECK_STATUS(govreport_report_new("2021", 2023, options, GOVREPORT_ENCODING_UTF8, &other), GOVREPORT_ERROR_TOO_LARGE);
    CHECK(other == UNTOUCHED_REPORT);

    /* Two texts that each fit but together do not: the second is refused, the report keeps
     * the first, and what was built reads back. */
    text[LIMIT / 2 + 1024] = '\0';
    CHECK_OK(govreport_report_set_text(r, "/sections/overview", text));
    CHECK_STATUS(govreport_report_set_text(r, "/sections/problems", text), GOVREPORT_ERROR_TOO_LARGE);
    CHECK(contains(govreport_last_error(), "/sections/problems"));
    CHECK(contains(govreport_last_error(), "limit of 33488896 bytes")); /* 32 MiB less 64 KiB kept for the count cells */
    CHECK_OK(govreport_report_get(r, "/sections/problems", &s));
    CHECK(s == NULL);
    CHECK_OK(govreport_report_to_json(r, &json));
    if (json != NULL) {
        govreport_report *back = NULL;
        CHECK(strlen(json) <= LIMIT);
        CHECK_OK(govreport_report_from_json((const uint8_t *)json, strlen(json), GOVREPORT_ENCODING_UTF8, &back));
        govreport_report_free(back);
        govreport_string_free(json);
    }
out:
    govreport_report_free(r);
    free(text);
    free(value);
    free(pointer);
    free(options);
}

/* The year of a new report is 0-65535 (the model's range); outside it, STRUCTURE at /year. */
static void test_year_range(void) {
    govreport_report *r = UNTOUCHED_REPORT;
    CHECK_STATUS(govreport_report_new("2021", -1, AGENCY, GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_STRUCTURE);
    CHECK(same(govreport_last_error_pointer(), "/year"));
    CHECK_STATUS(govreport_report_new("2021", 65536, AGENCY, GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_STRUCTURE);
    CHECK(same(govreport_last_error_pointer(), "/year"));
    CHECK(r == UNTOUCHED_REPORT);
    CHECK_OK(govreport_report_new("2021", 65535, AGENCY, GOVREPORT_ENCODING_UTF8, &r));
    govreport_report_free(r);
}

/* `depth` nested arrays: "[[…]]". The caller frees it. */
static char *nested(int depth) {
    char *s = (char *)malloc((size_t)depth * 2 + 1);
    int i;
    if (s == NULL) return NULL;
    for (i = 0; i < depth; i++) {
        s[i] = '[';
        s[depth * 2 - 1 - i] = ']';
    }
    s[depth * 2] = '\0';
    return s;
}

/* One nesting limit, 32 levels, whichever way JSON comes in: a value for `set`, a document,
 * a document inside an array (counted from the document), a line of a batch. */
static void test_one_nesting_limit(void) {
    govreport_report *r = new_report();
    char *deep = nested(33), *ok = nested(32), *inner = nested(30), *s = NULL;
    char doc[256], batch[300];
    CHECK(deep != NULL && ok != NULL && inner != NULL);
    if (deep == NULL || ok == NULL || inner == NULL) goto out;
    CHECK_STATUS(govreport_report_set(r, "/sections/overview", deep), GOVREPORT_ERROR_SYNTAX);
    CHECK(contains(govreport_last_error(), "deeper than 32"));
    /* 32 levels are read; an array is then the wrong type for a text. */
    CHECK_STATUS(govreport_report_set(r, "/sections/overview", ok), GOVREPORT_ERROR_STRUCTURE);
    /* A document whose overview nests 31 more levels: 33 in all. */
    snprintf(doc, sizeof doc, "{\"format\":\"2021\",\"year\":2023,\"sections\":{\"overview\":[%s]}}", inner);
    CHECK_STATUS(govreport_check_json((const uint8_t *)doc, strlen(doc), NULL, &s), GOVREPORT_ERROR_SYNTAX);
    CHECK(contains(govreport_last_error(), "deeper than 32"));
    snprintf(batch, sizeof batch, "[%s]", doc);
    CHECK_STATUS(govreport_aggregate_json((const uint8_t *)batch, strlen(batch), AGENCY, &s), GOVREPORT_ERROR_SYNTAX);
    CHECK(contains(govreport_last_error(), "deeper than 32"));
    CHECK_OK(govreport_check_many_json((const uint8_t *)doc, strlen(doc), NULL, GOVREPORT_ENCODING_UTF8, &s));
    CHECK(contains(s, "\"kind\":\"syntax\"") && contains(s, "TooDeep"));
    govreport_string_free(s);
out:
    free(deep);
    free(ok);
    free(inner);
    govreport_report_free(r);
}

int main(void) {
    test_options_must_be_an_object();
    test_every_string_argument_is_limited();
    test_year_range();
    test_one_nesting_limit();
    return finish("test_limits");
}
