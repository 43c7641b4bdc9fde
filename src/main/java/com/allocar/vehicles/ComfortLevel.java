package com.allocar.vehicles;

/** Comfort of a vehicle, copied onto its trips for search. */
public enum ComfortLevel {
    basic, standard, comfort
}
