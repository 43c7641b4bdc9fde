package com.allocar.promos;

/** A fixed amount (XOF) off, or a percentage (0–100) off. */
public enum PromoType {
    amount, percent
}
