package com.allocar.ratings;

import com.allocar.platform.errors.ValidationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closed catalogue of tags a rating may carry, per role of the rated user (docs/ratings.md): at most
 * {@value #MAX} distinct tags, each from the list of that role. Plain lowercase words, so the database keeps them as
 * a text array and lists join them with commas.
 */
public final class RatingTags {
    public static final int MAX = 5;
    static final Map<RatingRole, Set<String>> CATALOGUE = Map.of(
            RatingRole.as_driver, Set.of("punctual", "friendly", "safe_driving", "clean_car", "comfortable_ride",
                    "respects_route", "good_conversation", "quiet_ride"),
            RatingRole.as_passenger, Set.of("punctual", "friendly", "respectful", "tidy", "good_conversation",
                    "light_luggage", "easy_pickup", "quiet_ride"));

    private RatingTags() {
    }

    /** The tags, checked for {@code role} and deduplicated in the order given; 400 on tags. */
    static List<String> check(RatingRole role, List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || !CATALOGUE.get(role).contains(tag)) {
                throw ValidationException.field("tags", "'" + tag + "' is not a tag for rating someone "
                        + role + "; allowed: " + new java.util.TreeSet<>(CATALOGUE.get(role)));
            }
            distinct.add(tag);
        }
        if (distinct.size() > MAX) {
            throw ValidationException.field("tags", "at most " + MAX + " tags");
        }
        return List.copyOf(distinct);
    }

    /** The tags of a comma-joined database value ({@code array_to_string(tags, ',')}). */
    static List<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return List.of(joined.split(","));
    }
}
