/* test_online.c - rule CG009 (check --online) against an HTTP server that
 * the test itself runs on 127.0.0.1. No request goes anywhere else: the
 * documents cite only 127.0.0.1, proxies are switched off for the test, and
 * the allow/deny tests use hosts that are never fetched.
 *
 * The server (a forked child, one request per connection, serial) answers:
 *   /ok        200            /missing   404
 *   /flaky     503, then 200  /down      503 always
 *   /limited   429 with Retry-After: 1, then 200
 *   /nohead    405 to HEAD, 200 to GET
 *   /redirect  301 to /ok     /slow      never answers (the client times out)
 *   /to-other  302 to http://127.0.0.2:PORT/ok, where a second server only
 *              logs "ACCEPT /other-host" for each connection it gets
 *   /to-dotted 302 to http://127.0.0.2.:PORT/ok (a trailing dot)
 *   /toolong   429 with Retry-After: 3600
 *   /loop      302 to /loop   /bigheaders 200 with 100 KB of headers
 *   /bigbody   405 to HEAD; to GET, 200 and 64 MB of body, logging
 *              "SENT /bigbody N" with the bytes it could write
 * and logs "METHOD PATH" per request to a file, so the test can count
 * requests (retries, cache hits), and "UA AGENT" with the User-Agent.
 * Proxied requests name the whole URL: "GET http://127.0.0.1:PORT/ok".
 *
 * Loopback is refused by default (issue: a document must not reach into the
 * network the check runs in), so the tests that fetch allow it. Every
 * address a refusal is tested on is in 127.0.0.0/8 too: a refusal that
 * failed would still not leave the machine. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "check/curl_load.h"
#include "citegraph/check.h"
#include "citegraph/extract.h"
#include "citegraph/input.h"
#include "citegraph/version.h"

static int port;
static pid_t server, other;
static char logpath[256], cachepath[256];

/* Appends "A B\n" to the log. */
static void log_line(const char *log, const char *a, const char *b) {
    FILE *lf = fopen(log, "a");
    if (lf) {
        fprintf(lf, "%s %s\n", a, b);
        fclose(lf);
    }
}

/* The second server, on 127.0.0.2: what reaches it must not have. */
static void serve_other(int lfd, const char *log) {
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0) continue;
        log_line(log, "ACCEPT", "/other-host");
        static const char ok[] =
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        if (write(fd, ok, sizeof ok - 1) < 0) { /* the client went away */
        }
        close(fd);
    }
}

static void serve(int lfd, const char *log) {
    signal(SIGPIPE, SIG_IGN); /* a client that stops reading a body */
    int flaky = 0, limited = 0;
    int nstalled = 0; /* connections to /slow, held open until the server exits */
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0) continue;
        char req[2048];
        ssize_t n = 0, r;
        while (n < (ssize_t)sizeof req - 1 &&
               (r = read(fd, req + n, sizeof req - 1 - (size_t)n)) > 0) {
            n += r;
            req[n] = '\0';
            if (strstr(req, "\r\n\r\n")) break;
        }
        req[n > 0 ? n : 0] = '\0';
        char method[16] = "", path[256] = "";
        if (sscanf(req, "%15s %255s", method, path) != 2) {
            close(fd);
            continue;
        }
        log_line(log, method, path);
        const char *ua = strstr(req, "\r\nUser-Agent: ");
        if (ua) {
            char agent[200] = "";
            sscanf(ua + 14, "%199[^\r]", agent);
            log_line(log, "UA", agent);
        }
        /* a proxied request names the whole URL: its path is what follows the host */
        const char *p = path;
        if (strncmp(p, "http://", 7) == 0) p = strchr(p + 7, '/') ? strchr(p + 7, '/') : "/";
        memmove(path, p, strlen(p) + 1);
        char extra_buf[256];
        const char *status = "200 OK", *extra = "";
        if (strcmp(path, "/missing") == 0)
            status = "404 Not Found";
        else if (strcmp(path, "/down") == 0)
            status = "503 Service Unavailable";
        else if (strcmp(path, "/flaky") == 0 && flaky++ == 0)
            status = "503 Service Unavailable";
        else if (strcmp(path, "/limited") == 0 && limited++ == 0) {
            status = "429 Too Many Requests";
            extra = "Retry-After: 1\r\n";
        } else if (strcmp(path, "/nohead") == 0 && strcmp(method, "HEAD") == 0)
            status = "405 Method Not Allowed";
        else if (strcmp(path, "/redirect") == 0) {
            status = "301 Moved Permanently";
            extra = "Location: /ok\r\n";
        } else if (strcmp(path, "/to-other") == 0) {
            status = "302 Found";
            snprintf(extra_buf, sizeof extra_buf, "Location: http://127.0.0.2:%d/ok\r\n", port);
            extra = extra_buf;
        } else if (strcmp(path, "/to-dotted") == 0) {
            status = "302 Found";
            snprintf(extra_buf, sizeof extra_buf, "Location: http://127.0.0.2.:%d/ok\r\n", port);
            extra = extra_buf;
        } else if (strcmp(path, "/toolong") == 0) {
            status = "429 Too Many Requests";
            extra = "Retry-After: 3600\r\n";
        } else if (strcmp(path, "/loop") == 0) {
            status = "302 Found";
            extra = "Location: /loop\r\n";
        } else if (strcmp(path, "/bigheaders") == 0) {
            char head[256];
            int hl = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nConnection: close\r\n");
            ssize_t w = write(fd, head, (size_t)hl);
            char line[1024];
            memset(line, 'x', sizeof line);
            memcpy(line, "X-Filler: ", 10);
            line[sizeof line - 2] = '\r';
            line[sizeof line - 1] = '\n';
            for (int k = 0; k < 100 && w >= 0; k++)
                w = write(fd, line, sizeof line);
            static const char end[] = "Content-Length: 0\r\n\r\n";
            if (w >= 0) w = write(fd, end, sizeof end - 1);
            close(fd);
            continue;
        } else if (strcmp(path, "/bigbody") == 0 && strcmp(method, "HEAD") == 0) {
            status = "405 Method Not Allowed";
        } else if (strcmp(path, "/bigbody") == 0) {
            static const char head[] =
                "HTTP/1.1 200 OK\r\nContent-Length: 67108864\r\nConnection: close\r\n\r\n";
            static char chunk[65536];
            long sent = 0;
            if (write(fd, head, sizeof head - 1) > 0)
                for (ssize_t w = 0; sent < 67108864 && w >= 0; sent += w > 0 ? w : 0)
                    w = write(fd, chunk, sizeof chunk);
            close(fd);
            char count[48];
            snprintf(count, sizeof count, "/bigbody %ld", sent);
            log_line(log, "SENT", count);
            continue;
        } else if (strcmp(path, "/slow") == 0) {
            if (++nstalled > 64) close(fd); /* else kept open, never answered */
            continue;
        }
        char resp[512];
        int len = snprintf(resp, sizeof resp,
                           "HTTP/1.1 %s\r\n%sContent-Length: 2\r\nConnection: close\r\n\r\n%s",
                           status, extra, strcmp(method, "HEAD") == 0 ? "" : "ok");
        if (write(fd, resp, (size_t)len) < 0) { /* the client went away */
        }
        close(fd);
    }
}

static int setup_server(void **state) {
    (void)state;
    /* no proxy may carry a request away from 127.0.0.1 */
    setenv("NO_PROXY", "*", 1);
    setenv("no_proxy", "*", 1);
    unsetenv("http_proxy");
    unsetenv("HTTP_PROXY");
    unsetenv("https_proxy");
    unsetenv("HTTPS_PROXY");
    unsetenv("ALL_PROXY");
    unsetenv("all_proxy");
    snprintf(logpath, sizeof logpath, "/tmp/cg-online-log-%ld", (long)getpid());
    snprintf(cachepath, sizeof cachepath, "/tmp/cg-online-cache-%ld", (long)getpid());
    remove(logpath);
    remove(cachepath);
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (lfd < 0) return -1;
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t al = sizeof a;
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) != 0 || listen(lfd, 64) != 0 ||
        getsockname(lfd, (struct sockaddr *)&a, &al) != 0)
        return -1;
    port = ntohs(a.sin_port);
    /* the second server: 127.0.0.2, the same port */
    int ofd = socket(AF_INET, SOCK_STREAM, 0);
    if (ofd < 0) return -1;
    setsockopt(ofd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    a.sin_addr.s_addr = htonl(0x7F000002u);
    if (bind(ofd, (struct sockaddr *)&a, sizeof a) != 0 || listen(ofd, 64) != 0) return -1;
    server = fork();
    if (server < 0) return -1;
    if (server == 0) {
        close(ofd);
        serve(lfd, logpath);
        _exit(0);
    }
    other = fork();
    if (other < 0) return -1;
    if (other == 0) {
        close(lfd);
        serve_other(ofd, logpath);
        _exit(0);
    }
    close(lfd);
    close(ofd);
    return 0;
}

static int teardown_server(void **state) {
    (void)state;
    if (server > 0) {
        kill(server, SIGTERM);
        waitpid(server, NULL, 0);
    }
    if (other > 0) {
        kill(other, SIGTERM);
        waitpid(other, NULL, 0);
    }
    remove(logpath);
    remove(cachepath);
    return 0;
}

/* How many requests the server logged for a path (any method). */
static int requests(const char *path) {
    FILE *f = fopen(logpath, "r");
    if (!f) return 0;
    char line[512];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        char *sp = strchr(line, ' ');
        if (!sp) continue;
        sp++;
        sp[strcspn(sp, "\n")] = '\0';
        n += strcmp(sp, path) == 0;
    }
    fclose(f);
    return n;
}

static int requests_with(const char *method, const char *path) {
    FILE *f = fopen(logpath, "r");
    if (!f) return 0;
    char line[512], want[300];
    snprintf(want, sizeof want, "%s %s\n", method, path);
    int n = 0;
    while (fgets(line, sizeof line, f))
        n += strcmp(line, want) == 0;
    fclose(f);
    return n;
}

/* The bytes the server has logged. */
static long log_size(void) {
    FILE *lf = fopen(logpath, "r");
    if (!lf) return 0;
    fseek(lf, 0, SEEK_END);
    long n = ftell(lf);
    fclose(lf);
    return n;
}

/* A document citing every path of the server, and the findings of checking it. */
typedef struct run {
    cg_extractor *ex;
    cg_input *in;
    cg_extraction *ext;
    cg_check *chk;
} run;

static const char *const paths[] = {"/ok",      "/missing", "/flaky",    "/down",
                                    "/limited", "/nohead",  "/redirect", "/slow"};
#define NPATHS (sizeof paths / sizeof *paths)

/* Checks a document citing http://HOST:PORT/PATH for each of paths[0..n). */
static void check_urls(run *r, const cg_online_options *o, const char *host,
                       const char *const *list, size_t n) {
    char doc[4096];
    size_t len = (size_t)snprintf(doc, sizeof doc, "Quellen:\n");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(doc + len, sizeof doc - len, "siehe http://%s:%d%s\n", host, port,
                                list[i]);
    cg_error err;
    memset(r, 0, sizeof *r);
    assert_int_equal(cg_extractor_new(NULL, &r->ex, &err), CG_OK);
    assert_int_equal(cg_input_from_memory("links.txt", doc, len, NULL, &r->in, &err), CG_OK);
    assert_int_equal(cg_extract(r->ex, r->in, &r->ext, &err), CG_OK);
    assert_int_equal(cg_check_new(&r->chk, &err), CG_OK);
    assert_int_equal(cg_check_add_document(r->chk, "links.txt", r->in, r->ext, &err), CG_OK);
    assert_int_equal(cg_check_set_online(r->chk, o, &err), CG_OK);
    assert_int_equal(cg_check_run(r->chk, &err), CG_OK);
}

static void check_online(run *r, const cg_online_options *o) {
    check_urls(r, o, "127.0.0.1", paths, NPATHS);
}

static void release(run *r) {
    cg_check_free(r->chk);
    cg_extraction_free(r->ext);
    cg_input_free(r->in);
    cg_extractor_free(r->ex);
}

/* The finding of `rule` for http://HOST:PORT/PATH, or NULL. */
static const cg_finding *rule_finding(const run *r, const char *rule, const char *host,
                                      const char *path) {
    char url[128];
    snprintf(url, sizeof url, "http://%s:%d%s", host, port, path);
    for (size_t i = 0; i < cg_check_count(r->chk); i++) {
        const cg_finding *f = cg_check_finding(r->chk, i);
        if (strcmp(f->rule->id, rule) == 0 && f->target && strcmp(f->target, url) == 0) return f;
    }
    return NULL;
}

/* The CG009 finding for a path, or NULL. */
static const cg_finding *finding_for(const run *r, const char *path) {
    return rule_finding(r, "CG009", "127.0.0.1", path);
}

static size_t rule_count(const run *r, const char *rule) {
    size_t n = 0;
    for (size_t i = 0; i < cg_check_count(r->chk); i++)
        n += strcmp(cg_check_finding(r->chk, i)->rule->id, rule) == 0;
    return n;
}

static size_t cg009_count(const run *r) {
    return rule_count(r, "CG009");
}

static cg_online_options fast_options(void) {
    cg_online_options o = {0};
    o.timeout_ms = 700;
    o.retries = 2;
    o.backoff_ms = 50;
    o.concurrency = 4;
    o.cache_file = cachepath;
    o.allow_private = true; /* the server is on 127.0.0.1 */
    return o;
}

static double seconds_since(const struct timespec *t0) {
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void test_statuses_retries_and_cache(void **state) {
    (void)state;
    cg_online_options o = fast_options();
    run r;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    check_online(&r, &o);
    double took = seconds_since(&t0);

    /* what is broken, and only that */
    const cg_finding *f = finding_for(&r, "/missing");
    assert_non_null(f);
    assert_int_equal(f->severity, CG_SEV_ERROR);
    assert_non_null(strstr(f->message, "answers 404"));
    assert_int_equal(f->line, 3);
    assert_int_equal(f->col, 7);
    f = finding_for(&r, "/down");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "answers 503"));
    f = finding_for(&r, "/slow");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "does not answer"));
    assert_null(finding_for(&r, "/ok"));
    assert_null(finding_for(&r, "/flaky"));
    assert_null(finding_for(&r, "/limited"));
    assert_null(finding_for(&r, "/nohead"));
    assert_null(finding_for(&r, "/redirect"));
    assert_int_equal(cg009_count(&r), 3);

    /* retries: 503 once then 200; 503 always: 1 + 2 retries; 429 honoured */
    assert_int_equal(requests("/flaky"), 2);
    assert_int_equal(requests("/down"), 3);
    assert_int_equal(requests("/limited"), 2);
    assert_true(took >= 1.0); /* Retry-After: 1 was waited for */
    /* HEAD refused, then GET */
    assert_int_equal(requests_with("HEAD", "/nohead"), 1);
    assert_int_equal(requests_with("GET", "/nohead"), 1);
    /* the redirect was followed */
    assert_int_equal(requests("/redirect"), 1);
    assert_int_equal(requests("/ok"), 2);
    /* the timeout was retried as well */
    assert_int_equal(requests("/slow"), 3);
    release(&r);

    /* a second run answers from the cache what holds (the same findings),
     * and asks again what may be gone by now: 503 and the timeout */
    const char *lasting[] = {"/ok", "/missing", "/flaky", "/limited", "/nohead", "/redirect"};
    int counts[6];
    for (size_t i = 0; i < 6; i++)
        counts[i] = requests(lasting[i]);
    int down = requests("/down"), slow = requests("/slow");
    check_online(&r, &o);
    assert_int_equal(cg009_count(&r), 3);
    assert_non_null(finding_for(&r, "/missing"));
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(requests(lasting[i]), counts[i]);
    assert_int_equal(requests("/down"), down + 3);
    assert_int_equal(requests("/slow"), slow + 3);
    release(&r);
}

static void test_cache_expiry_and_corruption(void **state) {
    (void)state;
    cg_online_options o = fast_options();
    o.retries = -1; /* no retries: one request per URL per run */
    run r;
    remove(cachepath);
    check_online(&r, &o);
    release(&r);
    int ok1 = requests("/ok");

    /* entries older than the TTL are fetched again */
    FILE *f = fopen(cachepath, "r");
    assert_non_null(f);
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    f = fopen(cachepath, "w");
    char *line = strtok(buf, "\n");
    assert_non_null(line);
    assert_int_equal(strncmp(line, "citegraph-url-cache 2 ", 22), 0);
    fprintf(f, "%s\n", line);
    for (line = strtok(NULL, "\n"); line; line = strtok(NULL, "\n")) {
        char url[512], msg[256] = "";
        long status;
        long long when;
        assert_true(sscanf(line, "%511[^\t]\t%ld\t%lld\t%255[^\n]", url, &status, &when, msg) >= 3);
        fprintf(f, "%s\t%ld\t%lld\t%s\n", url, status, when - 3600, msg);
    }
    fclose(f);
    o.cache_ttl_s = 60;
    check_online(&r, &o);
    release(&r);
    assert_int_equal(requests("/ok"), ok1 + 2); /* HEAD /ok directly and through /redirect */

    /* a corrupt cache is not trusted: everything is fetched again, and it is rewritten */
    f = fopen(cachepath, "w");
    fputs("citegraph-url-cache 2\nhttp://127.0.0.1/ok\tnot-a-status\n", f);
    fclose(f);
    check_online(&r, &o);
    release(&r);
    assert_int_equal(requests("/ok"), ok1 + 4);
    f = fopen(cachepath, "r");
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    assert_null(strstr(buf, "not-a-status"));
    assert_non_null(strstr(buf, "/missing\t404\t"));

    /* a TTL below 0 (the command line's 0) reuses nothing, not even an entry
     * stamped in the near future (another runner's clock) */
    f = fopen(cachepath, "r");
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char head[128];
    snprintf(head, sizeof head, "%.*s", (int)(strchr(buf, '\n') - buf + 1), buf);
    f = fopen(cachepath, "w");
    fprintf(f, "%shttp://127.0.0.1:%d/missing\t200\t%lld\tHTTP 200\n", head, port,
            (long long)time(NULL) + 30);
    fclose(f);
    o.cache_ttl_s = -1;
    int asked = requests("/missing");
    check_online(&r, &o);
    assert_non_null(finding_for(&r, "/missing"));
    release(&r);
    assert_int_equal(requests("/missing"), asked + 1);
    o.cache_ttl_s = 60;

    /* a cache of citegraph 0.7 (no first line; results from any address) is not used */
    f = fopen(cachepath, "w");
    fprintf(f, "http://127.0.0.1:%d/missing\t200\t%lld\tHTTP 200\n", port, (long long)time(NULL));
    fclose(f);
    int missing = requests("/missing");
    check_online(&r, &o);
    assert_non_null(finding_for(&r, "/missing"));
    release(&r);
    assert_int_equal(requests("/missing"), missing + 1);
}

static void test_allow_and_deny_lists(void **state) {
    (void)state;
    cg_online_options o = fast_options();
    o.cache_file = NULL;
    const char *deny[] = {"127.0.0.1"};
    o.deny = deny;
    o.ndeny = 1;
    int before = requests("/missing");
    run r;
    check_online(&r, &o);
    assert_int_equal(cg009_count(&r), 0);
    assert_int_equal(requests("/missing"), before);
    release(&r);

    /* an allow list without the host: nothing fetched either */
    o.deny = NULL;
    o.ndeny = 0;
    const char *allow[] = {"bundestag.de"};
    o.allow = allow;
    o.nallow = 1;
    check_online(&r, &o);
    assert_int_equal(cg009_count(&r), 0);
    assert_int_equal(requests("/missing"), before);
    release(&r);

    /* host names in any case, with or without the root's trailing dot */
    const char *upper[] = {"API.LOCALHOST.", ".example.org"};
    o.allow = NULL;
    o.nallow = 0;
    o.deny = upper;
    o.ndeny = 2;
    int oks = requests("/ok");
    const char *ok_path[] = {"/ok"};
    check_urls(&r, &o, "api.localhost", ok_path, 1);
    assert_int_equal(cg_check_count(r.chk), 0);
    release(&r);
    assert_int_equal(requests("/ok"), oks);
    /* no_proxy's way of writing a domain: the leading dot ignored */
    const char *dotted[] = {".localhost"};
    o.deny = dotted;
    o.ndeny = 1;
    check_urls(&r, &o, "api.localhost", ok_path, 1);
    assert_int_equal(cg_check_count(r.chk), 0);
    release(&r);
    assert_int_equal(requests("/ok"), oks);
    o.deny = NULL;
    o.ndeny = 0;

    /* and with it: fetched */
    const char *allow2[] = {"bundestag.de", "127.0.0.1"};
    o.allow = allow2;
    o.nallow = 2;
    o.retries = -1;
    check_online(&r, &o);
    assert_int_equal(cg009_count(&r), 3);
    assert_int_equal(requests("/missing"), before + 1);
    release(&r);
}

/* By default no loopback address is contacted: every URL of the server is a
 * CG011 finding that names the reason, and the server sees no request. */
static void test_loopback_refused_by_default(void **state) {
    (void)state;
    cg_online_options o = fast_options();
    o.allow_private = false;
    o.cache_file = NULL;
    int before = requests("/ok") + requests("/missing"), ok = requests("/ok");
    long logged = log_size();
    run r;
    check_online(&r, &o);
    assert_int_equal(rule_count(&r, "CG011"), NPATHS);
    assert_int_equal(cg009_count(&r), 0);
    const cg_finding *f = rule_finding(&r, "CG011", "127.0.0.1", "/missing");
    assert_non_null(f);
    assert_int_equal(f->severity, CG_SEV_WARNING);
    assert_non_null(strstr(f->message, "was not fetched: 127.0.0.1 is a loopback address"));
    assert_int_equal(f->line, 3);
    release(&r);
    assert_int_equal(requests("/ok") + requests("/missing"), before);
    assert_int_equal(log_size(), logged); /* no request for any path */

    /* the same address written as IPv4-mapped IPv6 is the same address */
    const char *one[] = {"/ok"};
    check_urls(&r, &o, "[::ffff:127.0.0.1]", one, 1);
    f = rule_finding(&r, "CG011", "[::ffff:127.0.0.1]", "/ok");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "127.0.0.1 is a loopback address"));
    release(&r);

    /* a name is judged by the address it resolves to (libcurl resolves
     * *.localhost to loopback itself, RFC 6761: no DNS query is sent) */
    check_urls(&r, &o, "api.localhost", one, 1);
    f = rule_finding(&r, "CG011", "api.localhost", "/ok");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "api.localhost resolves to "));
    assert_non_null(strstr(f->message, "a loopback address"));
    release(&r);
    assert_int_equal(requests("/ok") + requests("/missing"), before);

    /* an allowed host is not thereby an allowed address */
    const char *allow[] = {"127.0.0.1"};
    o.allow = allow;
    o.nallow = 1;
    check_online(&r, &o);
    assert_int_equal(rule_count(&r, "CG011"), NPATHS);
    release(&r);
    assert_int_equal(requests("/ok") + requests("/missing"), before);

    /* and with --allow-private, the same names are fetched */
    o.allow = NULL;
    o.nallow = 0;
    o.allow_private = true;
    check_urls(&r, &o, "api.localhost", one, 1);
    assert_int_equal(rule_count(&r, "CG011"), 0);
    assert_int_equal(cg009_count(&r), 0);
    release(&r);
    assert_int_equal(requests("/ok"), ok + 1);
}

/* An allowed range opens exactly its addresses: a redirect from 127.0.0.1
 * to 127.0.0.2 is refused where the connection would be made, and the
 * server on 127.0.0.2 is never connected to. */
static void test_redirect_to_refused_address(void **state) {
    (void)state;
    cg_online_options o = fast_options();
    o.allow_private = false;
    o.cache_file = NULL;
    o.retries = -1;
    const char *allowed[] = {"127.0.0.1/32"};
    o.allow_addresses = allowed;
    o.nallow_addresses = 1;
    const char *list[] = {"/ok", "/missing", "/to-other"};
    int accepted = requests("/other-host"), hops = requests("/to-other");
    run r;
    check_urls(&r, &o, "127.0.0.1", list, 3);
    assert_int_equal(cg009_count(&r), 1); /* /missing, fetched */
    assert_non_null(finding_for(&r, "/missing"));
    assert_int_equal(rule_count(&r, "CG011"), 1);
    const cg_finding *f = rule_finding(&r, "CG011", "127.0.0.1", "/to-other");
    assert_non_null(f);
    char want[160];
    snprintf(want, sizeof want,
             "it redirects to http://127.0.0.2:%d/ok, and 127.0.0.2 is a loopback address", port);
    assert_non_null(strstr(f->message, want));
    release(&r);
    assert_int_equal(requests("/to-other"), hops + 1);
    assert_int_equal(requests("/other-host"), accepted); /* never connected to */

    /* the test would see it: with every loopback address allowed, the hop is made */
    o.allow_private = true;
    check_urls(&r, &o, "127.0.0.1", list, 3);
    assert_int_equal(rule_count(&r, "CG011"), 0);
    assert_null(finding_for(&r, "/to-other"));
    release(&r);
    assert_int_equal(requests("/other-host"), accepted + 1);

    /* a hop to a host that --deny-host excludes is not made either */
    const char *deny[] = {"127.0.0.2"};
    o.deny = deny;
    o.ndeny = 1;
    check_urls(&r, &o, "127.0.0.1", list, 3);
    f = rule_finding(&r, "CG011", "127.0.0.1", "/to-other");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "--allow-host or --deny-host excludes its host"));
    release(&r);
    assert_int_equal(requests("/other-host"), accepted + 1);
    o.deny = NULL;
    o.ndeny = 0;

    /* a cached result from an address only the options allowed is reused
     * only while they allow that address */
    remove(cachepath);
    o.cache_file = cachepath;
    const char *one[] = {"/ok"};
    int oks = requests("/ok");
    check_urls(&r, &o, "127.0.0.1", one, 1); /* --allow-private: fetched, cached */
    release(&r);
    assert_int_equal(requests("/ok"), oks + 1);
    check_urls(&r, &o, "127.0.0.1", one, 1); /* the same options: from the cache */
    assert_int_equal(rule_count(&r, "CG011") + cg009_count(&r), 0);
    release(&r);
    assert_int_equal(requests("/ok"), oks + 1);
    o.allow_private = false;
    const char *elsewhere[] = {"127.0.0.2"};
    o.allow_addresses = elsewhere;
    check_urls(&r, &o, "127.0.0.1", one, 1);
    assert_non_null(rule_finding(&r, "CG011", "127.0.0.1", "/ok")); /* not the cached answer */
    release(&r);
    o.allow_addresses = allowed;
    o.max_redirects = 1; /* any option that decides a result: the cache is not used */
    check_urls(&r, &o, "127.0.0.1", one, 1);
    release(&r);
    assert_int_equal(requests("/ok"), oks + 2);
    o.max_redirects = 0;
    o.cache_file = NULL;
    remove(cachepath);

    /* a range that is none is refused before anything runs */
    const char *bad[] = {"127.0.0.1/40"};
    o.allow_addresses = bad;
    cg_check *chk;
    cg_error err;
    assert_int_equal(cg_check_new(&chk, &err), CG_OK);
    assert_int_equal(cg_check_set_online(chk, &o, &err), CG_EINVAL);
    assert_non_null(strstr(err.text, "127.0.0.1/40"));
    cg_check_free(chk);
}

/* Redirects are bounded; headers are capped; no body is read; the
 * User-Agent names citegraph and its version. */
static void test_limits(void **state) {
    (void)state;
    cg_online_options o = fast_options();
    o.cache_file = NULL;
    o.retries = -1;
    o.max_redirects = 3;
    o.max_header_bytes = 4096;
    const char *list[] = {"/loop", "/bigheaders", "/bigbody", "/redirect"};
    int loops = requests("/loop");
    run r;
    check_urls(&r, &o, "127.0.0.1", list, 4);
    const cg_finding *f = finding_for(&r, "/loop");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "/loop answers, but it redirects more than 3 times"));
    assert_int_equal(requests("/loop"), loops + 4); /* the first request and 3 redirects */
    f = finding_for(&r, "/bigheaders");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "/bigheaders answers, but its headers exceed 4096 bytes"));
    assert_null(finding_for(&r, "/bigbody")); /* 200 to GET */
    assert_null(finding_for(&r, "/redirect"));
    release(&r);
    assert_int_equal(requests_with("GET", "/bigbody"), 1);
    /* of 64 MB, the server could write only what the sockets' buffers took */
    FILE *lf = fopen(logpath, "r");
    assert_non_null(lf);
    char line[512];
    long sent = -1;
    while (fgets(line, sizeof line, lf))
        if (strncmp(line, "SENT /bigbody ", 14) == 0) sent = atol(line + 14);
    fclose(lf);
    assert_true(sent >= 0);
    assert_true(sent < 32L * 1024 * 1024);

    /* no redirect at all */
    o.max_redirects = -1;
    const char *one[] = {"/redirect"};
    check_urls(&r, &o, "127.0.0.1", one, 1);
    f = finding_for(&r, "/redirect");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "it redirects, and no redirect is followed"));
    release(&r);

    char agent[160];
    snprintf(agent, sizeof agent, "UA citegraph/%s (reference checker)\n", CG_VERSION_STRING);
    lf = fopen(logpath, "r");
    int with = 0, without = 0;
    while (fgets(line, sizeof line, lf)) {
        if (strncmp(line, "UA ", 3) != 0) continue;
        with += strcmp(line, agent) == 0;
        without += strcmp(line, agent) != 0;
    }
    fclose(lf);
    assert_true(with > 0);
    assert_int_equal(without, 0);
}

/* The time for all requests: what is still waiting when it runs out is
 * reported as not fetched (CG011), not as unreachable. */
static void test_budget(void **state) {
    (void)state;
    cg_online_options o = fast_options();
    o.cache_file = NULL;
    o.retries = -1;
    o.timeout_ms = 30000;
    o.budget_s = 1;
    const char *list[] = {"/slow", "/ok"};
    run r;
    check_urls(&r, &o, "127.0.0.1", list, 2);
    const cg_finding *f = rule_finding(&r, "CG011", "127.0.0.1", "/slow");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "the time for all requests (1 s) ran out first"));
    assert_null(finding_for(&r, "/slow"));
    assert_null(rule_finding(&r, "CG011", "127.0.0.1", "/ok"));
    release(&r);

    /* a retry the time would not allow is not waited for: the answer stands */
    o.retries = 2;
    o.budget_s = 30;
    const char *toolong[] = {"/toolong"};
    int before = requests("/toolong");
    check_urls(&r, &o, "127.0.0.1", toolong, 1);
    f = finding_for(&r, "/toolong");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "answers 429"));
    assert_null(rule_finding(&r, "CG011", "127.0.0.1", "/toolong"));
    release(&r);
    assert_int_equal(requests("/toolong"), before + 1);
}

/* Proxies from the environment: the request goes to the proxy (the server
 * here answers proxied requests too), and the host of each URL is judged
 * before it is handed to the proxy, which would connect to it unseen. */
static void test_proxy_from_environment(void **state) {
    (void)state;
    char proxy[64], absolute[128];
    snprintf(proxy, sizeof proxy, "http://127.0.0.1:%d", port);
    snprintf(absolute, sizeof absolute, "http://127.0.0.1:%d/ok", port);
    setenv("http_proxy", proxy, 1);
    unsetenv("NO_PROXY");
    unsetenv("no_proxy");
    cg_online_options o = fast_options();
    o.allow_private = false;
    o.cache_file = NULL;
    o.retries = -1;
    const char *allowed[] = {"127.0.0.1"};
    o.allow_addresses = allowed;
    o.nallow_addresses = 1;
    int proxied = requests(absolute), direct = requests("/ok");
    const char *one[] = {"/ok"};
    run r;
    check_urls(&r, &o, "127.0.0.1", one, 1);
    assert_int_equal(rule_count(&r, "CG011") + cg009_count(&r), 0);
    release(&r);
    assert_int_equal(requests(absolute), proxied + 1); /* through the proxy */
    assert_int_equal(requests("/ok"), direct);

    /* refused hosts are not handed to the proxy: an address literal, and a
     * name of the loopback (never looked up) */
    int before = requests_with("HEAD", absolute);
    check_urls(&r, &o, "127.0.0.2", one, 1);
    const cg_finding *f = rule_finding(&r, "CG011", "127.0.0.2", "/ok");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "127.0.0.2 is a loopback address"));
    release(&r);
    const char *other_only[] = {"127.0.0.2"};
    o.allow_addresses = other_only;
    check_urls(&r, &o, "api.localhost", one, 1);
    o.allow_addresses = allowed;
    f = rule_finding(&r, "CG011", "api.localhost", "/ok");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "api.localhost resolves to 127.0.0.1, a loopback address"));
    release(&r);
    assert_int_equal(requests_with("HEAD", absolute), before);

    /* a hop the proxy would take: "127.0.0.2." is 127.0.0.2 to any resolver */
    const char *dotted[] = {"/to-dotted"};
    int others = requests("/other-host");
    check_urls(&r, &o, "127.0.0.1", dotted, 1);
    f = rule_finding(&r, "CG011", "127.0.0.1", "/to-dotted");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "127.0.0.2 is a loopback address"));
    release(&r);
    snprintf(absolute, sizeof absolute, "http://127.0.0.2.:%d/ok", port);
    assert_int_equal(requests_with("HEAD", absolute), 0);
    assert_int_equal(requests("/other-host"), others);
    snprintf(absolute, sizeof absolute, "http://127.0.0.1:%d/ok", port);

    /* no_proxy: the host is reached directly */
    setenv("no_proxy", "localhost,127.0.0.0/8", 1);
    check_urls(&r, &o, "127.0.0.1", one, 1);
    release(&r);
    assert_int_equal(requests("/ok"), direct + 1);
    assert_int_equal(requests(absolute), proxied + 1);

    /* a proxy that does not answer is named in the message */
    setenv("http_proxy", "http://127.0.0.1:1", 1);
    unsetenv("no_proxy");
    check_urls(&r, &o, "127.0.0.1", one, 1);
    f = rule_finding(&r, "CG009", "127.0.0.1", "/ok");
    assert_non_null(f);
    assert_non_null(strstr(f->message, "(through the proxy http://127.0.0.1:1)"));
    release(&r);

    unsetenv("http_proxy");
    setenv("NO_PROXY", "*", 1);
    setenv("no_proxy", "*", 1);
}

/* libcurl is opened at run time (check/curl_load.h): every function is
 * resolved from libcurl.so.4, and a library that is missing, or is not
 * libcurl, is refused with a message naming it, leaving no half-filled table. */
static void test_curl_loader(void **state) {
    (void)state;
    cgc_curl api;
    char why[512];
    assert_int_equal(cgc_curl_open(CGC_CURL_LIBRARY, &api, why, sizeof why), 0);
    void *fns[sizeof api / sizeof(void *)];
    memcpy(fns, &api, sizeof api);
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        assert_non_null(fns[i]);
    assert_string_equal(api.easy_strerror(CURLE_OK), "No error");

    assert_int_equal(cgc_curl_open("libcitegraph-no-such-library.so.4", &api, why, sizeof why), -1);
    assert_non_null(strstr(why, "libcitegraph-no-such-library.so.4"));
    assert_null(api.global_init);

    /* a library that loads but has no curl functions */
    assert_int_equal(cgc_curl_open("libc.so.6", &api, why, sizeof why), -1);
    assert_non_null(strstr(why, "libc.so.6 has no curl_global_init"));
    assert_null(api.global_init);

    /* the process-wide table: loaded once, the same every time */
    const char *problem = NULL;
    const cgc_curl *a = cgc_curl_get(&problem), *b = cgc_curl_get(&problem);
    assert_non_null(a);
    assert_ptr_equal(a, b);
    assert_null(problem);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_curl_loader),
        cmocka_unit_test(test_statuses_retries_and_cache),
        cmocka_unit_test(test_cache_expiry_and_corruption),
        cmocka_unit_test(test_allow_and_deny_lists),
        cmocka_unit_test(test_loopback_refused_by_default),
        cmocka_unit_test(test_redirect_to_refused_address),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_budget),
        cmocka_unit_test(test_proxy_from_environment),
    };
    return cmocka_run_group_tests(tests, setup_server, teardown_server);
}
