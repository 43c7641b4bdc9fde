package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A burst of failed sign-ins for one identifier leaves one audit entry (masked identifier), from any address. */
class SignInFailureBurstIT {

    private static long burstsFor(String maskedIdentifier) throws Exception {
        try (Connection db = TestSchemas.connect("public");
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM audit_logs "
                     + "WHERE action = 'auth.sign_in_failure_burst' AND meta->>'identifier' = ?")) {
            query.setString(1, maskedIdentifier);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void fiveFailuresMakeOneAuditEntry() throws Exception {
        String phone = Accounts.newPhone();
        String masked = PhoneNumbers.mask(phone);
        for (int i = 0; i < 4; i++) {
            Clients.anonymous().body(Clients.json(Map.of("identifier", phone, "password", "wrong-" + i)))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }
        assertThat(burstsFor(masked)).isZero();
        Clients.anonymous().body(Clients.json(Map.of("identifier", phone, "password", "wrong-5")))
                .post("/api/v1/auth/login").then().statusCode(401);
        assertThat(burstsFor(masked)).isEqualTo(1);
        Clients.anonymous().body(Clients.json(Map.of("identifier", phone, "password", "wrong-6")))
                .post("/api/v1/auth/login").then().statusCode(401);
        assertThat(burstsFor(masked)).as("one entry per burst, not per failure").isEqualTo(1);
    }
}
