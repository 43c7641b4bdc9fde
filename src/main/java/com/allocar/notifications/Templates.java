package com.allocar.notifications;

import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of notifications, per kind and language: built in ({@code templates_fr.properties},
 * {@code templates_en.properties} beside this class), each title or body replaceable through the setting
 * {@code notifications.templates} ({@code {"booking_paid": {"fr": {"title": "…", "body": "…"}}}}; a plain string
 * there is a template id of the past and changes nothing). A language without a text falls back to French.
 * <p>
 * Placeholders are {@code {name}}; {@code [ … ]} around text with placeholders keeps it only when all of them have a
 * value. Values are written for the reader: an {@link Instant} in their time zone ({@code {x_time}} gives its time
 * alone), an amount ({@link BigDecimal}) in francs CFA, {@code seats} as "2 places" / "2 seats".
 */
@ApplicationScoped
public class Templates {
    public static final String DEFAULT_LANGUAGE = "fr";
    public static final Set<String> LANGUAGES = Set.of("fr", "en");
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Map<String, Properties> BUILT_IN = Map.of("fr", load("fr"), "en", load("en"));

    @Inject
    Settings settings;

    /** A notification's texts for one reader. */
    public record Rendered(String title, String body) {
        /** The SMS: the body, signed. */
        public String sms() {
            return "AlloCar : " + body;
        }

        /** The mail's subject. */
        public String subject() {
            return "AlloCar : " + title;
        }

        /** The mail's plain-text body. */
        public String mail(String language) {
            String footer = "en".equals(language)
                    ? "You receive this message because of your AlloCar account. Choose your channels and quiet hours "
                    + "in the app's settings."
                    : "Vous recevez ce message pour votre compte AlloCar. Choisissez vos canaux et vos heures de calme "
                    + "dans les réglages de l'application.";
            return body + "\n\n— AlloCar\n\n" + footer + "\n";
        }
    }

    public Rendered render(NotificationKind kind, String language, ZoneId zone, Map<String, Object> vars) {
        String lang = language != null && LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
        JsonValue override = settings.notificationTemplates().get(kind.name());
        String title = text(kind, lang, "title", override);
        String body = text(kind, lang, "body", override);
        return new Rendered(fill(title, lang, zone, vars), fill(body, lang, zone, vars));
    }

    /** The override of the setting for this language, else the built-in text, else the French one. */
    static String text(NotificationKind kind, String language, String part, JsonValue override) {
        for (String lang : language.equals(DEFAULT_LANGUAGE) ? new String[] {language}
                : new String[] {language, DEFAULT_LANGUAGE}) {
            if (override instanceof JsonObject languages && languages.get(lang) instanceof JsonObject texts
                    && texts.get(part) instanceof JsonString text && !text.getString().isBlank()) {
                return text.getString();
            }
            String builtIn = BUILT_IN.get(lang).getProperty(kind.name() + "." + part);
            if (builtIn != null) {
                return builtIn;
            }
        }
        throw new IllegalStateException("No " + part + " for notification " + kind);
    }

    /** Fills the placeholders; a placeholder without a value stays as it is, so that a wrong name shows. */
    static String fill(String template, String language, ZoneId zone, Map<String, Object> vars) {
        Matcher optional = OPTIONAL.matcher(template);
        StringBuilder kept = new StringBuilder();
        while (optional.find()) {
            Matcher names = PLACEHOLDER.matcher(optional.group(1));
            boolean all = true;
            while (names.find()) {
                all &= value(names.group(1), language, zone, vars) != null;
            }
            optional.appendReplacement(kept, Matcher.quoteReplacement(all ? optional.group(1) : ""));
        }
        optional.appendTail(kept);
        Matcher placeholder = PLACEHOLDER.matcher(kept);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = value(placeholder.group(1), language, zone, vars);
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private static String value(String name, String language, ZoneId zone, Map<String, Object> vars) {
        Object value = vars.get(name);
        if (value == null && name.endsWith("_time")
                && vars.get(name.substring(0, name.length() - "_time".length())) instanceof Instant instant) {
            return DateTimeFormatter.ofPattern("en".equals(language) ? "HH:mm" : "HH'h'mm").withZone(zone)
                    .format(instant);
        }
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ofPattern("en".equals(language) ? "dd/MM 'at' HH:mm" : "dd/MM 'à' HH'h'mm")
                    .withZone(zone).format(instant);
        }
        if (value instanceof BigDecimal amount) {
            return money(amount, language);
        }
        if (name.equals("seats") && value instanceof Number seats) {
            int n = seats.intValue();
            return n + ("en".equals(language) ? (n == 1 ? " seat" : " seats") : (n == 1 ? " place" : " places"));
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }

    /** XOF, whole francs: {@code 6 000 F CFA} in French, {@code XOF 6,000} in English. */
    static String money(BigDecimal amount, String language) {
        boolean english = "en".equals(language);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(english ? Locale.ENGLISH : Locale.FRENCH);
        symbols.setGroupingSeparator(english ? ',' : '\u202f');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        String number = format.format(amount.setScale(0, java.math.RoundingMode.HALF_UP));
        return english ? "XOF " + number : number + " F CFA";
    }

    private static Properties load(String language) {
        String name = "templates_" + language + ".properties";
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name);
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
