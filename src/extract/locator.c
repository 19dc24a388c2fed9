/* locator.c - the questions a locator names; see locator.h. */
#include "locator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cgx_expand_questions(const char *loc, cgx_question_fn each, void *ctx) {
    const char *prefix = "Frage ";
    const char *p = loc;
    if (strncmp(p, "Schriftliche ", 13) == 0) {
        prefix = "Schriftliche Frage ";
        p += 13;
    } else if (strncmp(p, "Mündliche ", 11) == 0) {
        prefix = "Mündliche Frage ";
        p += 11;
    }
    if (strncmp(p, "Fragen ", 7) == 0) p += 7;
    else if (strncmp(p, "Frage ", 6) == 0) p += 6;
    else return 0;
    int count = 0;
    char prev[16] = "";
    int range = 0;
    while (*p) {
        char item[16];
        size_t n = 0;
        while (*p && ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z')) && n + 1 < sizeof item)
            item[n++] = *p++;
        item[n] = '\0';
        if (!n) return count;
        if (range && prev[0]) {
            long a = strtol(prev, NULL, 10), b = strtol(item, NULL, 10);
            char la = prev[strspn(prev, "0123456789")], lb = item[strspn(item, "0123456789")];
            if (a == b && la && lb && la < lb && lb - la < 26) { /* 3a bis 3e */
                for (char c = (char)(la + 1); c <= lb; c++) {
                    char q[32];
                    snprintf(q, sizeof q, "%ld%c", a, c);
                    if (each(ctx, prefix, q)) return -1;
                    count++;
                }
            } else if (!la && !lb && b > a && b - a <= 100) { /* 7 bis 10 */
                for (long k = a + 1; k <= b; k++) {
                    char q[32];
                    snprintf(q, sizeof q, "%ld", k);
                    if (each(ctx, prefix, q)) return -1;
                    count++;
                }
            } else {
                if (each(ctx, prefix, item)) return -1;
                count++;
            }
        } else {
            if (each(ctx, prefix, item)) return -1;
            count++;
        }
        snprintf(prev, sizeof prev, "%s", item);
        range = 0;
        if (strncmp(p, " bis ", 5) == 0) {
            range = 1;
            p += 5;
        } else if (strncmp(p, ", ", 2) == 0) {
            p += 2;
        } else {
            break;
        }
    }
    return count;
}
