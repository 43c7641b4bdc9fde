package com.allocar.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Answers;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.TestSchemas;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.WaveStandIn;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users, wallets and their movements for the wallet tests; each test makes its own. */
public final class WalletFixtures {
    static final String WALLET = "/api/v1/wallet";

    record User(UUID id, String token) {
    }

    private WalletFixtures() {
    }

    static User user() {
        UUID id = TestTokens.newUser();
        return new User(id, TestTokens.forUser(id));
    }

    /** A user whose identity is verified (KYC-3), as an admin's approval leaves it. */
    static User verifiedUser() {
        User user = user();
        sql("INSERT INTO kyc_documents (user_id, doc_type, doc_number, front_key, status, reviewed_at) "
                + "VALUES (?, 'cni', ?, 'kyc/x/front.jpg', 'approved', now())", user.id(), "CI " + UUID.randomUUID());
        return user;
    }

    /** A verified user whose wallet holds {@code amount}. */
    static User funded(long amount) {
        User user = verifiedUser();
        fund(user.id(), amount);
        return user;
    }

    /** {@code GET /wallet} as the user. */
    static JsonPath wallet(User user) {
        return Clients.withToken(user.token()).get(WALLET).then().statusCode(200).extract().jsonPath();
    }

    /** The payouts Wave received for the withdrawal (its id is the idempotency key). */
    static List<LoggedRequest> payoutsSent(WaveStandIn wave, String withdrawalId) {
        return wave.requests("POST", "/v1/payout").stream()
                .filter(r -> withdrawalId.equals(r.getHeader("idempotency-key"))).toList();
    }

    /**
     * Credits {@code amount} as a completed top-up, written exactly as {@code WalletLedger.credit} writes it (the
     * balance moved together with its completed credit row and balance_after, in one transaction). Top-ups
     * through a provider belong to the payments slice; the wallet tests need money without a provider round trip.
     */
    public static void fund(UUID userId, long amount) {
        txn(userId, "credit", amount, "topup", "completed", Instant.now());
    }

    /**
     * A movement at {@code at}; completed ones move the balance in the same transaction (the rule of WAL-2),
     * pending and failed ones do not.
     */
    static void txn(UUID userId, String type, long amount, String source, String status, Instant at) {
        try (Connection db = TestSchemas.connect("public")) {
            db.setAutoCommit(false);
            long signed = "completed".equals(status) ? ("credit".equals(type) ? amount : -amount) : 0;
            UUID wallet;
            BigDecimal balance;
            try (PreparedStatement create = db.prepareStatement(
                    "INSERT INTO wallets (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING")) {
                create.setObject(1, userId);
                create.executeUpdate();
            }
            try (PreparedStatement move = db.prepareStatement("UPDATE wallets SET balance = balance + ? "
                    + "WHERE user_id = ? RETURNING id, balance")) {
                move.setBigDecimal(1, BigDecimal.valueOf(signed));
                move.setObject(2, userId);
                try (ResultSet row = move.executeQuery()) {
                    row.next();
                    wallet = row.getObject(1, UUID.class);
                    balance = row.getBigDecimal(2);
                }
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO wallet_txns (wallet_id, type, amount, "
                    + "source, status, balance_after, ref_type, ref_id, description, idempotency_key, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, 'test', ?, 'fixture', ?, ?, ?)")) {
                UUID ref = UUID.randomUUID();
                insert.setObject(1, wallet);
                insert.setString(2, type);
                insert.setBigDecimal(3, BigDecimal.valueOf(amount));
                insert.setString(4, source);
                insert.setString(5, status);
                insert.setBigDecimal(6, "completed".equals(status) ? balance : null);
                insert.setObject(7, ref);
                insert.setString(8, "test:" + ref);
                insert.setTimestamp(9, Timestamp.from(at));
                insert.setTimestamp(10, Timestamp.from(at));
                insert.executeUpdate();
            }
            db.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored balance and the sum of the completed movements, as WAL-2 relates them. */
    public record Ledger(BigDecimal balance, BigDecimal completedSum, long negativeBalancesAfter) {
        public void assertConsistent() {
            assertThat(balance).isNotNegative();
            assertThat(balance).isEqualByComparingTo(completedSum);
            assertThat(negativeBalancesAfter).isZero();
        }
    }

    public static Ledger ledger(UUID userId) {
        Object[] row = row("SELECT w.balance, COALESCE(SUM(CASE WHEN t.status = 'completed' THEN "
                + "CASE t.type WHEN 'credit' THEN t.amount ELSE -t.amount END END), 0), "
                + "COUNT(*) FILTER (WHERE t.balance_after < 0) "
                + "FROM wallets w LEFT JOIN wallet_txns t ON t.wallet_id = w.id WHERE w.user_id = ? GROUP BY w.balance",
                userId);
        return new Ledger((BigDecimal) row[0], (BigDecimal) row[1], ((Number) row[2]).longValue());
    }

    static long count(String sql, Object... parameters) {
        return ((Number) row(sql, parameters)[0]).longValue();
    }

    static String string(String sql, Object... parameters) {
        Object value = row(sql, parameters)[0];
        return value == null ? null : value.toString();
    }

    /** Waits (by SQL, not through the rate-limited API) until the withdrawal is in one of {@code states}. */
    static String awaitStatus(String withdrawalId, Duration timeout, String... states) {
        Instant deadline = Instant.now().plus(timeout);
        String status;
        do {
            status = string("SELECT status FROM wallet_withdrawals WHERE id = ?::uuid", withdrawalId);
            if (List.of(states).contains(status)) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("withdrawal " + withdrawalId + " still " + status + " after " + timeout);
    }

    static List<String> auditActions(String withdrawalId) {
        List<String> actions = new ArrayList<>();
        query("SELECT action FROM audit_logs WHERE entity = 'wallet_withdrawals' AND entity_id = ?::uuid "
                + "ORDER BY created_at, id", rows -> {
            while (rows.next()) {
                actions.add(rows.getString(1));
            }
        }, withdrawalId);
        return actions;
    }

    static Response withdraw(String token, Object amount, String method, String phone) {
        return Clients.withToken(token).body(Clients.json(body(amount, method, phone))).post(WALLET + "/withdraw");
    }

    static Map<String, Object> body(Object amount, String method, String phone) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("amount", amount);
        body.put("method", method);
        body.put("phone", phone);
        return body;
    }

    static void assertError(Response response, int status, String code) {
        Answers.assertError(response, status, code);
    }

    static void assertInvalid(Response response, String field) {
        Answers.assertInvalid(response, field);
    }

    static void sql(String sql, Object... parameters) {
        Db.sql(sql, parameters);
    }

    static void query(String sql, Db.Rows reader, Object... parameters) {
        Db.query(sql, reader, parameters);
    }

    private static Object[] row(String sql, Object... parameters) {
        Object[][] found = new Object[1][];
        query(sql, rows -> {
            if (!rows.next()) {
                throw new AssertionError("no row: " + sql);
            }
            Object[] values = new Object[rows.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.getObject(i + 1);
            }
            found[0] = values;
        }, parameters);
        return found[0];
    }
}
