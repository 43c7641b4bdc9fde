package com.allocar.payments;

public enum PaymentMethod {
    wave, orange, mtn, card, wallet
}
