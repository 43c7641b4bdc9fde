package com.allocar.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void namesBecomePositionalInOrderAndRepeat() {
        NamedSql sql = NamedSql.parse("SELECT * FROM t WHERE a = :first AND b > :second_2 OR a = :first");
        assertThat(sql.sql()).isEqualTo("SELECT * FROM t WHERE a = ? AND b > ? OR a = ?");
        assertThat(sql.names()).containsExactly("first", "second_2", "first");
    }

    @Test
    void castsQuotesAndCommentsAreLeftAlone() {
        NamedSql sql = NamedSql.parse("""
                -- a comment with :not_a_parameter
                SELECT ':nor_this', x::geography, "col:umn" FROM t WHERE y = CAST(:real AS text)""");
        assertThat(sql.sql()).isEqualTo("SELECT ':nor_this', x::geography, \"col:umn\" FROM t WHERE y = CAST(? AS text)");
        assertThat(sql.names()).isEqualTo(List.of("real"));
    }

    @Test
    void theSearchStatementHasEveryParameterOnce() {
        NamedSql sql = NamedSql.parse(NamedSql.resourceText(com.allocar.trips.TripSearchSort.class, "trip-search.sql"));
        assertThat(sql.names()).contains("from_lat", "from_lon", "to_lat", "to_lon", "radius_m", "departure_after",
                "departure_before", "seats", "price_min", "price_max", "driver_rating", "comfort", "limit", "offset");
        assertThat(sql.sql()).doesNotContain(":from").contains("{order}");
    }

    @Test
    void aMissingResourceIsAClearError() {
        assertThatThrownBy(() -> NamedSql.resourceText(NamedSqlTest.class, "nope.sql"))
                .hasMessageContaining("nope.sql");
    }
}
