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
 * and logs "METHOD PATH" per request to a file, so the test can count
 * requests (retries, cache hits). */
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

static int port;
static pid_t server;
static char logpath[256], cachepath[256];

static void serve(int lfd, const char *log) {
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
        FILE *lf = fopen(log, "a");
        if (lf) {
            fprintf(lf, "%s %s\n", method, path);
            fclose(lf);
        }
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
    server = fork();
    if (server < 0) return -1;
    if (server == 0) {
        serve(lfd, logpath);
        _exit(0);
    }
    close(lfd);
    return 0;
}

static int teardown_server(void **state) {
    (void)state;
    if (server > 0) {
        kill(server, SIGTERM);
        waitpid(server, NULL, 0);
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

static void check_online(run *r, const cg_online_options *o) {
    char doc[4096];
    size_t len = (size_t)snprintf(doc, sizeof doc, "Quellen:\n");
    for (size_t i = 0; i < NPATHS; i++)
        len += (size_t)snprintf(doc + len, sizeof doc - len, "siehe http://127.0.0.1:%d%s\n", port,
                                paths[i]);
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

static void release(run *r) {
    cg_check_free(r->chk);
    cg_extraction_free(r->ext);
    cg_input_free(r->in);
    cg_extractor_free(r->ex);
}

/* The CG009 finding for a path, or NULL. */
static const cg_finding *finding_for(const run *r, const char *path) {
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, path);
    for (size_t i = 0; i < cg_check_count(r->chk); i++) {
        const cg_finding *f = cg_check_finding(r->chk, i);
        if (strcmp(f->rule->id, "CG009") == 0 && f->target && strcmp(f->target, url) == 0) return f;
    }
    return NULL;
}

static size_t cg009_count(const run *r) {
    size_t n = 0;
    for (size_t i = 0; i < cg_check_count(r->chk); i++)
        n += strcmp(cg_check_finding(r->chk, i)->rule->id, "CG009") == 0;
    return n;
}

static cg_online_options fast_options(void) {
    cg_online_options o = {0};
    o.timeout_ms = 700;
    o.retries = 2;
    o.backoff_ms = 50;
    o.concurrency = 4;
    o.cache_file = cachepath;
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

    /* a second run answers from the cache: the same findings, no request */
    FILE *lf = fopen(logpath, "r");
    assert_non_null(lf);
    fseek(lf, 0, SEEK_END);
    long before = ftell(lf);
    fclose(lf);
    check_online(&r, &o);
    assert_int_equal(cg009_count(&r), 3);
    assert_non_null(finding_for(&r, "/missing"));
    lf = fopen(logpath, "r");
    fseek(lf, 0, SEEK_END);
    assert_int_equal(ftell(lf), before);
    fclose(lf);
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
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
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
    fputs("http://127.0.0.1/ok\tnot-a-status\n", f);
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
    };
    return cmocka_run_group_tests(tests, setup_server, teardown_server);
}
