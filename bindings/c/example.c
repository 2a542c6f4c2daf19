/*
 * example: check a report document and print its findings, one per line:
 *
 *     CODE  SEVERITY  PATH  MESSAGE
 *
 * Usage: example REPORT.json [OPTIONS_JSON]
 *   e.g. example tests/fixtures/seed-2012-changchun-etdz.json '{"lang":"en"}'
 *
 * Exit status: 0 when no finding is an error, 1 when one is, 2 when the file cannot be read
 * or is not a report (the library's message is printed).
 *
 * Build (from the repository root, after `cargo build --release -p govreport-ffi`):
 *   gcc -std=c99 -Wall -Wextra -pedantic -Iinclude bindings/c/example.c \
 *       -Ltarget/release -lgovreport -Wl,-rpath,"$PWD/target/release" -o example
 * or statically:
 *   gcc -std=c99 -Wall -Wextra -pedantic -Iinclude bindings/c/example.c \
 *       target/release/libgovreport.a -lpthread -ldl -lm -o example
 */
#include <stdio.h>
#include <stdlib.h>

#include "govreport.h"

/* Reads a whole file into a malloc'ed buffer; returns NULL on failure. */
static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (f == NULL) return NULL;
    for (;;) {
        if (n == cap) {
            unsigned char *bigger;
            cap = cap ? cap * 2 : 65536;
            bigger = (unsigned char *)realloc(buf, cap);
            if (bigger == NULL) { free(buf); fclose(f); return NULL; }
            buf = bigger;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    if (ferror(f)) { free(buf); fclose(f); return NULL; }
    fclose(f);
    *len = n;
    return buf;
}

static const char *severity_name(govreport_severity s) {
    switch (s) {
    case GOVREPORT_SEVERITY_ERROR: return "error";
    case GOVREPORT_SEVERITY_WARNING: return "warning";
    case GOVREPORT_SEVERITY_INFO: return "info";
    }
    return "?";
}

int main(int argc, char **argv) {
    size_t len = 0, i, count;
    unsigned char *json;
    govreport_report *report = NULL;
    govreport_findings *findings = NULL;
    govreport_status st;
    int errors = 0;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s REPORT.json [OPTIONS_JSON]\n", argv[0]);
        return 2;
    }
    json = read_file(argv[1], &len);
    if (json == NULL) {
        perror(argv[1]);
        return 2;
    }

    /* The library copies what it needs: the buffer is ours to free right after. */
    st = govreport_report_from_json(json, len, GOVREPORT_ENCODING_UTF8, &report);
    free(json);
    if (st != GOVREPORT_OK) {
        fprintf(stderr, "%s: %s (%s)\n", argv[1], govreport_last_error(), govreport_status_text(st));
        return 2;
    }
    st = govreport_report_check(report, argc == 3 ? argv[2] : NULL, &findings);
    govreport_report_free(report); /* findings do not depend on the report */
    if (st != GOVREPORT_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], govreport_last_error());
        return 2;
    }

    count = govreport_findings_count(findings);
    for (i = 0; i < count; i++) {
        const char *code = NULL, *path = NULL, *message = NULL;
        govreport_severity severity = GOVREPORT_SEVERITY_INFO;
        /* Strings are lent by the findings handle: valid until it is freed, never freed here. */
        if (govreport_findings_code(findings, i, &code) != GOVREPORT_OK ||
            govreport_findings_severity(findings, i, &severity) != GOVREPORT_OK ||
            govreport_findings_path(findings, i, &path) != GOVREPORT_OK ||
            govreport_findings_message(findings, i, &message) != GOVREPORT_OK) {
            fprintf(stderr, "%s\n", govreport_last_error());
            govreport_findings_free(findings);
            return 2;
        }
        if (severity == GOVREPORT_SEVERITY_ERROR) errors++;
        printf("%s\t%s\t%s\t%s\n", code, severity_name(severity), path, message);
    }
    printf("%lu finding(s), %d error(s)\n", (unsigned long)count, errors);
    govreport_findings_free(findings);
    return errors ? 1 : 0;
}
