package com.allocar.platform.paging;

import com.allocar.platform.errors.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one list endpoint accepts: its sortable fields, its filters with their types, and any other query
 * parameters it reads itself. {@link #parse} turns a query string into a {@link ListQuery}, rejecting
 * anything unknown or malformed with {@code validation_error} (API-5: never silently ignored).
 *
 * <p>Syntax: {@code page} (1..10000), {@code page_size} (1..100, default 20), {@code sort=field,-other},
 * {@code field=value}, {@code field=in:a,b}, {@code field_gte=…}, {@code field_lte=…}.
 */
public final class ListSpec {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /**
     * The last page anyone may ask for: the offset ({@code (page - 1) * page_size}) then stays below a million rows,
     * far from int overflow (page 21474838 of 100 was a 500), and no request makes the database skip further.
     */
    public static final int MAX_PAGE = 10_000;

    private final Set<String> sortable;
    private final Map<String, FilterType> filters;
    private final Set<String> otherParameters;
    private final List<ListQuery.Order> defaultSort;

    private ListSpec(Builder builder) {
        this.sortable = Set.copyOf(builder.sortable);
        this.filters = Map.copyOf(builder.filters);
        this.otherParameters = Set.copyOf(builder.otherParameters);
        this.defaultSort = List.copyOf(builder.defaultSort);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ListQuery parse(Map<String, List<String>> query) {
        Map<String, String> problems = new TreeMap<>();
        int page = intParameter(query, "page", 1, 1, MAX_PAGE, problems);
        int pageSize = intParameter(query, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, problems);
        List<ListQuery.Order> sort = sortOf(query, problems);
        List<ListQuery.Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (name.equals("page") || name.equals("page_size") || name.equals("sort") || otherParameters.contains(name)) {
                continue;
            }
            if (parameter.getValue().size() > 1) {
                problems.put(name, "must be given once");
                continue;
            }
            condition(name, parameter.getValue().get(0), problems).ifPresent(conditions::add);
        }
        if (!problems.isEmpty()) {
            throw ValidationException.fields(problems);
        }
        return new ListQuery(page, pageSize, sort, List.copyOf(conditions));
    }

    private java.util.Optional<ListQuery.Condition> condition(String name, String raw, Map<String, String> problems) {
        ListQuery.Operator operator = ListQuery.Operator.eq;
        String field = name;
        if (name.endsWith("_gte") || name.endsWith("_lte")) {
            field = name.substring(0, name.length() - 4);
            operator = name.endsWith("_gte") ? ListQuery.Operator.gte : ListQuery.Operator.lte;
        }
        FilterType type = filters.get(field);
        if (type == null) {
            type = filters.get(name);
            field = name;
            operator = ListQuery.Operator.eq;
        }
        if (type == null) {
            problems.put(name, "unknown parameter; filters here: " + new java.util.TreeSet<>(filters.keySet()));
            return java.util.Optional.empty();
        }
        if (operator != ListQuery.Operator.eq && !type.ordered()) {
            problems.put(name, "this filter has no range");
            return java.util.Optional.empty();
        }
        List<String> texts = List.of(raw);
        if (operator == ListQuery.Operator.eq && raw.startsWith("in:")) {
            operator = ListQuery.Operator.in;
            texts = List.of(raw.substring(3).split(",", -1));
        }
        List<Object> values = new ArrayList<>();
        for (String text : texts) {
            try {
                if (text.isBlank()) {
                    throw new IllegalArgumentException("must not be empty");
                }
                values.add(type.parse(text.trim()));
            } catch (RuntimeException e) {
                problems.put(name, "invalid value '" + text + "': " + (e.getMessage() == null ? "malformed" : e.getMessage()));
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(new ListQuery.Condition(field, operator, List.copyOf(values)));
    }

    private List<ListQuery.Order> sortOf(Map<String, List<String>> query, Map<String, String> problems) {
        List<String> raw = query.get("sort");
        if (raw == null || raw.isEmpty()) {
            return defaultSort;
        }
        List<ListQuery.Order> orders = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : String.join(",", raw).split(",", -1)) {
            String item = part.trim();
            boolean descending = item.startsWith("-");
            String field = descending ? item.substring(1) : item;
            if (!sortable.contains(field)) {
                problems.put("sort", "cannot sort by '" + field + "'; sortable: " + new java.util.TreeSet<>(sortable));
                return defaultSort;
            }
            if (!seen.add(field)) {
                problems.put("sort", "'" + field + "' is given twice");
                return defaultSort;
            }
            orders.add(new ListQuery.Order(field, descending));
        }
        return List.copyOf(orders);
    }

    private static int intParameter(Map<String, List<String>> query, String name, int fallback, int min, int max,
                                    Map<String, String> problems) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(values.get(values.size() - 1).trim());
            if (value < min || value > max) {
                problems.put(name, "must be between " + min + " and " + max);
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.put(name, "must be a whole number");
            return fallback;
        }
    }

    public static final class Builder {
        private final Set<String> sortable = new LinkedHashSet<>();
        private final Map<String, FilterType> filters = new LinkedHashMap<>();
        private final Set<String> otherParameters = new LinkedHashSet<>();
        private final List<ListQuery.Order> defaultSort = new ArrayList<>();

        public Builder sortable(String... fields) {
            sortable.addAll(List.of(fields));
            return this;
        }

        public Builder filter(String field, FilterType type) {
            filters.put(field, type);
            return this;
        }

        /** Query parameters the endpoint reads itself (e.g. {@code role}, {@code query}). */
        public Builder parameters(String... names) {
            otherParameters.addAll(List.of(names));
            return this;
        }

        public Builder defaultSort(String field, boolean descending) {
            defaultSort.add(new ListQuery.Order(field, descending));
            return this;
        }

        public ListSpec build() {
            return new ListSpec(this);
        }
    }
}
