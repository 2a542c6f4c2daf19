/*
 * Abuse: NULL everywhere, invalid UTF-8, truncated JSON, a 100 MB input, wrong pointer paths,
 * a negative count, bad options and flags; and the double-use patterns the header documents
 * as safe. Every failure must be a status with a message, never a crash, and must leave the
 * out-parameters as they were.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

static const char *const AGENCY = "{\"name\":\"某市某局\",\"kind\":\"department\"}";
static const char *const DOC =
    "{\"format\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"x\",\"kind\":\"department\"},"
    "\"requests\":{\"new\":{\"natural_person\":3,\"total\":4}}}";

/* Sentinels: out-parameters point here before a call that must fail. */
static char marker;
#define UNTOUCHED_STR (&marker)
#define UNTOUCHED_CSTR ((const char *)&marker)
#define UNTOUCHED_REPORT ((govreport_report *)&marker)
#define UNTOUCHED_FINDINGS ((govreport_findings *)&marker)

static govreport_report *new_report(void) {
    govreport_report *r = NULL;
    CHECK_OK(govreport_report_new("2021", 2023, AGENCY, GOVREPORT_ENCODING_UTF8, &r));
    return r;
}

static void test_null_everywhere(void) {
    const uint8_t *doc = (const uint8_t *)DOC;
    size_t len = strlen(DOC);
    char *s = UNTOUCHED_STR;
    const char *cs = UNTOUCHED_CSTR;
    govreport_report *r = UNTOUCHED_REPORT, *live = new_report();
    govreport_findings *f = UNTOUCHED_FINDINGS, *live_f = NULL;
    govreport_severity sev = GOVREPORT_SEVERITY_INFO;
    govreport_finding_status fst = GOVREPORT_FINDING_VIOLATED;

    CHECK_OK(govreport_report_check(live, NULL, &live_f));

    CHECK_STATUS(govreport_check_json(NULL, len, NULL, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK(contains(govreport_last_error(), "json"));
    CHECK(govreport_last_error_pointer() == NULL);
    CHECK_STATUS(govreport_check_json(NULL, 0, NULL, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_check_json(doc, len, NULL, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_check_json(NULL, 0, NULL, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_check_json_encoded(NULL, len, NULL, GOVREPORT_ENCODING_GB18030, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_check_json_encoded(doc, len, NULL, GOVREPORT_ENCODING_UTF8, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);

    CHECK_STATUS(govreport_report_new(NULL, 2023, AGENCY, GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_new("2021", 2023, NULL, GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_new("2021", 2023, AGENCY, GOVREPORT_ENCODING_UTF8, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_from_json(NULL, len, GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_from_json(doc, len, GOVREPORT_ENCODING_UTF8, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);

    CHECK_STATUS(govreport_report_format(NULL, &cs), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_format(live, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_set(NULL, "/year", "2024"), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_set(live, NULL, "2024"), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_set(live, "/year", NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_set_count(NULL, "/year", 2024), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_set_count(live, NULL, 2024), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_set_text(NULL, "/sections/overview", "x"), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_set_text(live, NULL, "x"), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_set_text(live, "/sections/overview", NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_get(NULL, "/year", &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_get(live, NULL, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_get(live, "/year", NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_complete(NULL, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_check(NULL, NULL, &f), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_check(live, NULL, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_to_json(NULL, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_to_json(live, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);

    CHECK(govreport_findings_count(NULL) == 0);
    CHECK_STATUS(govreport_findings_code(NULL, 0, &cs), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_code(live_f, 0, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_name(NULL, 0, &cs), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_path(NULL, 0, &cs), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_message(NULL, 0, &cs), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_message(live_f, 0, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_severity(NULL, 0, &sev), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_severity(live_f, 0, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_status(NULL, 0, &fst), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_status(live_f, 0, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_item_json(NULL, 0, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_item_json(live_f, 0, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_to_json(NULL, &s), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_findings_to_json(live_f, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);

    /* Out-parameters of failed calls are untouched. */
    CHECK(s == UNTOUCHED_STR);
    CHECK(cs == UNTOUCHED_CSTR);
    CHECK(r == UNTOUCHED_REPORT);
    CHECK(f == UNTOUCHED_FINDINGS);
    CHECK(sev == GOVREPORT_SEVERITY_INFO && fst == GOVREPORT_FINDING_VIOLATED);

    /* Freeing NULL is a no-op, as often as one likes. */
    govreport_string_free(NULL);
    govreport_string_free(NULL);
    govreport_report_free(NULL);
    govreport_report_free(NULL);
    govreport_findings_free(NULL);
    govreport_findings_free(NULL);

    /* NULL options mean the defaults; NULL completion_out means "don't tell me". */
    CHECK_OK(govreport_check_json(doc, len, NULL, &s));
    govreport_string_free(s);
    CHECK_OK(govreport_report_complete(live, NULL));
    CHECK(govreport_last_error_text(NULL, GOVREPORT_ENCODING_UTF8) != NULL);

    govreport_findings_free(live_f);
    govreport_report_free(live);
}

static void test_invalid_utf8(void) {
    static const char bad_doc[] = "{\"format\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"\xe9\x95\",\"kind\":\"department\"}}";
    char *s = UNTOUCHED_STR;
    govreport_report *r = UNTOUCHED_REPORT, *live = new_report();
    govreport_findings *f = UNTOUCHED_FINDINGS;

    CHECK_STATUS(govreport_check_json((const uint8_t *)bad_doc, strlen(bad_doc), NULL, &s), GOVREPORT_ERROR_ENCODING);
    CHECK(contains(govreport_last_error(), "UTF-8"));
    CHECK_STATUS(govreport_report_from_json((const uint8_t *)bad_doc, strlen(bad_doc), GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_ENCODING);
    CHECK_STATUS(govreport_check_json((const uint8_t *)DOC, strlen(DOC), "{\"lang\":\"\xff\"}", &s), GOVREPORT_ERROR_ENCODING);
    CHECK_STATUS(govreport_report_new("20\xff", 2023, AGENCY, GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_ENCODING);
    CHECK_STATUS(govreport_report_new("2021", 2023, "{\"name\":\"\xc0\xaf\",\"kind\":\"department\"}", GOVREPORT_ENCODING_UTF8, &r),
                 GOVREPORT_ERROR_ENCODING);
    CHECK_STATUS(govreport_report_set(live, "/requests/\xfe/total", "1"), GOVREPORT_ERROR_ENCODING);
    CHECK_STATUS(govreport_report_set(live, "/sections/overview", "\"\xed\xa0\x80\""), GOVREPORT_ERROR_ENCODING); /* a surrogate */
    CHECK_STATUS(govreport_report_set_text(live, "/sections/overview", "\xe4\xb8"), GOVREPORT_ERROR_ENCODING);
    CHECK_STATUS(govreport_report_get(live, "/\x80", &s), GOVREPORT_ERROR_ENCODING);
    CHECK_STATUS(govreport_report_check(live, "{\"lang\":\"\xe4\"}", &f), GOVREPORT_ERROR_ENCODING);
    CHECK(s == UNTOUCHED_STR && r == UNTOUCHED_REPORT && f == UNTOUCHED_FINDINGS);
    /* GB18030 bytes are not UTF-8 … */
    CHECK_STATUS(govreport_report_set_text(live, "/sections/overview", "\xb3\xa4\xb4\xba"), GOVREPORT_ERROR_ENCODING);
    /* … and bytes that are not GB18030 are refused under the GB18030 flag. */
    CHECK_STATUS(govreport_check_json_encoded((const uint8_t *)"{\"a\":\"\xff\"}", 10, NULL, GOVREPORT_ENCODING_GB18030, &s),
                 GOVREPORT_ERROR_ENCODING);
    CHECK(contains(govreport_last_error(), "GB18030"));
    CHECK(s == UNTOUCHED_STR);
    govreport_report_free(live);
}

static void test_truncated_json(void) {
    size_t len = strlen(DOC), cut;
    char *s = UNTOUCHED_STR;
    govreport_report *r = UNTOUCHED_REPORT;
    for (cut = 0; cut < len; cut++) {
        CHECK_STATUS(govreport_check_json((const uint8_t *)DOC, cut, NULL, &s), GOVREPORT_ERROR_SYNTAX);
        CHECK_STATUS(govreport_report_from_json((const uint8_t *)DOC, cut, GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_SYNTAX);
    }
    CHECK(contains(govreport_last_error(), "JSON"));
    CHECK(s == UNTOUCHED_STR && r == UNTOUCHED_REPORT);
    CHECK_OK(govreport_check_json((const uint8_t *)DOC, len, NULL, &s));
    govreport_string_free(s);
}

static void test_huge_input(void) {
    size_t size = (size_t)100 * 1024 * 1024;
    unsigned char *big = (unsigned char *)malloc(size);
    char *s = UNTOUCHED_STR;
    govreport_report *r = UNTOUCHED_REPORT;
    CHECK(big != NULL);
    if (big == NULL) return;
    memset(big, ' ', size);
    big[0] = '[';
    big[size - 1] = ']';
    CHECK_STATUS(govreport_check_json(big, size, NULL, &s), GOVREPORT_ERROR_TOO_LARGE);
    CHECK(contains(govreport_last_error(), "limit"));
    CHECK_STATUS(govreport_check_json_encoded(big, size, NULL, GOVREPORT_ENCODING_GB18030, &s), GOVREPORT_ERROR_TOO_LARGE);
    CHECK_STATUS(govreport_report_from_json(big, size, GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_TOO_LARGE);
    CHECK_STATUS(govreport_report_from_json(big, size, GOVREPORT_ENCODING_GB18030, &r), GOVREPORT_ERROR_TOO_LARGE);
    CHECK(s == UNTOUCHED_STR && r == UNTOUCHED_REPORT);
    free(big);
}

static void test_wrong_pointers(void) {
    govreport_report *r = new_report();
    char *s = UNTOUCHED_STR;
    CHECK_STATUS(govreport_report_set(r, "/requests/nonsense/total", "1"), GOVREPORT_ERROR_INVALID);
    CHECK(contains(govreport_last_error_pointer(), "/requests/nonsense"));
    CHECK_STATUS(govreport_report_set_count(r, "/no_such_table/x", 1), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_report_set(r, "requests/new/total", "1"), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_report_set(r, "", "{}"), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_report_set(r, "/format", "\"2019\""), GOVREPORT_ERROR_INVALID);
    CHECK_OK(govreport_report_set_count(r, "/requests/new/natural_person", 2));
    CHECK_STATUS(govreport_report_set(r, "/requests/new/natural_person/deeper", "1"), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_report_set(r, "/requests/new/total", "1.5"), GOVREPORT_ERROR_STRUCTURE);
    CHECK_STATUS(govreport_report_set(r, "/requests/new/total", "\"many\""), GOVREPORT_ERROR_STRUCTURE);
    CHECK_STATUS(govreport_report_set(r, "/requests/new/total", "123456789012345678901234567890"), GOVREPORT_ERROR_STRUCTURE);
    CHECK_STATUS(govreport_report_set(r, "/requests/new/total", "[1,"), GOVREPORT_ERROR_SYNTAX);
    CHECK_STATUS(govreport_report_set(r, "/requests/new/total", ""), GOVREPORT_ERROR_SYNTAX);
    CHECK_STATUS(govreport_report_get(r, "requests", &s), GOVREPORT_ERROR_INVALID);
    CHECK(s == UNTOUCHED_STR);
    /* A pointer to no field of the format is an error; an absent field is success with NULL. */
    CHECK_STATUS(govreport_report_get(r, "/requests/nonsense/total", &s), GOVREPORT_ERROR_INVALID);
    CHECK(s == UNTOUCHED_STR);
    CHECK(contains(govreport_last_error(), "names no field"));
    CHECK_OK(govreport_report_get(r, "/requests/carried_over/total", &s));
    CHECK(s == NULL);
    govreport_report_free(r);
}

static void test_negative_count(void) {
    govreport_report *r = new_report();
    char *value = NULL;
    CHECK_OK(govreport_report_set_count(r, "/requests/new/natural_person", 7));
    CHECK_STATUS(govreport_report_set(r, "/requests/new/natural_person", "-1"), GOVREPORT_ERROR_STRUCTURE);
    CHECK(contains(govreport_last_error(), "/requests/new/natural_person"));
    CHECK(same(govreport_last_error_pointer(), "/requests/new/natural_person"));
    CHECK(contains(govreport_last_error_text("zh", GOVREPORT_ENCODING_UTF8), "/requests/new/natural_person"));
    /* The report is left as it was. */
    CHECK_OK(govreport_report_get(r, "/requests/new/natural_person", &value));
    CHECK(same(value, "7"));
    govreport_string_free(value);
    CHECK_STATUS(govreport_report_set(r, "/review_litigation/review/total", "-5"), GOVREPORT_ERROR_STRUCTURE);
    CHECK(same(govreport_last_error_pointer(), "/review_litigation/review/total"));
    CHECK_STATUS(govreport_report_new("2021", -1, AGENCY, GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_STRUCTURE);
    CHECK(same(govreport_last_error_pointer(), "/year"));
    govreport_report_free(r);
}

static void test_bad_arguments(void) {
    govreport_report *r = UNTOUCHED_REPORT, *live = new_report();
    govreport_findings *f = NULL;
    char *s = UNTOUCHED_STR;
    const char *cs = UNTOUCHED_CSTR;
    size_t n;

    CHECK_STATUS(govreport_report_new("2021", 2023, AGENCY, 2, &r), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_report_new("2021", 2023, AGENCY, 0xffffffffu, &r), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_check_json_encoded((const uint8_t *)DOC, strlen(DOC), NULL, 3, &s), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_report_new("2020", 2023, AGENCY, GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_UNKNOWN_FORMAT);
    CHECK(same(govreport_last_error_pointer(), "/format"));
    CHECK_STATUS(govreport_report_new("2021", 2023, "{\"name\":\"x\",\"kind\":\"bureau\"}", GOVREPORT_ENCODING_UTF8, &r),
                 GOVREPORT_ERROR_STRUCTURE);
    CHECK(same(govreport_last_error_pointer(), "/agency/kind"));
    CHECK_STATUS(govreport_report_new("2021", 2023, "{\"name\":", GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_SYNTAX);
    CHECK_STATUS(govreport_report_new("2021", 2023, "[]", GOVREPORT_ENCODING_UTF8, &r), GOVREPORT_ERROR_STRUCTURE);
    CHECK_STATUS(govreport_check_json((const uint8_t *)DOC, strlen(DOC), "{\"colour\":\"red\"}", &s), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_check_json((const uint8_t *)DOC, strlen(DOC), "{\"severity\":{\"GR999\":\"error\"}}", &s), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_check_json((const uint8_t *)DOC, strlen(DOC), "{\"today\":\"yesterday\"}", &s), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_check_json((const uint8_t *)DOC, strlen(DOC), "{", &s), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_report_check(live, "{\"disable\":[\"XX\"]}", &f), GOVREPORT_ERROR_INVALID);
    CHECK(r == UNTOUCHED_REPORT && s == UNTOUCHED_STR && f == NULL);

    CHECK_OK(govreport_report_check(live, NULL, &f));
    n = govreport_findings_count(f);
    CHECK_STATUS(govreport_findings_code(f, n, &cs), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK(contains(govreport_last_error(), "index"));
    CHECK_STATUS(govreport_findings_message(f, (size_t)-1, &cs), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_findings_item_json(f, n + 1, &s), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK(cs == UNTOUCHED_CSTR && s == UNTOUCHED_STR);

    /* Status texts, last-error languages and encodings. */
    CHECK(same(govreport_status_text(GOVREPORT_OK), "ok"));
    CHECK(same(govreport_status_text(GOVREPORT_ERROR_TOO_LARGE), "input too large"));
    CHECK(same(govreport_status_text(12345), "unknown status"));
    CHECK(same(govreport_status_text(-1), "unknown status"));
    CHECK(govreport_last_error_text("fr", GOVREPORT_ENCODING_UTF8) == NULL);
    CHECK(govreport_last_error_text("en", 9) == NULL);
    CHECK(govreport_last_error_text("\xff", GOVREPORT_ENCODING_UTF8) == NULL);
    CHECK(contains(govreport_last_error_text("en", GOVREPORT_ENCODING_UTF8), "index"));
    CHECK(contains(govreport_last_error_text("zh", GOVREPORT_ENCODING_UTF8), "参数"));
    CHECK(govreport_last_error_text("zh", GOVREPORT_ENCODING_GB18030) != NULL);

    govreport_findings_free(f);
    govreport_report_free(live);
}

/* Patterns the header documents as safe. */
static void test_documented_double_use(void) {
    govreport_report *r = new_report();
    govreport_findings *f1 = NULL, *f2 = NULL;
    char *c1 = NULL, *c2 = NULL, *j1 = NULL, *j2 = NULL;
    const char *code = NULL, *e1, *e2;

    CHECK_OK(govreport_report_set_count(r, "/requests/new/natural_person", 3));
    /* complete twice: the second fills nothing more. */
    CHECK_OK(govreport_report_complete(r, &c1));
    CHECK_OK(govreport_report_complete(r, &c2));
    CHECK(contains(c1, "/requests/new/total"));
    CHECK(contains(c2, "\"filled\":[]"));
    /* check twice: two independent handles. */
    CHECK_OK(govreport_report_check(r, NULL, &f1));
    CHECK_OK(govreport_report_check(r, NULL, &f2));
    CHECK(f1 != f2);
    CHECK(govreport_findings_count(f1) == govreport_findings_count(f2));
    /* Findings outlive the report; their lent strings stay valid until the findings go. */
    if (govreport_findings_count(f1) > 0) CHECK_OK(govreport_findings_code(f1, 0, &code));
    govreport_report_free(r);
    CHECK(code == NULL || strncmp(code, "GR", 2) == 0);
    CHECK_OK(govreport_findings_to_json(f1, &j1));
    CHECK_OK(govreport_findings_to_json(f2, &j2));
    CHECK(same(j1, j2));
    /* Free in any order. */
    govreport_findings_free(f2);
    govreport_findings_free(f1);
    govreport_string_free(j2);
    govreport_string_free(j1);
    govreport_string_free(c2);
    govreport_string_free(c1);

    /* The last error reads the same twice and is cleared by the next call that succeeds. */
    CHECK_STATUS(govreport_check_json((const uint8_t *)"{", 1, NULL, &j1), GOVREPORT_ERROR_SYNTAX);
    e1 = govreport_last_error();
    e2 = govreport_last_error();
    CHECK(e1 == e2 && e1[0] != '\0');
    CHECK(contains(govreport_last_error_text("en", GOVREPORT_ENCODING_UTF8), "JSON"));
    CHECK(govreport_last_error() == e1);
    CHECK_OK(govreport_check_json((const uint8_t *)DOC, strlen(DOC), NULL, &j1));
    CHECK(same(govreport_last_error(), ""));
    CHECK(govreport_last_error_pointer() == NULL);
    CHECK(same(govreport_last_error_text("en", GOVREPORT_ENCODING_UTF8), ""));
    govreport_string_free(j1);
}

int main(void) {
    test_null_everywhere();
    test_invalid_utf8();
    test_truncated_json();
    test_huge_input();
    test_wrong_pointers();
    test_negative_count();
    test_bad_arguments();
    test_documented_double_use();
    return finish("test_abuse");
}
