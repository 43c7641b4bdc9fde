package com.allocar.promos;

public enum PromoStatus {
    active, inactive
}
