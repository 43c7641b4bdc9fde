package com.allocar.notifications;

public enum DevicePlatform {
    android, ios, web
}
