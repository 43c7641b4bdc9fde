package com.allocar.platform.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A WGS84 position. Latitude −90..90, longitude −180..180 (checked on construction). JTS points and PostGIS
 * put the longitude first ({@code x}); this record names both, so nobody has to remember.
 */
public record GeoPoint(double lat, double lon) {
    /** The mean Earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a WGS84 position: " + lat + ", " + lon);
        }
    }

    public static GeoPoint of(Point point) {
        return new GeoPoint(point.getY(), point.getX());
    }

    /** A JTS point with SRID 4326 (x = longitude, y = latitude), as the geography columns take it. */
    public Point toPoint() {
        return WGS84.createPoint(new Coordinate(lon, lat));
    }

    /** The great-circle distance (haversine, spherical Earth), in metres. */
    public double metersTo(GeoPoint other) {
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(other.lat);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(other.lon - lon);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
