package com.allocar.identity;

import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.StaleStateException;

/**
 * Sign-in with Google or Apple (AUTH-5): the ID token is verified first, outside any transaction (it may fetch
 * the provider's keys), then {@link SocialAccounts} finds or creates the account and issues our tokens.
 */
@ApplicationScoped
public class SocialSignInService {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int ATTEMPTS = 5;

    @Inject
    SocialTokenVerifier verifier;
    @Inject
    SocialAccounts accounts;

    public SignedIn signIn(String providerName, SocialSignInRequest request, String userAgent) {
        SocialProvider provider = SocialProvider.parse(providerName);
        SocialIdentity identity = verifier.verify(provider, request.idToken());
        if (identity.email() == null || identity.email().indexOf('@') < 1) {
            throw new ForbiddenException("The provider did not share an email address; allow it and try again.",
                    Map.of("reason", "email_missing", "provider", provider.name()));
        }
        if (!identity.emailVerified()) {
            throw new ForbiddenException("The provider has not verified this email address.",
                    Map.of("reason", "email_unverified", "provider", provider.name()));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return accounts.signIn(identity, request.firstName(), request.lastName(), userAgent);
            } catch (RuntimeException e) {
                // A concurrent first sign-in with the same address created the account (unique address), or a
                // concurrent sign-in of the same account updated it (version): a new transaction sees the winner.
                if (!isRace(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("Another sign-in to this account is in progress; try again.");
                }
                pause(attempt);
            }
        }
    }

    private static boolean isRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("Another sign-in to this account is in progress; try again.");
        }
    }
}
