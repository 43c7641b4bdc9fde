package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.platform.settings.SettingKey;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    private static final ZoneId ABIDJAN = ZoneId.of("Africa/Abidjan");
    private static final Map<String, Object> PAID = Map.of("route", "Abidjan, Plateau → Yamoussoukro",
            "departure", Instant.parse("2026-03-12T07:30:00Z"), "seats", 2, "amount", new BigDecimal("12000"));

    @Test
    void everyKindHasATitleAndABodyInFrenchAndEnglish() {
        for (NotificationKind kind : NotificationKind.values()) {
            for (String language : Templates.LANGUAGES) {
                assertThat(Templates.text(kind, language, "title", null)).as(kind + " " + language).isNotBlank();
                assertThat(Templates.text(kind, language, "body", null)).as(kind + " " + language).isNotBlank();
            }
        }
    }

    @Test
    void frenchIsWrittenForAnIvorianReader() {
        String body = Templates.fill(Templates.text(NotificationKind.booking_paid, "fr", "body", null), "fr",
                ABIDJAN, PAID);

        assertThat(body).isEqualTo("Votre paiement de 12\u202f000 F CFA est confirmé : 2 places pour "
                + "Abidjan, Plateau → Yamoussoukro le 12/03 à 07h30. Bon voyage !");
    }

    @Test
    void englishAndAnotherTimeZone() {
        String body = Templates.fill(Templates.text(NotificationKind.booking_paid, "en", "body", null), "en",
                ZoneId.of("Europe/Paris"), Map.of("route", "A → B", "departure", Instant.parse("2026-03-12T07:30:00Z"),
                        "seats", 1, "amount", new BigDecimal("6000")));

        assertThat(body).isEqualTo("Your payment of XOF 6,000 is confirmed: 1 seat on A → B on 12/03 at 08:30. "
                + "Have a good trip!");
    }

    @Test
    void anOptionalPartNeedsAllItsValues() {
        Map<String, Object> vars = new HashMap<>(PAID);
        String template = Templates.text(NotificationKind.booking_rejected, "fr", "body", null);

        assertThat(Templates.fill(template, "fr", ABIDJAN, vars)).endsWith("du 12/03 à 07h30.");
        vars.put("reason", "Plus de place pour les bagages");
        assertThat(Templates.fill(template, "fr", ABIDJAN, vars))
                .endsWith("du 12/03 à 07h30 : Plus de place pour les bagages.");
    }

    @Test
    void theTimeAloneOfAnInstant() {
        assertThat(Templates.fill("à {departure_time}", "fr", ABIDJAN, PAID)).isEqualTo("à 07h30");
        assertThat(Templates.fill("at {departure_time}", "en", ABIDJAN, PAID)).isEqualTo("at 07:30");
    }

    @Test
    void anUnknownPlaceholderStaysVisible() {
        assertThat(Templates.fill("Bonjour {nobody}", "fr", ABIDJAN, PAID)).isEqualTo("Bonjour {nobody}");
    }

    @Test
    void theSettingOverridesPerLanguageAndPartAndFallsBackToFrench() {
        JsonValue override = SettingKey.parse("{\"fr\": {\"title\": \"Payé !\"}, \"en\": {\"body\": \"Paid {amount}\"}}");

        assertThat(Templates.text(NotificationKind.booking_paid, "fr", "title", override)).isEqualTo("Payé !");
        assertThat(Templates.text(NotificationKind.booking_paid, "fr", "body", override)).startsWith("Votre paiement");
        assertThat(Templates.text(NotificationKind.booking_paid, "en", "body", override)).isEqualTo("Paid {amount}");
        assertThat(Templates.text(NotificationKind.booking_paid, "en", "title", override)).isEqualTo("Payment confirmed");
        // a plain string is a template id of the past: the built-in text stays
        assertThat(Templates.text(NotificationKind.booking_paid, "fr", "title", SettingKey.parse("\"booking-paid-v1\"")))
                .isEqualTo("Paiement confirmé");
    }

    @Test
    void theRenderedFormsOfEachChannel() {
        Templates.Rendered rendered = new Templates.Rendered("Paiement confirmé", "Bon voyage !");

        assertThat(rendered.sms()).isEqualTo("AlloCar : Bon voyage !");
        assertThat(rendered.subject()).isEqualTo("AlloCar : Paiement confirmé");
        assertThat(rendered.mail("fr")).startsWith("Bon voyage !\n\n— AlloCar").contains("heures de calme");
        assertThat(rendered.mail("en")).contains("quiet hours");
    }
}
