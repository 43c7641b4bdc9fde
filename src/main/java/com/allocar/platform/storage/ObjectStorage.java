package com.allocar.platform.storage;

import com.allocar.platform.errors.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * Object storage on any S3-compatible endpoint, through presigned URLs only: the server signs (locally, no
 * call to the storage) and the client moves the bytes itself, so files never pass through the API.
 * Uploads are {@code PUT}s valid {@link #UPLOAD_VALIDITY} whose signature binds the Content-Type; downloads
 * are {@code GET}s valid {@link #DOWNLOAD_VALIDITY}. Path-style URLs ({@code endpoint/bucket/key}) work with
 * MinIO and the like as well as AWS. Without {@code S3_ACCESS_KEY}/{@code S3_SECRET_KEY} every signing request
 * is answered 503 {@code service_unavailable}. One call does reach the storage: {@link #head}, to check that an
 * upload a client claims to have made exists (never inside a database transaction).
 */
@ApplicationScoped
public class ObjectStorage {
    public static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(10);
    public static final Duration DOWNLOAD_VALIDITY = Duration.ofMinutes(5);
    /** How long {@link #head} waits for the storage to connect, then to answer; both together bound the whole call. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(ObjectStorage.class.getName());

    @Inject
    @ConfigProperty(name = "S3_ENDPOINT")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "S3_REGION", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "S3_ACCESS_KEY")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "S3_SECRET_KEY")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "S3_PUBLIC_BUCKET", defaultValue = "allocar-public")
    String publicBucket;

    @Inject
    @ConfigProperty(name = "S3_KYC_BUCKET", defaultValue = "allocar-kyc")
    String kycBucket;

    @Inject
    @ConfigProperty(name = "S3_PUBLIC_BASE_URL")
    Optional<String> publicBaseUrl;

    private StorageSettings settings;
    private S3Presigner presigner;
    private S3Client client;

    public ObjectStorage() {
    }

    /** For unit tests: storage with these settings, without CDI. */
    ObjectStorage(StorageSettings settings) {
        configure(settings);
    }

    @PostConstruct
    void init() {
        configure(StorageSettings.of(endpoint, region, accessKey, secretKey, publicBucket, kycBucket, publicBaseUrl));
        LOG.info(() -> "object storage: " + settings);
    }

    private void configure(StorageSettings configured) {
        settings = configured;
        if (!configured.configured()) {
            LOG.warning("S3_ACCESS_KEY / S3_SECRET_KEY are not set: photo and KYC uploads answer 503");
            return;
        }
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(configured.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(configured.accessKey(), configured.secretKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        if (configured.endpoint() != null) {
            builder.endpointOverride(configured.endpoint());
        }
        presigner = builder.build();
        S3ClientBuilder clientBuilder = S3Client.builder()
                .region(Region.of(configured.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(configured.accessKey(), configured.secretKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(ANSWER_TIMEOUT).build())
                // The SDK's retries included, a look-up never holds a request longer than this.
                .overrideConfiguration(override -> override.apiCallTimeout(CONNECT_TIMEOUT.plus(ANSWER_TIMEOUT)));
        if (configured.endpoint() != null) {
            clientBuilder.endpointOverride(configured.endpoint());
        }
        client = clientBuilder.build();
    }

    @PreDestroy
    void close() {
        if (presigner != null) {
            presigner.close();
        }
        if (client != null) {
            client.close();
        }
    }

    /** A presigned PUT of {@code key}, valid 10 minutes, whose signature binds {@code contentType}. */
    public PresignedUpload upload(Bucket bucket, String key, String contentType) {
        PutObjectRequest put = PutObjectRequest.builder().bucket(settings.bucket(bucket)).key(key)
                .contentType(contentType).build();
        PresignedPutObjectRequest signed = sign(() -> signer().presignPutObject(PutObjectPresignRequest.builder()
                .signatureDuration(UPLOAD_VALIDITY).putObjectRequest(put).build()));
        return new PresignedUpload(signed.url().toString(), "PUT", Map.of("Content-Type", contentType),
                signed.expiration());
    }

    /** A presigned GET of {@code key}, valid 5 minutes. */
    public PresignedDownload download(Bucket bucket, String key) {
        GetObjectRequest get = GetObjectRequest.builder().bucket(settings.bucket(bucket)).key(key).build();
        PresignedGetObjectRequest signed = sign(() -> signer().presignGetObject(GetObjectPresignRequest.builder()
                .signatureDuration(DOWNLOAD_VALIDITY).getObjectRequest(get).build()));
        return new PresignedDownload(signed.url().toString(), signed.expiration());
    }

    /**
     * What the storage holds under {@code key} (its size and media type), or empty when nothing is there. A call to
     * the storage (timeouts {@link #CONNECT_TIMEOUT}, {@link #ANSWER_TIMEOUT}): make it outside any transaction.
     * 503 {@code service_unavailable} when the storage is not configured or does not answer.
     */
    public Optional<StoredObject> head(Bucket bucket, String key) {
        if (client == null) {
            throw new ServiceUnavailableException("File storage is not configured.");
        }
        try {
            HeadObjectResponse head = client.headObject(HeadObjectRequest.builder().bucket(settings.bucket(bucket))
                    .key(key).build());
            return Optional.of(new StoredObject(head.contentLength() == null ? 0 : head.contentLength(),
                    head.contentType()));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            LOG.log(Level.WARNING, "cannot look up a stored object", e);
            throw new ServiceUnavailableException("File storage is not available.");
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "cannot look up a stored object", e);
            throw new ServiceUnavailableException("File storage is not available.");
        }
    }

    /** An object as {@link #head} finds it: its size in bytes and the media type it was uploaded with. */
    public record StoredObject(long size, String contentType) {
    }

    /** Where anyone reads an object of the public bucket ({@code S3_PUBLIC_BASE_URL/key}). */
    public String publicUrl(String key) {
        return settings.publicBaseUrl() + "/" + key;
    }

    private S3Presigner signer() {
        if (presigner == null) {
            throw new ServiceUnavailableException("File storage is not configured.");
        }
        return presigner;
    }

    private static <T> T sign(java.util.function.Supplier<T> signing) {
        try {
            return signing.get();
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "cannot presign a storage request", e);
            throw new ServiceUnavailableException("File storage is not available.");
        }
    }
}
