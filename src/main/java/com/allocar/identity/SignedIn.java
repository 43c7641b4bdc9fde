package com.allocar.identity;

/** The answer of every successful sign-in (AUTH-2): our tokens and the profile. */
public record SignedIn(String accessToken, String refreshToken, String tokenType, long expiresIn, UserView user) {
}
