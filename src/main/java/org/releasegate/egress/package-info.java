/**
 * Egress: the one policy every outbound call of ReleaseGate obeys (webhook adapters,
 * health probes, Prometheus gates, HAProxy {@code tcp:} addresses, the Kubernetes API
 * server, and notifications later).
 * <p>
 * Public API, two types:
 * <ul>
 * <li>{@link Egress#check(java.net.URI)} / {@link Egress#check(String, int)}: resolves
 * the host once, checks every address it resolved to against the policy, and answers the
 * address to connect to (throws {@link EgressRefused}, with a fixed sentence, otherwise);
 * <li>{@link Egress#http()}: a {@code java.net.http.HttpClient} that never follows
 * redirects and connects within the policy's connect timeout; send requests with
 * {@link Egress#send(java.net.http.HttpRequest, java.net.http.HttpResponse.BodyHandler)},
 * which checks the target first and applies the read timeout.
 * </ul>
 * Policy ({@code releasegate.egress.*}): {@code allowed} hosts ({@code example.com},
 * {@code *.example.com}) or networks ({@code 10.1.0.0/16}, {@code 127.0.0.1/32});
 * loopback, link-local (so the cloud metadata address 169.254.169.254), private,
 * carrier-grade NAT, unique-local, multicast and unspecified addresses are refused unless
 * an entry allows them; public addresses are allowed unless {@code public-allowed=false}.
 * Callers show users {@link EgressRefused#getMessage()} or their own fixed sentence, and
 * log the details.
 */
package org.releasegate.egress;
