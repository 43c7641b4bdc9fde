package com.allocar.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageSettingsTest {

    private static StorageSettings of(String endpoint, String key, String secret, String publicBase) {
        return StorageSettings.of(Optional.ofNullable(endpoint), "us-east-1", Optional.ofNullable(key),
                Optional.ofNullable(secret), "allocar-public", "allocar-kyc", Optional.ofNullable(publicBase));
    }

    @Test
    void publicObjectsAreReadFromTheEndpointByDefault() {
        StorageSettings settings = of("http://127.0.0.1:9090/", "key", "secret", null);
        assertThat(settings.publicBaseUrl()).isEqualTo("http://127.0.0.1:9090/allocar-public");
        assertThat(settings.endpoint()).hasToString("http://127.0.0.1:9090");
        assertThat(settings.configured()).isTrue();
        assertThat(settings.bucket(Bucket.KYC)).isEqualTo("allocar-kyc");
        assertThat(settings.bucket(Bucket.PUBLIC)).isEqualTo("allocar-public");
    }

    @Test
    void anExplicitPublicBaseUrlWins() {
        assertThat(of("http://minio:9000", "k", "s", "https://cdn.allocar.ci/").publicBaseUrl()).isEqualTo("https://cdn.allocar.ci");
    }

    @Test
    void withoutAnEndpointItIsAws() {
        StorageSettings settings = StorageSettings.of(Optional.empty(), "eu-west-3", Optional.of("k"), Optional.of("s"),
                "pub", "kyc", Optional.empty());
        assertThat(settings.endpoint()).isNull();
        assertThat(settings.publicBaseUrl()).isEqualTo("https://s3.eu-west-3.amazonaws.com/pub");
    }

    @Test
    void blankValuesAreUnsetAndBothKeysAreNeeded() {
        assertThat(of(" ", " ", "secret", null).configured()).isFalse();
        assertThat(of("http://s3.local", "key", null, null).configured()).isFalse();
        StorageSettings defaults = StorageSettings.of(Optional.empty(), " ", Optional.empty(), Optional.empty(), "", " ",
                Optional.empty());
        assertThat(defaults.region()).isEqualTo("us-east-1");
        assertThat(defaults.publicBucket()).isEqualTo("allocar-public");
        assertThat(defaults.kycBucket()).isEqualTo("allocar-kyc");
    }

    @Test
    void theKycBucketIsNeverThePublicOne() {
        assertThatThrownBy(() -> StorageSettings.of(Optional.empty(), "us-east-1", Optional.empty(), Optional.empty(),
                "same", "same", Optional.empty())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMalformedEndpointIsRefused() {
        assertThatThrownBy(() -> of("minio:9000", "k", "s", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> of("ftp://minio", "k", "s", null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertThat(of("http://s3.local", "AKIAEXAMPLE", "very-secret", null).toString())
                .doesNotContain("very-secret").doesNotContain("AKIAEXAMPLE");
    }
}
