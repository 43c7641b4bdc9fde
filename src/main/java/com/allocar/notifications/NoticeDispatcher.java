package com.allocar.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Turns a {@link Notice} into outbox rows, in the caller's transaction (docs/notifications.md, "Channels"):
 * <ol>
 * <li>the (event, user) pair is recorded in {@code notification_events}; when it was there already, nothing more
 * happens: a user hears of one event once, whoever asks again;</li>
 * <li>push: one row per registered device, when the push channel is on (and FCM configured);</li>
 * <li>SMS, for a critical kind only: at once when there is no push row, else written by the worker if no push
 * arrives ({@link OutboxStore#fallBackToSms});</li>
 * <li>e-mail to a verified address, for the kinds that are mailed.</li>
 * </ol>
 * Rows of a non-critical kind due in the user's quiet hours wait until they end. Each row's dedupe key is unique.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NoticeDispatcher {
    static final String DATA = "data";
    static final String FALLBACK = "fallback_sms";
    private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class.getName());

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    Recipients recipients;
    @Inject
    PreferencesService preferences;
    @Inject
    DeviceTokens devices;
    @Inject
    Templates templates;
    @Inject
    PushSender push;

    /** Returns how many outbox rows were written (0 when the user was told already, or cannot be reached). */
    public int dispatch(Notice notice) {
        int recorded = em.createNativeQuery("INSERT INTO notification_events (event_key, user_id, kind) "
                        + "VALUES (?1, ?2, ?3) ON CONFLICT (event_key, user_id) DO NOTHING")
                .setParameter(1, notice.event()).setParameter(2, notice.userId()).setParameter(3, notice.kind().name())
                .executeUpdate();
        if (recorded == 0) {
            return 0;
        }
        Optional<Recipients.Recipient> found = recipients.find(notice.userId()).filter(Recipients.Recipient::active);
        if (found.isEmpty()) {
            return 0;
        }
        Recipients.Recipient recipient = found.get();
        NotificationPreferences chosen = preferences.of(notice.userId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant due = notice.kind().ignoresQuietHours() ? now
                : chosen.quietHours().flatMap(quiet -> quiet.heldUntil(now)).orElse(now);
        Templates.Rendered text = templates.render(notice.kind(), recipient.language(), chosen.zone(), notice.vars());
        boolean smsFallback = notice.kind().critical() && chosen.isSms() && recipient.phone() != null;

        int written = 0;
        List<String> tokens = chosen.isPush() && push.canPush() ? devices.tokensOf(notice.userId()) : List.of();
        if (!tokens.isEmpty()) {
            String payload = pushPayload(notice, smsFallback ? recipient.phone() : null, text);
            for (String token : tokens) {
                written += insert(OutboxChannel.push, token, text.title(), text.body(), payload,
                        DedupeKeys.of(notice.event(), notice.userId(), OutboxChannel.push, token), notice, due);
            }
        }
        if (smsFallback && written == 0) {
            written += insert(OutboxChannel.sms, recipient.phone(), null, text.sms(), null,
                    DedupeKeys.of(notice.event(), notice.userId(), OutboxChannel.sms, null), notice, due);
        }
        if (notice.kind().emailed() && chosen.isEmail() && recipient.email() != null) {
            written += insert(OutboxChannel.email, recipient.email(), text.subject(), text.mail(recipient.language()),
                    null, DedupeKeys.of(notice.event(), notice.userId(), OutboxChannel.email, null), notice, due);
        }
        if (written == 0) {
            LOG.fine(() -> "Notification " + notice.kind() + " for user " + notice.userId()
                    + ": no channel reaches them");
        }
        return written;
    }

    /** The push row's payload: the message's data, and the SMS to fall back to (critical kinds). */
    static String pushPayload(Notice notice, String fallbackPhone, Templates.Rendered text) {
        JsonObjectBuilder data = Json.createObjectBuilder();
        pushData(notice).forEach(data::add);
        JsonObjectBuilder payload = Json.createObjectBuilder().add(DATA, data);
        if (fallbackPhone != null) {
            payload.add(FALLBACK, Json.createObjectBuilder().add("to", fallbackPhone).add("text", text.sms()));
        }
        return payload.build().toString();
    }

    static Map<String, String> pushData(Notice notice) {
        Map<String, String> data = new LinkedHashMap<>(notice.data());
        data.put("kind", notice.kind().name());
        data.put("event", notice.event());
        return data;
    }

    private int insert(OutboxChannel channel, String recipient, String subject, String body, String payload,
                       String dedupeKey, Notice notice, Instant due) {
        return em.createNativeQuery("INSERT INTO outbox_messages (channel, recipient, subject, body, payload, dedupe_key, "
                        + "event_key, user_id, next_attempt_at, created_at) "
                        + "VALUES (?1, ?2, NULLIF(?3, ''), ?4, CAST(NULLIF(?5, '') AS jsonb), ?6, ?7, ?8, ?9, ?10) "
                        + "ON CONFLICT (dedupe_key) DO NOTHING")
                .setParameter(1, channel.name()).setParameter(2, recipient).setParameter(3, subject == null ? "" : subject)
                .setParameter(4, body).setParameter(5, payload == null ? "" : payload).setParameter(6, dedupeKey)
                .setParameter(7, notice.event()).setParameter(8, notice.userId()).setParameter(9, due)
                .setParameter(10, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }
}
