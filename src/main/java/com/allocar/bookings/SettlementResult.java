package com.allocar.bookings;

/**
 * What became of a booking when a payment for it was confirmed.
 *
 * <ul>
 *   <li>{@link #PAID}: the seats were taken and the booking is paid by this payment.</li>
 *   <li>{@link #REFUND}: the money cannot buy the seats (they are gone, the booking was cancelled or expired, or
 *   another payment paid it first): the booking is (or stays) cancelled or paid as it was, and the caller refunds
 *   this payment in full, in the same transaction.</li>
 * </ul>
 */
public enum SettlementResult {
    PAID, REFUND
}
