package com.allocar.notifications;

import com.allocar.platform.deployment.DeploymentEnvironment;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends plain-text UTF-8 mail over SMTP with a Jakarta Mail {@link Session} built from the environment (no
 * server.xml mail session). Without {@code SMTP_HOST} the mail is written to the log instead, body included, and
 * counts as sent, outside production only; in production it fails ({@link DeliveryMode}). A recipient the server
 * refuses for good (5xx) or an unparsable address is a permanent failure; everything else (connection, timeouts,
 * 4xx, authentication) is retried by the outbox. The body is never logged when really sending.
 */
@ApplicationScoped
public class MailSender {
    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int IO_TIMEOUT_MS = 10_000;
    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @Inject
    @ConfigProperty(name = "SMTP_HOST")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "SMTP_PORT", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "SMTP_USER")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "SMTP_PASS")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "SMTP_FROM", defaultValue = "AlloCar <no-reply@allocar.ci>")
    String from;

    @Inject
    @ConfigProperty(name = "SMTP_STARTTLS", defaultValue = "true")
    boolean startTls;

    @Inject
    @ConfigProperty(name = DeploymentEnvironment.SETTING, defaultValue = "production")
    DeploymentEnvironment environment;

    private Session session;
    private DeliveryMode mode;
    private InternetAddress fromAddress;
    private String target;

    @PostConstruct
    void init() {
        try {
            fromAddress = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("SMTP_FROM is not a mail address: " + e.getMessage(), e);
        }
        String smtpHost = host.map(String::strip).filter(h -> !h.isEmpty()).orElse(null);
        mode = DeliveryMode.of(smtpHost != null, environment);
        if (mode == DeliveryMode.log) {
            target = "development log (SMTP_HOST unset)";
            return;
        }
        if (mode == DeliveryMode.none) {
            target = "nowhere (SMTP_HOST unset in production: every mail fails)";
            LOG.severe("SMTP_HOST is not set in production: mail fails and is never logged");
            return;
        }
        target = "smtp://" + smtpHost + ":" + port + (startTls ? " (STARTTLS)" : "");
        session = Session.getInstance(sessionProperties(smtpHost, port, startTls, authenticated()));
    }

    /** The Jakarta Mail settings of the session: host, port, timeouts, STARTTLS required when asked. */
    static Properties sessionProperties(String host, int port, boolean startTls, boolean auth) {
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        properties.setProperty("mail.smtp.timeout", Integer.toString(IO_TIMEOUT_MS));
        properties.setProperty("mail.smtp.writetimeout", Integer.toString(IO_TIMEOUT_MS));
        properties.setProperty("mail.smtp.auth", Boolean.toString(auth));
        if (startTls) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return properties;
    }

    private boolean authenticated() {
        return user.filter(u -> !u.isBlank()).isPresent();
    }

    /** Where mail goes, for the start-up log line. */
    public String target() {
        return target;
    }

    public DeliveryMode mode() {
        return mode;
    }

    public void send(String to, String subject, String text) throws DeliveryException {
        InternetAddress recipient;
        try {
            recipient = new InternetAddress(to, true);
        } catch (AddressException e) {
            throw DeliveryException.permanent("recipient is not a mail address");
        }
        if (mode == DeliveryMode.none) {
            throw DeliveryMode.unconfigured("SMTP_HOST");
        }
        if (mode == DeliveryMode.log) {
            LOG.info(() -> "development: not sent — mail to " + LogMask.email(to) + ", subject \"" + subject + "\":\n"
                    + text);
            return;
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(fromAddress);
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text == null ? "" : text, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            if (authenticated()) {
                Transport.send(message, user.get().strip(), password.orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (AuthenticationFailedException e) {
            throw DeliveryException.retryable("SMTP authentication failed", e);
        } catch (SendFailedException e) {
            throw failureFor(e);
        } catch (MessagingException e) {
            throw DeliveryException.retryable("SMTP: " + DeliveryException.describe(e), e);
        }
    }

    /** A recipient refused for good is permanent; a temporary refusal (4xx) or none at all is retried. */
    static DeliveryException failureFor(SendFailedException e) {
        Address[] invalid = e.getInvalidAddresses();
        String reason = "SMTP refused the message: " + DeliveryException.describe(e);
        return invalid != null && invalid.length > 0
                ? DeliveryException.permanent(reason, e)
                : DeliveryException.retryable(reason, e);
    }
}
