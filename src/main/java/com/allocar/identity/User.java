package com.allocar.identity;

import com.allocar.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A passenger or driver account (admins are {@code AdminUser}). Rating and penalty counters are changed by
 * conditional SQL updates; {@code @DynamicUpdate} keeps a profile edit from writing them back stale.
 */
@Entity
@Table(name = "users")
@DynamicUpdate
public class User extends VersionedEntity {
    private String phone;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    private LocalDate birthdate;

    @Column(name = "photo_url")
    private String photoUrl;

    @Column(name = "is_driver", nullable = false)
    private boolean driver;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserStatus status = UserStatus.active;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "is_phone_verified", nullable = false)
    private boolean phoneVerified;

    @Column(name = "is_email_verified", nullable = false)
    private boolean emailVerified;

    @Column(name = "rating_avg", nullable = false, precision = 3, scale = 2)
    private BigDecimal ratingAvg = BigDecimal.ZERO;

    @Column(name = "rating_count", nullable = false)
    private int ratingCount;

    @Column(name = "driver_penalty_points", nullable = false)
    private int driverPenaltyPoints;

    @Column(name = "referral_code")
    private String referralCode;

    /** A JSON object (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String preferences = "{}";

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** The language notifications are written in: {@code fr} (default) or {@code en}. */
    @Column(nullable = false)
    private String language = "fr";

    protected User() {
    }

    /** A new account identified by a phone number (E.164), an email address, or both. */
    public User(String phone, String email, String passwordHash) {
        if (phone == null && email == null) {
            throw new IllegalArgumentException("a user needs a phone number or an email address");
        }
        this.phone = phone;
        this.email = email;
        this.passwordHash = passwordHash;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public Gender getGender() {
        return gender;
    }

    public void setGender(Gender gender) {
        this.gender = gender;
    }

    public LocalDate getBirthdate() {
        return birthdate;
    }

    public void setBirthdate(LocalDate birthdate) {
        this.birthdate = birthdate;
    }

    public String getPhotoUrl() {
        return photoUrl;
    }

    public void setPhotoUrl(String photoUrl) {
        this.photoUrl = photoUrl;
    }

    public boolean isDriver() {
        return driver;
    }

    public void setDriver(boolean driver) {
        this.driver = driver;
    }

    public UserStatus getStatus() {
        return status;
    }

    public Instant getSuspendedAt() {
        return suspendedAt;
    }

    public void suspend(Instant at) {
        this.status = UserStatus.suspended;
        this.suspendedAt = Objects.requireNonNull(at);
    }

    public void reactivate() {
        this.status = UserStatus.active;
        this.suspendedAt = null;
    }

    public boolean isPhoneVerified() {
        return phoneVerified;
    }

    public void markPhoneVerified() {
        this.phoneVerified = true;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    public void markEmailVerified() {
        this.emailVerified = true;
    }

    public BigDecimal getRatingAvg() {
        return ratingAvg;
    }

    public int getRatingCount() {
        return ratingCount;
    }

    public int getDriverPenaltyPoints() {
        return driverPenaltyPoints;
    }

    public String getReferralCode() {
        return referralCode;
    }

    public void setReferralCode(String referralCode) {
        this.referralCode = referralCode;
    }

    public String getPreferences() {
        return preferences;
    }

    public void setPreferences(String preferencesJson) {
        this.preferences = Objects.requireNonNull(preferencesJson);
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public void setLastLoginAt(Instant lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = Objects.requireNonNull(language);
    }
}
