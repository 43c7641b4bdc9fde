package com.allocar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    private static ClientAddressResolver trusting(String proxies) {
        ClientAddressResolver resolver = new ClientAddressResolver();
        resolver.configuredProxies = proxies;
        resolver.init();
        return resolver;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(trusting(" ").resolve("203.0.113.7", "1.2.3.4")).isEqualTo("203.0.113.7");
    }

    @Test
    void takesTheFirstUntrustedHopFromTheRight() {
        ClientAddressResolver resolver = trusting("10.0.0.0/8, 127.0.0.1/32");
        assertThat(resolver.resolve("127.0.0.1", "198.51.100.9, 10.1.2.3")).isEqualTo("198.51.100.9");
        assertThat(resolver.resolve("127.0.0.1", "6.6.6.6, 198.51.100.9, 10.1.2.3"))
                .as("a client cannot prepend a fake address").isEqualTo("198.51.100.9");
    }

    @Test
    void directClientsAreNotBelieved() {
        assertThat(trusting("10.0.0.0/8").resolve("198.51.100.9", "1.1.1.1")).isEqualTo("198.51.100.9");
    }

    @Test
    void malformedHeaderFallsBackToThePeer() {
        assertThat(trusting("127.0.0.1/32").resolve("127.0.0.1", "not-an-ip")).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6Networks() {
        assertThat(trusting("::1/128, fd00::/8").resolve("::1", "2001:db8::5, fd00::1")).isEqualTo("2001:db8::5");
    }
}
