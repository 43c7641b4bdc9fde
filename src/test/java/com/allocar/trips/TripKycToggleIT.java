package com.allocar.trips;

import static com.allocar.trips.TripFixtures.assertError;
import static com.allocar.trips.TripFixtures.create;
import static com.allocar.trips.TripFixtures.example;
import static com.allocar.trips.TripFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestTokens;
import com.allocar.trips.TripFixtures.Driver;
import org.junit.jupiter.api.Test;

/**
 * KYC-3's toggle: with {@code require_kyc_for_driver} off, drivers publish without an approved KYC. The one test
 * that switches the setting (tests share the server), restoring it at once; the server applies an admin's change
 * on commit, so no cache delay is involved.
 */
class TripKycToggleIT {
    private static void requireKyc(String admin, boolean on) {
        Clients.withToken(admin).body("{\"value\": " + on + "}").patch("/api/v1/admin/settings/require_kyc_for_driver")
                .then().statusCode(200);
    }

    @Test
    void withTheToggleOffDriversPublishWithoutKyc() {
        String admin = TestTokens.forAdmin("super");
        Driver driver = TripFixtures.driverWithoutKyc();
        assertError(post(driver.token(), example(3)), 403, "kyc_required");
        try {
            requireKyc(admin, false);
            assertThat(create(driver.token(), example(3)).getString("data.status")).isEqualTo("published");
        } finally {
            requireKyc(admin, true);
        }
        assertError(post(driver.token(), example(3)), 403, "kyc_required");
    }
}
