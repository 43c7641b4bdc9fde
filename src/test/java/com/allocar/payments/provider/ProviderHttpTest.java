package com.allocar.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.payments.PaymentProvider;
import com.allocar.testsupport.WaveStandIn;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderHttpTest {

    @Test
    void aSlowProviderTimesOutAsUnavailable() {
        WaveStandIn wave = WaveStandIn.start();
        wave.failNext("GET", "/v1/slow", 200, "{}", 1_500, 1);
        ProviderHttp http = new ProviderHttp(PaymentProvider.wave, ProviderHttp.newClient(), Duration.ofMillis(300));
        assertThatThrownBy(() -> http.send(http.request(URI.create(wave.baseUrl() + "/v1/slow")).GET().build()))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("timed out");
    }

    @Test
    void anUnreachableProviderIsUnavailable() {
        ProviderHttp http = new ProviderHttp(PaymentProvider.stripe, ProviderHttp.newClient());
        assertThatThrownBy(() -> http.send(http.request(URI.create("http://127.0.0.1:9/v1/x")).GET().build()))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void answersAreClassified() {
        ProviderHttp http = new ProviderHttp(PaymentProvider.wave, ProviderHttp.newClient());
        String body = "{\"code\":\"insufficient-funds\"}";
        assertThat(http.failure("x", new ProviderHttp.Response(400, body), j -> j.getString("code")))
                .isInstanceOf(ProviderRefusedException.class).extracting(ProviderException::providerCode)
                .isEqualTo("insufficient-funds");
        for (int status : new int[]{401, 403, 408, 429, 500, 502, 503, 302}) {
            assertThat(http.failure("x", new ProviderHttp.Response(status, "not json"), j -> null))
                    .as("HTTP %d", status).isInstanceOf(ProviderUnavailableException.class);
        }
        assertThat(http.failure("x", new ProviderHttp.Response(404, ""), j -> null))
                .isInstanceOf(ProviderRefusedException.class);
    }

    @Test
    void formsAmountsAndSegments() {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("amount", "5000");
        form.put("metadata[payment_id]", "a b&c");
        form.put("skipped", null);
        assertThat(ProviderHttp.form(form)).isEqualTo("amount=5000&metadata%5Bpayment_id%5D=a+b%26c");
        assertThat(ProviderHttp.segment("cos-1 2/3")).isEqualTo("cos-1%202%2F3");
        assertThat(Amounts.wire(new BigDecimal("5000.00"))).isEqualTo("5000");
        assertThatThrownBy(() -> Amounts.wire(new BigDecimal("10.50"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Amounts.parse("5000.00").scale()).isZero();
        assertThat(Amounts.parse("x")).isNull();
    }

    @Test
    void tokensAreCachedUntilAMinuteBeforeTheyExpire() {
        Instant[] now = {Instant.parse("2026-03-01T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AccessTokenCache cache = new AccessTokenCache(clock);
        AtomicInteger fetches = new AtomicInteger();
        java.util.function.Supplier<AccessTokenCache.Token> fetch =
                () -> new AccessTokenCache.Token("t" + fetches.incrementAndGet(), Duration.ofSeconds(3600));
        assertThat(cache.get(fetch)).isEqualTo("t1");
        now[0] = now[0].plusSeconds(3539);
        assertThat(cache.get(fetch)).isEqualTo("t1");
        now[0] = now[0].plusSeconds(1);
        assertThat(cache.get(fetch)).isEqualTo("t2");
        cache.invalidate("t1");
        assertThat(cache.get(fetch)).isEqualTo("t2");
        cache.invalidate("t2");
        assertThat(cache.get(fetch)).isEqualTo("t3");
        assertThat(AccessTokenCache.lifetime("7776000")).isEqualTo(Duration.ofDays(90));
        assertThat(AccessTokenCache.lifetime("soon")).isNull();
    }
}
