/* online.c - rule CG009: fetching every URL, with libcurl (online.h).
 *
 * Each distinct URL is fetched once: HEAD first, GET when a server refuses
 * HEAD; redirects are followed. Requests run concurrently (curl's multi
 * interface), each with a timeout. 429 and 503 answers and timeouts are
 * retried with exponential backoff (a Retry-After header wins). Results can
 * be kept in a cache file between runs: a line "URL<tab>status<tab>unix
 * time<tab>message"; a line that does not parse makes the whole cache
 * count as empty (it is rewritten), and an entry older than the TTL is
 * fetched again. Allow and deny lists of hosts decide what is fetched at
 * all. Without libcurl's headers at build time, cgc_online_init() says so;
 * libcurl itself is only loaded when an online check is asked for
 * (curl_load.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "online.h"
#include "url.h"
#include "util/util.h"

#ifdef CG_HAVE_CURL
#include "check/curl_load.h"

typedef struct result {
    const char *url;
    long status; /* HTTP status, 0 when no answer */
    char message[160];
    int done, from_cache, skipped;
    int attempts, use_get;
    long long not_before_ms; /* for backoff */
    long long cached_at;     /* unix time of a result taken from the cache */
} result;

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The host of a URL, lower-case, into out. */
static void host_of(const char *url, char *out, size_t cap) {
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *at = strpbrk(p, "@/?#");
    if (at && *at == '@') p = at + 1;
    size_t n = strcspn(p, ":/?#");
    if (n >= cap) n = cap - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
    out[n] = '\0';
}

static int host_in(const char *host, const char *const *list, size_t n) {
    size_t hl = strlen(host);
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(list[i]);
        if (hl == k && strcmp(host, list[i]) == 0) return 1;
        if (hl > k && host[hl - k - 1] == '.' && strcmp(host + hl - k, list[i]) == 0) return 1;
    }
    return 0;
}

static size_t discard(char *ptr, size_t size, size_t n, void *ud) {
    (void)ptr;
    (void)ud;
    return size * n;
}

typedef struct transfer {
    result *r;
    long retry_after_s;
} transfer;

static size_t header_cb(char *buf, size_t size, size_t n, void *ud) {
    transfer *t = ud;
    size_t len = size * n;
    if (len > 12 && strncasecmp(buf, "Retry-After:", 12) == 0) t->retry_after_s = atol(buf + 12);
    return len;
}

static void load_cache(const cg_online_options *o, result *rs, size_t n) {
    if (!o->cache_file) return;
    FILE *f = fopen(o->cache_file, "r");
    if (!f) return;
    char line[4096];
    time_t now = time(NULL);
    long ttl = o->cache_ttl_s > 0 ? o->cache_ttl_s : 86400;
    /* parse everything first: one bad line and the cache is not trusted */
    typedef struct entry {
        char *url;
        long status;
        long long when;
        char msg[160];
    } entry;
    entry *es = NULL;
    size_t ne = 0, cap = 0;
    int corrupt = 0;
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
        if (!t1 || !t2 || !t3) {
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
    /* the first entry of a URL that has not expired counts */
    cgu_map fresh = {0}; /* url -> entry */
    for (size_t k = 0; !corrupt && k < ne; k++) {
        if (now - es[k].when > ttl || !es[k].url || cgu_map_get(&fresh, es[k].url, NULL)) continue;
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

static void save_cache(const cg_online_options *o, const result *rs, size_t n) {
    if (!o->cache_file) return;
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", o->cache_file);
    time_t now = time(NULL);
    cg_buf b = CG_BUF_INIT;
    int bad = 0;
    for (size_t i = 0; i < n && !bad; i++) {
        if (!rs[i].done || rs[i].skipped || strchr(rs[i].url, '\t') || strchr(rs[i].url, '\n'))
            continue;
        /* a cached result keeps its time; a fresh one gets now */
        bad = cgu_buf_printf(&b, "%s\t%ld\t%lld\t%s\n", rs[i].url, rs[i].status,
                             rs[i].from_cache ? rs[i].cached_at : (long long)now, rs[i].message);
    }
    if (!bad) cgu_write_atomic(o->cache_file, tmp, NULL, b.data, b.len);
    cg_buf_release(&b);
}

static int retryable(long status, CURLcode code) {
    return status == 429 || status == 503 || code == CURLE_OPERATION_TIMEDOUT ||
           code == CURLE_COULDNT_CONNECT;
}

cg_status cgc_fetch_urls(const cg_online_options *o, const char *const *urls, size_t n,
                         cgc_url_result *results, cg_error *err) {
    const cgc_curl *cu = cgc_curl_get(NULL);
    if (!cu) return cgu_error(err, CG_EUNSUPPORTED, NULL, 0, 0, "libcurl is not loaded");
    result *rs = calloc(n ? n : 1, sizeof *rs);
    if (!rs) return cgu_oom(err);
    for (size_t i = 0; i < n; i++) {
        rs[i].url = urls[i];
        char host[256];
        host_of(urls[i], host, sizeof host);
        if ((o->nallow && !host_in(host, o->allow, o->nallow)) ||
            host_in(host, o->deny, o->ndeny) || strncmp(urls[i], "http", 4) != 0 ||
            cgc_url_problem(urls[i])) /* CG008 reports those; never fetch them */
            rs[i].done = rs[i].skipped = 1;
    }
    load_cache(o, rs, n);
    long timeout = o->timeout_ms > 0 ? o->timeout_ms : 10000;
    int retries = o->retries > 0 ? o->retries : (o->retries < 0 ? 0 : 2);
    long backoff = o->backoff_ms > 0 ? o->backoff_ms : 500;
    int conc = o->concurrency > 0 ? o->concurrency : 8;
    CURLM *multi = cu->multi_init();
    if (!multi) {
        free(rs);
        return cgu_oom(err);
    }
    transfer *tr = calloc((size_t)conc, sizeof *tr);
    CURL **handles = calloc((size_t)conc, sizeof *handles);
    int running = 0, active = 0;
    size_t next = 0;
    cg_status st = tr && handles ? CG_OK : CG_ENOMEM;
    for (;;) {
        /* start what may start */
        long long now = now_ms();
        for (int slot = 0; st == CG_OK && slot < conc; slot++) {
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
            tr[slot] = (transfer){&rs[pick], -1};
            cu->easy_setopt(h, CURLOPT_URL, rs[pick].url);
            cu->easy_setopt(h, CURLOPT_NOBODY, rs[pick].use_get ? 0L : 1L);
            cu->easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
            cu->easy_setopt(h, CURLOPT_MAXREDIRS, 8L);
            cu->easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout);
            cu->easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeout);
            cu->easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
            cu->easy_setopt(h, CURLOPT_USERAGENT, "citegraph-check (reference checker)");
            cu->easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
            cu->easy_setopt(h, CURLOPT_HEADERFUNCTION, header_cb);
            cu->easy_setopt(h, CURLOPT_HEADERDATA, &tr[slot]);
            cu->easy_setopt(h, CURLOPT_PRIVATE, (void *)&tr[slot]);
#if LIBCURL_VERSION_NUM >= 0x075500
            cu->easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
            cu->easy_setopt(h, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
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
            result *r = t->r;
            long status = 0;
            cu->easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
            CURLcode code = m->data.result;
            r->attempts++;
            if (code == CURLE_OK && !r->use_get &&
                (status == 405 || status == 403 || status == 501)) {
                r->use_get = 1; /* some servers refuse HEAD */
            } else if (retryable(status, code) && r->attempts <= retries) {
                long wait =
                    t->retry_after_s >= 0 ? t->retry_after_s * 1000 : backoff << (r->attempts - 1);
                r->not_before_ms = now_ms() + wait;
            } else {
                r->status = code == CURLE_OK ? status : 0;
                if (code != CURLE_OK)
                    snprintf(r->message, sizeof r->message, "%s", cu->easy_strerror(code));
                else
                    snprintf(r->message, sizeof r->message, "HTTP %ld", status);
                r->done = 1;
            }
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
    cu->multi_cleanup(multi);
    free(handles);
    free(tr);
    if (st == CG_OK) save_cache(o, rs, n);
    for (size_t i = 0; i < n; i++) {
        results[i].status = rs[i].status;
        results[i].skipped = rs[i].skipped;
        snprintf(results[i].message, sizeof results[i].message, "%s", rs[i].message);
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
                         cgc_url_result *results, cg_error *err) {
    (void)o;
    (void)urls;
    (void)n;
    (void)results;
    return cgc_online_init(err);
}
#endif
