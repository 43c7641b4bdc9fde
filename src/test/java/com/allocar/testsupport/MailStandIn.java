package com.allocar.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMTP server for the tests: GreenMail on {@code ALLOCAR_IT_SMTP_PORT}, where {@code scripts/test} points the
 * server's {@code SMTP_HOST}/{@code SMTP_PORT} (without STARTTLS). Started once per test JVM by the first test
 * that calls {@link #start()}; mail the server sent before that is retried by its outbox. Tests write to their
 * own {@link #randomAddress()}, so they never see each other's mail.
 *
 * <pre>
 * MailStandIn.start();
 * String address = Accounts.newEmail();
 * … ask for a mail to address …
 * MailStandIn.Mail mail = MailStandIn.awaitMailTo(address, Duration.ofSeconds(15));
 * </pre>
 */
public final class MailStandIn {
    private static GreenMail greenMail;

    /**
     * One mail received, decoded.
     *
     * @param from    the From header as written ({@code AlloCar <no-reply@allocar.ci>})
     * @param text    the plain-text body, decoded from its transfer encoding and charset
     * @param message the whole message, for headers and anything else
     */
    public record Mail(String from, List<String> to, String subject, String text, MimeMessage message) {
    }

    private MailStandIn() {
    }

    /** Starts the SMTP server if it is not running yet (once per JVM; stopped when the JVM exits). */
    public static synchronized void start() {
        if (greenMail != null) {
            return;
        }
        int port = Integer.parseInt(SmsStandIn.requiredEnv("ALLOCAR_IT_SMTP_PORT"));
        GreenMail started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "mail-stand-in-stop"));
        greenMail = started;
    }

    public static int port() {
        running();
        return Integer.parseInt(SmsStandIn.requiredEnv("ALLOCAR_IT_SMTP_PORT"));
    }


    /** The mails received so far with {@code address} among their To recipients, oldest first. */
    public static List<Mail> mailsTo(String address) {
        List<Mail> found = new ArrayList<>();
        for (MimeMessage message : running().getReceivedMessages()) {
            try {
                Address[] recipients = message.getRecipients(Message.RecipientType.TO);
                List<String> to = new ArrayList<>();
                boolean match = false;
                for (Address recipient : recipients == null ? new Address[0] : recipients) {
                    String email = ((InternetAddress) recipient).getAddress();
                    to.add(email);
                    match |= email.equalsIgnoreCase(address);
                }
                if (match) {
                    Object content = message.getContent();
                    found.add(new Mail(message.getHeader("From", ", "), List.copyOf(to), message.getSubject(),
                            content instanceof String text ? text : String.valueOf(content), message));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable mail in the stand-in", e);
            }
        }
        return found;
    }

    /** Waits for the first mail to {@code address}. */
    public static Mail awaitMailTo(String address, Duration timeout) {
        return awaitMailsTo(address, 1, timeout).get(0);
    }

    /** Waits until at least {@code count} mails reached {@code address}; returns them all, oldest first. */
    public static List<Mail> awaitMailsTo(String address, int count, Duration timeout) {
        return SmsStandIn.await(() -> {
            List<Mail> mails = mailsTo(address);
            return mails.size() >= count ? mails : null;
        }, timeout, () -> count + " mails to " + address);
    }

    private static synchronized GreenMail running() {
        if (greenMail == null) {
            throw new IllegalStateException("MailStandIn.start() first");
        }
        return greenMail;
    }
}
