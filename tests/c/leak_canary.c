/*
 * Not a test of the library: a program that leaks a string the library gave it, on purpose.
 * run.sh expects valgrind and LeakSanitizer to fail on it, which shows that the leak checks
 * of the real tests would catch a leak.
 */
#include <string.h>

#include "govreport.h"

int main(void) {
    static const char doc[] = "{\"format\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"x\",\"kind\":\"department\"}}";
    char *findings = NULL;
    if (govreport_check_json((const uint8_t *)doc, strlen(doc), NULL, &findings) != GOVREPORT_OK) return 2;
    findings = NULL; /* the leak: never passed to govreport_string_free */
    return findings == NULL ? 0 : 1;
}
