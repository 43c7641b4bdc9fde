package com.allocar.ratings;

/** In which role the rated user took part in the ride: the driver, or a passenger. */
public enum RatingRole {
    as_driver, as_passenger
}
