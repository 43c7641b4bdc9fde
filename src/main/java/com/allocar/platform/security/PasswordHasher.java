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

    public boolean matches(String password, String hash) {
        return hash != null && Password.check(password, hash).with(ARGON2ID);
    }
}
