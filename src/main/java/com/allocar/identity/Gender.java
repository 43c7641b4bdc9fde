package com.allocar.identity;

public enum Gender {
    female, male, other
}
