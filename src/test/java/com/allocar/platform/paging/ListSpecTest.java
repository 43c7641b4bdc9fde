package com.allocar.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListSpecTest {
    private final ListSpec spec = ListSpec.builder()
            .sortable("created_at", "amount")
            .filter("status", FilterType.oneOf(Set.of("paid", "accepted", "pending")))
            .filter("date", FilterType.INSTANT)
            .filter("seats", FilterType.NUMBER)
            .parameters("role")
            .defaultSort("created_at", true)
            .build();

    private static Map<String, List<String>> query(String... pairs) {
        java.util.LinkedHashMap<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> fieldsOf(Runnable call) {
        try {
            call.run();
        } catch (ValidationException e) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) e.details().get("fields");
            return fields;
        }
        throw new AssertionError("expected a validation_error");
    }

    @Test
    void defaults() {
        ListQuery q = spec.parse(Map.of());
        assertThat(q.page()).isEqualTo(1);
        assertThat(q.pageSize()).isEqualTo(20);
        assertThat(q.offset()).isZero();
        assertThat(q.sort()).containsExactly(new ListQuery.Order("created_at", true));
        assertThat(q.filters()).isEmpty();
    }

    @Test
    void pageSortAndFilters() {
        ListQuery q = spec.parse(query("page", "3", "page_size", "50", "sort", "amount,-created_at",
                "status", "in:paid,accepted", "date_gte", "2026-11-01", "date_lte", "2026-11-30T23:59:59Z",
                "role", "driver"));
        assertThat(q.offset()).isEqualTo(100);
        assertThat(q.sort()).containsExactly(new ListQuery.Order("amount", false), new ListQuery.Order("created_at", true));
        assertThat(q.filters()).containsExactlyInAnyOrder(
                new ListQuery.Condition("status", ListQuery.Operator.in, List.of("paid", "accepted")),
                new ListQuery.Condition("date", ListQuery.Operator.gte, List.of(Instant.parse("2026-11-01T00:00:00Z"))),
                new ListQuery.Condition("date", ListQuery.Operator.lte, List.of(Instant.parse("2026-11-30T23:59:59Z"))));
    }

    @Test
    void unknownSortFieldIsRejected() {
        assertThat(fieldsOf(() -> spec.parse(query("sort", "password_hash")))).containsKey("sort");
    }

    @Test
    void unknownFilterIsRejectedNotIgnored() {
        assertThat(fieldsOf(() -> spec.parse(query("colour", "red")))).containsKey("colour");
    }

    @Test
    void badValuesAreRejectedWithTheirField() {
        Map<String, Object> fields = fieldsOf(() -> spec.parse(query("status", "in:paid,stolen", "date_gte", "yesterday",
                "page", "0", "page_size", "101")));
        assertThat(fields).containsKeys("status", "date_gte", "page", "page_size");
    }

    @Test
    void rangeOnlyOnOrderedFilters() {
        assertThat(fieldsOf(() -> spec.parse(query("status_gte", "paid")))).containsKey("status_gte");
    }

    @Test
    void repeatedFilterIsRejected() {
        assertThat(fieldsOf(() -> spec.parse(query("status", "paid", "status", "pending")))).containsKey("status");
    }

    @Test
    void duplicateSortFieldIsRejected() {
        assertThatThrownBy(() -> spec.parse(query("sort", "amount,-amount"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void numberFiltersAreBounded() {
        assertThat(fieldsOf(() -> spec.parse(query("seats_gte", "1e9000000")))).containsKey("seats_gte");
        assertThat(fieldsOf(() -> spec.parse(query("seats", "1e-9000000")))).containsKey("seats");
        assertThat(fieldsOf(() -> spec.parse(query("seats_lte", "9".repeat(100_000))))).containsKey("seats_lte");
        assertThat(spec.parse(query("seats_gte", "2")).filters().get(0).value()).isEqualTo(new java.math.BigDecimal("2"));
    }

    @Test
    void pagesAreBoundedSoNoOffsetOverflows() {
        // page 21474838 of 100 made the offset overflow an int: a 500 on the search and on every list.
        assertThat(fieldsOf(() -> spec.parse(query("page", "21474838", "page_size", "100"))))
                .containsEntry("page", "must be between 1 and " + ListSpec.MAX_PAGE);
        assertThat(fieldsOf(() -> spec.parse(query("page", "99999999999")))).containsKey("page");
        ListQuery last = spec.parse(query("page", Integer.toString(ListSpec.MAX_PAGE), "page_size", "100"));
        assertThat(last.offset()).isEqualTo(999_900);
    }
}
