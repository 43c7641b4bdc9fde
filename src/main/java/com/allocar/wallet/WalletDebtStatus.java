package com.allocar.wallet;

/** open (the wallet pays nothing out) → recovered (finance got the money) | written_off (finance gave it up). */
public enum WalletDebtStatus {
    open, recovered, written_off
}
