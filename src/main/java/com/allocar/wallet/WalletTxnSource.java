package com.allocar.wallet;

/** Why the balance moved. */
public enum WalletTxnSource {
    payment, refund, topup, withdrawal, payout, promo, referral, fee, penalty
}
