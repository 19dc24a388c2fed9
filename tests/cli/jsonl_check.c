/* jsonl_check.c - test helper: checks that every line of stdin is one JSON
 * object with a "type", and prints how many of each type and how many
 * document lines carry an error: "document=N reference=N summary=N error=N". */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long docs = 0, refs = 0, sums = 0, errs = 0, lineno = 0;
    while ((len = getline(&line, &cap, stdin)) > 0) {
        lineno++;
        json_error_t e;
        json_t *o = json_loadb(line, (size_t)len, 0, &e);
        const char *type = o ? json_string_value(json_object_get(o, "type")) : NULL;
        if (!type) {
            fprintf(stderr, "jsonl_check: line %lu is not a JSON object with a type: %s\n", lineno,
                    o ? "no type" : e.text);
            return 1;
        }
        if (strcmp(type, "document") == 0) {
            docs++;
            errs += json_is_string(json_object_get(o, "error"));
        } else if (strcmp(type, "reference") == 0) {
            refs++;
        } else if (strcmp(type, "summary") == 0) {
            sums++;
        }
        json_decref(o);
    }
    free(line);
    printf("document=%lu reference=%lu summary=%lu error=%lu\n", docs, refs, sums, errs);
    return 0;
}
