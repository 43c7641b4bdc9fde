package com.allocar.wallet;

/** How a driver is paid out; {@code manual} is a transfer made outside the platform and recorded by finance. */
public enum PayoutProvider {
    wave, orange, mtn, manual
}
