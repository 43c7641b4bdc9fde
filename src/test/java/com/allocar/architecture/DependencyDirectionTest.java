package com.allocar.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The money path runs one way (docs/architecture.md, "Dependencies between domains"): payments sits above bookings
 * and wallet and may use them; they never use payments (a lower package owns an interface that payments implements,
 * or fires an event that payments observes). Checked on the compiled classes, so a fully qualified name or a
 * reflective-free use through a signature counts as much as an import.
 */
class DependencyDirectionTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.allocar");

    @Test
    void bookingsNeverUsesPayments() {
        noClasses().that().resideInAPackage("com.allocar.bookings..")
                .should().dependOnClassesThat().resideInAPackage("com.allocar.payments..")
                .because("payments settles bookings; bookings asks for refunds through BookingRefunds")
                .check(MAIN);
    }

    @Test
    void walletNeverUsesPayments() {
        noClasses().that().resideInAPackage("com.allocar.wallet..")
                .should().dependOnClassesThat().resideInAPackage("com.allocar.payments..")
                .because("payments credits wallets; wallet sends payouts through its own PayoutGateway")
                .check(MAIN);
    }

    @Test
    void theLowerDomainsUseNeitherBookingsNorTheMoney() {
        noClasses().that().resideInAnyPackage("com.allocar.identity..", "com.allocar.trips..")
                .should().dependOnClassesThat().resideInAnyPackage("com.allocar.payments..", "com.allocar.wallet..")
                .check(MAIN);
    }

    @Test
    void theMoneyBelowNeverUsesEarningsPayoutsOrJobs() {
        noClasses().that().resideInAnyPackage("com.allocar.identity..", "com.allocar.trips..", "com.allocar.bookings..",
                        "com.allocar.payments..", "com.allocar.wallet..")
                .should().dependOnClassesThat().resideInAnyPackage("com.allocar.earnings..", "com.allocar.payouts..",
                        "com.allocar.jobs..")
                .because("earnings hear of rides, fines and refunds through events that bookings and payments own; "
                        + "payouts and jobs sit on top")
                .check(MAIN);
    }

    @Test
    void earningsNeverUsesPayouts() {
        noClasses().that().resideInAPackage("com.allocar.earnings..")
                .should().dependOnClassesThat().resideInAPackage("com.allocar.payouts..")
                .because("payouts posts to the ledger; earnings reads payout totals through PayoutTotals, which it owns")
                .check(MAIN);
    }

    @Test
    void theJobMachineryKnowsNoDomain() {
        noClasses().that().resideInAPackage("com.allocar.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("com.allocar.bookings..", "com.allocar.payments..",
                        "com.allocar.wallet..", "com.allocar.earnings..", "com.allocar.payouts..")
                .because("jobs schedules, starts, measures and cleans up; the domains bring their own job artifacts")
                .check(MAIN);
    }

    @Test
    void messagingSitsAboveBookings() {
        noClasses().that().resideInAnyPackage("com.allocar.identity..", "com.allocar.trips..", "com.allocar.bookings..")
                .should().dependOnClassesThat().resideInAPackage("com.allocar.messaging..")
                .because("the chat belongs to a booking; bookings counts unread messages through UnreadMessages")
                .check(MAIN);
    }

    @Test
    void nothingBelowUsesTheReconciliation() {
        noClasses().that().resideInAnyPackage("com.allocar.identity..", "com.allocar.trips..", "com.allocar.bookings..",
                        "com.allocar.payments..", "com.allocar.wallet..", "com.allocar.earnings..", "com.allocar.payouts..",
                        "com.allocar.jobs..")
                .should().dependOnClassesThat().resideInAPackage("com.allocar.reconciliation..")
                .because("the reconciliation checks the money domains, which never depend on it; jobs knows no domain")
                .check(MAIN);
    }

    @Test
    void notificationsKnowNoDomain() {
        noClasses().that().resideInAPackage("com.allocar.notifications..")
                .should().dependOnClassesThat().resideInAnyPackage("com.allocar.identity..", "com.allocar.trips..",
                        "com.allocar.bookings..", "com.allocar.payments..", "com.allocar.wallet..",
                        "com.allocar.earnings..", "com.allocar.payouts..", "com.allocar.messaging..",
                        "com.allocar.jobs..", "com.allocar.admin..")
                .because("every domain notifies through notifications (identity's codes too): the domains map their "
                        + "own events to Notices, and identity tells notifications how to reach a user (Recipients)")
                .check(MAIN);
    }

    @Test
    void nothingUsesTripAlerts() {
        noClasses().that().resideOutsideOfPackage("com.allocar.alerts..")
                .should().dependOnClassesThat().resideInAPackage("com.allocar.alerts..")
                .because("alerts sit above trips and notifications and hear of trips through TripChanged")
                .check(MAIN);
    }

    @Test
    void theSocketPlumbingKnowsNoDomain() {
        noClasses().that().resideInAPackage("com.allocar.realtime..")
                .should().dependOnClassesThat().resideInAnyPackage("com.allocar.identity..", "com.allocar.trips..",
                        "com.allocar.bookings..", "com.allocar.messaging..", "com.allocar.payments..",
                        "com.allocar.wallet..", "com.allocar.notifications..")
                .because("realtime carries sockets, tickets and notifications; the domains own their rooms, who may "
                        + "enter them and what they say (messaging's ChatSockets, LocationSockets, topics)")
                .check(MAIN);
    }

    @Test
    void nothingBelowUsesReferrals() {
        noClasses().that().resideOutsideOfPackages("com.allocar.referrals..", "com.allocar.admin..")
                .should().dependOnClassesThat().resideInAPackage("com.allocar.referrals..")
                .because("referrals sit above identity, bookings and wallet: identity announces a sign-up with its "
                        + "code (UserSignedUp), bookings a completed ride (BookingCompleted); only the back office "
                        + "uses referrals")
                .check(MAIN);
    }

    @Test
    void promosNeverUsesPaymentsOrWhatSitsAbove() {
        noClasses().that().resideInAPackage("com.allocar.promos..")
                .should().dependOnClassesThat().resideInAnyPackage("com.allocar.payments..", "com.allocar.wallet..",
                        "com.allocar.earnings..", "com.allocar.payouts..", "com.allocar.admin..")
                .because("payments applies promo codes and drives their redemptions (reserve at init, consume when "
                        + "paid, release on failure or full refund) through Promos; promos uses bookings only")
                .check(MAIN);
    }

    @Test
    void nothingBelowUsesRatings() {
        noClasses().that().resideOutsideOfPackages("com.allocar.ratings..", "com.allocar.admin..")
                .should().dependOnClassesThat().resideInAPackage("com.allocar.ratings..")
                .because("ratings sit above bookings, trips and identity and update them (users' averages, the trips' "
                        + "search legs through TripService.driverRatingChanged); only admin moderates them")
                .check(MAIN);
    }

    @Test
    void theLowerDomainsNeverUsePromos() {
        noClasses().that().resideInAnyPackage("com.allocar.identity..", "com.allocar.trips..", "com.allocar.bookings..")
                .should().dependOnClassesThat().resideInAPackage("com.allocar.promos..")
                .because("promos sits above bookings (identity ← trips ← bookings ← promos ← payments)")
                .check(MAIN);
    }

    @Test
    void nothingBelowUsesDisputes() {
        noClasses().that().resideOutsideOfPackages("com.allocar.disputes..", "com.allocar.admin..")
                .should().dependOnClassesThat().resideInAPackage("com.allocar.disputes..")
                .because("disputes sit above bookings, payments, earnings and notifications and use them (the refund "
                        + "path, the driver ledger); only the admin routes use disputes")
                .check(MAIN);
    }
}
