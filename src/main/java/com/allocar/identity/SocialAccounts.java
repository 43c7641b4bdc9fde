package com.allocar.identity;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * The account behind a verified social identity (AUTH-5): the account with that email address, or a new one.
 * <ul>
 * <li>An account whose address is verified is linked: signed in, blank names filled in.</li>
 * <li>An account whose address is not verified, and nothing else either (an email sign-up never confirmed),
 * is claimed: the provider has just proved the address, so it becomes verified, and the password that whoever
 * signed up chose is removed — otherwise it would unlock the account the moment the address is verified.</li>
 * <li>An account with a verified phone number but an unverified address is not merged (409 conflict): the
 * phone's owner never proved the address, so it may be somebody else's.</li>
 * <li>Otherwise a new account: address verified, no password, names from the token or the request.</li>
 * </ul>
 */
@ApplicationScoped
public class SocialAccounts {
    public static final String ACTION = "user.social_sign_in";

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    @Inject
    UserDirectory users;
    @Inject
    AuthService auth;
    @Inject
    AuditService audit;

    /** Signs the holder of {@code identity} (whose address the provider verified) in. */
    @Transactional
    public SignedIn signIn(SocialIdentity identity, String firstName, String lastName, String userAgent) {
        String provider = identity.provider().name();
        String given = identity.firstName() != null ? identity.firstName() : SocialIdentity.blankToNull(firstName);
        String family = identity.lastName() != null ? identity.lastName() : SocialIdentity.blankToNull(lastName);
        User user = users.byEmail(identity.email()).orElse(null);
        String account;
        if (user == null) {
            user = new User(null, identity.email(), null);
            user.markEmailVerified();
            user.setFirstName(given);
            user.setLastName(family);
            user.setReferralCode(AuthService.newReferralCode());
            em.persist(user);
            em.flush(); // a concurrent first sign-in with the same address fails here (unique address)
            audit.record(ActorType.user, user.getId(), "user.register", "users", user.getId(),
                    Map.of("channel", provider));
            account = "created";
        } else if (user.isEmailVerified()) {
            account = "linked";
        } else if (user.isPhoneVerified()) {
            throw new ConflictException("An account with a verified phone number uses this address without having "
                    + "verified it; sign in with the phone number and verify the address first.",
                    Map.of("reason", "email_unverified_on_account"));
        } else {
            user.markEmailVerified();
            user.setPasswordHash(null);
            account = "claimed";
        }
        if (user.getFirstName() == null && user.getLastName() == null) {
            user.setFirstName(given);
            user.setLastName(family);
        }
        return auth.signIn(user, userAgent, ACTION, Map.of("provider", provider, "account", account));
    }
}
