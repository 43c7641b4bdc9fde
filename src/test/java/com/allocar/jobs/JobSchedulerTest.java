package com.allocar.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobSchedulerTest {

    @Test
    void aDailyJobIsDueOnceWhenItsTimeFallsInsideTheTick() {
        String daily = "0 0 6 * * *";
        assertThat(JobScheduler.due(daily, at("2026-12-07T05:59:45Z"), at("2026-12-07T06:00:05Z")))
                .contains(at("2026-12-07T06:00:00Z"));
        // the next tick, and every one until tomorrow, finds nothing
        assertThat(JobScheduler.due(daily, at("2026-12-07T06:00:05Z"), at("2026-12-07T06:00:25Z"))).isEmpty();
        assertThat(JobScheduler.due(daily, at("2026-12-07T06:00:25Z"), at("2026-12-08T05:59:59Z"))).isEmpty();
    }

    @Test
    void aTimeExactlyOnThePreviousTickIsNotFiredTwice() {
        String daily = "0 0 6 * * *";
        assertThat(JobScheduler.due(daily, at("2026-12-07T05:59:40Z"), at("2026-12-07T06:00:00Z")))
                .contains(at("2026-12-07T06:00:00Z"));
        assertThat(JobScheduler.due(daily, at("2026-12-07T06:00:00Z"), at("2026-12-07T06:00:20Z"))).isEmpty();
    }

    @Test
    void severalTimesMissedWithinOneLookMakeOneFiringTheLatest() {
        assertThat(JobScheduler.due("0 */5 * * * *", at("2026-12-07T10:00:30Z"), at("2026-12-07T10:21:00Z")))
                .contains(at("2026-12-07T10:20:00Z"));
    }

    @Test
    void fiveFieldExpressionsStartOnTheMinute() {
        assertThat(JobScheduler.due("15 * * * *", at("2026-12-07T10:14:50Z"), at("2026-12-07T10:15:10Z")))
                .contains(at("2026-12-07T10:15:00Z"));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
