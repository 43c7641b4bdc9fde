package com.allocar.payments.orange;

import com.allocar.payments.provider.ProviderConfig;
import java.net.URI;

/**
 * The OM_* settings (docs/configuration.md).
 *
 * @param apiUrl       {@code OM_API_URL}: {@code https://api.orange.com/orange-money-webpay/{dev|ci}/v1}
 * @param tokenUrl     {@code OM_TOKEN_URL}, default {@code https://api.orange.com/oauth/v3/token}
 * @param clientId     {@code OM_API_KEY}: the OAuth client id of the Orange Developer application
 * @param clientSecret {@code OM_SECRET}: its client secret
 * @param merchantKey  {@code OM_MERCHANT_KEY}
 * @param currency     {@code OM_CURRENCY}: {@code XOF} in production, {@code OUV} in the sandbox
 * @param lang         {@code OM_LANG}: language of Orange's payment page
 * @param reference    {@code OM_REFERENCE}: the merchant name shown on the payment page
 * @param callbackBase {@code ALLOCAR_PUBLIC_API_URL}: where Orange reaches our API ({@code notif_url})
 */
public record OrangeSettings(URI apiUrl, URI tokenUrl, String clientId, String clientSecret, String merchantKey,
                             String currency, String lang, String reference, URI callbackBase) {
    public static final String DEFAULT_API_URL = "https://api.orange.com/orange-money-webpay/ci/v1";
    public static final String DEFAULT_TOKEN_URL = "https://api.orange.com/oauth/v3/token";

    public static OrangeSettings from(ProviderConfig config) {
        return new OrangeSettings(config.url("OM_API_URL", DEFAULT_API_URL), config.url("OM_TOKEN_URL", DEFAULT_TOKEN_URL),
                config.value("OM_API_KEY").orElse(null), config.value("OM_SECRET").orElse(null),
                config.value("OM_MERCHANT_KEY").orElse(null), config.value("OM_CURRENCY", "XOF"),
                config.value("OM_LANG", "fr"), config.value("OM_REFERENCE", "AlloCar"),
                config.url("ALLOCAR_PUBLIC_API_URL", null));
    }

    /** Orange needs every credential and a public {@code notif_url}. */
    public boolean available() {
        return apiUrl != null && tokenUrl != null && clientId != null && clientSecret != null && merchantKey != null
                && callbackBase != null;
    }

    @Override
    public String toString() {
        return "OrangeSettings[apiUrl=" + apiUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + set(clientId)
                + ", clientSecret=" + set(clientSecret) + ", merchantKey=" + set(merchantKey) + ", currency=" + currency
                + ", callbackBase=" + callbackBase + "]";
    }

    private static String set(String secret) {
        return secret == null ? "unset" : "set";
    }
}
