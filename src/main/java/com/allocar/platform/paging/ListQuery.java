package com.allocar.platform.paging;

import java.util.List;

/**
 * A parsed, validated list request (API-5): page, page size, sort orders and filter conditions, all naming
 * fields the endpoint declared in its {@link ListSpec}.
 */
public record ListQuery(int page, int pageSize, List<Order> sort, List<Condition> filters) {

    public int offset() {
        return (page - 1) * pageSize;
    }

    public record Order(String field, boolean descending) {
    }

    public enum Operator { eq, in, gte, lte }

    public record Condition(String field, Operator operator, List<Object> values) {
        public Object value() {
            return values.get(0);
        }
    }
}
