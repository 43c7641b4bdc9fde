package com.allocar.platform.paging;

import com.allocar.platform.json.JsonNumbers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** How a filter's text values are read; each parse failure becomes a {@code validation_error}. */
public sealed interface FilterType {

    Object parse(String text);

    /** Whether {@code _gte} / {@code _lte} make sense for it. */
    default boolean ordered() {
        return false;
    }

    FilterType TEXT = new Text();
    FilterType UUID_VALUE = new UuidValue();
    FilterType INSTANT = new InstantValue();
    FilterType NUMBER = new NumberValue();
    FilterType BOOLEAN = new BooleanValue();

    static FilterType oneOf(Set<String> allowed) {
        return new OneOf(allowed);
    }

    static <E extends Enum<E>> FilterType of(Class<E> enumType) {
        return new EnumValue<>(enumType);
    }

    record Text() implements FilterType {
        public Object parse(String text) {
            return text;
        }
    }

    record UuidValue() implements FilterType {
        public Object parse(String text) {
            return UUID.fromString(text);
        }
    }

    /** An ISO-8601 instant, or a date meaning its first instant in UTC. */
    record InstantValue() implements FilterType {
        public Object parse(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }

        public boolean ordered() {
            return true;
        }
    }

    /** A number within the API's bounds ({@link JsonNumbers}): 1e9000000 would reach the database and fail there. */
    record NumberValue() implements FilterType {
        public Object parse(String text) {
            if (text.length() > JsonNumbers.MAX_CHARS) {
                throw new IllegalArgumentException(JsonNumbers.bounds());
            }
            BigDecimal value = new BigDecimal(text);
            if (!JsonNumbers.bounded(value)) {
                throw new IllegalArgumentException(JsonNumbers.bounds());
            }
            return value;
        }

        public boolean ordered() {
            return true;
        }
    }

    record BooleanValue() implements FilterType {
        public Object parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("expected true or false");
            };
        }
    }

    record OneOf(Set<String> allowed) implements FilterType {
        public Object parse(String text) {
            if (!allowed.contains(text)) {
                throw new IllegalArgumentException("expected one of " + new java.util.TreeSet<>(allowed));
            }
            return text;
        }
    }

    record EnumValue<E extends Enum<E>>(Class<E> type) implements FilterType {
        public Object parse(String text) {
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                java.util.TreeSet<String> names = new java.util.TreeSet<>();
                for (E constant : type.getEnumConstants()) {
                    names.add(constant.name());
                }
                throw new IllegalArgumentException("expected one of " + names);
            }
        }
    }
}
