package com.allocar.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.allocar.platform.errors.ServiceUnavailableException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signing is local: these run without any storage server. */
class ObjectStorageTest {
    private final ObjectStorage storage = new ObjectStorage(StorageSettings.of(Optional.of("http://127.0.0.1:9090"),
            "us-east-1", Optional.of("test-key"), Optional.of("test-secret"), "allocar-public", "allocar-kyc",
            Optional.empty()));

    @Test
    void anUploadIsAPathStylePutValidTenMinutesWithItsContentTypeSigned() {
        PresignedUpload upload = storage.upload(Bucket.KYC, "kyc/u/d/front.jpg", "image/jpeg");
        URI url = URI.create(upload.url());
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPath()).isEqualTo("/allocar-kyc/kyc/u/d/front.jpg");
        assertThat(url.getQuery()).contains("X-Amz-Expires=600", "X-Amz-Signature=", "X-Amz-SignedHeaders=content-type;host",
                "X-Amz-Credential=test-key/");
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.headers()).isEqualTo(Map.of("Content-Type", "image/jpeg"));
        assertThat(upload.expiresAt()).isCloseTo(Instant.now().plus(10, ChronoUnit.MINUTES), within(5, ChronoUnit.SECONDS));
    }

    @Test
    void aDownloadIsAGetValidFiveMinutes() {
        PresignedDownload download = storage.download(Bucket.KYC, "kyc/u/d/front.jpg");
        assertThat(URI.create(download.url()).getPath()).isEqualTo("/allocar-kyc/kyc/u/d/front.jpg");
        assertThat(download.url()).contains("X-Amz-Expires=300", "X-Amz-Signature=");
        assertThat(download.expiresAt()).isCloseTo(Instant.now().plus(5, ChronoUnit.MINUTES), within(5, ChronoUnit.SECONDS));
    }

    @Test
    void photosGoToThePublicBucketAndAreReadUnsigned() {
        assertThat(URI.create(storage.upload(Bucket.PUBLIC, "users/u/photo-1.png", "image/png").url()).getPath())
                .isEqualTo("/allocar-public/users/u/photo-1.png");
        assertThat(storage.publicUrl("users/u/photo-1.png")).isEqualTo("http://127.0.0.1:9090/allocar-public/users/u/photo-1.png");
    }

    @Test
    void withoutKeysSigningIsUnavailable() {
        ObjectStorage unconfigured = new ObjectStorage(StorageSettings.of(Optional.empty(), "us-east-1", Optional.empty(),
                Optional.empty(), "allocar-public", "allocar-kyc", Optional.empty()));
        assertThatThrownBy(() -> unconfigured.upload(Bucket.PUBLIC, "users/u/photo.png", "image/png"))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> unconfigured.download(Bucket.KYC, "kyc/u/d/front.jpg"))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> unconfigured.head(Bucket.CHAT, "chat/b/u/i.png"))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void chatImagesAreInThePrivateBucket() {
        assertThat(URI.create(storage.upload(Bucket.CHAT, "chat/b/u/i.png", "image/png").url()).getPath())
                .isEqualTo("/allocar-kyc/chat/b/u/i.png");
        assertThat(URI.create(storage.download(Bucket.CHAT, "chat/b/u/i.png").url()).getPath())
                .isEqualTo("/allocar-kyc/chat/b/u/i.png");
    }

    @Test
    void aStorageThatDoesNotAnswerALookUpIsUnavailable() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ObjectStorage away = new ObjectStorage(StorageSettings.of(Optional.of("http://127.0.0.1:" + closed),
                "us-east-1", Optional.of("test-key"), Optional.of("test-secret"), "allocar-public", "allocar-kyc",
                Optional.empty()));
        long started = System.nanoTime();
        assertThatThrownBy(() -> away.head(Bucket.CHAT, "chat/b/u/i.png"))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                .isLessThanOrEqualTo(ObjectStorage.CONNECT_TIMEOUT.plus(ObjectStorage.ANSWER_TIMEOUT).plusSeconds(2));
    }
}
