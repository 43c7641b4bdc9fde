package com.allocar.wallet;

public enum WalletTxnType {
    credit, debit
}
