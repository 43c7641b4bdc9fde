package com.allocar.notifications;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The SMS aggregator: {@code POST $SMS_API_URL} with {@code {"to", "message", "sender"}} and a bearer key.
 * Built by {@link SmsSender} with {@code RestClientBuilder} (so an unset URL simply means log mode), with the
 * default exception mapper off: the caller reads the status itself.
 */
@RegisterRestClient(configKey = "sms-api")
public interface SmsApi extends AutoCloseable {

    record SmsRequest(String to, String message, String sender) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response send(@HeaderParam("Authorization") String authorization, SmsRequest request);

    @Override
    void close();
}
