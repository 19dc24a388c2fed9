/* test_netaddr.c - which addresses `check --online` may connect to
 * (check/netaddr.h), on address literals of every range: IPv4, IPv6 and
 * the IPv6 forms that carry an IPv4 address. Nothing connects anywhere. */
#include <netinet/in.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h> /* after setjmp.h, stdarg.h, stddef.h and stdint.h */

#include "check/netaddr.h"

static cgc_addr_class class_of(const char *text) {
    cgc_addr a;
    if (cgc_addr_parse(text, &a) != 0) fail_msg("'%s' did not parse", text);
    return cgc_addr_classify(&a);
}

#define assert_class(text, cls)                                                                    \
    do {                                                                                           \
        cgc_addr_class got = class_of(text);                                                       \
        if (got != (cls))                                                                          \
            fail_msg("%s: %s, not %s", text, cgc_addr_class_name(got), cgc_addr_class_name(cls));  \
    } while (0)

static void test_ipv4_ranges(void **state) {
    (void)state;
    /* public, including the neighbours of every special range */
    assert_class("8.8.8.8", CGC_ADDR_PUBLIC);
    assert_class("1.1.1.1", CGC_ADDR_PUBLIC);
    assert_class("9.255.255.255", CGC_ADDR_PUBLIC);
    assert_class("11.0.0.0", CGC_ADDR_PUBLIC);
    assert_class("100.63.255.255", CGC_ADDR_PUBLIC);
    assert_class("100.128.0.0", CGC_ADDR_PUBLIC);
    assert_class("126.255.255.255", CGC_ADDR_PUBLIC);
    assert_class("128.0.0.0", CGC_ADDR_PUBLIC);
    assert_class("169.253.255.255", CGC_ADDR_PUBLIC);
    assert_class("169.255.0.0", CGC_ADDR_PUBLIC);
    assert_class("172.15.255.255", CGC_ADDR_PUBLIC);
    assert_class("172.32.0.0", CGC_ADDR_PUBLIC);
    assert_class("192.167.255.255", CGC_ADDR_PUBLIC);
    assert_class("192.169.0.0", CGC_ADDR_PUBLIC);
    assert_class("198.17.255.255", CGC_ADDR_PUBLIC);
    assert_class("198.20.0.0", CGC_ADDR_PUBLIC);
    assert_class("223.255.255.255", CGC_ADDR_PUBLIC);
    assert_class("194.105.130.1", CGC_ADDR_PUBLIC); /* a Bundestag-like public address */
    /* the special ranges, at both ends */
    assert_class("0.0.0.0", CGC_ADDR_UNSPECIFIED);
    assert_class("0.255.255.255", CGC_ADDR_UNSPECIFIED);
    assert_class("10.0.0.0", CGC_ADDR_PRIVATE);
    assert_class("10.255.255.255", CGC_ADDR_PRIVATE);
    assert_class("100.64.0.0", CGC_ADDR_SHARED);
    assert_class("100.127.255.255", CGC_ADDR_SHARED);
    assert_class("127.0.0.1", CGC_ADDR_LOOPBACK);
    assert_class("127.255.255.254", CGC_ADDR_LOOPBACK);
    assert_class("169.254.0.0", CGC_ADDR_LINK_LOCAL);
    assert_class("169.254.169.254", CGC_ADDR_LINK_LOCAL); /* cloud instance metadata */
    assert_class("169.254.255.255", CGC_ADDR_LINK_LOCAL);
    assert_class("172.16.0.0", CGC_ADDR_PRIVATE);
    assert_class("172.31.255.255", CGC_ADDR_PRIVATE);
    assert_class("192.0.0.1", CGC_ADDR_RESERVED);
    assert_class("192.0.2.1", CGC_ADDR_DOCUMENTATION);
    assert_class("192.88.99.1", CGC_ADDR_RESERVED);
    assert_class("192.168.0.1", CGC_ADDR_PRIVATE);
    assert_class("192.168.255.255", CGC_ADDR_PRIVATE);
    assert_class("198.18.0.1", CGC_ADDR_RESERVED);
    assert_class("198.19.255.255", CGC_ADDR_RESERVED);
    assert_class("198.51.100.7", CGC_ADDR_DOCUMENTATION);
    assert_class("203.0.113.9", CGC_ADDR_DOCUMENTATION);
    assert_class("224.0.0.1", CGC_ADDR_MULTICAST);
    assert_class("239.255.255.255", CGC_ADDR_MULTICAST);
    assert_class("240.0.0.1", CGC_ADDR_RESERVED);
    assert_class("255.255.255.255", CGC_ADDR_RESERVED);
}

static void test_ipv6_ranges(void **state) {
    (void)state;
    assert_class("2a00:1450:4001:82b::200e", CGC_ADDR_PUBLIC);
    assert_class("2001:4860:4860::8888", CGC_ADDR_PUBLIC);
    assert_class("[2606:4700::1111]", CGC_ADDR_PUBLIC); /* as it stands in a URL */
    assert_class("::", CGC_ADDR_UNSPECIFIED);
    assert_class("::1", CGC_ADDR_LOOPBACK);
    assert_class("[::1]", CGC_ADDR_LOOPBACK);
    assert_class("fc00::1", CGC_ADDR_PRIVATE);
    assert_class("fdff:ffff::1", CGC_ADDR_PRIVATE);
    assert_class("fec0::1", CGC_ADDR_PRIVATE); /* site-local, deprecated */
    assert_class("fe80::1", CGC_ADDR_LINK_LOCAL);
    assert_class("fe80::1%eth0", CGC_ADDR_LINK_LOCAL); /* with a zone */
    assert_class("febf:ffff::1", CGC_ADDR_LINK_LOCAL);
    assert_class("ff02::1", CGC_ADDR_MULTICAST);
    assert_class("ff0e::1", CGC_ADDR_MULTICAST);
    assert_class("2001:db8::1", CGC_ADDR_DOCUMENTATION);
    assert_class("3fff::1", CGC_ADDR_DOCUMENTATION);
    assert_class("2001::1", CGC_ADDR_RESERVED); /* Teredo */
    assert_class("2001:2::1", CGC_ADDR_RESERVED);
    assert_class("100::1", CGC_ADDR_RESERVED); /* discard-only */
    assert_class("64:ff9b:1::1", CGC_ADDR_PRIVATE);
    assert_class("::7f00:1", CGC_ADDR_RESERVED); /* IPv4-compatible, deprecated */
    assert_class("4000::1", CGC_ADDR_RESERVED);  /* outside 2000::/3 */
    assert_class("1000::1", CGC_ADDR_RESERVED);
}

/* An IPv6 address that a host or router turns into an IPv4 one is that one. */
static void test_ipv4_in_ipv6(void **state) {
    (void)state;
    assert_class("::ffff:127.0.0.1", CGC_ADDR_LOOPBACK);
    assert_class("::ffff:7f00:1", CGC_ADDR_LOOPBACK);
    assert_class("[::ffff:169.254.169.254]", CGC_ADDR_LINK_LOCAL);
    assert_class("::ffff:10.1.2.3", CGC_ADDR_PRIVATE);
    assert_class("::ffff:8.8.8.8", CGC_ADDR_PUBLIC);
    assert_class("64:ff9b::a9fe:a9fe", CGC_ADDR_LINK_LOCAL); /* NAT64 of 169.254.169.254 */
    assert_class("64:ff9b::808:808", CGC_ADDR_PUBLIC);
    assert_class("2002:7f00:1::1", CGC_ADDR_LOOPBACK); /* 6to4 of 127.0.0.1 */
    assert_class("2002:c0a8:101::1", CGC_ADDR_PRIVATE);
    assert_class("2002:808:808::1", CGC_ADDR_PUBLIC);
}

static void test_sockaddr_and_format(void **state) {
    (void)state;
    struct sockaddr_in v4;
    memset(&v4, 0, sizeof v4);
    v4.sin_family = AF_INET;
    v4.sin_addr.s_addr = htonl(0xA9FEA9FEu);
    cgc_addr a;
    assert_int_equal(cgc_addr_from_sockaddr((struct sockaddr *)&v4, sizeof v4, &a), 0);
    assert_int_equal(cgc_addr_classify(&a), CGC_ADDR_LINK_LOCAL);
    char text[64];
    cgc_addr_format(&a, text, sizeof text);
    assert_string_equal(text, "169.254.169.254");
    assert_int_equal(cgc_addr_from_sockaddr((struct sockaddr *)&v4, sizeof v4 - 1, &a), -1);

    struct sockaddr_in6 v6;
    memset(&v6, 0, sizeof v6);
    v6.sin6_family = AF_INET6;
    v6.sin6_addr.s6_addr[15] = 1;
    assert_int_equal(cgc_addr_from_sockaddr((struct sockaddr *)&v6, sizeof v6, &a), 0);
    assert_int_equal(cgc_addr_classify(&a), CGC_ADDR_LOOPBACK);
    cgc_addr_format(&a, text, sizeof text);
    assert_string_equal(text, "::1");

    struct sockaddr other;
    memset(&other, 0, sizeof other);
    other.sa_family = AF_UNIX;
    assert_int_equal(cgc_addr_from_sockaddr(&other, sizeof other, &a), -1);

    /* not addresses */
    const char *bad[] = {"",          "example.org", "1.2.3", "1.2.3.4.5",
                         "256.0.0.1", "::g",         "[::1",  "01.2.3.4"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (cgc_addr_parse(bad[i], &a) == 0) fail_msg("'%s' parsed", bad[i]);
}

/* What --allow-private opens, and what only a range given for it opens. */
static void test_private_classes(void **state) {
    (void)state;
    assert_true(cgc_addr_class_private(CGC_ADDR_LOOPBACK));
    assert_true(cgc_addr_class_private(CGC_ADDR_PRIVATE));
    assert_false(cgc_addr_class_private(CGC_ADDR_LINK_LOCAL)); /* instance metadata */
    assert_true(cgc_addr_class_private(CGC_ADDR_SHARED));
    assert_false(cgc_addr_class_private(CGC_ADDR_PUBLIC));
    assert_false(cgc_addr_class_private(CGC_ADDR_UNSPECIFIED));
    assert_false(cgc_addr_class_private(CGC_ADDR_MULTICAST));
    assert_false(cgc_addr_class_private(CGC_ADDR_DOCUMENTATION));
    assert_false(cgc_addr_class_private(CGC_ADDR_RESERVED));
}

static bool in_range(const char *range, const char *addr) {
    cgc_cidr r;
    cgc_addr a;
    const char *why = cgc_cidr_parse(range, &r);
    if (why) fail_msg("%s: %s", range, why);
    if (cgc_addr_parse(addr, &a) != 0) fail_msg("'%s' did not parse", addr);
    return cgc_cidr_contains(&r, &a);
}

static void test_ranges(void **state) {
    (void)state;
    assert_true(in_range("10.1.0.0/16", "10.1.255.3"));
    assert_false(in_range("10.1.0.0/16", "10.2.0.1"));
    assert_true(in_range("10.1.2.3/16", "10.1.0.1")); /* the host bits are cleared */
    assert_true(in_range("127.0.0.1", "127.0.0.1"));
    assert_false(in_range("127.0.0.1", "127.0.0.2"));
    assert_true(in_range("127.0.0.1", "::ffff:127.0.0.1")); /* the same address */
    assert_true(in_range("0.0.0.0/0", "203.0.113.9"));
    assert_false(in_range("0.0.0.0/0", "::1")); /* IPv4's /0 is IPv4 only */
    assert_true(in_range("fd00::/8", "fd12:3456::1"));
    assert_false(in_range("fd00::/8", "fe80::1"));
    assert_true(in_range("2000::/3", "2001:4860:4860::8888"));
    assert_true(in_range("::ffff:10.0.0.0/104", "10.1.2.3")); /* 10.0.0.0/8, IPv4-mapped */
    assert_false(in_range("::ffff:10.0.0.0/104", "11.0.0.1"));
    assert_true(in_range("[::1]", "::1"));
    cgc_cidr r;
    const char *bad[] = {"", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "10.0.0.0/-1",
                         "example.org", "fe80::1%eth0/64", "1.2.3/8",
                         /* IPv6 ranges that would open every IPv4 address */
                         "::ffff:10.0.0.0/8", "::/0", "::/1", "::ffff:0:0/95"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (!cgc_cidr_parse(bad[i], &r)) fail_msg("'%s' parsed as a range", bad[i]);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ipv4_ranges),     cmocka_unit_test(test_ipv6_ranges),
        cmocka_unit_test(test_ipv4_in_ipv6),    cmocka_unit_test(test_sockaddr_and_format),
        cmocka_unit_test(test_private_classes), cmocka_unit_test(test_ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
