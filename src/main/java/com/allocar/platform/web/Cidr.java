package com.allocar.platform.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code ::1/128}. */
record Cidr(byte[] network, int prefixLength) {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    static Cidr parse(String text) {
        String[] parts = text.split("/", 2);
        byte[] address = bytes(parts[0]);
        if (address == null) {
            throw new IllegalArgumentException("Not an IP network: " + text);
        }
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("Bad prefix length: " + text);
        }
        return new Cidr(address, prefix);
    }

    static boolean isAddress(String text) {
        return bytes(text) != null;
    }

    boolean contains(String address) {
        byte[] candidate = bytes(address);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int shift = network.length * 8 - prefixLength;
        return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
    }

    /** Parses only IP literals: never a DNS look-up. */
    private static byte[] bytes(String text) {
        if (text == null || text.isEmpty() || !LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
