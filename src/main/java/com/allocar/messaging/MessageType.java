package com.allocar.messaging;

public enum MessageType {
    text, image
}
