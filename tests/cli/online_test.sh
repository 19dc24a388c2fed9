#!/bin/sh
# check --online from the command line, against an HTTP server this test
# starts on 127.0.0.1 (Python's http.server): loopback is refused by
# default (CG011, not CG009, and the server sees no request), opened by
# --allow-address, --allow-private or the config's "online" key; ranges
# and config values that are wrong are usage errors (status 2). No request
# goes anywhere but 127.0.0.1: every URL names it, and proxies are off.
# Usage: online_test.sh CITEGRAPH
set -u
cg=$1
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/testlib.sh"
unset http_proxy https_proxy HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy='*' NO_PROXY='*'

mkdir "$tmp/www" "$tmp/docs"
echo ok > "$tmp/www/ok"
# the server picks its port and says which
python3 -u - "$tmp/www" > "$tmp/port" 2> "$tmp/server.log" <<'PY' &
import functools, http.server, sys
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
srv = http.server.HTTPServer(("127.0.0.1", 0), handler)
print(srv.server_address[1])
srv.serve_forever()
PY
server=$!
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    [ -s "$tmp/port" ] && break
    sleep 0.25
done
port=$(cat "$tmp/port")
if [ -z "$port" ]; then echo "FAIL: the test server did not start" >&2; exit 1; fi
printf 'Quellen:\nsiehe http://127.0.0.1:%s/ok\nsiehe http://127.0.0.1:%s/missing\n' \
    "$port" "$port" > "$tmp/docs/links.txt"
requests() { grep -c '"HEAD /' "$tmp/server.log"; }

# by default: not fetched, a warning of its own kind, no request
expect default 0 "$cg" check --no-config --online --format json "$tmp/docs"
stdout_has default-cg011 '"rule": "CG011"'
stdout_has default-reason "was not fetched: 127.0.0.1 is a loopback address"
stdout_lacks default-cg009 '"rule": "CG009"'
if [ "$(requests)" -eq 0 ]; then ok; else bad "default: the server got a request"; fi
expect default-fails 1 "$cg" check --no-config --online --fail-on warning "$tmp/docs"
expect allowed-host 0 "$cg" check --no-config --online --allow-host 127.0.0.1 --format json "$tmp/docs"
stdout_has allowed-host-cg011 '"rule": "CG011"'
if [ "$(requests)" -eq 0 ]; then ok; else bad "--allow-host opened a loopback address"; fi

# opened: the missing page is CG009, an error (status 1), the other fine
expect allow-address 1 "$cg" check --no-config --online --allow-address 127.0.0.0/8 \
    --format json "$tmp/docs"
stdout_has allow-address-404 "/missing answers 404"
stdout_lacks allow-address-cg011 '"rule": "CG011"'
if [ "$(requests)" -eq 2 ]; then ok; else bad "--allow-address: $(requests) requests, not 2"; fi
expect allow-private 1 "$cg" check --no-config --online --allow-private --format json "$tmp/docs"
stdout_has allow-private-404 "/missing answers 404"
echo '{"online": {"allow_addresses": ["127.0.0.1"]}}' > "$tmp/ranges.json"
expect config-ranges 1 "$cg" check --config "$tmp/ranges.json" --online --format json "$tmp/docs"
stdout_has config-ranges-404 "/missing answers 404"
echo '{"online": {"allow_private": true}}' > "$tmp/private.json"
expect config-private 1 "$cg" check --config "$tmp/private.json" --online "$tmp/docs"
stdout_has config-private-404 "/missing answers 404"
echo '{"online": {"allow_private": false}}' > "$tmp/closed.json"
expect config-closed 0 "$cg" check --config "$tmp/closed.json" --online "$tmp/docs"
stdout_has config-closed-cg011 "CG011 url-not-fetched"

# mistakes are usage errors, said before anything is fetched
expect bad-range 2 "$cg" check --no-config --online --allow-address 10.0.0.0/33 "$tmp/docs"
stderr_has bad-range-message 'allowed address "10.0.0.0/33": the prefix length of an IPv4 range is 0 to 32'
expect bad-name 2 "$cg" check --no-config --online --allow-address intranet.example "$tmp/docs"
stderr_has bad-name-message "not an IPv4 or IPv6 address"
echo '{"online": {"allow_addresses": ["10.0.0.0/8", "x"]}}' > "$tmp/bad.json"
expect bad-config 2 "$cg" check --config "$tmp/bad.json" --online "$tmp/docs"
stderr_has bad-config-message '"allow_addresses" entry 2: not an IPv4 or IPv6 address'
echo '{"online": {"allow_everything": true}}' > "$tmp/bad2.json"
expect bad-config-key 2 "$cg" check --config "$tmp/bad2.json" --online "$tmp/docs"
stderr_has bad-config-key-message 'unknown key "allow_everything"'
expect bad-budget 2 "$cg" check --no-config --online --online-budget 0 "$tmp/docs"
stderr_has bad-budget-message "at least 1 second"
expect bad-redirects 2 "$cg" check --no-config --online --max-redirects 1000 "$tmp/docs"

# a config that opens addresses says so on stderr: it may come with a pull request
expect config-says 1 "$cg" check --config "$tmp/private.json" --online "$tmp/docs"
stderr_has config-says-warning "private.json opens addresses that are not public to --online"
expect config-quiet-offline 0 "$cg" check --config "$tmp/private.json" "$tmp/docs"
if grep -q "opens addresses" "$tmp/err"; then bad "config warning without --online"; else ok; fi

# options of --online without it, and values that cannot be meant, are usage errors
expect offline-option 2 "$cg" check --no-config --allow-private "$tmp/docs"
stderr_has offline-option-message "--allow-private works only with --online"
expect offline-cache 2 "$cg" check --no-config --url-cache "$tmp/c" "$tmp/docs"
expect bad-host 2 "$cg" check --no-config --online --allow-host http://example.org/ "$tmp/docs"
stderr_has bad-host-message "takes a host name such as example.org"
expect cache-is-dir 2 "$cg" check --no-config --online --url-cache "$tmp" "$tmp/docs"
stderr_has cache-is-dir-message "is a directory, not a file"
expect cache-nowhere 0 "$cg" check --no-config --online --url-cache "$tmp/nowhere/c" "$tmp/docs"
stderr_has cache-nowhere-message "its directory does not exist, so no result is kept"
# the URL cache may live in the directory --cache makes
expect cache-in-cache 0 "$cg" check --no-config --online --cache "$tmp/cgc" \
    --url-cache "$tmp/cgc/urls" "$tmp/docs"
if [ -s "$tmp/cgc/urls" ]; then ok; else bad "--url-cache in --cache's new directory not written"; fi
# a URL cache that cannot be written is said (procfs takes no new file)
if [ -d /proc/self ]; then
    expect cache-unwritable 0 "$cg" check --no-config --online --url-cache /proc/citegraph-url-cache \
        "$tmp/docs"
    stderr_has cache-unwritable-message "url-cache /proc/citegraph-url-cache: cannot write"
fi
expect bad-port 2 "$cg" check --no-config --online --allow-host example.org:8080 "$tmp/docs"

# the rule is listed and explained
expect list-rules 0 "$cg" check --list-rules
stdout_has list-rules-cg011 "CG011"
if [ "$(requests)" -eq 10 ]; then ok; else bad "$(requests) requests in all, not 10"; fi

echo "online_test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
