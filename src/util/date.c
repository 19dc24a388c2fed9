/* date.c - ISO 8601 calendar dates, as DIP and catalogs write them. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

bool cgu_is_iso_date(const char *s) {
    static const char shape[] = "dddd-dd-dd";
    if (!s || strlen(s) != sizeof shape - 1) return false;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i]) return false;
    int year = atoi(s), month = atoi(s + 5), day = atoi(s + 8);
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month != 2 || day < 29 || leap;
}

long cgu_iso_day_number(const char *s) {
    if (!cgu_is_iso_date(s)) return LONG_MIN;
    /* days from civil (H. Hinnant's algorithm): day 0 is 1970-01-01 */
    long y = atol(s), m = atol(s + 5), d = atol(s + 8);
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
