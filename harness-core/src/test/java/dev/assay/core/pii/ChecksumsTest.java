package dev.assay.core.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.pii.internal.Checksums;
import org.junit.jupiter.api.Test;

/** Check-digit algorithms against published test vectors and hand-computed values. */
class ChecksumsTest {
    @Test
    void luhnAcceptsCardNetworkTestNumbersAndRejectsAChangedDigit() {
        assertThat(Checksums.luhn("4242424242424242")).isTrue();
        assertThat(Checksums.luhn("378282246310005")).isTrue();
        assertThat(Checksums.luhn("4242424242424241")).isFalse();
        // hand-computed: 79927398713 is the textbook Luhn example
        assertThat(Checksums.luhn("79927398713")).isTrue();
        assertThat(Checksums.luhn("79927398710")).isFalse();
    }

    @Test
    void italianVatNumberChecksTheCheckDigitAndTheTaxOffice() {
        // worked by hand with Presidio's formula on 1234567 888: odd positions 1+3+5+7+8 = 24, even positions
        // doubled (minus 9 above 9) 4+8+3+7+7 = 29, (10 - 53 % 10) % 10 = 7
        assertThat(Checksums.itVat("12345678887")).isTrue();
        assertThat(Checksums.itVat("12345678886")).isFalse();
        // office 500 does not exist although the check digit (8, worked the same way) is right
        assertThat(Checksums.luhn("12345675008")).isTrue();
        assertThat(Checksums.itVat("12345675008")).isFalse();
        assertThat(Checksums.itVat("00000000000")).as("passes the checksum, not a number").isFalse();
        assertThat(Checksums.itVat("1234567888")).as("10 digits").isFalse();
    }

    @Test
    void australianBusinessNumberUsesTheAtoWeightsModulo89() {
        // the ATO's example ABN 51 824 753 556: (5-1)*10 + 1*1 + 8*3 + 2*5 + 4*7 + 7*9 + 5*11 + 3*13 + 5*15 + 5*17
        // + 6*19 = 534 = 6 * 89
        assertThat(Checksums.abn("51824753556")).isTrue();
        assertThat(Checksums.abn("51824753557")).isFalse();
        assertThat(Checksums.abn("01824753556")).as("no leading zero").isFalse();
    }

    @Test
    void verhoeffMatchesTheTextbookExample() {
        // 236 -> check digit 3 (Verhoeff's worked example)
        assertThat(Checksums.verhoeff("2363")).isTrue();
        assertThat(Checksums.verhoeffDigit("236")).isEqualTo(3);
        assertThat(Checksums.verhoeff("2364")).isFalse();
        // a single transposition is caught
        assertThat(Checksums.verhoeff("3263")).isFalse();
    }

    @Test
    void ibanMod97OnRegistryExamples() {
        assertThat(Checksums.iban("GB82WEST12345698765432")).isTrue();
        assertThat(Checksums.iban("DE89370400440532013000")).isTrue();
        assertThat(Checksums.iban("FR1420041010050500013M02606")).isTrue();
        assertThat(Checksums.iban("GB82WEST12345698765433")).isFalse();
    }

    @Test
    void nationalIdsOnDocumentedSamples() {
        assertThat(Checksums.nhs("9434765919")).isTrue();
        assertThat(Checksums.nhs("9434765918")).isFalse();
        assertThat(Checksums.pesel("44051401359")).isTrue();
        assertThat(Checksums.pesel("44051401358")).isFalse();
        assertThat(Checksums.esNif("12345678Z")).isTrue();
        assertThat(Checksums.esNif("12345678A")).isFalse();
        assertThat(Checksums.esNie("X1234567L")).isTrue();
        assertThat(Checksums.itFiscalCode("RSSMRA85T10A562S")).isTrue();
        assertThat(Checksums.itFiscalCode("RSSMRA85T10A562T")).isFalse();
        assertThat(Checksums.fiHetu("131052-308T")).isTrue();
        assertThat(Checksums.fiHetu("131052-308U")).isFalse();
        assertThat(Checksums.sePersonnummer("8112289874")).isTrue();
        assertThat(Checksums.sePersonnummer("8112289875")).isFalse();
        assertThat(Checksums.tfn("123456782")).isTrue();
        assertThat(Checksums.tfn("123456789")).isFalse();
        // DEA: AB1234563 -> (1+3+5) + 2*(2+4+6) = 33 -> check digit 3
        assertThat(Checksums.dea("AB1234563")).isTrue();
        assertThat(Checksums.dea("AB1234567")).isFalse();
    }

    @Test
    void base58CheckUsesTheDoubleSha256() {
        // the genesis block's address
        assertThat(Checksums.base58Check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isTrue();
        assertThat(Checksums.base58Check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).isFalse();
        assertThat(Checksums.base58Check("1A1zP1eP5QGefi2DMPTfTL5SLmv7Div0Na")).isFalse(); // 0 is not base58
    }

    @Test
    void bech32AndBech32mPolymodOnBipTestVectors() {
        // BIP-173 and BIP-350 valid test strings
        assertThat(Checksums.bech32Polymod("A12UEL5L")).isEqualTo(Checksums.BECH32_CONST);
        assertThat(Checksums.bech32Polymod("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw"))
                .isEqualTo(Checksums.BECH32_CONST);
        assertThat(Checksums.bech32Polymod("A1LQFN3A")).isEqualTo(Checksums.BECH32M_CONST);
        assertThat(Checksums.bech32Polymod("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx"))
                .isEqualTo(Checksums.BECH32M_CONST);
        // mixed case is invalid
        assertThat(Checksums.bech32Polymod("A12uEL5L")).isEqualTo(-1);
        // witness v0 needs Bech32, v1+ needs Bech32m
        int[] program = new int[33];
        program[0] = 0;
        assertThat(Checksums.bech32Address(Checksums.bech32Encode(program, Checksums.BECH32_CONST))).isTrue();
        assertThat(Checksums.bech32Address(Checksums.bech32Encode(program, Checksums.BECH32M_CONST))).isFalse();
        program[0] = 1;
        assertThat(Checksums.bech32Address(Checksums.bech32Encode(program, Checksums.BECH32M_CONST))).isTrue();
        assertThat(Checksums.bech32Address(Checksums.bech32Encode(program, Checksums.BECH32_CONST))).isFalse();
    }
}
