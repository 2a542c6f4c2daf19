/*
 * The one-shot call on every fixture: tests/fixtures/NAME.json must check (and give the same
 * findings through a report handle, and through GB18030), tests/fixtures/invalid/NAME.json
 * must be refused with a status and a message. The seed report gives exactly
 * GR801, GR801, GR801, GR802.
 *
 * Usage: test_fixtures FIXTURES_DIR
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>

#include "check.h"

static const char *const OPTIONS = "{\"today\":\"2026-11-26\"}";
static const char *const SEED = "seed-2012-changchun-etdz.json";

static int is_json(const char *name) {
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".json") == 0;
}

/* The codes of a findings handle, comma-separated, in a caller's buffer. */
static void codes_of(const govreport_findings *f, char *out, size_t cap) {
    size_t i, used = 0;
    out[0] = '\0';
    for (i = 0; i < govreport_findings_count(f); i++) {
        const char *code = NULL;
        CHECK_OK(govreport_findings_code(f, i, &code));
        if (code != NULL && used + strlen(code) + 2 < cap) {
            used += (size_t)sprintf(out + used, "%s%s", i ? "," : "", code);
        }
    }
}

static void check_valid(const char *path, const char *name) {
    size_t len = 0, gb_len = 0;
    unsigned char *json = read_file(path, &len);
    char *oneshot = NULL, *via_handle = NULL, *gb_out = NULL, *gb_back = NULL, *gb = NULL;
    govreport_report *r = NULL;
    govreport_findings *f = NULL;

    CHECK(json != NULL);
    if (json == NULL) return;

    CHECK_OK(govreport_check_json(json, len, OPTIONS, &oneshot));
    CHECK(oneshot != NULL && oneshot[0] == '[' && oneshot[strlen(oneshot) - 1] == ']');

    /* The handle path gives the same findings as the one-shot call. */
    CHECK_OK(govreport_report_from_json(json, len, GOVREPORT_ENCODING_UTF8, &r));
    CHECK_OK(govreport_report_check(r, OPTIONS, &f));
    CHECK_OK(govreport_findings_to_json(f, &via_handle));
    CHECK(same(oneshot, via_handle));
    if (!same(oneshot, via_handle)) fprintf(stderr, "    in %s\n", name);

    if (strcmp(name, SEED) == 0) {
        char codes[256];
        codes_of(f, codes, sizeof codes);
        CHECK(same(codes, "GR801,GR801,GR801,GR802"));
        if (!same(codes, "GR801,GR801,GR801,GR802")) fprintf(stderr, "    seed gave %s\n", codes);
    }

    /* The report stored as GB18030 checks exactly as its UTF-8 form. */
    gb = convert("UTF-8", "GB18030", (const char *)json, len, &gb_len);
    CHECK(gb != NULL);
    if (gb != NULL) {
        CHECK_OK(govreport_check_json_encoded((const uint8_t *)gb, gb_len, OPTIONS, GOVREPORT_ENCODING_GB18030, &gb_out));
        gb_back = gb_out ? from_gb18030(gb_out) : NULL;
        CHECK(same(oneshot, gb_back));
        if (!same(oneshot, gb_back)) fprintf(stderr, "    GB18030 differs in %s\n", name);
    }

    free(gb);
    free(gb_back);
    govreport_string_free(gb_out);
    govreport_string_free(oneshot);
    govreport_string_free(via_handle);
    govreport_findings_free(f);
    govreport_report_free(r);
    free(json);
}

static void check_invalid(const char *path, const char *name) {
    size_t len = 0;
    unsigned char *json = read_file(path, &len);
    char marker = 0;
    char *out = &marker; /* must stay as it is */
    govreport_report *r = (govreport_report *)&marker;
    govreport_status st;

    CHECK(json != NULL);
    if (json == NULL) return;
    st = govreport_check_json(json, len, OPTIONS, &out);
    CHECK(st != GOVREPORT_OK);
    if (st == GOVREPORT_OK) fprintf(stderr, "    %s was accepted\n", name);
    CHECK(out == &marker);
    CHECK(govreport_last_error()[0] != '\0');
    CHECK(!same(govreport_status_text((int)st), "unknown status"));
    CHECK_STATUS(govreport_report_from_json(json, len, GOVREPORT_ENCODING_UTF8, &r), st);
    CHECK(r == (govreport_report *)&marker);
    if (st == GOVREPORT_ERROR_STRUCTURE || st == GOVREPORT_ERROR_UNKNOWN_FORMAT) {
        CHECK(govreport_last_error_pointer() != NULL);
    }
    /* A fixture that is invalid only for its encoding reads with the GB18030 flag. */
    if (st == GOVREPORT_ERROR_ENCODING) {
        CHECK_OK(govreport_check_json_encoded(json, len, OPTIONS, GOVREPORT_ENCODING_GB18030, &out));
        CHECK(out != &marker && out != NULL && out[0] == '[');
        if (out != &marker) govreport_string_free(out);
    }
    free(json);
}

/* Runs `fn` on every *.json in `dir`; returns how many. */
static int each_json(const char *dir, void (*fn)(const char *, const char *)) {
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    if (d == NULL) return 0;
    while ((e = readdir(d)) != NULL) {
        char path[4096];
        if (!is_json(e->d_name)) continue;
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path) continue;
        fn(path, e->d_name);
        n++;
    }
    closedir(d);
    return n;
}

static int seed_seen;
static void note_seed(const char *path, const char *name) {
    (void)path;
    if (strcmp(name, SEED) == 0) seed_seen = 1;
}

int main(int argc, char **argv) {
    char invalid[4096];
    int valid_count, invalid_count;
    if (argc != 2) {
        fprintf(stderr, "usage: %s FIXTURES_DIR\n", argv[0]);
        return 2;
    }
    valid_count = each_json(argv[1], check_valid);
    each_json(argv[1], note_seed);
    CHECK(valid_count > 0);
    CHECK(seed_seen);
    snprintf(invalid, sizeof invalid, "%s/invalid", argv[1]);
    invalid_count = each_json(invalid, check_invalid);
    printf("fixtures: %d valid, %d invalid\n", valid_count, invalid_count);
    return finish("test_fixtures");
}
