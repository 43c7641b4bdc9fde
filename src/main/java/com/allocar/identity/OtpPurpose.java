package com.allocar.identity;

public enum OtpPurpose {
    verify_phone, verify_email, login, reset_password
}
