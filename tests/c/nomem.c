/*
 * Out of memory: a 32 MiB input under a memory limit gives GOVREPORT_ERROR_NOMEM and the host
 * process goes on; it must not abort. Each case runs in a child process whose address space
 * is limited with setrlimit(RLIMIT_AS) to what it uses plus a margin too small for the work.
 *
 * Not run under valgrind or AddressSanitizer (both need far more address space than the
 * limit leaves); run.sh runs it natively against the shared and the static library.
 */
#define _POSIX_C_SOURCE 200809L
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define INPUT (32u * 1024u * 1024u - 4096u)
#define MARGIN (24u * 1024u * 1024u)

static const char HEAD[] = "{\"format\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"x\",\"kind\":\"department\"},"
                           "\"sections\":{\"overview\":\"";
static const char TAIL[] = "\"}}";

/* A valid report of `len` bytes whose overview is one long text. */
static uint8_t *big_report(size_t len) {
    uint8_t *doc = (uint8_t *)malloc(len);
    if (doc == NULL) return NULL;
    memset(doc, 'x', len);
    memcpy(doc, HEAD, sizeof HEAD - 1);
    memcpy(doc + len - (sizeof TAIL - 1), TAIL, sizeof TAIL - 1);
    return doc;
}

/* The address space this process uses now, in bytes (from /proc/self/statm). */
static size_t address_space(void) {
    unsigned long pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f == NULL) return 0;
    if (fscanf(f, "%lu", &pages) != 1) pages = 0;
    fclose(f);
    return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}

/* Limits this process to what it uses plus MARGIN. */
static int limit_memory(void) {
    struct rlimit rl;
    size_t used = address_space();
    if (used == 0 || getrlimit(RLIMIT_AS, &rl) != 0) return -1;
    rl.rlim_cur = (rlim_t)(used + MARGIN);
    return setrlimit(RLIMIT_AS, &rl);
}

/* Exit codes of a case's child: 0 NOMEM as expected, 2 set-up failed, 3 another status,
 * 4 an out-parameter written, 5 no message. */
typedef int (*memory_case)(const uint8_t *doc, size_t len);

static int check_json_case(const uint8_t *doc, size_t len) {
    char *out = NULL;
    govreport_status s = govreport_check_json(doc, len, NULL, &out);
    if (s != GOVREPORT_ERROR_NOMEM) {
        fprintf(stderr, "check_json: %d %s\n", (int)s, govreport_last_error());
        return 3;
    }
    if (out != NULL) return 4;
    return contains(govreport_last_error(), "out of memory") ? 0 : 5;
}

static int from_json_gb18030_case(const uint8_t *doc, size_t len) {
    govreport_report *r = NULL;
    govreport_status s = govreport_report_from_json(doc, len, GOVREPORT_ENCODING_GB18030, &r);
    if (s != GOVREPORT_ERROR_NOMEM) {
        fprintf(stderr, "from_json (GB18030): %d %s\n", (int)s, govreport_last_error());
        return 3;
    }
    if (r != NULL) return 4;
    return contains(govreport_last_error_text("zh", GOVREPORT_ENCODING_UTF8), "内存不足") ? 0 : 5;
}

static int import_case(const uint8_t *doc, size_t len) {
    govreport_report *r = NULL;
    govreport_status s = govreport_import(doc, len, NULL, &r, NULL);
    if (s != GOVREPORT_ERROR_NOMEM) {
        fprintf(stderr, "import: %d %s\n", (int)s, govreport_last_error());
        return 3;
    }
    return r == NULL ? 0 : 4;
}

/* Runs `c` in a child under the memory limit; the child must exit 0, not die of a signal. */
static void in_child(const char *name, memory_case c, const uint8_t *doc, size_t len) {
    int status = 0;
    pid_t pid;
    fflush(NULL);
    pid = fork();
    if (pid < 0) {
        CHECK(!"fork failed");
        return;
    }
    if (pid == 0) {
        if (limit_memory() != 0) _exit(2);
        _exit(c(doc, len));
    }
    checks_run++;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        checks_failed++;
        if (WIFSIGNALED(status))
            fprintf(stderr, "%s: the child died of signal %d (an abort instead of NOMEM)\n", name, WTERMSIG(status));
        else
            fprintf(stderr, "%s: the child exited with %d\n", name, WEXITSTATUS(status));
    }
}

int main(void) {
    uint8_t *doc = big_report(INPUT);
    char *findings = NULL;
    CHECK(doc != NULL);
    if (doc == NULL) return finish("nomem");
    /* Without a limit the same input checks (so that NOMEM below is about memory only). */
    CHECK_OK(govreport_check_json(doc, INPUT, NULL, &findings));
    govreport_string_free(findings);
    CHECK(same(govreport_status_text(GOVREPORT_ERROR_NOMEM), "out of memory"));

    in_child("check_json", check_json_case, doc, INPUT);
    in_child("report_from_json (GB18030)", from_json_gb18030_case, doc, INPUT);
    in_child("import", import_case, doc, INPUT);
    free(doc);
    return finish("nomem");
}
