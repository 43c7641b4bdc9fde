package com.allocar.platform.audit;

/** Who did something: a user, an admin, or the system itself (jobs, webhooks). */
public enum ActorType {
    user, admin, system
}
