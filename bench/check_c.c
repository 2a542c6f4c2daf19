/* The C side of bench/compare.sh: times the one-shot govreport_check_json on every line of a
 * JSON Lines file, as a C program would call it (default options, findings JSON freed).
 *
 *   check_c IN.jsonl [ROUNDS]
 *
 * Prints, like the Rust side, the median over the rounds of the time per report: CPU time of
 * the process and wall-clock time. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "govreport.h"

static double now(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: check_c IN.jsonl [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 7;
    if (rounds < 1) rounds = 1;
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    size_t cap = 1024, n = 0;
    char **lines = malloc(cap * sizeof *lines);
    size_t *lens = malloc(cap * sizeof *lens);
    char *line = NULL;
    size_t size = 0;
    ssize_t got;
    while ((got = getline(&line, &size, f)) > 0) {
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r')) got--;
        if (got == 0) continue;
        if (n == cap) {
            cap *= 2;
            lines = realloc(lines, cap * sizeof *lines);
            lens = realloc(lens, cap * sizeof *lens);
        }
        lines[n] = malloc((size_t)got);
        memcpy(lines[n], line, (size_t)got);
        lens[n] = (size_t)got;
        n++;
    }
    free(line);
    fclose(f);

    double *times = malloc((size_t)rounds * sizeof *times);
    double *cpu = malloc((size_t)rounds * sizeof *cpu);
    size_t out_bytes = 0;
    for (int r = -1; r < rounds; r++) { /* round -1 warms up */
        double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        for (size_t i = 0; i < n; i++) {
            char *findings = NULL;
            enum govreport_status s = govreport_check_json((const uint8_t *)lines[i], lens[i], NULL, &findings);
            if (s != GOVREPORT_OK) {
                fprintf(stderr, "line %zu: %s\n", i + 1, govreport_last_error());
                return 1;
            }
            out_bytes += strlen(findings);
            govreport_string_free(findings);
        }
        if (r >= 0) {
            cpu[r] = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
            times[r] = now(CLOCK_MONOTONIC) - t0;
        }
    }
    qsort(times, (size_t)rounds, sizeof *times, cmp);
    qsort(cpu, (size_t)rounds, sizeof *cpu, cmp);
    printf("reports: %zu; findings JSON %zu bytes a round\n", n, out_bytes / (size_t)(rounds + 1));
    printf("RESULT c_check_json %.3f %.3f us/report cpu, wall (median of %d rounds)\n", cpu[rounds / 2] / (double)n * 1e6,
           times[rounds / 2] / (double)n * 1e6, rounds);
    for (size_t i = 0; i < n; i++) free(lines[i]);
    free(lines);
    free(lens);
    free(times);
    free(cpu);
    return 0;
}
