/* online.c - rules CG009 and CG011: fetching every URL, with libcurl
 * (online.h).
 *
 * Each distinct URL is fetched once: HEAD first, GET when a server refuses
 * HEAD, and no body is read (the first byte of one ends the transfer: the
 * status is known by then). Requests run concurrently (curl's multi
 * interface), each with a timeout, all within a time budget. 429 and 503
 * answers and timeouts are retried with exponential backoff (a Retry-After
 * header wins, up to ten minutes). Results can be kept in a cache file
 * between runs: a first line naming the format and a hash of the options
 * that decide a result (the addresses and hosts allowed, the redirect and
 * header limits), so that a run with other options does not reuse what they
 * would not have given, then a line "URL<tab>status<tab>unix
 * time<tab>message" per answer that holds (not a timeout, 429 or 5xx: those
 * are asked again); a line that does not parse
 * makes the whole cache count as empty (it is rewritten), and an entry older
 * than the TTL is fetched again. Allow and deny lists of hosts decide what
 * is fetched at all. Without libcurl's headers at build time,
 * cgc_online_init() says so; libcurl itself is only loaded when an online
 * check is asked for (curl_load.h).
 *
 * URLs come from untrusted documents, so where a request may go is decided
 * on the address libcurl is about to connect to (its open-socket callback,
 * netaddr.h), not on the URL's text: a host name that resolves to an
 * internal address, or resolves differently between a lookup and the
 * connection, is caught at the socket. Redirects are followed here, one
 * request per hop, so that every hop goes through the same check and
 * their number is bounded. Through a proxy the socket goes to the proxy
 * (which the user configured), so the host of each hop is resolved here
 * and refused when any of its addresses is, and so is a name that does
 * not resolve here. Proxies come from the environment as libcurl
 * reads them (http_proxy, https_proxy, HTTPS_PROXY, all_proxy, ALL_PROXY,
 * no_proxy, NO_PROXY); the choice is made here and handed to libcurl, so
 * that this file knows which requests are proxied. */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include "citegraph/version.h"
#include "netaddr.h"
#include "online.h"
#include "url.h"
#include "util/util.h"

#ifdef CG_HAVE_CURL
#include "check/curl_load.h"

typedef struct result {
    const char *url;
    char *hop;   /* the URL of the current hop after a redirect (owned), else NULL */
    int hops;    /* redirects followed */
    long status; /* HTTP status, 0 when no answer */
    char message[512];
    int done, from_cache, skipped, not_fetched;
    int answered;    /* a server answered, but no usable status came (status 0) */
    int provisional; /* status and message are an answer that a retry may replace */
    int attempts, use_get;
    long long not_before_ms; /* for backoff */
    long long cached_at;     /* unix time of a result taken from the cache */
} result;

/* Where requests may go (cg_online_options' allow_private and allow_addresses). */
typedef struct policy {
    bool allow_private;
    cgc_cidr *ranges;
    size_t nranges;
} policy;

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The host of a URL, lower-case, into out (an IPv6 literal with its brackets). */
static void host_of(const char *url, char *out, size_t cap) {
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *at = strpbrk(p, "@/?#");
    if (at && *at == '@') p = at + 1;
    size_t n = *p == '[' && strchr(p, ']') ? (size_t)(strchr(p, ']') - p) + 1 : strcspn(p, ":/?#");
    if (n >= cap) n = cap - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
    out[n] = '\0';
}

/* The length of the name s[0..n) without the root's trailing dot
 * ("example.org." is example.org to a resolver). */
static size_t without_root(const char *s, size_t n) {
    while (n > 1 && s[n - 1] == '.')
        n--;
    return n;
}

/* Whether the host name host[0..hl) is `entry` or a subdomain of it, in
 * any case, the root's dot ignored on either side; ".example.org", as
 * no_proxy writes a domain, is example.org. */
static bool host_matches(const char *host, size_t hl, const char *entry, size_t el) {
    if (el > 1 && entry[0] == '.') entry++, el--;
    hl = without_root(host, hl);
    el = without_root(entry, el);
    if (!el || el > hl) return false;
    return strncasecmp(host + hl - el, entry, el) == 0 && (hl == el || host[hl - el - 1] == '.');
}

static int host_in(const char *host, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (host_matches(host, strlen(host), list[i], strlen(list[i]))) return 1;
    return 0;
}

/* Whether --allow-host and --deny-host leave `url`'s host out. */
static bool excluded_host(const cg_online_options *o, const char *url) {
    char host[256];
    host_of(url, host, sizeof host);
    return (o->nallow && !host_in(host, o->allow, o->nallow)) || host_in(host, o->deny, o->ndeny);
}

/* Whether `a` may not be connected to: NULL, or what it is ("a loopback
 * address"), with the address as text in addr. */
static const char *refused_address(const policy *pol, const cgc_addr *a, char *addr, size_t cap) {
    cgc_addr_class cls = cgc_addr_classify(a);
    cgc_addr_format(a, addr, cap);
    if (cls == CGC_ADDR_PUBLIC) return NULL;
    bool allowed = pol->allow_private && cgc_addr_class_private(cls);
    for (size_t i = 0; i < pol->nranges && !allowed; i++)
        allowed = cgc_cidr_contains(&pol->ranges[i], a);
    return allowed ? NULL : cgc_addr_class_name(cls);
}

/* "127.0.0.1 is a loopback address", or "localhost resolves to 127.0.0.1,
 * a loopback address" when the URL named the host otherwise. */
static void say_refused(const char *host, const char *addr, const char *what, char *out,
                        size_t cap) {
    cgc_addr a, b;
    bool same = cgc_addr_parse(host, &a) == 0 && cgc_addr_parse(addr, &b) == 0 &&
                memcmp(&a, &b, sizeof a) == 0;
    /* a message cut short by a long host name is still the message */
    int n = same || !*host ? snprintf(out, cap, "%s is %s", addr, what)
                           : snprintf(out, cap, "%s resolves to %s, %s", host, addr, what);
    if (n < 0 && cap) out[0] = '\0';
}

/* Whether a proxied request to `host` must not be made (then why): the
 * proxy, not this process, connects, so every address the name has here is
 * judged, and a name that does not resolve here is refused (where the proxy
 * would take it cannot be known). The proxy resolves the name again; an
 * answer that changes in between is beyond what this process can see. */
static bool refused_host(const policy *pol, const char *name, char *why, size_t cap) {
    /* "localhost." and "10.0.0.1." are localhost and 10.0.0.1 to a resolver */
    char host[256];
    snprintf(host, sizeof host, "%s", name);
    size_t hl = without_root(host, strlen(host));
    host[hl] = '\0';
    cgc_addr a;
    char addr[64] = "";
    const char *what = NULL;
    bool local = strcasecmp(host, "localhost") == 0 ||
                 (hl > 10 && strcasecmp(host + hl - 10, ".localhost") == 0);
    if (local) /* as libcurl does (RFC 6761), and a proxy will: never looked up */
        cgc_addr_parse("127.0.0.1", &a);
    if (local || cgc_addr_parse(host, &a) == 0) {
        what = refused_address(pol, &a, addr, sizeof addr);
    } else {
        struct addrinfo hints, *res = NULL;
        memset(&hints, 0, sizeof hints);
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        if (getaddrinfo(host, NULL, &hints, &res) != 0) {
            snprintf(why, cap,
                     "%s does not resolve on this machine, so where the proxy would connect "
                     "cannot be checked",
                     host);
            return true;
        }
        for (const struct addrinfo *ai = res; ai && !what; ai = ai->ai_next)
            if (cgc_addr_from_sockaddr(ai->ai_addr, ai->ai_addrlen, &a) == 0)
                what = refused_address(pol, &a, addr, sizeof addr);
        freeaddrinfo(res);
    }
    if (what) say_refused(host, addr, what, why, cap);
    return what != NULL;
}

/* The proxy the environment names for a URL of `scheme` and `host`, as
 * libcurl reads it (http_proxy only in lower case: a CGI request sets
 * HTTP_PROXY from a header), or NULL. */
static const char *env_proxy(const char *scheme, const char *host) {
    const char *p = NULL;
    if (strcmp(scheme, "https") == 0) {
        p = getenv("https_proxy");
        if (!p || !*p) p = getenv("HTTPS_PROXY");
    } else {
        p = getenv("http_proxy");
    }
    if (!p || !*p) p = getenv("all_proxy");
    if (!p || !*p) p = getenv("ALL_PROXY");
    if (!p || !*p) return NULL;
    const char *no = getenv("no_proxy");
    if (!no || !*no) no = getenv("NO_PROXY");
    if (!no) return p;
    /* a list of names (a leading dot ignored; subdomains match), address
     * ranges, or "*" for every host; separated by commas or blanks */
    char bare[256];
    size_t hl = strlen(host);
    if (hl >= 2 && host[0] == '[' && host[hl - 1] == ']') host++, hl -= 2;
    hl = without_root(host, hl); /* as libcurl drops it: "10.0.0.1." is 10.0.0.1 */
    snprintf(bare, sizeof bare, "%.*s", (int)hl, host);
    cgc_addr a;
    bool literal = cgc_addr_parse(bare, &a) == 0;
    for (const char *q = no; *q;) {
        q += strspn(q, ", \t");
        size_t n = strcspn(q, ", \t");
        if (!n) break;
        char entry[256];
        snprintf(entry, sizeof entry, "%.*s", (int)n, q);
        q += n;
        cgc_cidr r;
        if (strcmp(entry, "*") == 0 || host_matches(bare, strlen(bare), entry, strlen(entry)) ||
            (literal && cgc_cidr_parse(entry, &r) == NULL && cgc_cidr_contains(&r, &a)))
            return NULL;
    }
    return p;
}

typedef struct transfer {
    result *r;
    const policy *pol;
    long retry_after_s;
    long header_bytes, max_header_bytes;
    bool proxied;        /* the socket goes to the proxy the user configured */
    bool too_large;      /* the headers were cut off at max_header_bytes */
    bool body_started;   /* the status is known: the transfer was ended */
    long budget_s;       /* when the time for all requests cut its timeout short, that time */
    const char *proxy;   /* the proxy the request went through, or NULL */
    char host[256];      /* the host of the request as libcurl reads it, or "" */
    const char *refused; /* what an address not connected to is, or NULL */
    char refused_addr[64];
} transfer;

/* libcurl's open-socket callback: the one place where a connection starts,
 * for the first request and for every later one. */
static curl_socket_t open_socket(void *ud, curlsocktype purpose, struct curl_sockaddr *sa) {
    (void)purpose;
    transfer *t = ud;
    cgc_addr a;
    if (!t->proxied) {
        if (cgc_addr_from_sockaddr(&sa->addr, sa->addrlen, &a) != 0) {
            snprintf(t->refused_addr, sizeof t->refused_addr, "family %d", sa->family);
            t->refused = "not an IP address";
            return CURL_SOCKET_BAD;
        }
        t->refused = refused_address(t->pol, &a, t->refused_addr, sizeof t->refused_addr);
        if (t->refused) return CURL_SOCKET_BAD;
    }
    return socket(sa->family, sa->socktype | SOCK_CLOEXEC, sa->protocol);
}

/* No body is read: its first byte ends the transfer (the status is known). */
static size_t stop_body(char *ptr, size_t size, size_t n, void *ud) {
    (void)ptr;
    transfer *t = ud;
    if (size * n == 0) return 0;
    t->body_started = true;
    return 0;
}

static size_t header_cb(char *buf, size_t size, size_t n, void *ud) {
    transfer *t = ud;
    size_t len = size * n;
    t->header_bytes += (long)len;
    if (t->header_bytes > t->max_header_bytes) {
        t->too_large = true;
        return 0;
    }
    if (len > 12 && strncasecmp(buf, "Retry-After:", 12) == 0) {
        /* a server's number: at most ten minutes, whatever it says */
        long v = strtol(buf + 12, NULL, 10);
        t->retry_after_s = v < 0 ? 0 : v > 600 ? 600 : v;
    }
    return len;
}

/* The first line of a cache file: the format (a file of citegraph 0.7 and
 * before, which kept results from any address, has none) and a hash of
 * what decides a result besides the server: another hash, and nothing in
 * the file is used. */
static void cache_head(const cg_online_options *o, const policy *pol, int max_redirects,
                       long max_header, char *out, size_t cap) {
    cgu_hash h;
    cgu_hash_init(&h);
    char num[96];
    int k = snprintf(num, sizeof num, "%d %d %ld ", pol->allow_private, max_redirects, max_header);
    cgu_hash_bytes(&h, num, (size_t)k);
    for (size_t i = 0; i < pol->nranges; i++)
        cgu_hash_bytes(&h, &pol->ranges[i], sizeof pol->ranges[i]);
    const char *const *lists[2] = {o->allow, o->deny};
    size_t counts[2] = {o->nallow, o->ndeny};
    for (int l = 0; l < 2; l++) {
        cgu_hash_bytes(&h, "|", 1);
        for (size_t i = 0; i < counts[l]; i++)
            cgu_hash_bytes(&h, lists[l][i], strlen(lists[l][i]) + 1);
    }
    char hex[33];
    cgu_hash_hex(&h, hex);
    snprintf(out, cap, "citegraph-url-cache 2 %s\n", hex);
}

/* Whether an answer holds for the next run: not a timeout, a refused
 * connection, 429 or a server error, which may be gone by then. */
static bool lasting(const result *r) {
    return r->status >= 200 && r->status < 500 && r->status != 408 && r->status != 429;
}

static void load_cache(const cg_online_options *o, const char *head, result *rs, size_t n) {
    if (!o->cache_file) return;
    FILE *f = fopen(o->cache_file, "r");
    if (!f) return;
    char line[4096];
    time_t now = time(NULL);
    /* a negative TTL (the command line's 0) reuses nothing */
    long ttl = o->cache_ttl_s > 0 ? o->cache_ttl_s : o->cache_ttl_s < 0 ? -1 : 86400;
    if (ttl < 0) {
        fclose(f);
        return;
    }
    /* parse everything first: one bad line and the cache is not trusted */
    typedef struct entry {
        char *url;
        long status;
        long long when;
        char msg[160];
    } entry;
    entry *es = NULL;
    size_t ne = 0, cap = 0;
    int corrupt = !fgets(line, sizeof line, f) || strcmp(line, head) != 0;
    while (!corrupt && fgets(line, sizeof line, f)) {
        size_t len = strlen(line);
        if (!len || line[len - 1] != '\n') {
            corrupt = 1;
            break;
        }
        line[len - 1] = '\0';
        char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL,
             *t3 = t2 ? strchr(t2 + 1, '\t') : NULL;
        char *end;
        if (!t1 || !t2 || !t3 || strchr(t3 + 1, '\t')) {
            corrupt = 1;
            break;
        }
        *t1 = *t2 = *t3 = '\0';
        long status = strtol(t1 + 1, &end, 10);
        if (*end || status < 0 || status > 999) corrupt = 1;
        long long when = strtoll(t2 + 1, &end, 10);
        if (*end || when <= 0) corrupt = 1;
        if (corrupt) break;
        if (cgu_grow((void **)&es, &cap, ne + 1, sizeof *es)) break;
        es[ne].url = strdup(line);
        es[ne].status = status;
        es[ne].when = when;
        snprintf(es[ne].msg, sizeof es[ne].msg, "%s", t3 + 1);
        ne++;
    }
    fclose(f);
    /* the first entry of a URL that has not expired counts; one from the
     * future (a clock set back, a file copied) is not trusted */
    cgu_map fresh = {0}; /* url -> entry */
    for (size_t k = 0; !corrupt && k < ne; k++) {
        if (now - es[k].when > ttl || es[k].when > (long long)now + 60 || !es[k].url ||
            cgu_map_get(&fresh, es[k].url, NULL))
            continue;
        if (cgu_map_put(&fresh, es[k].url, k)) break; /* out of memory: what is in counts */
    }
    for (size_t i = 0; i < n; i++) {
        size_t k;
        if (rs[i].done || !cgu_map_get(&fresh, rs[i].url, &k)) continue;
        rs[i].status = es[k].status;
        snprintf(rs[i].message, sizeof rs[i].message, "%s", es[k].msg);
        rs[i].done = rs[i].from_cache = 1;
        rs[i].cached_at = es[k].when;
    }
    cgu_map_release(&fresh);
    for (size_t k = 0; k < ne; k++)
        free(es[k].url);
    free(es);
}

/* Writes the cache; 0, or -1 with errno when the file could not be written. */
static int save_cache(const cg_online_options *o, const char *head, const result *rs, size_t n) {
    if (!o->cache_file) return 0;
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", o->cache_file);
    time_t now = time(NULL);
    cg_buf b = CG_BUF_INIT;
    int bad = cgu_buf_puts(&b, head);
    for (size_t i = 0; i < n && !bad; i++) {
        /* what was not fetched holds for this run only, and so does what
         * may be gone by the next */
        if (!rs[i].done || rs[i].skipped || rs[i].not_fetched || !lasting(&rs[i]) ||
            strchr(rs[i].url, '\t') || strchr(rs[i].url, '\n') ||
            strlen(rs[i].url) > 3800) /* a line the reader's buffer holds whole */
            continue;
        /* a cached result keeps its time; a fresh one gets now */
        bad = cgu_buf_printf(&b, "%s\t%ld\t%lld\t%s\n", rs[i].url, rs[i].status,
                             rs[i].from_cache ? rs[i].cached_at : (long long)now, rs[i].message);
    }
    int rc = bad ? (errno = ENOMEM, -1) : cgu_write_atomic(o->cache_file, tmp, NULL, b.data, b.len);
    int saved = errno;
    cg_buf_release(&b);
    errno = saved;
    return rc;
}

static int retryable(long status, CURLcode code) {
    return status == 429 || status == 503 || code == CURLE_OPERATION_TIMEDOUT ||
           code == CURLE_COULDNT_CONNECT;
}

static bool is_redirect(long status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/* The scheme and host of a URL as libcurl reads it (so that what is judged
 * is what libcurl connects to); -1 when it cannot read it. */
static int scheme_and_host(const cgc_curl *cu, const char *url, char *scheme, size_t scap,
                           char *host, size_t hcap) {
    CURLU *u = cu->url();
    char *s = NULL, *h = NULL;
    int rc = u && cu->url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
                     cu->url_get(u, CURLUPART_SCHEME, &s, 0) == CURLUE_OK &&
                     cu->url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK
                 ? 0
                 : -1;
    if (rc == 0) {
        snprintf(scheme, scap, "%s", s);
        snprintf(host, hcap, "%s", h);
    }
    cu->free(s);
    cu->free(h);
    if (u) cu->url_cleanup(u);
    return rc;
}

/* Ends r without a fetch (CG011): why, after the hop it stopped at. */
static void not_fetched(result *r, const char *why) {
    r->done = r->not_fetched = 1;
    r->status = 0;
    if (r->hops)
        snprintf(r->message, sizeof r->message, "it redirects to %.240s, and %.240s", r->hop, why);
    else
        snprintf(r->message, sizeof r->message, "%.500s", why);
}

/* Ends r, still waiting when the time for all requests ran out (CG011). */
static void out_of_time(result *r, long budget_s) {
    char why[96];
    snprintf(why, sizeof why, "the time for all requests (%ld s) ran out first", budget_s);
    not_fetched(r, why);
}

/* Prepares the next request of r on h; false when r is done without one (a
 * proxied host that is refused). */
static bool prepare(const cgc_curl *cu, CURL *h, transfer *t, const cg_online_options *o,
                    long timeout) {
    result *r = t->r;
    const char *url = r->hop ? r->hop : r->url;
    if (r->hop && excluded_host(o, url)) {
        not_fetched(r, "--allow-host or --deny-host excludes its host");
        return false;
    }
    char scheme[16];
    const char *proxy = NULL;
    if (scheme_and_host(cu, url, scheme, sizeof scheme, t->host, sizeof t->host) == 0) {
        proxy = env_proxy(scheme, t->host);
        char why[200];
        if (proxy && refused_host(t->pol, t->host, why, sizeof why)) {
            not_fetched(r, why);
            return false;
        }
    }
    t->proxied = proxy != NULL;
    t->proxy = proxy;
    cu->easy_setopt(h, CURLOPT_URL, url);
    cu->easy_setopt(h, CURLOPT_NOBODY, r->use_get ? 0L : 1L);
    cu->easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L); /* each hop is a request of its own */
    cu->easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout);
    cu->easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeout);
    cu->easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    cu->easy_setopt(h, CURLOPT_USERAGENT, "citegraph/" CG_VERSION_STRING " (reference checker)");
    cu->easy_setopt(h, CURLOPT_WRITEFUNCTION, stop_body);
    cu->easy_setopt(h, CURLOPT_WRITEDATA, t);
    cu->easy_setopt(h, CURLOPT_HEADERFUNCTION, header_cb);
    cu->easy_setopt(h, CURLOPT_HEADERDATA, t);
    cu->easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, open_socket);
    cu->easy_setopt(h, CURLOPT_OPENSOCKETDATA, t);
    /* the proxy decided above, and nothing else: "" is no proxy */
    cu->easy_setopt(h, CURLOPT_PROXY, proxy ? proxy : "");
    cu->easy_setopt(h, CURLOPT_NOPROXY, "");
    cu->easy_setopt(h, CURLOPT_PRIVATE, (void *)t);
#if LIBCURL_VERSION_NUM >= 0x075500
    cu->easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    cu->easy_setopt(h, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    return true;
}

/* What a finished request of t->r gave: r is done, or waits for its next
 * request (a retry, GET after a refused HEAD, the next hop). */
static void finished(const cgc_curl *cu, CURL *h, transfer *t, CURLcode code, int retries,
                     long backoff, int max_redirects, long long deadline) {
    result *r = t->r;
    long status = 0;
    cu->easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    if (code == CURLE_WRITE_ERROR && t->body_started && !t->too_large) code = CURLE_OK;
    r->attempts++;
    char *next = NULL;
    if (code == CURLE_OK && is_redirect(status)) cu->easy_getinfo(h, CURLINFO_REDIRECT_URL, &next);
    /* doubling from `backoff`, or what the server asked for, up to ten minutes */
    int shift = r->attempts - 1 < 20 ? r->attempts - 1 : 20;
    long long wait =
        t->retry_after_s >= 0 ? t->retry_after_s * 1000LL : (long long)backoff << shift;
    if (wait > 600000) wait = 600000;
    if (code == CURLE_OPERATION_TIMEDOUT && t->budget_s) {
        if (!r->provisional) out_of_time(r, t->budget_s);
        r->done = 1; /* a retry cut short: the answer before it stands */
    } else if (code == CURLE_COULDNT_CONNECT && t->refused) {
        char why[200];
        say_refused(t->host, t->refused_addr, t->refused, why, sizeof why);
        not_fetched(r, why);
    } else if (t->too_large) {
        r->done = r->answered = 1;
        r->status = 0;
        snprintf(r->message, sizeof r->message, "its headers exceed %ld bytes",
                 t->max_header_bytes);
    } else if (code == CURLE_UNSUPPORTED_PROTOCOL && r->hops) {
        r->done = r->answered = 1;
        r->status = 0;
        snprintf(r->message, sizeof r->message, "it redirects to %.400s, which is not HTTP",
                 r->hop);
    } else if (code == CURLE_OK && !r->use_get &&
               (status == 405 || status == 403 || status == 501)) {
        r->use_get = 1; /* some servers refuse HEAD: the GET has its own retries */
        r->attempts = 0;
    } else if (next && r->hops >= max_redirects) {
        r->done = r->answered = 1;
        r->status = 0;
        if (max_redirects)
            snprintf(r->message, sizeof r->message, "it redirects more than %d time%s",
                     max_redirects, max_redirects == 1 ? "" : "s");
        else
            snprintf(r->message, sizeof r->message, "it redirects, and no redirect is followed");
    } else if (next) {
        char *copy = strdup(next);
        if (!copy) { /* out of memory: what there is, is the answer */
            r->done = 1;
            r->status = status;
            snprintf(r->message, sizeof r->message, "HTTP %ld", status);
            return;
        }
        free(r->hop);
        r->hop = copy;
        r->hops++;
        r->attempts = r->provisional = 0;
        r->use_get = 0;
        r->not_before_ms = 0;
    } else {
        r->status = code == CURLE_OK ? status : 0;
        if (code == CURLE_OK)
            snprintf(r->message, sizeof r->message, "HTTP %ld", status);
        else if (t->proxy)
            snprintf(r->message, sizeof r->message, "%s (through the proxy %.300s)",
                     cu->easy_strerror(code), t->proxy);
        else
            snprintf(r->message, sizeof r->message, "%s", cu->easy_strerror(code));
        /* asked again later, unless no retry is left or the time would run
         * out first: then this answer is the one */
        if (retryable(status, code) && r->attempts <= retries && now_ms() + wait < deadline) {
            r->provisional = 1;
            r->not_before_ms = now_ms() + wait;
        } else {
            r->done = 1;
        }
    }
}

/* The policy of o: CG_EINVAL, naming it, for a range that is none. */
static cg_status read_policy(const cg_online_options *o, policy *pol, cg_error *err) {
    pol->allow_private = o->allow_private;
    pol->nranges = 0;
    pol->ranges = calloc(o->nallow_addresses ? o->nallow_addresses : 1, sizeof *pol->ranges);
    if (!pol->ranges) return cgu_oom(err);
    for (size_t i = 0; i < o->nallow_addresses; i++) {
        const char *why = cgc_cidr_parse(o->allow_addresses[i], &pol->ranges[i]);
        if (why) {
            free(pol->ranges);
            pol->ranges = NULL;
            return cgu_error(err, CG_EINVAL, NULL, 0, 0, "allowed address \"%s\": %s",
                             o->allow_addresses[i], why);
        }
        pol->nranges++;
    }
    return CG_OK;
}

cg_status cgc_fetch_urls(const cg_online_options *o, const char *const *urls, size_t n,
                         cgc_url_result *results, char *cache_problem, size_t cache_cap,
                         cg_error *err) {
    const cgc_curl *cu = cgc_curl_get(NULL);
    if (!cu) return cgu_error(err, CG_EUNSUPPORTED, NULL, 0, 0, "libcurl is not loaded");
    policy pol;
    cg_status st = read_policy(o, &pol, err);
    if (st != CG_OK) return st;
    result *rs = calloc(n ? n : 1, sizeof *rs);
    if (!rs) {
        free(pol.ranges);
        return cgu_oom(err);
    }
    for (size_t i = 0; i < n; i++) {
        rs[i].url = urls[i];
        if (excluded_host(o, urls[i]) || strncmp(urls[i], "http", 4) != 0 ||
            cgc_url_problem(urls[i])) /* CG008 reports those; never fetch them */
            rs[i].done = rs[i].skipped = 1;
    }
    long timeout = o->timeout_ms > 0 ? o->timeout_ms : 10000;
    int retries = o->retries > 0 ? o->retries : (o->retries < 0 ? 0 : 2);
    long backoff = o->backoff_ms > 0 ? (o->backoff_ms < 600000 ? o->backoff_ms : 600000) : 500;
    int conc = o->concurrency > 0 ? o->concurrency : 8;
    int max_redirects = o->max_redirects > 0 ? o->max_redirects : (o->max_redirects < 0 ? 0 : 5);
    long max_header = o->max_header_bytes > 0 ? o->max_header_bytes : 65536;
    long budget_s = o->budget_s > 0 ? o->budget_s : 600;
    long long deadline = now_ms() + budget_s * 1000;
    char head[96];
    cache_head(o, &pol, max_redirects, max_header, head, sizeof head);
    load_cache(o, head, rs, n);
    CURLM *multi = cu->multi_init();
    transfer *tr = calloc((size_t)conc, sizeof *tr);
    CURL **handles = calloc((size_t)conc, sizeof *handles);
    int running = 0, active = 0;
    size_t next = 0;
    st = multi && tr && handles ? CG_OK : CG_ENOMEM;
    while (st == CG_OK) {
        long long now = now_ms();
        if (now >= deadline) {
            /* what had an answer keeps it; what had none was not fetched */
            for (size_t i = 0; i < n; i++)
                if (!rs[i].done && rs[i].provisional)
                    rs[i].done = 1;
                else if (!rs[i].done)
                    out_of_time(&rs[i], budget_s);
            break;
        }
        /* start what may start */
        for (int slot = 0; slot < conc; slot++) {
            if (handles[slot]) continue;
            size_t pick = n;
            for (size_t k = 0; k < n; k++) {
                size_t i = (next + k) % n;
                if (!rs[i].done && rs[i].not_before_ms <= now) {
                    int busy = 0;
                    for (int s2 = 0; s2 < conc && !busy; s2++)
                        busy = handles[s2] && tr[s2].r == &rs[i];
                    if (!busy) {
                        pick = i;
                        break;
                    }
                }
            }
            if (pick == n) break;
            next = pick + 1;
            CURL *h = cu->easy_init();
            if (!h) {
                st = CG_ENOMEM;
                break;
            }
            tr[slot] = (transfer){
                .r = &rs[pick], .pol = &pol, .retry_after_s = -1, .max_header_bytes = max_header};
            long left = (long)(deadline - now);
            if (left < timeout) tr[slot].budget_s = budget_s;
            if (!prepare(cu, h, &tr[slot], o, left < timeout ? left : timeout)) {
                cu->easy_cleanup(h);
                slot--; /* the slot is still free */
                continue;
            }
            cu->multi_add_handle(multi, h);
            handles[slot] = h;
            active++;
        }
        if (st != CG_OK) break;
        int pending = 0;
        for (size_t i = 0; i < n; i++)
            pending += !rs[i].done;
        if (!pending && !active) break;
        cu->multi_perform(multi, &running);
        CURLMsg *m;
        int left;
        while ((m = cu->multi_info_read(multi, &left))) {
            if (m->msg != CURLMSG_DONE) continue;
            CURL *h = m->easy_handle;
            transfer *t = NULL;
            cu->easy_getinfo(h, CURLINFO_PRIVATE, (char **)&t);
            finished(cu, h, t, m->data.result, retries, backoff, max_redirects, deadline);
            for (int s2 = 0; s2 < conc; s2++)
                if (handles[s2] == h) handles[s2] = NULL;
            cu->multi_remove_handle(multi, h);
            cu->easy_cleanup(h);
            active--;
        }
        if (active) {
            cu->multi_poll(multi, NULL, 0, 100, NULL);
        } else {
            /* only waiting for a backoff */
            struct timespec ts = {0, 20 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
    }
    for (int s2 = 0; handles && s2 < conc; s2++)
        if (handles[s2]) {
            cu->multi_remove_handle(multi, handles[s2]);
            cu->easy_cleanup(handles[s2]);
        }
    if (multi) cu->multi_cleanup(multi);
    free(handles);
    free(tr);
    free(pol.ranges);
    if (st == CG_OK && save_cache(o, head, rs, n) != 0 && cache_problem)
        snprintf(cache_problem, cache_cap, "%s: cannot write: %s", o->cache_file, strerror(errno));
    for (size_t i = 0; i < n; i++) {
        results[i].status = rs[i].status;
        results[i].skipped = rs[i].skipped;
        results[i].not_fetched = rs[i].not_fetched;
        snprintf(results[i].message, sizeof results[i].message, "%s", rs[i].message);
        results[i].answered = rs[i].answered;
        free(rs[i].hop);
    }
    free(rs);
    return st == CG_OK ? CG_OK : cgu_oom(err);
}

cg_status cgc_online_init(cg_error *err) {
    const char *why = NULL;
    const cgc_curl *cu = cgc_curl_get(&why);
    if (!cu)
        return cgu_error(err, CG_EUNSUPPORTED, NULL, 0, 0,
                         "libcurl could not be loaded, so URLs cannot be checked online: %s "
                         "(Debian: apt-get install libcurl4)",
                         why);
    /* reference counted; thread-safe since libcurl 7.84 */
    if (cu->global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return cgu_error(err, CG_ENOMEM, NULL, 0, 0, "libcurl could not be initialised");
    return CG_OK;
}

void cgc_online_release(void) {
    cgc_curl_get(NULL)->global_cleanup();
}

#else /* no libcurl */

void cgc_online_release(void) {}

cg_status cgc_online_init(cg_error *err) {
    return cgu_error(err, CG_EUNSUPPORTED, NULL, 0, 0,
                     "this citegraph was built without libcurl, so it cannot check URLs online "
                     "(Debian: apt-get install libcurl4-openssl-dev, then build again)");
}

cg_status cgc_fetch_urls(const cg_online_options *o, const char *const *urls, size_t n,
                         cgc_url_result *results, char *cache_problem, size_t cache_cap,
                         cg_error *err) {
    (void)cache_problem;
    (void)cache_cap;
    (void)o;
    (void)urls;
    (void)n;
    (void)results;
    return cgc_online_init(err);
}
#endif
