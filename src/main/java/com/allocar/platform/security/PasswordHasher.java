package com.allocar.platform.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;

/** Argon2id password hashes (OWASP 2024 parameters: 19 MiB, 2 passes, 1 lane), salted per password. */
@ApplicationScoped
public class PasswordHasher {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    private volatile String dummyHash;

    public boolean matches(String password, String hash) {
        return hash != null && Password.check(password, hash).with(ARGON2ID);
    }

    /**
     * As {@link #matches}, but without a hash (no such account, no password) a fixed hash is checked instead and
     * the answer is false: the same work either way, so timing does not reveal which accounts exist.
     */
    public boolean matchesOrDummy(String password, String hash) {
        if (hash != null) {
            return matches(password, hash);
        }
        if (dummyHash == null) {
            dummyHash = hash("dummy-password-for-timing");
        }
        matches(password, dummyHash);
        return false;
    }
}
