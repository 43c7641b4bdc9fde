package com.allocar.platform.security;

import java.util.UUID;

/** A resource that belongs to one user (a vehicle, a KYC document, a booking's passenger side…). */
public interface Owned {
    UUID ownerId();
}
