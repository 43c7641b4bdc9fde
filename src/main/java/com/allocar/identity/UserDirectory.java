package com.allocar.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Looks users up by what they sign in with. */
@ApplicationScoped
public class UserDirectory {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    public Optional<User> byId(UUID id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    public Optional<User> byPhone(String e164) {
        return em.createQuery("SELECT u FROM User u WHERE u.phone = :phone", User.class)
                .setParameter("phone", e164).getResultStream().findFirst();
    }

    public Optional<User> byEmail(String email) {
        return em.createQuery("SELECT u FROM User u WHERE lower(u.email) = :email", User.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    /** The account whose referral code this is (codes are stored upper-case). */
    public Optional<User> byReferralCode(String code) {
        return em.createQuery("SELECT u FROM User u WHERE u.referralCode = :code", User.class)
                .setParameter("code", code.toUpperCase(Locale.ROOT)).getResultStream().findFirst();
    }
}
