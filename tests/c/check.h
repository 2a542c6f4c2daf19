/*
 * A tiny check harness for the C tests of libgovreport: CHECK counts a case and reports a
 * failure with the library's last error; finish() prints the tally and gives the exit code.
 */
#ifndef GOVREPORT_TEST_CHECK_H
#define GOVREPORT_TEST_CHECK_H

/* Every test defines _POSIX_C_SOURCE before its first include (for iconv, dirent, pthreads). */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govreport.h"

#ifdef __GNUC__
#define TEST_UNUSED __attribute__((unused))
#else
#define TEST_UNUSED
#endif

static int checks_run;
static int checks_failed;

#define CHECK(cond)                                                                              \
    do {                                                                                         \
        checks_run++;                                                                            \
        if (!(cond)) {                                                                           \
            checks_failed++;                                                                     \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n    last error: %s\n", __FILE__, __LINE__, \
                    #cond, govreport_last_error());                                              \
        }                                                                                        \
    } while (0)

/* A call that must return `expected`. */
#define CHECK_STATUS(call, expected)                                                             \
    do {                                                                                         \
        govreport_status check_status_ = (call);                                                 \
        checks_run++;                                                                            \
        if (check_status_ != (expected)) {                                                       \
            checks_failed++;                                                                     \
            fprintf(stderr, "%s:%d: %s\n    returned %d (%s), expected %s\n    last error: %s\n", \
                    __FILE__, __LINE__, #call, (int)check_status_,                               \
                    govreport_status_text((int)check_status_), #expected, govreport_last_error()); \
        }                                                                                        \
    } while (0)

#define CHECK_OK(call) CHECK_STATUS(call, GOVREPORT_OK)

/* Whether `s` is non-NULL and contains `part`. */
static TEST_UNUSED int contains(const char *s, const char *part) {
    return s != NULL && strstr(s, part) != NULL;
}

/* How often `part` occurs in `s` (0 for NULL). */
static TEST_UNUSED int occurrences(const char *s, const char *part) {
    int n = 0;
    size_t len = strlen(part);
    if (s == NULL) return 0;
    while ((s = strstr(s, part)) != NULL) {
        n++;
        s += len;
    }
    return n;
}

/* Whether two strings are equal (NULL equals only NULL). */
static TEST_UNUSED int same(const char *a, const char *b) {
    if (a == NULL || b == NULL) return a == b;
    return strcmp(a, b) == 0;
}

/* Reads a whole file; NULL on failure. The caller frees the buffer. */
static TEST_UNUSED unsigned char *read_file(const char *path, size_t *len) {
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

/* Reads a whole file as a NUL-terminated string (its length without the NUL in *len when
 * not NULL); NULL on failure. The caller frees it. */
static TEST_UNUSED char *read_text(const char *path, size_t *len) {
    size_t n = 0;
    unsigned char *buf = read_file(path, &n), *bigger;
    if (buf == NULL) return NULL;
    bigger = (unsigned char *)realloc(buf, n + 1);
    if (bigger == NULL) { free(buf); return NULL; }
    bigger[n] = '\0';
    if (len != NULL) *len = n;
    return (char *)bigger;
}

/*
 * Converts `len` bytes of `in` from encoding `from` to `to` with the C library's iconv (not
 * the library under test); NUL-terminated, length in *out_len when not NULL. NULL on failure.
 * The caller frees the result.
 */
static TEST_UNUSED char *convert(const char *from, const char *to, const char *in, size_t len, size_t *out_len) {
    iconv_t cd = iconv_open(to, from);
    size_t cap = len * 2 + 16, left_in = len, left_out;
    char *out, *src = (char *)in, *dst;
    if (cd == (iconv_t)-1) return NULL;
    out = (char *)malloc(cap + 1);
    if (out == NULL) { iconv_close(cd); return NULL; }
    dst = out;
    left_out = cap;
    if (iconv(cd, &src, &left_in, &dst, &left_out) == (size_t)-1 || left_in != 0) {
        fprintf(stderr, "iconv %s -> %s failed: %s\n", from, to, strerror(errno));
        free(out);
        iconv_close(cd);
        return NULL;
    }
    iconv_close(cd);
    *dst = '\0';
    if (out_len != NULL) *out_len = (size_t)(dst - out);
    return out;
}

/* UTF-8 text as GB18030 (NUL-terminated); the caller frees it. */
static TEST_UNUSED char *to_gb18030(const char *utf8) {
    return convert("UTF-8", "GB18030", utf8, strlen(utf8), NULL);
}

/* GB18030 text as UTF-8 (NUL-terminated); the caller frees it. */
static TEST_UNUSED char *from_gb18030(const char *gb) {
    return convert("GB18030", "UTF-8", gb, strlen(gb), NULL);
}

/* Prints the tally; the exit code of the test program. */
static TEST_UNUSED int finish(const char *name) {
    printf("%s: %d checks, %d failed\n", name, checks_run, checks_failed);
    return checks_failed == 0 && checks_run > 0 ? 0 : 1;
}

#endif
