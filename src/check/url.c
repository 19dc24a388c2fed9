/* url.c - the syntax of URLs, as far as text can get it wrong (url.h). */
#include "url.h"

#include <stddef.h>
#include <string.h>

static const char *port_problem(const char *s, size_t n) {
    if (!n || n > 5) return "an invalid port";
    long port = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return "an invalid port";
        port = port * 10 + (s[i] - '0');
    }
    return port == 0 || port > 65535 ? "a port outside 1-65535" : NULL;
}

const char *cgc_url_problem(const char *u) {
    const char *p = strstr(u, "://");
    if (!p) return "no scheme";
    p += 3;
    const char *h = p;
    while (*p && *p != '/' && *p != '?' && *p != '#')
        p++;
    size_t hl = (size_t)(p - h);
    const char *at = memchr(h, '@', hl);
    if (at) {
        hl -= (size_t)(at + 1 - h);
        h = at + 1;
    }
    if (hl && h[0] == '[') { /* an IPv6 literal: hex digits, ':' and '.' up to ']' */
        const char *close = memchr(h, ']', hl);
        if (!close || close == h + 1) return "an invalid IPv6 address";
        for (const char *q = h + 1; q < close; q++)
            if (!strchr("0123456789abcdefABCDEF:.", *q)) return "an invalid IPv6 address";
        const char *rest = close + 1;
        size_t rl = (size_t)(h + hl - rest);
        if (rl && *rest != ':') return "an invalid IPv6 address";
        const char *bad = rl ? port_problem(rest + 1, rl - 1) : NULL;
        if (bad) return bad;
        goto path;
    }
    const char *colon = memchr(h, ':', hl);
    if (colon) {
        const char *bad = port_problem(colon + 1, hl - (size_t)(colon + 1 - h));
        if (bad) return bad;
        hl = (size_t)(colon - h);
    }
    if (!hl) return "no host name";
    if (strspn(h, "0123456789.") >= hl) { /* an IPv4 literal: four numbers 0-255 */
        int parts = 0;
        long part = -1;
        for (size_t i = 0; i <= hl; i++) {
            if (i == hl || h[i] == '.') {
                if (part < 0 || part > 255) return "an invalid IPv4 address";
                parts++;
                part = -1;
            } else {
                part = (part < 0 ? 0 : part * 10) + (h[i] - '0');
                if (part > 255) return "an invalid IPv4 address";
            }
        }
        if (parts != 4) return "an invalid IPv4 address";
        goto path;
    }
    size_t label = 0, tld = 0; /* where the last label of the host starts */
    for (size_t i = 0; i < hl; i++)
        if (h[i] == '.') tld = i + 1;
    int dots = 0, alpha_tld = 1;
    for (size_t i = 0; i <= hl; i++) {
        char ch = i < hl ? h[i] : '.';
        if (ch == '.') {
            if (!label) return "an empty label in the host name";
            if (h[i - 1] == '-') return "a host name label ending in '-'";
            dots += i < hl;
            label = 0;
            continue;
        }
        if (!label && ch == '-') return "a host name label starting with '-'";
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-' || (unsigned char)ch >= 0x80))
            return "a character not allowed in a host name";
        if (++label > 63) return "a host name label longer than 63 characters";
        if (tld && i >= tld)
            alpha_tld &= (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                         (unsigned char)ch >= 0x80 || ch == '-';
    }
    if (!dots) return "a host name without a dot";
    if (!alpha_tld) return "a top-level domain that is not a name";
path:
    for (const char *q = p; *q; q++) {
        if (*q == '%') {
            int ok = q[1] && q[2] && strchr("0123456789abcdefABCDEF", q[1]) &&
                     strchr("0123456789abcdefABCDEF", q[2]);
            if (!ok) return "a '%' that is not followed by two hex digits";
        }
        if ((unsigned char)*q <= ' ') return "white space";
    }
    return NULL;
}
