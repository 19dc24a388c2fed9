/* stats_age.c - the part of `stats` that says how far back citations reach
 * (cg_graph_age_stats_get()): the distribution of citation ages, and how
 * many citations cross a Wahlperiode of the Bundestag, as text and JSON. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "graph_cmd.h"

/* The Gregorian year's mean length, to give ages in years for the reader. */
#define DAYS_PER_YEAR 365.2425

/* A number of days as people read it: "61", "101.5", "-15.25". */
static const char *days_text(double days, char *buf, size_t cap) {
    snprintf(buf, cap, "%.2f", days);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf);
        while (end > dot + 1 && end[-1] == '0')
            *--end = '\0';
        if (end == dot + 1) *dot = '\0';
    }
    return buf;
}

bool gq_stats_age_text(const query *qy, const cg_age_stats *st) {
    cli_out *out = qy->out;
    char a[32], b[32];
    cli_out_printf(out, "citation age       %zu of %zu citation edges dated at both ends\n",
                   st->dated, st->citations);
    if (st->dated) {
        cli_out_printf(out, "  median           %s days (%.2f years)\n",
                       days_text(st->median, a, sizeof a), st->median / DAYS_PER_YEAR);
        cli_out_printf(out, "  quartiles        %s and %s days (%.2f and %.2f years)\n",
                       days_text(st->q1, a, sizeof a), days_text(st->q3, b, sizeof b),
                       st->q1 / DAYS_PER_YEAR, st->q3 / DAYS_PER_YEAR);
        cli_out_printf(out, "  range            %ld to %ld days (%.2f to %.2f years)\n", st->min,
                       st->max, (double)st->min / DAYS_PER_YEAR, (double)st->max / DAYS_PER_YEAR);
        if (st->negative)
            cli_out_printf(out,
                           "  negative         %zu (the citing document dated before the "
                           "cited one)\n",
                           st->negative);
    }
    if (st->with_wp) {
        cli_out_printf(
            out,
            "Wahlperioden       %zu citation edges with one at both ends; %zu (%.1f %%) cross\n",
            st->with_wp, st->crossing, 100.0 * (double)st->crossing / (double)st->with_wp);
        cli_out_printf(out, "  citing -> cited  edges\n");
    } else {
        cli_out_printf(out, "Wahlperioden       no citation edge with one at both ends\n");
    }
    for (unsigned c = 0; c < CG_BUNDESTAG_WP_LAST; c++)
        for (unsigned d = 0; d < CG_BUNDESTAG_WP_LAST; d++)
            if (st->wp_edges[c][d])
                cli_out_printf(out, "  %6u -> %-6u %zu\n", c + 1, d + 1, st->wp_edges[c][d]);
    return true;
}

/* A quartile: an integer when it is one, so that JSON readers see 61, not
 * 61.0. */
static json_t *days_json(double days) {
    return days == floor(days) ? json_integer((json_int_t)days) : json_real(days);
}

bool gq_stats_age_json(json_t *root, const cg_age_stats *st) {
    json_t *age = gq_set_to(root, "citation_age", json_object());
    bool dated = st->dated != 0;
    bool ok = age && gq_set(age, "citation_edges", json_integer((json_int_t)st->citations)) &&
              gq_set(age, "dated", json_integer((json_int_t)st->dated)) &&
              gq_set(age, "undated", json_integer((json_int_t)(st->citations - st->dated))) &&
              gq_set(age, "negative", json_integer((json_int_t)st->negative)) &&
              gq_set(age, "min_days", dated ? json_integer(st->min) : json_null()) &&
              gq_set(age, "q1_days", dated ? days_json(st->q1) : json_null()) &&
              gq_set(age, "median_days", dated ? days_json(st->median) : json_null()) &&
              gq_set(age, "q3_days", dated ? days_json(st->q3) : json_null()) &&
              gq_set(age, "max_days", dated ? json_integer(st->max) : json_null());
    json_t *wp = ok ? gq_set_to(root, "wahlperioden", json_object()) : NULL;
    json_t *pairs = NULL;
    ok = wp && gq_set(wp, "citation_edges", json_integer((json_int_t)st->with_wp)) &&
         gq_set(wp, "crossing", json_integer((json_int_t)st->crossing)) &&
         (pairs = gq_set_to(wp, "pairs", json_array())) != NULL;
    for (unsigned c = 0; ok && c < CG_BUNDESTAG_WP_LAST; c++)
        for (unsigned d = 0; ok && d < CG_BUNDESTAG_WP_LAST; d++) {
            if (!st->wp_edges[c][d]) continue;
            json_t *x = gq_pushed(pairs, json_object());
            ok = x && gq_set(x, "citing", json_integer(c + 1)) &&
                 gq_set(x, "cited", json_integer(d + 1)) &&
                 gq_set(x, "edges", json_integer((json_int_t)st->wp_edges[c][d]));
        }
    return ok;
}
