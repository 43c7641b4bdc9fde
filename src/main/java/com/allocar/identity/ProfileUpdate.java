package com.allocar.identity;

import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code PATCH /me}: only the fields present change; an empty string clears a name. {@code language} is the one
 * notifications are written in ({@code fr} or {@code en}).
 */
public record ProfileUpdate(@Size(max = 80) String firstName, @Size(max = 80) String lastName, Gender gender,
                            @Past LocalDate birthdate, @Size(max = 50) Map<String, Object> preferences,
                            @Pattern(regexp = "fr|en", message = "must be fr or en") String language) {
}
