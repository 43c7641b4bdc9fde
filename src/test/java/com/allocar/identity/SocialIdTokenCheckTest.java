package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.AuthRequiredException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.ServiceUnavailableException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ID token rules of {@link SocialIdTokenCheck}, without a server: keys from a fixed JWK set. */
class SocialIdTokenCheckTest {
    private static final String CLIENT = "android.apps.googleusercontent.com";
    private static RSAKey key;
    private static SocialIdTokenCheck google;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        google = new SocialIdTokenCheck(SocialProvider.google,
                Set.of("https://accounts.google.com", "accounts.google.com"), Set.of("web.apps.googleusercontent.com", CLIENT),
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())));
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder().issuer("https://accounts.google.com").audience(CLIENT)
                .subject("1234567890").claim("email", "Awa.Kone@Example.ci").claim("email_verified", true)
                .claim("given_name", "Awa").claim("family_name", "Koné")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))).build();
    }

    private static String signed(JWTClaimsSet claims, RSAKey by, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(new RSASSASigner(by));
        return jwt.serialize();
    }

    private static String signed(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return signed(claims(change), key, "k1");
    }

    @Test
    void aValidTokenGivesTheIdentity() throws Exception {
        SocialIdentity identity = google.verify(signed(b -> b));
        assertThat(identity.provider()).isEqualTo(SocialProvider.google);
        assertThat(identity.subject()).isEqualTo("1234567890");
        assertThat(identity.email()).isEqualTo("awa.kone@example.ci");
        assertThat(identity.emailVerified()).isTrue();
        assertThat(identity.firstName()).isEqualTo("Awa");
        assertThat(identity.lastName()).isEqualTo("Koné");
    }

    @Test
    void everyConfiguredIssuerAndClientIdIsAccepted() throws Exception {
        assertThat(google.verify(signed(b -> b.issuer("accounts.google.com"))).subject()).isEqualTo("1234567890");
        assertThat(google.verify(signed(b -> b.audience(List.of("other", "web.apps.googleusercontent.com")))).email())
                .isNotNull();
    }

    @Test
    void emailVerifiedAsBooleanOrAppleString() throws Exception {
        assertThat(google.verify(signed(b -> b.claim("email_verified", "true"))).emailVerified()).isTrue();
        assertThat(google.verify(signed(b -> b.claim("email_verified", "false"))).emailVerified()).isFalse();
        assertThat(google.verify(signed(b -> b.claim("email_verified", false))).emailVerified()).isFalse();
        assertThat(google.verify(signed(b -> b.claim("email_verified", null))).emailVerified()).isFalse();
        assertThat(google.verify(signed(b -> b.claim("email", null))).email()).isNull();
    }

    @Test
    void clockSkewIsToleratedWithinAMinute() throws Exception {
        Instant now = Instant.now();
        assertThat(google.verify(signed(b -> b.expirationTime(Date.from(now.minusSeconds(30))))).subject()).isNotNull();
        assertRefused(signed(b -> b.expirationTime(Date.from(now.minusSeconds(120)))));
        assertThat(google.verify(signed(b -> b.notBeforeTime(Date.from(now.plusSeconds(30))))).subject()).isNotNull();
        assertRefused(signed(b -> b.notBeforeTime(Date.from(now.plusSeconds(300)))));
    }

    @Test
    void wrongClaimsAreRefused() throws Exception {
        assertRefused(signed(b -> b.audience("someone-else")));
        assertRefused(signed(b -> b.audience((String) null)));
        assertRefused(signed(b -> b.issuer("https://evil.example")));
        assertRefused(signed(b -> b.issuer(null)));
        assertRefused(signed(b -> b.subject(null)));
        assertRefused(signed(b -> b.expirationTime(null)));
        assertRefused(signed(b -> b.issueTime(null)));
    }

    @Test
    void onlyRs256ByAPublishedKey() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertRefused(signed(claims(b -> b), other, "k1"));
        assertRefused(signed(claims(b -> b), key, "unknown"));
        assertRefused(new PlainJWT(claims(b -> b)).serialize());
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims(b -> b));
        hs256.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertRefused(hs256.serialize());
        assertRefused("not.a.jwt");
        assertRefused("");
    }

    @Test
    void unreachableKeysAre503AndTheRefetchLimitIsAnUnknownKey() throws Exception {
        JWKSource<SecurityContext> down = (selector, context) -> {
            throw new JWKSetRetrievalException("Couldn't retrieve JWK set from URL: 503", new IOException("503"));
        };
        SocialIdTokenCheck unreachable = new SocialIdTokenCheck(SocialProvider.apple, Set.of("https://accounts.google.com"),
                Set.of(CLIENT), down);
        assertThatThrownBy(() -> unreachable.verify(signed(b -> b))).isInstanceOf(ServiceUnavailableException.class);

        JWKSource<SecurityContext> limited = (selector, context) -> {
            throw new RateLimitReachedException();
        };
        SocialIdTokenCheck rateLimited = new SocialIdTokenCheck(SocialProvider.apple, Set.of("https://accounts.google.com"),
                Set.of(CLIENT), limited);
        assertThatThrownBy(() -> rateLimited.verify(signed(b -> b))).isInstanceOf(AuthRequiredException.class);
    }

    @Test
    void refusalsSayNothingAboutWhy() throws Exception {
        assertThatThrownBy(() -> google.verify(signed(b -> b.audience("someone-else"))))
                .isInstanceOf(AuthRequiredException.class)
                .hasMessageNotContaining("aud").hasMessageNotContaining("JWT").hasMessageNotContaining("someone-else");
    }

    @Test
    void settingsAndProviderNames() {
        assertThat(SocialTokenVerifier.list(" a.apps , ,b.apps,a.apps ")).containsExactlyInAnyOrder("a.apps", "b.apps");
        assertThat(SocialTokenVerifier.list("")).isEmpty();
        assertThat(SocialProvider.parse("google")).isEqualTo(SocialProvider.google);
        assertThat(SocialProvider.parse("Apple")).isEqualTo(SocialProvider.apple);
        assertThatThrownBy(() -> SocialProvider.parse("facebook")).isInstanceOf(NotFoundException.class);
        assertThat(SocialIdTokenCheck.isTrue(" TRUE ")).isTrue();
        assertThat(SocialIdTokenCheck.isTrue(1)).isFalse();
    }

    private static void assertRefused(String token) {
        assertThatThrownBy(() -> google.verify(token)).isInstanceOf(AuthRequiredException.class);
    }
}
