package com.allocar.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.platform.security.PasswordHasher;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.TestSchemas;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.Contexts;
import liquibase.LabelExpression;
import org.junit.jupiter.api.Test;

/** The demo data: what README promises, loaded twice without duplicates, and absent unless asked for. */
class DemoDataIT {

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void loadInto(Connection connection) throws SQLException {
        DemoDataLoader loader = new DemoDataLoader();
        loader.passwords = new PasswordHasher();
        connection.setAutoCommit(false);
        loader.load(connection);
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Test
    void loadsTheDemoAccountsAndTripsIdempotently() throws Exception {
        String schema = TestSchemas.newName("demo");
        try (Connection connection = TestSchemas.connect(schema)) {
            TestSchemas.liquibase(connection, schema).update(new Contexts(), new LabelExpression());
            loadInto(connection);
            loadInto(connection);

            assertThat(count(connection, "SELECT count(*) FROM users WHERE is_driver AND is_phone_verified "
                    + "AND phone IN ('+2250700000001', '+2250700000002')")).isEqualTo(2);
            assertThat(count(connection, "SELECT count(*) FROM users WHERE NOT is_driver "
                    + "AND phone IN ('+2250500000001', '+2250500000002', '+2250500000003')")).isEqualTo(3);
            assertThat(count(connection, "SELECT count(DISTINCT role) FROM admin_users WHERE email LIKE '%@allocar.test'"))
                    .isEqualTo(5);
            assertThat(count(connection, "SELECT count(*) FROM kyc_documents WHERE status = 'approved'")).isEqualTo(2);
            assertThat(count(connection, "SELECT count(*) FROM vehicles")).isEqualTo(2);
            assertThat(count(connection, "SELECT count(*) FROM wallets")).isEqualTo(5);
            assertThat(count(connection, "SELECT count(*) FROM trips WHERE status = 'published' AND departure_time > now()"))
                    .as("one trip per driver per day for 14 days, not doubled by the second load").isEqualTo(28);
            assertThat(count(connection, "SELECT count(*) FROM trips WHERE ST_DWithin(origin_point, "
                    + "ST_GeogFromText('SRID=4326;POINT(-4.0083 5.3575)'), 100) AND ST_DWithin(destination_point, "
                    + "ST_GeogFromText('SRID=4326;POINT(-5.2760 6.8190)'), 100)")).isEqualTo(14);

            String hash;
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT password_hash FROM users WHERE phone = '+2250500000001'")) {
                row.next();
                hash = row.getString(1);
            }
            assertThat(hash).startsWith("$argon2id$");
            assertThat(new PasswordHasher().matches("Demo-2026!", hash)).isTrue();
            assertThat(new PasswordHasher().matches("demo-2026!", hash)).isFalse();
        } finally {
            TestSchemas.drop(schema);
        }
    }

    @Test
    void isNeverLoadedUnlessAskedFor() throws Exception {
        ItServer.awaitReady();
        try (Connection connection = TestSchemas.connect("public")) {
            assertThat(count(connection, "SELECT count(*) FROM users WHERE phone = '+2250700000001'")).isZero();
            assertThat(count(connection, "SELECT count(*) FROM admin_users WHERE email = 'super@allocar.test'")).isZero();
        }
    }
}
