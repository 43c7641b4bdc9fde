package com.allocar.identity;

import com.allocar.platform.errors.AuthRequiredException;
import com.allocar.platform.errors.ServiceUnavailableException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The rules for one provider's ID tokens: an RS256 signature by a key of the provider's JWK set (no other
 * algorithm, no unsigned or encrypted token), one of the provider's issuers, one of our client ids in
 * {@code aud}, {@code sub}, {@code iat} and {@code exp} present, {@code exp} and {@code nbf} respected with
 * {@link #CLOCK_SKEW_SECONDS} of tolerance. Thread-safe.
 */
final class SocialIdTokenCheck {
    static final int CLOCK_SKEW_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger(SocialIdTokenCheck.class.getName());
    private static final Set<String> REQUIRED = Set.of("iss", "sub", "aud", "exp", "iat");

    private final SocialProvider provider;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    SocialIdTokenCheck(SocialProvider provider, Set<String> issuers, Set<String> audiences,
                       JWKSource<SecurityContext> keys) {
        if (issuers.isEmpty() || audiences.isEmpty()) {
            throw new IllegalArgumentException("a provider needs at least one issuer and one client id");
        }
        this.provider = provider;
        Set<String> acceptedIssuers = new HashSet<>(issuers); // (nimbus asks immutable sets about null)
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new HashSet<>(audiences), null, REQUIRED, null) {
            @Override
            public void verify(JWTClaimsSet claimsSet, SecurityContext context) throws BadJWTException {
                super.verify(claimsSet, context);
                if (!acceptedIssuers.contains(claimsSet.getIssuer())) {
                    throw new BadJWTException("JWT iss claim has value " + claimsSet.getIssuer()
                            + ", must be one of " + acceptedIssuers);
                }
            }
        };
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * The token's holder.
     *
     * @throws AuthRequiredException       for any token that does not pass (the reason is logged, not returned)
     * @throws ServiceUnavailableException when the provider's JWK set cannot be fetched
     */
    SocialIdentity verify(String idToken) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (RateLimitReachedException e) {
            throw refused("unknown signing key, and the JWK set was fetched too recently to fetch it again");
        } catch (KeySourceException e) {
            LOG.warning(() -> "social sign-in (" + provider + "): JWK set unavailable: " + e.getMessage());
            throw new ServiceUnavailableException("The sign-in provider cannot be reached; try again later.",
                    Map.of("provider", provider.name()));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw refused(e.getMessage());
        }
        return new SocialIdentity(provider, claims.getSubject(), string(claims.getClaim("email")),
                isTrue(claims.getClaim("email_verified")), string(claims.getClaim("given_name")),
                string(claims.getClaim("family_name")));
    }

    private AuthRequiredException refused(String reason) {
        LOG.info(() -> "social sign-in (" + provider + "): ID token refused: " + reason);
        return new AuthRequiredException("The sign-in token is not valid; sign in with the provider again.");
    }

    /** {@code true}, or {@code "true"} as Apple sends it in some tokens; anything else is false. */
    static boolean isTrue(Object claim) {
        return Boolean.TRUE.equals(claim) || (claim instanceof String text && "true".equalsIgnoreCase(text.trim()));
    }

    private static String string(Object claim) {
        return claim instanceof String text ? text : null;
    }
}
