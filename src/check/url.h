/* url.h - whether a URL found in a document is syntactically valid (rule
 * CG008, and what the online check never fetches). */
#ifndef CG_CHECK_URL_H
#define CG_CHECK_URL_H

/* Why a URL is not syntactically valid (RFC 3986: host labels, IP
 * literals, port, percent escapes, white space), or NULL when it is. */
const char *cgc_url_problem(const char *url);

#endif
