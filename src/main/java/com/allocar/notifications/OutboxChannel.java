package com.allocar.notifications;

public enum OutboxChannel {
    sms, email, push
}
