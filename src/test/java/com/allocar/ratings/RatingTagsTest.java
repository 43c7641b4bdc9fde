package com.allocar.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingTagsTest {
    @Test
    void tagsComeFromTheRatedRolesCatalogueDistinctAndAtMostFive() {
        assertThat(RatingTags.check(RatingRole.as_driver, List.of("punctual", "clean_car", "punctual")))
                .containsExactly("punctual", "clean_car");
        assertThat(RatingTags.check(RatingRole.as_passenger, null)).isEmpty();
        assertThatThrownBy(() -> RatingTags.check(RatingRole.as_passenger, List.of("clean_car")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RatingTags.check(RatingRole.as_driver, List.of("punctual", "friendly", "safe_driving",
                "clean_car", "comfortable_ride", "quiet_ride"))).isInstanceOf(ValidationException.class);
        RatingTags.CATALOGUE.values().forEach(tags -> assertThat(tags).allMatch(tag -> tag.matches("[a-z_]+")));
    }

    @Test
    void theDatabaseFormSplitsBack() {
        assertThat(RatingTags.split("punctual,tidy")).containsExactly("punctual", "tidy");
        assertThat(RatingTags.split("")).isEmpty();
        assertThat(RatingTags.split(null)).isEmpty();
    }

    @Test
    void aCommentIsStrippedBlankIsNoneAndControlCharactersAreRefused() {
        assertThat(Ratings.comment("  Merci\\nBon voyage ")).isEqualTo("Merci\\nBon voyage");
        assertThat(Ratings.comment("Merci\nà bientôt")).isEqualTo("Merci\nà bientôt");
        assertThat(Ratings.comment("   ")).isNull();
        assertThat(Ratings.comment(null)).isNull();
        assertThatThrownBy(() -> Ratings.comment("bip\u0007")).isInstanceOf(ValidationException.class);
    }
}
