/* netaddr.c - classifying network addresses (netaddr.h).
 *
 * The ranges are IANA's IPv4 and IPv6 special-purpose address registries.
 * IPv6 is judged by what it is, not by a list of what it is not: only
 * 2000::/3 is global unicast, so an address outside it is reserved even if
 * a later RFC gives it a use. An IPv6 address that carries an IPv4 address
 * a router will connect to (IPv4-mapped, NAT64, 6to4) is judged by that
 * IPv4 address, so that ::ffff:127.0.0.1 and 64:ff9b::a9fe:a9fe are not
 * ways around the IPv4 ranges. */
#include "netaddr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    uint32_t net;
    unsigned bits;
    cgc_addr_class cls;
} ipv4_ranges[] = {
    {0x00000000u, 8, CGC_ADDR_UNSPECIFIED},    /* 0.0.0.0/8, "this network" */
    {0x0A000000u, 8, CGC_ADDR_PRIVATE},        /* 10.0.0.0/8 */
    {0x64400000u, 10, CGC_ADDR_SHARED},        /* 100.64.0.0/10 */
    {0x7F000000u, 8, CGC_ADDR_LOOPBACK},       /* 127.0.0.0/8 */
    {0xA9FE0000u, 16, CGC_ADDR_LINK_LOCAL},    /* 169.254.0.0/16 */
    {0xAC100000u, 12, CGC_ADDR_PRIVATE},       /* 172.16.0.0/12 */
    {0xC0000000u, 24, CGC_ADDR_RESERVED},      /* 192.0.0.0/24, IETF protocol assignments */
    {0xC0000200u, 24, CGC_ADDR_DOCUMENTATION}, /* 192.0.2.0/24, TEST-NET-1 */
    {0xC0586300u, 24, CGC_ADDR_RESERVED},      /* 192.88.99.0/24, 6to4 relays (deprecated) */
    {0xC0A80000u, 16, CGC_ADDR_PRIVATE},       /* 192.168.0.0/16 */
    {0xC6120000u, 15, CGC_ADDR_RESERVED},      /* 198.18.0.0/15, benchmarking */
    {0xC6336400u, 24, CGC_ADDR_DOCUMENTATION}, /* 198.51.100.0/24, TEST-NET-2 */
    {0xCB007100u, 24, CGC_ADDR_DOCUMENTATION}, /* 203.0.113.0/24, TEST-NET-3 */
    {0xE0000000u, 4, CGC_ADDR_MULTICAST},      /* 224.0.0.0/4 */
    {0xF0000000u, 4, CGC_ADDR_RESERVED},       /* 240.0.0.0/4, and 255.255.255.255 */
};

static cgc_addr_class classify_ipv4(uint32_t v) {
    for (size_t i = 0; i < sizeof ipv4_ranges / sizeof ipv4_ranges[0]; i++) {
        uint32_t mask = ~0u << (32 - ipv4_ranges[i].bits);
        if ((v & mask) == ipv4_ranges[i].net) return ipv4_ranges[i].cls;
    }
    return CGC_ADDR_PUBLIC;
}

static uint32_t ipv4_at(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Whether the first `bits` bits of a are those of prefix (16 bytes). */
static bool has_prefix(const uint8_t *a, const uint8_t *prefix, unsigned bits) {
    unsigned whole = bits / 8, rest = bits % 8;
    if (memcmp(a, prefix, whole) != 0) return false;
    if (!rest) return true;
    uint8_t mask = (uint8_t)(0xFF << (8 - rest));
    return (a[whole] & mask) == (prefix[whole] & mask);
}

static const uint8_t v4mapped[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
static const uint8_t zero[16] = {0};

cgc_addr_class cgc_addr_classify(const cgc_addr *addr) {
    const uint8_t *a = addr->b;
    static const uint8_t nat64[16] = {0x00, 0x64, 0xFF, 0x9B};
    static const uint8_t nat64_local[16] = {0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01};
    static const uint8_t discard[16] = {0x01, 0x00};
    static const uint8_t doc[16] = {0x20, 0x01, 0x0D, 0xB8};
    static const uint8_t doc2[16] = {0x3F, 0xFF};
    static const uint8_t ietf[16] = {0x20, 0x01};
    static const uint8_t sixto4[16] = {0x20, 0x02};
    static const uint8_t ula[16] = {0xFC};
    static const uint8_t link[16] = {0xFE, 0x80};
    static const uint8_t site[16] = {0xFE, 0xC0};
    static const uint8_t multicast[16] = {0xFF};
    static const uint8_t global[16] = {0x20};
    if (has_prefix(a, v4mapped, 96) || has_prefix(a, nat64, 96))
        return classify_ipv4(ipv4_at(a + 12));
    if (memcmp(a, zero, 16) == 0) return CGC_ADDR_UNSPECIFIED;
    if (memcmp(a, zero, 15) == 0 && a[15] == 1) return CGC_ADDR_LOOPBACK;
    if (has_prefix(a, zero, 96)) return CGC_ADDR_RESERVED; /* IPv4-compatible, deprecated */
    if (has_prefix(a, nat64_local, 48)) return CGC_ADDR_PRIVATE;
    if (has_prefix(a, discard, 64)) return CGC_ADDR_RESERVED;
    if (has_prefix(a, doc, 32) || has_prefix(a, doc2, 20)) return CGC_ADDR_DOCUMENTATION;
    if (has_prefix(a, ietf, 23)) return CGC_ADDR_RESERVED; /* Teredo among them */
    if (has_prefix(a, sixto4, 16)) return classify_ipv4(ipv4_at(a + 2));
    if (has_prefix(a, ula, 7) || has_prefix(a, site, 10)) return CGC_ADDR_PRIVATE;
    if (has_prefix(a, link, 10)) return CGC_ADDR_LINK_LOCAL;
    if (has_prefix(a, multicast, 8)) return CGC_ADDR_MULTICAST;
    if (!has_prefix(a, global, 3)) return CGC_ADDR_RESERVED;
    return CGC_ADDR_PUBLIC;
}

bool cgc_addr_class_private(cgc_addr_class c) {
    return c == CGC_ADDR_LOOPBACK || c == CGC_ADDR_PRIVATE || c == CGC_ADDR_SHARED;
}

const char *cgc_addr_class_name(cgc_addr_class c) {
    switch (c) {
    case CGC_ADDR_PUBLIC:
        return "a public address";
    case CGC_ADDR_LOOPBACK:
        return "a loopback address";
    case CGC_ADDR_PRIVATE:
        return "a private address";
    case CGC_ADDR_LINK_LOCAL:
        return "a link-local address (where clouds serve instance metadata)";
    case CGC_ADDR_SHARED:
        return "a carrier-grade NAT address";
    case CGC_ADDR_MULTICAST:
        return "a multicast address";
    case CGC_ADDR_UNSPECIFIED:
        return "the unspecified address";
    case CGC_ADDR_DOCUMENTATION:
        return "a documentation address";
    default:
        return "a reserved address";
    }
}

int cgc_addr_from_sockaddr(const struct sockaddr *sa, size_t len, cgc_addr *out) {
    if (sa->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        memcpy(out->b, v4mapped, 12);
        memcpy(out->b + 12, &in->sin_addr.s_addr, 4); /* network order, as the bytes go */
        return 0;
    }
    if (sa->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
        memcpy(out->b, ((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr, 16);
        return 0;
    }
    return -1;
}

int cgc_addr_parse(const char *text, cgc_addr *out) {
    char buf[64];
    size_t n = strlen(text);
    if (n >= 2 && text[0] == '[' && text[n - 1] == ']') {
        text++;
        n -= 2;
    }
    if (n == 0 || n >= sizeof buf) return -1;
    memcpy(buf, text, n);
    buf[n] = '\0';
    char *zone = strchr(buf, '%'); /* fe80::1%eth0: the zone names an interface, not an address */
    if (zone) *zone = '\0';
    struct in_addr v4;
    if (!zone && inet_pton(AF_INET, buf, &v4) == 1) {
        memcpy(out->b, v4mapped, 12);
        memcpy(out->b + 12, &v4.s_addr, 4);
        return 0;
    }
    struct in6_addr v6;
    if (inet_pton(AF_INET6, buf, &v6) == 1) {
        memcpy(out->b, v6.s6_addr, 16);
        return 0;
    }
    return -1;
}

void cgc_addr_format(const cgc_addr *a, char *out, size_t cap) {
    char buf[INET6_ADDRSTRLEN];
    const char *s = has_prefix(a->b, v4mapped, 96) ? inet_ntop(AF_INET, a->b + 12, buf, sizeof buf)
                                                   : inet_ntop(AF_INET6, a->b, buf, sizeof buf);
    snprintf(out, cap, "%s", s ? s : "?");
}

const char *cgc_cidr_parse(const char *text, cgc_cidr *out) {
    char buf[80];
    const char *slash = strchr(text, '/');
    size_t n = slash ? (size_t)(slash - text) : strlen(text);
    if (n >= sizeof buf) return "not an address";
    memcpy(buf, text, n);
    buf[n] = '\0';
    if (strchr(buf, '%') || cgc_addr_parse(buf, &out->base) != 0)
        return "not an IPv4 or IPv6 address";
    bool v4 = strchr(buf, ':') == NULL;
    unsigned most = v4 ? 32 : 128, bits = most;
    if (slash) {
        char *end;
        unsigned long b = strtoul(slash + 1, &end, 10);
        if (!slash[1] || *end || slash[1] < '0' || slash[1] > '9' || b > most)
            return v4 ? "the prefix length of an IPv4 range is 0 to 32"
                      : "the prefix length of an IPv6 range is 0 to 128";
        bits = (unsigned)b;
    }
    out->bits = v4 ? 96 + bits : bits;
    /* IPv4 addresses are kept IPv4-mapped: "::ffff:10.0.0.0/8" or "::/0"
     * would open every one of them, the metadata service's among them */
    if (!v4 && bits < 96 && has_prefix(v4mapped, out->base.b, bits))
        return "an IPv6 range shorter than /96 that holds ::ffff:0:0/96 would open every IPv4 "
               "address; write IPv4 ranges as IPv4 (10.0.0.0/8)";
    /* the bits after the prefix are cleared: 10.1.2.3/16 is 10.1.0.0/16 */
    for (unsigned i = out->bits; i < 128; i++)
        out->base.b[i / 8] &= (uint8_t) ~(0x80u >> (i % 8));
    return NULL;
}

bool cgc_cidr_contains(const cgc_cidr *r, const cgc_addr *a) {
    return has_prefix(a->b, r->base.b, r->bits);
}
