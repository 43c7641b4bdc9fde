package com.allocar.payments;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of POST /payments/init and POST /wallet/topup.
 *
 * @param redirectUrl where the app sends the payer (Wave's launch URL, Orange's payment page); null when the payer
 *                    approves on the phone (MTN), the app confirms with a client secret (card) or nothing is left
 *                    to do (wallet)
 * @param provider    what the app needs from the provider: {@code name} and, by provider, {@code wave_launch_url},
 *                    {@code payment_url}, {@code client_secret} (card), {@code reference_id} (MTN)
 */
@Schema(name = "PaymentStarted")
public record PaymentStarted(PaymentView payment, String redirectUrl,
                             @Schema(example = "{\"name\": \"wave\", \"wave_launch_url\": \"https://pay.wave.com/c/cos-1\"}")
                             Map<String, String> provider) {
}
