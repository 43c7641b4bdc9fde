package com.allocar.messaging;

import com.allocar.platform.geo.GeoPoint;
import java.time.Instant;

/** A driver's position as checked by {@link LocationRules}: where, heading and speed when given, and when taken. */
record LocationFix(GeoPoint point, Double heading, Double speed, Instant at) {
}
