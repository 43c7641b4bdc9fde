package com.allocar.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.MtnStandIn;
import com.allocar.testsupport.OrangeStandIn;
import com.allocar.testsupport.StripeStandIn;
import com.allocar.testsupport.WaveStandIn;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployed gateways reach the provider stand-ins that {@code scripts/test} configured (URLs and throwaway
 * credentials in the environment), through the payment-provider conformance probe.
 */
class PaymentProvidersIT {
    private static final String PROBE = "/api/v1/_probes/payment-providers/";

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        WaveStandIn.start();
        OrangeStandIn.start();
        MtnStandIn.start();
        StripeStandIn.start();
    }

    private static Response start(String provider, UUID paymentId, long amount) {
        return Clients.anonymous()
                .body("{\"payment_id\":\"" + paymentId + "\",\"amount\":" + amount + ",\"payer_phone\":\"+2250500000001\"}")
                .post(PROBE + provider);
    }

    private static JsonPath data(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath().setRootPath("data");
    }

    @Test
    void waveSessionsAreCreatedOnceAndLookedUp() {
        UUID paymentId = UUID.randomUUID();
        JsonPath first = data(start("wave", paymentId, 5000));
        assertThat(first.getString("provider_ref")).startsWith("cos-");
        assertThat(first.getString("status")).isEqualTo("pending");
        assertThat(first.getString("looked_up")).isEqualTo("pending");
        assertThat(first.getString("app_data.wave_launch_url")).isNotBlank();

        JsonPath again = data(start("wave", paymentId, 5000));
        assertThat(again.getString("provider_ref")).isEqualTo(first.getString("provider_ref"));
        assertThat(again.getBoolean("reused")).isTrue();
        assertThat(WaveStandIn.start().sessionsFor(paymentId.toString())).hasSize(1);
    }

    @Test
    void orangeWebPaymentsNotifyThePublicApiUrl() {
        UUID paymentId = UUID.randomUUID();
        JsonPath started = data(start("orange", paymentId, 3000));
        assertThat(started.getString("looked_up")).isEqualTo("pending");
        Map<String, String> order = OrangeStandIn.start().order(started.getString("provider_ref"));
        assertThat(order.get("notif_url")).isEqualTo(System.getenv("ALLOCAR_PUBLIC_API_URL")
                + "/payments/webhook/orange?payment_id=" + paymentId);
        assertThat(order.get("currency")).isEqualTo("OUV");
    }

    @Test
    void mtnRequestsToPayCarryOurPaymentId() {
        UUID paymentId = UUID.randomUUID();
        JsonPath started = data(start("mtn", paymentId, 7000));
        assertThat(started.getString("provider_ref")).isEqualTo(paymentId.toString());
        assertThat(started.getString("looked_up")).isEqualTo("pending");
        assertThat(MtnStandIn.start().request(paymentId.toString()).getString("callbackUrl"))
                .startsWith(System.getenv("ALLOCAR_PUBLIC_API_URL") + "/payments/webhook/mtn");
    }

    @Test
    void stripeIntentsGiveTheAppItsClientSecret() {
        UUID paymentId = UUID.randomUUID();
        JsonPath started = data(start("stripe", paymentId, 12000));
        assertThat(started.getString("provider_ref")).startsWith("pi_");
        assertThat(started.getString("app_data.client_secret")).startsWith(started.getString("provider_ref") + "_secret_");
        assertThat(StripeStandIn.start().intentFor(paymentId.toString())).isEqualTo(started.getString("provider_ref"));
    }

    @Test
    void unknownProvidersAreNotFound() {
        assertThat(start("paypal", UUID.randomUUID(), 100).statusCode()).isEqualTo(404);
    }
}
