package com.allocar.identity;

/** pending → approved | rejected. */
public enum KycStatus {
    pending, approved, rejected
}
