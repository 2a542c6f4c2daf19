/*
 * Render a report handle in every format: the official layout's bytes, freed with their length.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

/* Whether `len` bytes at `bytes` contain the NUL-terminated `part`. */
static int bytes_contain(const uint8_t *bytes, size_t len, const char *part) {
    size_t n = strlen(part), i;
    for (i = 0; i + n <= len; i++) {
        if (memcmp(bytes + i, part, n) == 0) return 1;
    }
    return 0;
}

int main(void) {
    size_t len = 0, out_len = 0;
    unsigned char *json = read_file("examples/report-2023.json", &len);
    govreport_report *r = NULL;
    uint8_t *out = NULL;

    CHECK(json != NULL);
    if (json == NULL) return 1;
    CHECK_OK(govreport_report_from_json(json, len, GOVREPORT_ENCODING_UTF8, &r));

    CHECK_OK(govreport_report_render(r, "html", NULL, &out, &out_len));
    CHECK(out != NULL && out_len > 1000);
    CHECK(bytes_contain(out, out_len, "<!DOCTYPE html>"));
    CHECK(bytes_contain(out, out_len, "data-pointer=\"/requests/granted/total\">59</td>"));
    govreport_bytes_free(out);

    out = NULL;
    CHECK_OK(govreport_report_render(r, "docx", "zh", &out, &out_len));
    CHECK(out != NULL && out_len > 4 && out[0] == 'P' && out[1] == 'K');
    govreport_bytes_free(out);

    out = NULL;
    CHECK_OK(govreport_report_render(r, "txt", "en", &out, &out_len));
    CHECK(bytes_contain(out, out_len, "1. New requests this year"));
    govreport_bytes_free(out);

    out = NULL;
    CHECK_OK(govreport_report_render(r, "md", NULL, &out, &out_len));
    CHECK(bytes_contain(out, out_len, "## 三、收到和处理政府信息公开申请情况"));
    govreport_bytes_free(out);

    /* Misuse: statuses, outputs untouched. */
    out = (uint8_t *)"untouched";
    out_len = 7;
    CHECK_STATUS(govreport_report_render(r, "pdf", NULL, &out, &out_len), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_report_render(r, "html", "fr", &out, &out_len), GOVREPORT_ERROR_INVALID_ARGUMENT);
    CHECK_STATUS(govreport_report_render(NULL, "html", NULL, &out, &out_len), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_render(r, NULL, NULL, &out, &out_len), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_render(r, "html", NULL, NULL, &out_len), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK_STATUS(govreport_report_render(r, "html", NULL, &out, NULL), GOVREPORT_ERROR_NULL_ARGUMENT);
    CHECK(out_len == 7 && same((const char *)out, "untouched"));
    govreport_bytes_free(NULL);

    govreport_report_free(r);
    free(json);
    return finish("test_render");
}
