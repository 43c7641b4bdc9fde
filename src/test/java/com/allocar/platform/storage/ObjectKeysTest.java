package com.allocar.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {
    private static final UUID USER = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID DOCUMENT = UUID.fromString("66666666-7777-4888-9999-000000000000");

    @Test
    void photoKeysAreNewEachTime() {
        String key = ObjectKeys.photo(USER, "image/webp");
        assertThat(key).matches("users/" + USER + "/photo-[0-9a-f-]{36}\\.webp");
        assertThat(ObjectKeys.photo(USER, "image/webp")).isNotEqualTo(key);
    }

    @Test
    void kycKeysNameUserDocumentAndSide() {
        assertThat(ObjectKeys.kycImage(USER, DOCUMENT, ObjectKeys.Side.front, "image/jpeg"))
                .isEqualTo("kyc/" + USER + "/" + DOCUMENT + "/front.jpg");
        assertThat(ObjectKeys.kycImage(USER, DOCUMENT, ObjectKeys.Side.back, "application/pdf"))
                .isEqualTo("kyc/" + USER + "/" + DOCUMENT + "/back.pdf");
    }

    @Test
    void theMediaTypeComesBackFromTheKey() {
        for (String type : new String[] {"image/jpeg", "image/png", "image/webp", "application/pdf"}) {
            assertThat(ObjectKeys.contentTypeOf(ObjectKeys.kycImage(USER, DOCUMENT, ObjectKeys.Side.front, type))).hasValue(type);
        }
        assertThat(ObjectKeys.contentTypeOf("kyc/x/front")).isEmpty();
        assertThat(ObjectKeys.contentTypeOf("kyc/x/front.exe")).isEmpty();
    }

    @Test
    void otherMediaTypesHaveNoKey() {
        assertThatThrownBy(() -> ObjectKeys.photo(USER, "image/gif")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.photo(USER, "../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.photo(USER, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chatImageKeysNameBookingAndSenderAndAreCheckedExactly() {
        UUID booking = DOCUMENT;
        String key = ObjectKeys.chatImage(booking, USER, "image/png");
        assertThat(key).matches("chat/" + booking + "/" + USER + "/[0-9a-f-]{36}\\.png");
        assertThat(ObjectKeys.chatImageOf(key, booking, USER)).isTrue();
        assertThat(ObjectKeys.chatImageOf(key, USER, booking)).as("another booking, another sender").isFalse();
        assertThat(ObjectKeys.chatImageOf(key, booking, UUID.randomUUID())).as("someone else's").isFalse();
        String prefix = "chat/" + booking + "/" + USER + "/";
        String id = UUID.randomUUID().toString();
        assertThat(ObjectKeys.chatImageOf(prefix + id + ".jpg", booking, USER)).isTrue();
        assertThat(ObjectKeys.chatImageOf(prefix + id + ".pdf", booking, USER)).isFalse();
        assertThat(ObjectKeys.chatImageOf(prefix + id.toUpperCase() + ".jpg", booking, USER)).isFalse();
        assertThat(ObjectKeys.chatImageOf(prefix + "../" + id + ".jpg", booking, USER)).isFalse();
        assertThat(ObjectKeys.chatImageOf(prefix + id + ".jpg/x.jpg", booking, USER)).isFalse();
        assertThat(ObjectKeys.chatImageOf(prefix + "x" + id.substring(1) + ".jpg", booking, USER)).isFalse();
        assertThat(ObjectKeys.chatImageOf(null, booking, USER)).isFalse();
        assertThat(ObjectKeys.contentTypeOf(key)).hasValue("image/png");
        assertThatThrownBy(() -> ObjectKeys.chatImage(booking, USER, "application/pdf")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void disputeFilesAreTheUploadersOwnForOneBookingImagesOrPdf() {
        UUID booking = UUID.randomUUID();
        String key = ObjectKeys.disputeFile(booking, USER, "application/pdf");
        assertThat(key).matches("disputes/" + booking + "/" + USER + "/[0-9a-f-]{36}\\.pdf");
        assertThat(ObjectKeys.disputeFileOf(key, booking, USER)).isTrue();
        assertThat(ObjectKeys.disputeFileOf(key, booking, UUID.randomUUID())).as("someone else's").isFalse();
        assertThat(ObjectKeys.disputeFileOf(key, UUID.randomUUID(), USER)).as("another booking").isFalse();
        String prefix = "disputes/" + booking + "/" + USER + "/";
        String id = UUID.randomUUID().toString();
        assertThat(ObjectKeys.disputeFileOf(prefix + id + ".webp", booking, USER)).isTrue();
        assertThat(ObjectKeys.disputeFileOf(prefix + id + ".html", booking, USER)).isFalse();
        assertThat(ObjectKeys.disputeFileOf(prefix + "../" + id + ".pdf", booking, USER)).isFalse();
        assertThat(ObjectKeys.disputeFileOf("chat/" + booking + "/" + USER + "/" + id + ".png", booking, USER))
                .isFalse();
        assertThat(ObjectKeys.disputeFileOf(null, booking, USER)).isFalse();
    }
}
