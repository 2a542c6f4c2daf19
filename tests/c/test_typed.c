/*
 * The typed side of the handle: govreport_report_get_count and govreport_report_get_text
 * mirror the setters (no JSON to parse), govreport_report_clone copies a report,
 * govreport_version_number matches the header, govreport_bytes_free needs no length, and one
 * mistake (a pointer to no field) gets one status from set, get and the typed getters.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

static const char *const AGENCY = "{\"name\":\"某市某局\",\"kind\":\"department\"}";

static govreport_report *new_report(void) {
    govreport_report *r = NULL;
    CHECK_OK(govreport_report_new("2021", 2023, AGENCY, GOVREPORT_ENCODING_UTF8, &r));
    return r;
}

static void test_get_count(void) {
    govreport_report *r = new_report();
    uint64_t count = 99;
    govreport_cell_state state = GOVREPORT_CELL_COUNT;

    CHECK_OK(govreport_report_get_count(r, "/requests/new/natural_person", &count, &state));
    CHECK(state == GOVREPORT_CELL_ABSENT && count == 0);
    CHECK_OK(govreport_report_set_count(r, "/requests/new/natural_person", 18446744073709551615u));
    CHECK_OK(govreport_report_get_count(r, "/requests/new/natural_person", &count, &state));
    CHECK(state == GOVREPORT_CELL_COUNT && count == 18446744073709551615u);
    CHECK_OK(govreport_report_set(r, "/requests/new/commercial", "null"));
    CHECK_OK(govreport_report_get_count(r, "/requests/new/commercial", &count, &state));
    CHECK(state == GOVREPORT_CELL_BLANK && count == 0);
    CHECK_OK(govreport_report_set(r, "/requests/new/research", "\"/\""));
    CHECK_OK(govreport_report_get_count(r, "/requests/new/research", &count, &state));
    CHECK(state == GOVREPORT_CELL_NOT_APPLICABLE);
    CHECK_OK(govreport_report_set_count(r, "/proactive/licensing", 0));
    CHECK_OK(govreport_report_get_count(r, "/proactive/licensing", &count, &state));
    CHECK(state == GOVREPORT_CELL_COUNT && count == 0);

    /* A text is not a count; out-parameters untouched on failure. */
    count = 7;
    state = GOVREPORT_CELL_BLANK;
    CHECK_STATUS(govreport_report_get_count(r, "/agency/name", &count, &state), GOVREPORT_ERROR_INVALID);
    CHECK(contains(govreport_last_error(), "/agency/name") && contains(govreport_last_error(), "not a count"));
    CHECK(count == 7 && state == GOVREPORT_CELL_BLANK);
    CHECK_STATUS(govreport_report_get_count(r, "/requests/new/total", NULL, &state), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_get_count(r, "/requests/new/total", &count, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_get_count(NULL, "/requests/new/total", &count, &state), GOVREPORT_ERROR_NULL_ARGUMENT);
    govreport_report_free(r);
}

static void test_get_text(void) {
    govreport_report *r = new_report();
    char *text = (char *)"untouched";

    CHECK_OK(govreport_report_get_text(r, "/agency/name", &text));
    CHECK(same(text, "某市某局"));
    govreport_string_free(text);
    CHECK_OK(govreport_report_get_text(r, "/sections/overview", &text));
    CHECK(text == NULL);
    /* Quotes, backslashes and newlines come back as written, not as JSON. */
    CHECK_OK(govreport_report_set_text(r, "/sections/overview", "本年度\"依申请\"\\公开\n第二行"));
    CHECK_OK(govreport_report_get_text(r, "/sections/overview", &text));
    CHECK(same(text, "本年度\"依申请\"\\公开\n第二行"));
    govreport_string_free(text);
    CHECK_OK(govreport_report_set(r, "/proactive/fees_10k_yuan", "\"0.090\""));
    CHECK_OK(govreport_report_get_text(r, "/proactive/fees_10k_yuan", &text));
    CHECK(same(text, "0.090"));
    govreport_string_free(text);

    text = (char *)"untouched";
    CHECK_OK(govreport_report_set_count(r, "/requests/new/total", 3));
    CHECK_STATUS(govreport_report_get_text(r, "/requests/new/total", &text), GOVREPORT_ERROR_INVALID);
    CHECK(same(text, "untouched"));
    CHECK_STATUS(govreport_report_get_text(r, "/requests/new", &text), GOVREPORT_ERROR_INVALID);
    govreport_report_free(r);
}

/* The same text through a GB18030 handle: in and out in GB18030. */
static void test_get_text_gb18030(void) {
    char *agency = to_gb18030(AGENCY), *overview = to_gb18030("总体情况：全年新收申请 5 件。");
    govreport_report *r = NULL;
    char *text = NULL, *utf8 = NULL;
    CHECK(agency != NULL && overview != NULL);
    CHECK_OK(govreport_report_new("2021", 2023, agency, GOVREPORT_ENCODING_GB18030, &r));
    CHECK_OK(govreport_report_set_text(r, "/sections/overview", overview));
    CHECK_OK(govreport_report_get_text(r, "/sections/overview", &text));
    CHECK(same(text, overview));
    utf8 = text ? from_gb18030(text) : NULL;
    CHECK(same(utf8, "总体情况：全年新收申请 5 件。"));
    free(utf8);
    govreport_string_free(text);
    govreport_report_free(r);
    free(agency);
    free(overview);
}

static void test_clone(void) {
    govreport_report *r = new_report(), *copy = NULL;
    uint64_t count = 0;
    govreport_cell_state state = GOVREPORT_CELL_ABSENT;
    char *a = NULL, *b = NULL;
    CHECK_OK(govreport_report_set_count(r, "/requests/new/total", 5));
    CHECK_OK(govreport_report_clone(r, &copy));
    CHECK(copy != NULL && copy != r);
    CHECK_OK(govreport_report_to_json(r, &a));
    CHECK_OK(govreport_report_to_json(copy, &b));
    CHECK(same(a, b));
    /* Independent: changing the copy leaves the first, and freeing the first leaves the copy. */
    CHECK_OK(govreport_report_set_count(copy, "/requests/new/total", 6));
    CHECK_OK(govreport_report_get_count(r, "/requests/new/total", &count, &state));
    CHECK(count == 5);
    govreport_report_free(r);
    CHECK_OK(govreport_report_get_count(copy, "/requests/new/total", &count, &state));
    CHECK(count == 6 && state == GOVREPORT_CELL_COUNT);
    CHECK_STATUS(govreport_report_clone(NULL, &copy), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_clone(copy, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    govreport_string_free(a);
    govreport_string_free(b);
    govreport_report_free(copy);
}

/* A pointer to no field of the format is INVALID whichever call gets it. */
static void test_one_mistake_one_status(void) {
    govreport_report *r = new_report();
    char *s = NULL;
    uint64_t count = 0;
    govreport_cell_state state;
    const char *nowhere = "/requests/nonsense/total";
    CHECK_STATUS(govreport_report_set(r, nowhere, "1"), GOVREPORT_ERROR_INVALID);
    CHECK(contains(govreport_last_error(), nowhere));
    CHECK_STATUS(govreport_report_set_count(r, nowhere, 1), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_report_set_text(r, nowhere, "x"), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_report_get(r, nowhere, &s), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_report_get_count(r, nowhere, &count, &state), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_report_get_text(r, nowhere, &s), GOVREPORT_ERROR_INVALID);
    /* A field that exists with a value of the wrong kind stays STRUCTURE, with its pointer. */
    CHECK_STATUS(govreport_report_set(r, "/requests/new/total", "-1"), GOVREPORT_ERROR_STRUCTURE);
    CHECK(same(govreport_last_error_pointer(), "/requests/new/total"));
    govreport_report_free(r);
}

/* A 2021 report may hold （六）其他处理 as one row (the older layout): its cells by pointer. */
static void test_single_other_row(void) {
    govreport_report *r = new_report();
    char *s = NULL;
    uint64_t count = 9;
    govreport_cell_state state = GOVREPORT_CELL_COUNT;
    CHECK_OK(govreport_report_set_count(r, "/requests/other/natural_person", 2));
    CHECK_OK(govreport_report_set(r, "/requests/other/commercial", "null"));
    CHECK_OK(govreport_report_set_count(r, "/requests/other/total", 2));
    CHECK_OK(govreport_report_get_count(r, "/requests/other/total", &count, &state));
    CHECK(state == GOVREPORT_CELL_COUNT && count == 2);
    CHECK_OK(govreport_report_get_count(r, "/requests/other/commercial", &count, &state));
    CHECK(state == GOVREPORT_CELL_BLANK && count == 0);
    CHECK_OK(govreport_report_get(r, "/requests/other", &s));
    CHECK(contains(s, "\"natural_person\":2") && contains(s, "\"commercial\":null") && contains(s, "\"total\":2"));
    CHECK(!contains(s, "no_correction"));
    govreport_string_free(s);
    /* The sub-rows are absent, and cannot be set beside the one row: the pointer is named. */
    CHECK_OK(govreport_report_get_count(r, "/requests/other/fee_unpaid/total", &count, &state));
    CHECK(state == GOVREPORT_CELL_ABSENT);
    CHECK_STATUS(govreport_report_set_count(r, "/requests/other/fee_unpaid/total", 1), GOVREPORT_ERROR_INVALID);
    CHECK(same(govreport_last_error_pointer(), "/requests/other/fee_unpaid/total"));
    CHECK_OK(govreport_report_get_count(r, "/requests/other/total", &count, &state));
    CHECK(state == GOVREPORT_CELL_COUNT && count == 2);
    govreport_report_free(r);
}

static void test_version_and_bytes(void) {
    govreport_report *r = new_report();
    uint8_t *bytes = NULL;
    size_t len = 0;
    CHECK(govreport_version_number() == GOVREPORT_VERSION_NUMBER);
    CHECK(govreport_version_number() == GOVREPORT_VERSION_MAJOR * 10000 + GOVREPORT_VERSION_MINOR * 100 + GOVREPORT_VERSION_PATCH);
    CHECK_OK(govreport_report_render(r, "txt", NULL, &bytes, &len));
    CHECK(bytes != NULL && len > 0);
    govreport_bytes_free(bytes);
    govreport_bytes_free(NULL);
    govreport_report_free(r);
}

int main(void) {
    test_get_count();
    test_get_text();
    test_get_text_gb18030();
    test_clone();
    test_one_mistake_one_status();
    test_single_other_row();
    test_version_and_bytes();
    return finish("test_typed");
}
