/*
 * The register from C (a library built with --features register, compiled with
 * -DGOVREPORT_REGISTER): the README's walk-through — two years of a county ingested, a
 * finding dismissed, a corrected version, the history, the review page with its charts —
 * and misuse: NULLs, a file that is not a register, bad JSON, unknown units and decisions.
 * Every failure is a status with a message and leaves the out-parameters as they were.
 */
#define _POSIX_C_SOURCE 200809L
#include <unistd.h>

#include "check.h"

/* Sentinel: out-parameters point here before a call that must fail. */
static char marker;
#define UNTOUCHED_STR (&marker)

/* The id of the finding whose JSON object holds `needle`: the last `{"id":` before it. */
static long finding_id(const char *json, const char *needle) {
    const char *at = json != NULL ? strstr(json, needle) : NULL, *p, *found = NULL;
    if (at == NULL) return -1;
    for (p = json; (p = strstr(p, "{\"id\":")) != NULL && p < at; p++) found = p;
    return found != NULL ? strtol(found + 6, NULL, 10) : -1;
}

int main(void) {
    char dir[] = "/tmp/govreport-c-register-XXXXXX";
    char db[128], not_db[128], wal[140], shm[140];
    const char *years[] = {"tests/fixtures/county/2022", "tests/fixtures/county/2023"};
    govreport_register *reg = NULL, *untouched = (govreport_register *)&marker;
    char *json = UNTOUCHED_STR, *batch = NULL, *findings = NULL, *review = NULL, *history = NULL, *text = NULL;
    unsigned char *bytes = NULL, *no_bytes = (unsigned char *)&marker;
    size_t len = 0, no_len = 12345;
    long id;

    if (mkdtemp(dir) == NULL) { perror("mkdtemp"); return 2; }
    snprintf(db, sizeof db, "%s/govreport.db", dir);
    snprintf(not_db, sizeof not_db, "%s/notes.db", dir);
    snprintf(wal, sizeof wal, "%s-wal", db);
    snprintf(shm, sizeof shm, "%s-shm", db);

    /* Misuse first: NULL out-parameter; a file that is not a register. */
    CHECK_STATUS(govreport_register_open(db, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    {
        FILE *f = fopen(not_db, "w");
        CHECK(f != NULL);
        if (f != NULL) {
            fputs("these are notes, not a database; long enough to have a header of one hundred bytes...........", f);
            fclose(f);
        }
    }
    CHECK_STATUS(govreport_register_open(not_db, &untouched), GOVREPORT_ERROR_DATABASE);
    CHECK(untouched == (govreport_register *)&marker);
    CHECK(contains(govreport_last_error(), "notes.db"));

    CHECK_OK(govreport_register_open(db, &reg));
    CHECK(reg != NULL);
    CHECK_OK(govreport_register_set_check_options(reg, "{\"today\":\"2026-11-26\"}"));
    CHECK_STATUS(govreport_register_set_check_options(reg, "{\"tomorrow\":1}"), GOVREPORT_ERROR_INVALID);

    /* 1. Two years of the county. */
    CHECK_OK(govreport_register_add(reg, years, 2, NULL, &batch));
    CHECK(contains(batch, "\"added\":6"));
    CHECK(contains(batch, "\"failed\":0"));
    govreport_string_free(batch);
    CHECK_STATUS(govreport_register_add(reg, NULL, 1, NULL, &json), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_register_add(reg, years, 2, "{\"because\":\"x\"}", &json), GOVREPORT_ERROR_INVALID);
    CHECK(json == UNTOUCHED_STR);

    /* 2. The copied overview of the health commission, dismissed with a reason. */
    CHECK_OK(govreport_register_findings(reg, "{\"year\":2023,\"code\":\"GR606\"}", &findings));
    CHECK(occurrences(findings, "\"code\":\"GR606\"") == 2);
    id = finding_id(findings, "\"path\":\"/sections/overview\"");
    CHECK(id > 0);
    govreport_string_free(findings);
    CHECK_STATUS(govreport_register_review(reg, id, "dismissed", NULL, NULL, &json), GOVREPORT_ERROR_INVALID);
    CHECK_STATUS(govreport_register_review(reg, id, "ignored", "x", NULL, &json), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_register_review(reg, 999999, "confirmed", NULL, NULL, &json), GOVREPORT_ERROR_NOT_FOUND);
    CHECK(json == UNTOUCHED_STR);
    CHECK_OK(govreport_register_review(reg, id, "dismissed", "按县统一口径撰写", "李审核", &review));
    CHECK(contains(review, "\"decision\":\"dismissed\""));
    govreport_string_free(review);

    /* 3. The corrected report of the education bureau, from memory. */
    {
        size_t doc_len = 0;
        char *doc = read_text("examples/county/education-2023-corrected.json", &doc_len);
        CHECK(doc != NULL);
        if (doc != NULL) {
            CHECK_OK(govreport_register_add_bytes(reg, "education-2023-corrected.json", (const unsigned char *)doc, doc_len,
                                                  "{\"reason\":\"按上年结转数更正\"}", &batch));
            CHECK(contains(batch, "\"added\":1"));
            govreport_string_free(batch);
            free(doc);
        }
    }

    /* 4. The history: two versions, the changes, what was resolved. */
    CHECK_OK(govreport_register_history(reg, "进贤县教育体育局", 2023, NULL, &history));
    CHECK(occurrences(history, "\"event\":\"version\"") == 2);
    CHECK(contains(history, "按上年结转数更正"));
    CHECK(contains(history, "\"pointer\":\"/requests/carried_over/natural_person\""));
    CHECK(contains(history, "\"resolved\":[{\"code\":\"GR601\""));
    govreport_string_free(history);
    CHECK_OK(govreport_register_history(reg, "进贤县卫生健康委员会", 0, "en", &history));
    CHECK(contains(history, "\"event\":\"review\""));
    govreport_string_free(history);
    CHECK_STATUS(govreport_register_history(reg, "没有的局", 0, NULL, &json), GOVREPORT_ERROR_NOT_FOUND);
    CHECK_STATUS(govreport_register_history(reg, "进贤县教育体育局", 0, "fr", &json), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_OK(govreport_register_findings(reg, "{\"state\":\"dismissed\"}", &findings));
    CHECK(occurrences(findings, "\"state\":\"dismissed\"") == 1 && contains(findings, "\"code\":\"GR606\""));
    govreport_string_free(findings);

    /* A cell corrected by hand. */
    CHECK_OK(govreport_register_set(reg, "进贤县民和镇人民政府", 2023, "/proactive/licensing", "0", "电话核实", NULL, &text));
    CHECK(contains(text, "\"before\":null,\"after\":0"));
    govreport_string_free(text);
    CHECK_STATUS(govreport_register_set(reg, "进贤县民和镇人民政府", 2023, "/proactive/licensing", "{", "x", NULL, &json), GOVREPORT_ERROR_SYNTAX);
    CHECK_STATUS(govreport_register_set(reg, "进贤县民和镇人民政府", 2023, "/proactive/licensing", "-1", "x", NULL, &json), GOVREPORT_ERROR_STRUCTURE);
    CHECK(same(govreport_last_error_pointer(), "/proactive/licensing"));
    CHECK_STATUS(govreport_register_set(reg, "进贤县民和镇人民政府", 2023, "/proactive/licensing", "1", NULL, NULL, &json), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_register_set(reg, "没有的局", 2023, "/proactive/licensing", "1", "x", NULL, &json), GOVREPORT_ERROR_NOT_FOUND);
    CHECK(json == UNTOUCHED_STR);

    /* Status, benchmarks, trends, export. */
    CHECK_OK(govreport_register_status(reg, 2023, "360124", &text));
    CHECK(occurrences(text, "\"coverage\":\"published\"") == 3);
    govreport_string_free(text);
    CHECK_OK(govreport_register_benchmarks(reg, "{\"year\":2023,\"metrics\":[\"disclosure_rate\"]}", &text));
    CHECK(occurrences(text, "\"metric\":\"disclosure_rate\"") == 2);
    govreport_string_free(text);
    CHECK_STATUS(govreport_register_benchmarks(reg, "{\"year\":2023,\"metrics\":[\"happiness\"]}", &json), GOVREPORT_ERROR_INVALID);
    CHECK_OK(govreport_register_trends(reg, "{\"region\":\"360124\",\"years\":3}", &text));
    CHECK(contains(text, "\"year\":2023"));
    govreport_string_free(text);
    CHECK_OK(govreport_register_export(reg, "reports", "csv", "{\"year\":2023}", &text));
    CHECK(text != NULL && strncmp(text, "\xEF\xBB\xBF单位编号,单位", 19) == 0);
    CHECK(occurrences(text, "\r\n") == 4);
    govreport_string_free(text);
    CHECK_STATUS(govreport_register_export(reg, "reports", "xlsx", NULL, &json), GOVREPORT_ERROR_INVALID_ARGUMENT);

    /* 5. The review page with its charts. */
    CHECK_OK(govreport_register_review_page(reg, 2023, "360124", "html", NULL, &bytes, &len));
    if (bytes != NULL) {
        char *page = (char *)malloc(len + 1);
        CHECK(page != NULL);
        if (page != NULL) {
            memcpy(page, bytes, len);
            page[len] = '\0';
            CHECK(occurrences(page, "<svg ") >= 10);
            CHECK(!contains(page, "<script"));
            CHECK(contains(page, "附录 数据来源"));
            free(page);
        }
        govreport_bytes_free(bytes);
    }
    bytes = NULL;
    CHECK_OK(govreport_register_review_page(reg, 2023, NULL, "docx", "en", &bytes, &len));
    CHECK(bytes != NULL && len > 1000 && bytes[0] == 'P' && bytes[1] == 'K');
    govreport_bytes_free(bytes);
    CHECK_STATUS(govreport_register_review_page(reg, 2023, NULL, "pdf", NULL, &no_bytes, &no_len), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK(no_bytes == (unsigned char *)&marker && no_len == 12345);
    CHECK_STATUS(govreport_register_review_page(NULL, 2023, NULL, "html", NULL, &no_bytes, &no_len), GOVREPORT_ERROR_NULL_ARGUMENT);

    govreport_register_free(reg);
    govreport_register_free(NULL);

    /* Reopened, everything is still there. */
    CHECK_OK(govreport_register_open(db, &reg));
    CHECK_OK(govreport_register_findings(reg, "{\"state\":\"dismissed\"}", &findings));
    CHECK(occurrences(findings, "\"state\":\"dismissed\"") == 1 && contains(findings, "\"code\":\"GR606\""));
    govreport_string_free(findings);
    govreport_register_free(reg);

    unlink(wal);
    unlink(shm);
    unlink(db);
    unlink(not_db);
    rmdir(dir);
    return finish("test_register");
}
