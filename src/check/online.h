/* online.h - fetching URLs, for rule CG009 (`check --online`): each once,
 * concurrently, with retries and a cache file between runs. Knows nothing
 * of documents or findings; check.c turns its results into findings. */
#ifndef CG_CHECK_ONLINE_H
#define CG_CHECK_ONLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "citegraph/check.h"

/* What fetching one URL gave. */
typedef struct cgc_url_result {
    long status;       /* the HTTP status, 0 when no answer came */
    char message[512]; /* why no answer came, or "HTTP 404" */
    bool skipped;      /* not fetched: an invalid URL, or a host the options exclude */
    bool not_fetched;  /* refused (an address that is not public) or out of time: `message` says */
    bool answered;     /* with status 0: a server answered, but not usably (`message` says) */
} cgc_url_result;

/* Loads libcurl (once per process) and initialises it for one check.
 * CG_EUNSUPPORTED, with the reason, when it cannot be had. */
cg_status cgc_online_init(cg_error *err);
/* Ends what cgc_online_init() began. */
void cgc_online_release(void);

/* Fetches every URL of urls[0..n) once, results[i] for urls[i] (the
 * caller's array). A cache file that could not be written is said in
 * cache_problem (left alone otherwise): it only costs the next run time.
 * CG_EINVAL for an allowed address range that is none (err names it);
 * CG_ENOMEM; CG_EUNSUPPORTED when libcurl is not loaded. */
cg_status cgc_fetch_urls(const cg_online_options *o, const char *const *urls, size_t n,
                         cgc_url_result *results, char *cache_problem, size_t cache_cap,
                         cg_error *err);

#endif
