package com.allocar.wallet;

/** The balance is the sum of the {@code completed} transactions. */
public enum WalletTxnStatus {
    pending, completed, failed
}
