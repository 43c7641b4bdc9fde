package com.allocar.identity;

/** Account state; the lowercase names are the database and JSON values. */
public enum UserStatus {
    active, suspended
}
