package com.allocar.disputes;

public enum DisputeCategory {
    payment, cancellation, no_show, behaviour, safety, lost_item, other
}
