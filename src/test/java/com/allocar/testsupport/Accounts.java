package com.allocar.testsupport;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh identities for tests: unique phone numbers and addresses, so tests never see each other's data. */
public final class Accounts {
    private Accounts() {
    }

    /** A valid Ivorian mobile number nobody else in the run uses. */
    public static String newPhone() {
        return "+22507" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.ci";
    }
}
