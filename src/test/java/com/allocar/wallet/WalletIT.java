package com.allocar.wallet;

import static com.allocar.wallet.WalletFixtures.WALLET;
import static com.allocar.wallet.WalletFixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.wallet.WalletFixtures.User;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /wallet} and {@code GET /wallet/txns} (WAL-1): the caller's own, filters, period, sort and pages. */
class WalletIT {
    /** Five movements of one wallet: two in March 2025, one at the first instant of April 2025, two recent. */
    private static User walletWithHistory() {
        User user = WalletFixtures.user();
        Instant now = Instant.now();
        WalletFixtures.txn(user.id(), "credit", 10_000, "topup", "completed", Instant.parse("2025-03-10T10:00:00Z"));
        WalletFixtures.txn(user.id(), "debit", 3_000, "payment", "completed", Instant.parse("2025-03-20T10:00:00Z"));
        WalletFixtures.txn(user.id(), "credit", 500, "topup", "pending", Instant.parse("2025-04-01T00:00:00Z"));
        WalletFixtures.txn(user.id(), "debit", 2_000, "withdrawal", "failed", now.minus(Duration.ofDays(40)));
        WalletFixtures.txn(user.id(), "credit", 1_500, "refund", "completed", now.minus(Duration.ofDays(2)));
        return user;
    }

    private static JsonPath list(User user, String query) {
        Response response = Clients.withToken(user.token()).get(WALLET + "/txns" + query);
        assertThat(response.statusCode()).as(query + ": " + response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    private static List<Integer> amounts(User user, String query) {
        return list(user, query).getList("data.amount", Integer.class);
    }

    @Test
    void aNewUsersWalletIsEmpty() {
        User user = WalletFixtures.user();
        JsonPath wallet = Clients.withToken(user.token()).get(WALLET).then().statusCode(200).extract().jsonPath();
        assertThat(wallet.getString("data.id")).isNotBlank();
        assertThat(wallet.getInt("data.balance")).isZero();
        assertThat(wallet.getInt("data.pending_withdrawals")).isZero();
        assertThat(wallet.getString("data.currency")).isEqualTo("XOF");
        assertThat(wallet.getString("data.updated_at")).isNotBlank();
        assertThat(list(user, "").getInt("meta.pagination.total")).isZero();
    }

    @Test
    void theBalanceIsTheSumOfTheCompletedMovements() {
        User user = walletWithHistory();
        JsonPath wallet = Clients.withToken(user.token()).get(WALLET).then().statusCode(200).extract().jsonPath();
        assertThat(wallet.getInt("data.balance")).isEqualTo(10_000 - 3_000 + 1_500);
        WalletFixtures.ledger(user.id()).assertConsistent();
    }

    @Test
    void movementsAreListedNewestFirstWithEveryField() {
        User user = walletWithHistory();
        JsonPath page = list(user, "");
        assertThat(page.getList("data.amount", Integer.class)).containsExactly(1_500, 2_000, 500, 3_000, 10_000);
        assertThat(page.getInt("meta.pagination.total")).isEqualTo(5);
        assertThat(page.getString("data[0].type")).isEqualTo("credit");
        assertThat(page.getString("data[0].source")).isEqualTo("refund");
        assertThat(page.getString("data[0].status")).isEqualTo("completed");
        assertThat(page.getInt("data[0].balance_after")).isEqualTo(8_500);
        assertThat(page.getString("data[0].ref_type")).isEqualTo("test");
        assertThat(page.getString("data[0].ref_id")).isNotBlank();
        assertThat(page.getString("data[0].description")).isEqualTo("fixture");
        assertThat(page.getString("data[0].created_at")).endsWith("Z");
        assertThat(page.getString("data[0].id")).isNotBlank();
    }

    @Test
    void filtersByTypeStatusAndCreationTime() {
        User user = walletWithHistory();
        assertThat(amounts(user, "?type=credit")).containsExactly(1_500, 500, 10_000);
        assertThat(amounts(user, "?type=debit")).containsExactly(2_000, 3_000);
        assertThat(amounts(user, "?status=completed")).containsExactly(1_500, 3_000, 10_000);
        assertThat(amounts(user, "?status=pending")).containsExactly(500);
        assertThat(amounts(user, "?status=failed&type=debit")).containsExactly(2_000);
        assertThat(amounts(user, "?status=in:pending,failed")).containsExactly(2_000, 500);
        assertThat(amounts(user, "?created_at_gte=2025-03-15&created_at_lte=2025-04-01T00:00:00Z"))
                .containsExactly(500, 3_000);
        assertThat(amounts(user, "?amount_gte=1500&amount_lte=3000")).containsExactly(1_500, 2_000, 3_000);
    }

    @Test
    void filtersByPeriod() {
        User user = walletWithHistory();
        assertThat(amounts(user, "?period=7d")).containsExactly(1_500);
        assertThat(amounts(user, "?period=90d")).containsExactly(1_500, 2_000);
        assertThat(amounts(user, "?period=2025-03")).containsExactly(3_000, 10_000);
        assertThat(amounts(user, "?period=2025-04")).containsExactly(500);
        assertThat(amounts(user, "?period=2025-04-01")).containsExactly(500);
        assertThat(amounts(user, "?period=2025-03-20..2025-04-01")).containsExactly(500, 3_000);
        assertThat(amounts(user, "?period=2025-03-21..2025-03-31")).isEmpty();
        assertThat(amounts(user, "?period=2025-03&type=debit")).containsExactly(3_000);
    }

    @Test
    void sortsAndPages() {
        User user = walletWithHistory();
        assertThat(amounts(user, "?sort=amount")).containsExactly(500, 1_500, 2_000, 3_000, 10_000);
        assertThat(amounts(user, "?sort=-amount")).containsExactly(10_000, 3_000, 2_000, 1_500, 500);
        assertThat(amounts(user, "?sort=created_at")).containsExactly(10_000, 3_000, 500, 2_000, 1_500);
        JsonPath first = list(user, "?sort=amount&page_size=2");
        assertThat(first.getList("data.amount", Integer.class)).containsExactly(500, 1_500);
        assertThat(first.getInt("meta.pagination.page")).isEqualTo(1);
        assertThat(first.getInt("meta.pagination.page_size")).isEqualTo(2);
        assertThat(first.getInt("meta.pagination.total")).isEqualTo(5);
        assertThat(first.getInt("meta.pagination.page_count")).isEqualTo(3);
        JsonPath last = list(user, "?sort=amount&page_size=2&page=3");
        assertThat(last.getList("data.amount", Integer.class)).containsExactly(10_000);
        assertThat(list(user, "?page=4&page_size=2").getList("data")).isEmpty();
    }

    @Test
    void badFiltersAreValidationErrors() {
        User user = WalletFixtures.user();
        var client = Clients.withToken(user.token());
        assertInvalid(client.get(WALLET + "/txns?type=sideways"), "type");
        assertInvalid(Clients.withToken(user.token()).get(WALLET + "/txns?status=done"), "status");
        assertInvalid(Clients.withToken(user.token()).get(WALLET + "/txns?sort=balance"), "sort");
        assertInvalid(Clients.withToken(user.token()).get(WALLET + "/txns?source=topup"), "source");
        assertInvalid(Clients.withToken(user.token()).get(WALLET + "/txns?type_gte=credit"), "type_gte");
        assertInvalid(Clients.withToken(user.token()).get(WALLET + "/txns?created_at_gte=yesterday"), "created_at_gte");
        assertInvalid(Clients.withToken(user.token()).get(WALLET + "/txns?page_size=101"), "page_size");
        for (String period : List.of("7x", "0d", "367d", "2025-13", "2025-02-30", "2025-04-02..2025-04-01", "last")) {
            assertInvalid(Clients.withToken(user.token()).get(WALLET + "/txns?period=" + period), "period");
        }
    }

    @Test
    void nobodySeesAnotherUsersMovements() {
        User owner = walletWithHistory();
        User other = WalletFixtures.user();
        assertThat(list(other, "").getInt("meta.pagination.total")).isZero();
        assertThat(list(owner, "").getInt("meta.pagination.total")).isEqualTo(5);
        Clients.anonymous().get(WALLET + "/txns").then().statusCode(401);
    }
}
