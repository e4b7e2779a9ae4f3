package dev.assay.core.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiiScannerTest {
    @Test
    void offsetsAreCodePointsEvenAfterEmojiAndOtherNonBmpCharacters() {
        // "😀" and "𝔘" are each one code point but two UTF-16 chars
        String text = "😀😀 mail 𝔘 jane.doe@example.com 🚀 card 4242 4242 4242 4242";
        List<PiiFinding> found = PiiScanner.defaults().scan(text);
        // counted by hand: 😀,😀,' ',m,a,i,l,' ',𝔘,' ' = 10 code points before the e-mail (20 chars long)
        assertThat(found).extracting(PiiFinding::entity, PiiFinding::start, PiiFinding::end)
                .containsExactly(tuple("EMAIL_ADDRESS", 10, 30), tuple("CREDIT_CARD", 38, 57));
        int[] cps = text.codePoints().toArray();
        assertThat(new String(cps, 10, 20)).isEqualTo("jane.doe@example.com");
        assertThat(new String(cps, 38, 19)).isEqualTo("4242 4242 4242 4242");
    }

    @Test
    void passingChecksumScoresOneAndFailingChecksumDropsTheMatch() {
        PiiScanner cards = PiiScanner.builder().entities(PiiEntity.CREDIT_CARD).minScore(0).build();
        assertThat(cards.scan("pay 4111 1111 1111 1111 now")).singleElement()
                .satisfies(f -> assertThat(f.score()).isEqualTo(1.0));
        assertThat(cards.scan("pay 4111 1111 1111 1112 now")).isEmpty();
    }

    @Test
    void contextWordsBeforeAMatchRaiseItsScoreLikePresidio() {
        PiiScanner ssn = PiiScanner.builder().entities(PiiEntity.US_SSN).minScore(0).build();
        // base 0.5; with "ssn" among the 5 words before: max(0.5 + 0.35, 0.4) = 0.85
        assertThat(ssn.scan("the value 536-22-1234 here")).singleElement()
                .satisfies(f -> assertThat(f.score()).isEqualTo(0.5));
        assertThat(ssn.scan("my ssn is 536-22-1234")).singleElement()
                .satisfies(f -> assertThat(f.score()).isEqualTo(0.85));
        // more than 5 words away: no boost
        assertThat(ssn.scan("ssn one two three four five 536-22-1234")).singleElement()
                .satisfies(f -> assertThat(f.score()).isEqualTo(0.5));
        // a weak pattern (bare 9 digits, 0.05) reaches the 0.4 floor: max(0.05 + 0.35, 0.4) = 0.4
        assertThat(ssn.scan("ssn 536221234")).singleElement()
                .satisfies(f -> assertThat(f.score()).isEqualTo(0.4));
    }

    @Test
    void contextWordsMatchWholeWordsNotSubstrings() {
        PiiScanner dl = PiiScanner.builder().entities(PiiEntity.US_DRIVER_LICENSE).build();
        // Presidio issue #1063: "lic" inside "public" raised driver's licence scores
        assertThat(dl.scan("the public record 12345678 is open")).isEmpty();
        assertThat(dl.scan("driver's license 12345678")).extracting(PiiFinding::entity)
                .containsExactly("US_DRIVER_LICENSE");
    }

    @Test
    void minScoreFiltersWeakFindings() {
        String text = "passport 123456789";
        assertThat(PiiScanner.builder().entities(PiiEntity.US_PASSPORT).minScore(0.4).build().scan(text)).hasSize(1);
        assertThat(PiiScanner.builder().entities(PiiEntity.US_PASSPORT).minScore(0.5).build().scan(text)).isEmpty();
        assertThat(PiiScanner.builder().entities(PiiEntity.US_PASSPORT).minScore(0).build().scan("order 123456789"))
                .singleElement().satisfies(f -> assertThat(f.score()).isEqualTo(0.05));
    }

    @Test
    void overlapsKeepTheHigherScoreThenTheLongerSpan() {
        // an NHS number (checksum, 1.0) is also a valid phone number for the US (0.4): the NHS finding wins
        List<PiiFinding> found = PiiScanner.builder().entities(PiiEntity.PHONE_NUMBER, PiiEntity.UK_NHS).build()
                .scan("patient 943 476 5919");
        assertThat(found).extracting(PiiFinding::entity).containsExactly("UK_NHS");
        // an e-mail address (1.0) swallows the host name that URL (0.5) would report
        assertThat(PiiScanner.defaults().scan("write to a.b@example.org")).extracting(PiiFinding::entity)
                .containsExactly("EMAIL_ADDRESS");
    }

    @Test
    void userRegexDetectorWithValidator() {
        PiiScanner s = PiiScanner.builder().entities(PiiEntity.EMAIL_ADDRESS)
                .detector("CUSTOMER_ID", "\\bCUST-\\d{6}\\b", 0.6, v -> (v.charAt(5) - '0') % 2 == 0)
                .build();
        assertThat(s.entities()).containsExactly("EMAIL_ADDRESS", "CUSTOMER_ID");
        assertThat(s.scan("ids CUST-200001 and CUST-300001")).singleElement()
                .satisfies(f -> {
                    assertThat(f.entity()).isEqualTo("CUSTOMER_ID");
                    assertThat(f.start()).isEqualTo(4);
                    assertThat(f.score()).isEqualTo(1.0);
                });
        assertThat(PiiScanner.builder().detector("CUSTOMER_ID", "\\bCUST-\\d{6}\\b", 0.6).build()
                .scan("CUST-300001")).singleElement().satisfies(f -> assertThat(f.score()).isEqualTo(0.6));
    }

    @Test
    void denyListMatchesKnownValuesAfterNormalisation() {
        PiiScanner s = PiiScanner.builder().entities(PiiEntity.EMAIL_ADDRESS)
                .denyList("CUSTOMER", List.of("Jöhn Smith", "AB-1234-XY")).build();
        List<PiiFinding> found = s.scan("Dear JÖHN   SMITH, ref ab 1234 xy; not Johnny Smithers");
        assertThat(found).extracting(PiiFinding::entity, PiiFinding::start, PiiFinding::end)
                .containsExactly(tuple("CUSTOMER", 5, 17), tuple("CUSTOMER", 23, 33));
    }

    @Test
    void badConfigurationIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> PiiScanner.builder().entities("EMAIL"))
                .hasMessageContaining("unknown PII entity 'EMAIL'").hasMessageContaining("EMAIL_ADDRESS");
        assertThatThrownBy(() -> PiiScanner.builder().minScore(1.5)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> PiiScanner.builder().regions("XX").build())
                .hasMessageContaining("unknown phone region 'XX'");
        assertThatThrownBy(() -> PiiScanner.builder().detector("ID", "(", 0.5))
                .hasMessageContaining("regex of detector ID does not compile");
        assertThatThrownBy(() -> PiiScanner.builder().detector("CREDIT_CARD", "x", 0.5))
                .hasMessageContaining("is built in");
    }

    @Test
    void phoneRegionsAreConfigurable() {
        String text = "ring 020 7946 0958 today";
        assertThat(PiiScanner.builder().entities(PiiEntity.PHONE_NUMBER).regions("GB").build().scan(text))
                .hasSize(1);
        assertThat(PiiScanner.builder().entities(PiiEntity.PHONE_NUMBER).regions("US").build().scan(text))
                .isEmpty();
    }

    @Test
    void secretsAreFoundWhenEnabledByName() {
        PiiScanner s = PiiScanner.builder().entities(PiiEntity.secrets()).build();
        String pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oKfJkLrLa1aEoAoGCCqGSM49\n"
                + "-----END EC PRIVATE KEY-----";
        assertThat(s.scan("key AKIAIOSFODNN7EXAMPLE and\n" + pem + "\nend")).extracting(PiiFinding::entity)
                .containsExactly("AWS_ACCESS_KEY", "PRIVATE_KEY");
        assertThat(PiiScanner.defaults().scan("AKIAIOSFODNN7EXAMPLE")).isEmpty();
    }

    @Test
    void ipAddressesAreParsedNotJustMatched() {
        PiiScanner ip = PiiScanner.builder().entities(PiiEntity.IP_ADDRESS).build();
        assertThat(ip.scan("hosts 192.0.2.1, 10.0.0.0/8, 2001:db8::1 and fe80::1/64"))
                .extracting(PiiFinding::length).containsExactly(9, 10, 11, 10);
        assertThat(ip.scan("bad 256.1.1.1, 1.2.3, 01.2.3.4, 1:2:3:4:5:6:7:8:9 and 1::2::3")).isEmpty();
        // an impossible prefix length is not part of the address, but the address itself still leaks
        assertThat(ip.scan("net 10.0.0.1/33")).extracting(PiiFinding::start, PiiFinding::end)
                .containsExactly(tuple(4, 12));
    }

    @Test
    void defaultSetIsPresidiosDefaultsThatAssayImplements() {
        // every pattern recognizer of conf/default_recognizers.yaml (safety.md 1.1)
        assertThat(PiiEntity.defaults()).containsExactlyInAnyOrder("CREDIT_CARD", "US_BANK_NUMBER",
                "US_DRIVER_LICENSE", "US_ITIN", "US_PASSPORT", "US_SSN", "UK_NHS", "ES_NIF", "ES_NIE",
                "IT_DRIVER_LICENSE", "IT_FISCAL_CODE", "IT_VAT_CODE", "IT_IDENTITY_CARD", "IT_PASSPORT",
                "PL_PESEL", "CRYPTO", "DATE_TIME", "EMAIL_ADDRESS", "IBAN_CODE", "IP_ADDRESS",
                "MEDICAL_LICENSE", "MAC_ADDRESS", "PHONE_NUMBER", "URL");
        assertThat(PiiEntity.all()).containsAll(PiiEntity.optional()).containsAll(PiiEntity.secrets());
    }

    @Test
    void italianDocumentNumbersNeedAContextWordAndTheVatNumberItsCheckDigit() {
        PiiScanner s = PiiScanner.defaults();
        assertThat(s.scan("Il mio passaporto è FV1109043.")).extracting(PiiFinding::entity, PiiFinding::score)
                .containsExactly(tuple("IT_PASSPORT", 0.4));
        assertThat(s.scan("Codice prodotto FV1109043 in magazzino.")).isEmpty();
        assertThat(s.scan("La patente U1E1EF3D8K è valida.")).extracting(PiiFinding::entity)
                .containsExactly("IT_DRIVER_LICENSE");
        // 12345678887: check digit worked by hand in ChecksumsTest; after "IT" the span is the 11 digits
        assertThat(s.scan("P.IVA IT12345678887.")).extracting(PiiFinding::entity, PiiFinding::start,
                PiiFinding::end, PiiFinding::score).containsExactly(tuple("IT_VAT_CODE", 8, 19, 1.0));
        assertThat(s.scan("P.IVA IT12345678886.")).isEmpty();
    }

    @Test
    void aScannerIsSafeToShareBetweenThreads() throws Exception {
        PiiScanner s = PiiScanner.builder().entities(PiiEntity.all()).build();
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add("row " + i + ": mail a" + i + "@example.com, card 4242 4242 4242 4242, call +44 20 7946 0"
                    + (100 + i) + ", on 2024-01-" + (10 + i % 20) + " from 192.0.2." + (i % 250));
        }
        List<List<PiiFinding>> sequential = texts.stream().map(s::scan).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<PiiFinding>>> futures = new java.util.ArrayList<>();
            for (String t : texts) {
                futures.add(pool.submit(() -> s.scan(t)));
            }
            for (int i = 0; i < texts.size(); i++) {
                assertThat(futures.get(i).get()).as("row %d", i).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequential.get(7)).extracting(PiiFinding::entity).containsExactly("EMAIL_ADDRESS",
                "CREDIT_CARD", "PHONE_NUMBER", "DATE_TIME", "IP_ADDRESS");
    }
    @Test
    void phoneNumbersBesideValuesOtherDetectorsClaimAreFoundExactlyAsWhenScanningForPhonesAlone() {
        // PHONE_NUMBER runs last and skips digit clusters that a surer finding covers; what it reports must be what a
        // phone-only scan reports, minus the matches that overlap another entity's finding (which wins the overlap)
        String text = "Server 192.0.2.44 rebooted on 2024-01-15; call (201) 555-0123 or +44 20 7946 0018. Card"
                + " 4242 4242 4242 4242, id 12345678Z, phone number 020 7946 0958, fax (722) 555-0194, ip 198.51.100.7"
                + " then 0044 20 7946 0321 and 2024-02-30 or 10.20.30.40 tel 03-12-2024 and 4242 4242 4242 4243.";
        List<PiiFinding> all = PiiScanner.defaults().scan(text);
        List<PiiFinding> phonesAlone = PiiScanner.builder().entities(PiiEntity.PHONE_NUMBER).build().scan(text);
        List<PiiFinding> others = all.stream().filter(f -> !f.entity().equals(PiiEntity.PHONE_NUMBER)).toList();
        List<PiiFinding> expected = phonesAlone.stream()
                .filter(p -> others.stream().noneMatch(o -> o.start() < p.end() && p.start() < o.end())).toList();
        assertThat(all.stream().filter(f -> f.entity().equals(PiiEntity.PHONE_NUMBER)).toList())
                .extracting(PiiFinding::start, PiiFinding::end, PiiFinding::score)
                .containsExactlyElementsOf(expected.stream().map(f -> tuple(f.start(), f.end(), f.score())).toList());
        // and the phone numbers written for people are among them
        assertThat(all).filteredOn(f -> f.entity().equals(PiiEntity.PHONE_NUMBER))
                .extracting(f -> text.codePoints().skip(f.start()).limit(f.end() - f.start())
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                .contains("(201) 555-0123", "+44 20 7946 0018", "020 7946 0958");
    }
}
