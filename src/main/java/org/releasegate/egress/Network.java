package org.releasegate.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A network in CIDR form, e.g. {@code 10.0.0.0/8} or {@code fd00::/8}. */
record Network(byte[] prefix, int bits) {

	static Network parse(String cidr) {
		int slash = cidr.indexOf('/');
		String address = slash < 0 ? cidr : cidr.substring(0, slash);
		if (!address.matches("[0-9A-Fa-f:.]+")) {
			throw new IllegalArgumentException("'" + cidr + "' is not a network");
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
			if (bits < 0 || bits > bytes.length * 8) {
				throw new IllegalArgumentException("'" + cidr + "' has a wrong prefix length");
			}
			return new Network(bytes, bits);
		}
		catch (UnknownHostException | NumberFormatException ex) {
			throw new IllegalArgumentException("'" + cidr + "' is not a network");
		}
	}

	boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != prefix.length) {
			return false;
		}
		for (int bit = 0; bit < bits; bit++) {
			int mask = 0x80 >> (bit % 8);
			if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
				return false;
			}
		}
		return true;
	}

}
