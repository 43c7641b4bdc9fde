package com.allocar.platform.paging;

import com.allocar.platform.api.Page;
import com.allocar.platform.api.Pagination;
import com.allocar.platform.errors.ValidationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ListQuery} against one entity with the Criteria API: the API's field names map to entity
 * attributes through a whitelist, so no client text ever reaches the query as code. Results are ordered
 * by the requested fields and then by id, so pages are stable.
 */
public final class JpaLists {
    private JpaLists() {
    }

    /** Extra conditions the endpoint always adds (ownership, the caller's role…). */
    @FunctionalInterface
    public interface Scope<E> {
        List<Predicate> predicates(CriteriaBuilder cb, Root<E> root);

        static <E> Scope<E> none() {
            return (cb, root) -> List.of();
        }
    }

    public static <E> Page<E> page(EntityManager em, Class<E> type, ListQuery query, Map<String, String> attributes,
                                   Scope<E> scope) {
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<E> countRoot = count.from(type);
        count.select(cb.count(countRoot)).where(where(cb, countRoot, query, attributes, scope));
        long total = em.createQuery(count).getSingleResult();

        List<E> items = List.of();
        if (total > query.offset()) {
            CriteriaQuery<E> select = cb.createQuery(type);
            Root<E> root = select.from(type);
            select.select(root).where(where(cb, root, query, attributes, scope));
            List<jakarta.persistence.criteria.Order> orders = new ArrayList<>();
            for (ListQuery.Order order : query.sort()) {
                Path<?> path = path(root, attributes, order.field());
                orders.add(order.descending() ? cb.desc(path) : cb.asc(path));
            }
            orders.add(cb.asc(root.get("id")));
            select.orderBy(orders);
            items = em.createQuery(select)
                    .setFirstResult(query.offset())
                    .setMaxResults(query.pageSize())
                    .getResultList();
        }
        return new Page<>(items, Pagination.of(query.page(), query.pageSize(), total));
    }

    private static <E> Predicate[] where(CriteriaBuilder cb, Root<E> root, ListQuery query,
                                         Map<String, String> attributes, Scope<E> scope) {
        List<Predicate> predicates = new ArrayList<>(scope.predicates(cb, root));
        for (ListQuery.Condition condition : query.filters()) {
            Path<?> path = path(root, attributes, condition.field());
            List<Object> values;
            try {
                values = condition.values().stream().map(v -> coerce(v, path.getJavaType())).toList();
            } catch (ArithmeticException e) {
                throw ValidationException.field(condition.field(), "must be a whole number within range");
            }
            predicates.add(predicate(cb, path, condition.operator(), values));
        }
        return predicates.toArray(Predicate[]::new);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate predicate(CriteriaBuilder cb, Path<?> path, ListQuery.Operator operator, List<Object> values) {
        Expression<Comparable> comparable = (Expression<Comparable>) path;
        return switch (operator) {
            case eq -> cb.equal(path, values.get(0));
            case in -> path.in(values);
            case gte -> cb.greaterThanOrEqualTo(comparable, (Comparable) values.get(0));
            case lte -> cb.lessThanOrEqualTo(comparable, (Comparable) values.get(0));
        };
    }

    private static Path<?> path(Root<?> root, Map<String, String> attributes, String field) {
        String attribute = attributes.getOrDefault(field, field);
        Path<?> path = root;
        for (String part : attribute.split("\\.")) {
            path = path.get(part);
        }
        return path;
    }

    private static Object coerce(Object value, Class<?> target) {
        if (value instanceof BigDecimal number) {
            if (target == Integer.class || target == int.class) {
                return number.intValueExact();
            }
            if (target == Long.class || target == long.class) {
                return number.longValueExact();
            }
        }
        return value;
    }
}
