/* netaddr.h - which network addresses `check --online` may connect to.
 *
 * Documents are untrusted input: a URL in one may name the loopback
 * interface, an internal service or a cloud's instance metadata service
 * (169.254.169.254). The online check connects only to public unicast
 * addresses unless the user allows more (online.c asks this module about
 * every address libcurl is about to connect to). Knows nothing of curl. */
#ifndef CG_CHECK_NETADDR_H
#define CG_CHECK_NETADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

/* What an address is, by IANA's special-purpose registries (RFC 6890 and
 * its updates). Only CGC_ADDR_PUBLIC is contacted by default. */
typedef enum cgc_addr_class {
    CGC_ADDR_PUBLIC,        /* global unicast */
    CGC_ADDR_LOOPBACK,      /* 127.0.0.0/8, ::1 */
    CGC_ADDR_PRIVATE,       /* 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10, 64:ff9b:1::/48 */
    CGC_ADDR_LINK_LOCAL,    /* 169.254.0.0/16 (instance metadata), fe80::/10 */
    CGC_ADDR_SHARED,        /* 100.64.0.0/10, carrier-grade NAT (RFC 6598) */
    CGC_ADDR_MULTICAST,     /* 224.0.0.0/4, ff00::/8 */
    CGC_ADDR_UNSPECIFIED,   /* 0.0.0.0/8, :: (Linux connects 0.0.0.0 to the host itself) */
    CGC_ADDR_DOCUMENTATION, /* 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20 */
    CGC_ADDR_RESERVED,      /* everything else that is not global unicast */
} cgc_addr_class;

/* Whether --allow-private opens the class: loopback, private and
 * carrier-grade NAT addresses, those of a host's own networks. Link-local
 * addresses, where clouds serve instance metadata, are opened only by a
 * range given for them; unspecified, multicast, documentation and reserved
 * addresses only so too. */
bool cgc_addr_class_private(cgc_addr_class c);

/* "a loopback address", "a private address (RFC 1918)", ...: for messages. */
const char *cgc_addr_class_name(cgc_addr_class c);

/* An address, IPv4 as an IPv4-mapped IPv6 address (::ffff:a.b.c.d). */
typedef struct cgc_addr {
    uint8_t b[16];
} cgc_addr;

/* The address of a socket address (AF_INET or AF_INET6); -1 for another
 * family or a length too short. */
int cgc_addr_from_sockaddr(const struct sockaddr *sa, size_t len, cgc_addr *out);
/* An address literal ("10.0.0.1", "::1", "[::1]", "::ffff:127.0.0.1"); -1
 * when it is none. */
int cgc_addr_parse(const char *text, cgc_addr *out);

/* The class of an address. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16) have the
 * class of that IPv4 address. */
cgc_addr_class cgc_addr_classify(const cgc_addr *a);

/* The address as text, IPv4-mapped addresses as IPv4 ("10.0.0.1", "fe80::1"). */
void cgc_addr_format(const cgc_addr *a, char *out, size_t cap);

/* A range of addresses: "10.1.0.0/16", "fd00::/8", or one address. */
typedef struct cgc_cidr {
    cgc_addr base;
    unsigned bits; /* of the 128; an IPv4 /n is 96 + n */
} cgc_cidr;

/* Parses a range; NULL, or why it is not one. An IPv6 range shorter than
 * /96 that holds the IPv4-mapped block is refused: it would open every IPv4
 * address. */
const char *cgc_cidr_parse(const char *text, cgc_cidr *out);
bool cgc_cidr_contains(const cgc_cidr *r, const cgc_addr *a);

#endif
