/* curl_load.h - libcurl, loaded at run time for `check --online` only.
 *
 * Linking libcurl would map it and its dependencies (TLS, Kerberos, LDAP,
 * ...) into every process that uses the library, which costs about 10 ms of
 * start-up for each `citegraph extract`. So the library is built against
 * curl's headers, for the types and constants, and opens libcurl.so.4 with
 * dlopen() the first time an online check is asked for. Compiled only with
 * CG_HAVE_CURL. */
#ifndef CG_CURL_LOAD_H
#define CG_CURL_LOAD_H

#include <stddef.h>

#include <curl/curl.h>

/* The file dlopen() is asked for: the soname of libcurl 7.16 and later. */
#define CGC_CURL_LIBRARY "libcurl.so.4"

/* Every libcurl function the online check calls, with curl's own types. */
typedef struct cgc_curl {
    __typeof__(curl_global_init) *global_init;
    __typeof__(curl_global_cleanup) *global_cleanup;
    __typeof__(curl_easy_init) *easy_init;
    __typeof__(curl_easy_cleanup) *easy_cleanup;
    __typeof__(curl_easy_setopt) *easy_setopt;
    __typeof__(curl_easy_getinfo) *easy_getinfo;
    __typeof__(curl_easy_strerror) *easy_strerror;
    __typeof__(curl_multi_init) *multi_init;
    __typeof__(curl_multi_cleanup) *multi_cleanup;
    __typeof__(curl_multi_add_handle) *multi_add_handle;
    __typeof__(curl_multi_remove_handle) *multi_remove_handle;
    __typeof__(curl_multi_perform) *multi_perform;
    __typeof__(curl_multi_info_read) *multi_info_read;
    __typeof__(curl_multi_poll) *multi_poll;
    __typeof__(curl_url) *url;
    __typeof__(curl_url_set) *url_set;
    __typeof__(curl_url_get) *url_get;
    __typeof__(curl_url_cleanup) *url_cleanup;
    __typeof__(curl_free) *free;
} cgc_curl;

/* Opens `file` and resolves every function of cgc_curl into *api. Returns 0,
 * or -1 with the reason in `why` (the library is then closed again). The
 * library stays loaded on success. Touches no global state of its own. */
int cgc_curl_open(const char *file, cgc_curl *api, char *why, size_t whylen);

/* libcurl.so.4, opened once per process (thread-safe) by cgc_curl_open().
 * NULL when it could not be loaded; then *why says why, for good. */
const cgc_curl *cgc_curl_get(const char **why);

#endif
