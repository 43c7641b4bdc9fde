package com.allocar.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactMaskingTest {
    private static final String PHONE = ContactMasking.PHONE;
    private static final String EMAIL = ContactMasking.EMAIL;

    @ParameterizedTest
    @ValueSource(strings = {"07 07 12 34 56", "0707123456", "07.07.12.34.56", "07-07-12-34-56", "+225 07 07 12 34 56",
            "+2250707123456", "00225 07 07 12 34 56", "(+225) 0707123456", "05 45 12 34 56", "01 02 03 04 05",
            "27 22 44 55 66", "+33 6 12 34 56 78", "+1 415 555 2671", "0 7 0 7 1 2 3 4 5 6", "07 12 34 56",
            "0707 12 34 56"})
    void ivorianAndInternationalPhoneNumbersAreMaskedInAnyGrouping(String number) {
        ContactMasking.Result result = ContactMasking.mask("Appelle-moi au " + number + " ce soir");
        assertThat(result.text()).isEqualTo("Appelle-moi au " + PHONE + " ce soir");
        assertThat(result.masked()).isTrue();
    }

    @Test
    void everyNumberOfATextIsMaskedAndTheRestKept() {
        assertThat(ContactMasking.mask("07 07 12 34 56/05 45 12 34 56 ou wa.me/2250707123456").text())
                .isEqualTo(PHONE + "/" + PHONE + " ou wa.me/" + PHONE);
        assertThat(ContactMasking.mask("tel:0707123456.").text()).isEqualTo("tel:" + PHONE + ".");
        assertThat(ContactMasking.mask("Appelle-moi au 07 07 12 34 56 ou au +225 05 45 12 34 56, ou écris à "
                + "awa.kone@gmail.com. Départ le 12.05.2026 à 07:30, 6 000 F.").text())
                .isEqualTo("Appelle-moi au " + PHONE + " ou au " + PHONE + ", ou écris à " + EMAIL + ". Départ le "
                        + "12.05.2026 à 07:30, 6 000 F.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"awa.kone@gmail.com", "Awa.Kone+car@mail.example.ci", "awa @ gmail.com",
            "awa (at) gmail (point) com", "awa[at]gmail[dot]com", "awa arobase gmail point com"})
    void emailAddressesAreMasked(String address) {
        ContactMasking.Result result = ContactMasking.mask("Écris-moi : " + address + " merci");
        assertThat(result.text()).isEqualTo("Écris-moi : " + EMAIL + " merci");
        assertThat(result.masked()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Je suis devant la pharmacie du Plateau, départ à 07:30.",
            "Rendez-vous le 12.05.2026 à 7 h, le 2026-05-12 au plus tard, ou le 12/05/2026.",
            "Le prix est de 6 000 F, 12000 F pour deux places.", "J'ai 2 valises et 1 sac.",
            "Gare routière d'Adjamé, quai 12, car n° 245.", "RDV at the station (point de départ)."})
    void ordinaryTextsAreLeftAlone(String text) {
        ContactMasking.Result result = ContactMasking.mask(text);
        assertThat(result.text()).isEqualTo(text);
        assertThat(result.masked()).isFalse();
    }
}
