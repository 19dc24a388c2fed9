/* curl_load.c - opening libcurl with dlopen() (see curl_load.h).
 *
 * The one piece of process-wide state of the library lives here: the table
 * of libcurl's functions, filled once under pthread_once() and only read
 * after that. The library is never closed: libcurl keeps global state of
 * its own (curl_global_init is reference counted), and closing it under a
 * check that runs on another thread would pull the code out from under it. */
#include "check/curl_load.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "util/dynload.h"

static const cgu_dl_symbol curl_functions[] = {
    {"curl_global_init", offsetof(cgc_curl, global_init)},
    {"curl_global_cleanup", offsetof(cgc_curl, global_cleanup)},
    {"curl_easy_init", offsetof(cgc_curl, easy_init)},
    {"curl_easy_cleanup", offsetof(cgc_curl, easy_cleanup)},
    {"curl_easy_setopt", offsetof(cgc_curl, easy_setopt)},
    {"curl_easy_getinfo", offsetof(cgc_curl, easy_getinfo)},
    {"curl_easy_strerror", offsetof(cgc_curl, easy_strerror)},
    {"curl_multi_init", offsetof(cgc_curl, multi_init)},
    {"curl_multi_cleanup", offsetof(cgc_curl, multi_cleanup)},
    {"curl_multi_add_handle", offsetof(cgc_curl, multi_add_handle)},
    {"curl_multi_remove_handle", offsetof(cgc_curl, multi_remove_handle)},
    {"curl_multi_perform", offsetof(cgc_curl, multi_perform)},
    {"curl_multi_info_read", offsetof(cgc_curl, multi_info_read)},
    {"curl_multi_poll", offsetof(cgc_curl, multi_poll)}, /* libcurl 7.66 */
    {"curl_url", offsetof(cgc_curl, url)},               /* libcurl 7.62 */
    {"curl_url_set", offsetof(cgc_curl, url_set)},
    {"curl_url_get", offsetof(cgc_curl, url_get)},
    {"curl_url_cleanup", offsetof(cgc_curl, url_cleanup)},
    {"curl_free", offsetof(cgc_curl, free)},
};

int cgc_curl_open(const char *file, cgc_curl *api, char *why, size_t whylen) {
    return cgu_dl_open(file, curl_functions, sizeof curl_functions / sizeof curl_functions[0], api,
                       sizeof *api, " (libcurl 7.66 or later is needed)", why, whylen);
}

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static cgc_curl curl_api;      /* written once, under curl_once */
static int curl_loaded;        /* written once, under curl_once */
static char curl_problem[512]; /* written once, under curl_once */

static void load_curl(void) {
    curl_loaded =
        cgc_curl_open(CGC_CURL_LIBRARY, &curl_api, curl_problem, sizeof curl_problem) == 0;
}

const cgc_curl *cgc_curl_get(const char **why) {
    pthread_once(&curl_once, load_curl);
    if (curl_loaded) return &curl_api;
    if (why) *why = curl_problem;
    return NULL;
}
