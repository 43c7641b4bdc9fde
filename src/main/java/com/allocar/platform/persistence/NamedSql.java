package com.allocar.platform.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SQL statement written with {@code :name} parameters (readable, and runnable by hand), turned into the
 * positional form JDBC prepares. {@code ::type} casts and text inside quotes or comments are left alone.
 */
public final class NamedSql {
    private final String sql;
    private final List<String> names;

    private NamedSql(String sql, List<String> names) {
        this.sql = sql;
        this.names = List.copyOf(names);
    }

    public static NamedSql parse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                end = end < 0 ? text.length() : end + 1;
                out.append(text, i, end);
                i = end;
            } else if (c == '-' && text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (c == ':' && text.startsWith("::", i)) {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < text.length() && isNameStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedSql(out.toString().strip(), names);
    }

    /** Reads a statement kept beside a class, e.g. {@code NamedSql.resource(TripSearchRepository.class, "trip-search.sql")}. */
    public static String resourceText(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + name + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The positional statement to prepare. */
    public String sql() {
        return sql;
    }

    /** The parameter names in the order of their {@code ?}, repeated where the text repeats them. */
    public List<String> names() {
        return names;
    }

    /** Binds every parameter from {@code values}; a missing name is a programming error. */
    public void bind(PreparedStatement statement, Map<String, ?> values) throws SQLException {
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            statement.setObject(index + 1, values.get(name));
        }
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    @Override
    public String toString() {
        return Objects.toString(sql);
    }
}
