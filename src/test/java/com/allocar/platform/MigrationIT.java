package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.TestSchemas;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import org.junit.jupiter.api.Test;

/**
 * The changelogs build the whole schema from an empty database, a second run changes nothing, and they roll
 * back to empty. Runs in a schema of its own, as the application's ordinary role, beside the live schema.
 */
class MigrationIT {
    private static final List<String> TABLES = List.of("users", "kyc_documents", "vehicles", "trips", "trip_stops",
            "bookings", "booking_events", "payments", "wallets", "wallet_txns", "messages", "driver_locations",
            "ratings", "promos", "referrals", "disputes", "admin_users", "audit_logs", "payouts", "settings",
            "idempotency_keys", "webhook_events", "outbox_messages", "refresh_tokens", "otp_codes", "device_tokens");

    @Test
    void buildsTheWholeSchemaFromEmptyThenRollsBack() throws Exception {
        String schema = TestSchemas.newName("migration");
        try (Connection connection = TestSchemas.connect(schema)) {
            Liquibase liquibase = TestSchemas.liquibase(connection, schema);
            liquibase.update(new Contexts(), new LabelExpression());

            assertThat(tablesIn(connection, schema)).containsAll(TABLES);
            assertThat(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()))
                    .as("a second run has nothing to do").isEmpty();
            liquibase.update(new Contexts(), new LabelExpression());

            liquibase.rollback(Integer.MAX_VALUE / 2, null);
            List<String> left = tablesIn(connection, schema);
            left.removeIf(t -> t.startsWith("databasechangelog"));
            assertThat(left).as("rollback leaves nothing behind").isEmpty();
        } finally {
            TestSchemas.drop(schema);
        }
    }

    @Test
    void theLiveSchemaWasMigratedAtStartUp() throws Exception {
        ItServer.awaitReady();
        try (Connection connection = TestSchemas.connect("public")) {
            assertThat(tablesIn(connection, "public")).containsAll(TABLES);
        }
    }

    private static List<String> tablesIn(Connection connection, String schema) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        tables.remove("spatial_ref_sys");
        return tables;
    }
}
