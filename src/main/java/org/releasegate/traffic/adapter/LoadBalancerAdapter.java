package org.releasegate.traffic.adapter;

import java.util.Set;

/**
 * The port every load balancer sits behind. It speaks in percent of user traffic per
 * member (an HAProxy server, an NGINX upstream server, a Kubernetes backendRef); each
 * adapter converts to the load balancer's own units and back. Implementations are Spring
 * beans, found by {@link #type()}.
 */
public interface LoadBalancerAdapter {

	/** The name used in a router binding, e.g. {@code haproxy}, {@code nginx}. */
	String type();

	/**
	 * Checks that the settings are complete and well-formed, without contacting the load
	 * balancer.
	 * @throws IllegalArgumentException naming the setting that is missing or wrong
	 */
	void validate(BindingSettings settings);

	/**
	 * The settings a router binding may give: identifiers only (backend, upstream, route,
	 * namespace ...). Everything else comes from the operator's connection.
	 */
	Set<String> bindingSettings();

	/**
	 * Checks an operator's connection at start-up, beyond {@link #validate}: files it
	 * names are regular files under its directory, kubeconfigs run no programs.
	 * @param directory the connection's directory, null when it has none
	 * @throws IllegalArgumentException naming the setting that is wrong
	 */
	default void checkConnection(java.nio.file.Path directory, BindingSettings settings) {
	}

	/**
	 * Reads the share each member receives now.
	 * @throws LoadBalancerException when the load balancer cannot be reached or read
	 */
	MemberShares observe(BindingSettings settings);

	/**
	 * Makes the load balancer send each member its share. Members the load balancer knows
	 * but the shares do not name are left as they are.
	 * @throws LoadBalancerException when the load balancer cannot be reached or refuses
	 */
	void apply(BindingSettings settings, MemberShares desired);

}
