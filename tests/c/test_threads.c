/*
 * What the header documents about threads: one report handle used from several threads at
 * once, one findings handle read from several threads, and a last error per thread.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "check.h"

#define THREADS 4
#define ROUNDS 20

static govreport_report *shared_report;
static govreport_findings *shared_findings;

/* Each worker counts its own failures; the main thread checks them after the join. */
struct result {
    int failures;
};

static void *worker(void *arg) {
    struct result *res = (struct result *)arg;
    int i;
    for (i = 0; i < ROUNDS; i++) {
        govreport_findings *f = NULL;
        char *value = NULL;
        const char *code = NULL;
        /* Writes and reads on the shared report, serialized inside the handle. */
        if (govreport_report_set_count(shared_report, "/requests/new/natural_person", (uint64_t)i) != GOVREPORT_OK) res->failures++;
        if (govreport_report_get(shared_report, "/requests/new/natural_person", &value) != GOVREPORT_OK || value == NULL) res->failures++;
        govreport_string_free(value);
        if (govreport_report_check(shared_report, NULL, &f) != GOVREPORT_OK) res->failures++;
        govreport_findings_free(f);
        /* Reads of the shared findings. */
        if (govreport_findings_count(shared_findings) > 0 &&
            (govreport_findings_code(shared_findings, 0, &code) != GOVREPORT_OK || code == NULL)) res->failures++;
        /* This thread's error is this thread's: another thread's success does not clear it. */
        if (govreport_report_set(shared_report, "/requests/new/natural_person", "-1") != GOVREPORT_ERROR_STRUCTURE) res->failures++;
        if (strstr(govreport_last_error(), "/requests/new/natural_person") == NULL) res->failures++;
    }
    return NULL;
}

int main(void) {
    pthread_t threads[THREADS];
    struct result results[THREADS];
    int i;

    CHECK_OK(govreport_report_new("2021", 2023, "{\"name\":\"某市某局\",\"kind\":\"department\"}", GOVREPORT_ENCODING_UTF8, &shared_report));
    CHECK_OK(govreport_report_check(shared_report, NULL, &shared_findings));
    for (i = 0; i < THREADS; i++) {
        results[i].failures = 0;
        CHECK(pthread_create(&threads[i], NULL, worker, &results[i]) == 0);
    }
    for (i = 0; i < THREADS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(results[i].failures == 0);
    }
    /* The main thread never failed: its last error is empty. */
    CHECK(same(govreport_last_error(), ""));
    govreport_findings_free(shared_findings);
    govreport_report_free(shared_report);
    return finish("test_threads");
}
