package dev.assay.core.pii.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Check-digit algorithms of the validated detectors. All methods are pure and allocation-light. */
public final class Checksums {
    private Checksums() {
    }

    /** Only the digits of {@code s}. */
    public static String digits(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Only letters and digits of {@code s}, upper-cased. */
    public static String alnumUpper(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                sb.append(c);
            } else if (c >= 'a' && c <= 'z') {
                sb.append((char) (c - 32));
            }
        }
        return sb.toString();
    }

    /**
     * Italian VAT number (partita IVA): 11 digits, the last a Luhn check digit over the first ten, digits 8-10 a tax
     * office code (001-121 for the provinces, 888 and 999 for special offices), not all zeros.
     */
    public static boolean itVat(String d) {
        if (d.length() != 11 || d.equals("00000000000")) {
            return false;
        }
        int office = Integer.parseInt(d.substring(7, 10));
        return (office >= 1 && office <= 121 || office == 888 || office == 999) && luhn(d);
    }

    /** Luhn (mod 10) over a string of digits. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }

    private static final int[][] VERHOEFF_D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

    /** Verhoeff over a string of digits whose last digit is the check digit. */
    public static boolean verhoeff(String digits) {
        int c = 0;
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            int d = digits.charAt(n - 1 - i) - '0';
            c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d]];
        }
        return n > 0 && c == 0;
    }

    /** The Verhoeff check digit to append to {@code digits}. */
    public static int verhoeffDigit(String digits) {
        for (int d = 0; d < 10; d++) {
            if (verhoeff(digits + d)) {
                return d;
            }
        }
        throw new IllegalStateException();
    }

    /** ISO 13616 / ISO 7064 mod 97-10 over a compact IBAN (letters upper-case). */
    public static boolean iban(String compact) {
        if (compact.length() < 5) {
            return false;
        }
        String r = compact.substring(4) + compact.substring(0, 4);
        int mod = 0;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c >= '0' && c <= '9') {
                mod = (mod * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                int v = c - 'A' + 10;
                mod = (mod * 100 + v) % 97;
            } else {
                return false;
            }
        }
        return mod == 1;
    }

    /** UK NHS number: weights 10..2 over the first 9 digits; check = 11 - (sum mod 11), 11 -> 0, 10 invalid. */
    public static boolean nhs(String d) {
        if (d.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == d.charAt(9) - '0';
    }

    /** Polish PESEL: weights 1,3,7,9,1,3,7,9,1,3; check = (10 - sum mod 10) mod 10. */
    public static boolean pesel(String d) {
        if (d.length() != 11) {
            return false;
        }
        int[] w = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (d.charAt(i) - '0') * w[i];
        }
        return (10 - sum % 10) % 10 == d.charAt(10) - '0';
    }

    /** Australian TFN: weights 1,4,3,7,5,8,6,9,10; sum mod 11 == 0. */
    public static boolean tfn(String d) {
        if (d.length() != 9) {
            return false;
        }
        int[] w = {1, 4, 3, 7, 5, 8, 6, 9, 10};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * w[i];
        }
        return sum % 11 == 0;
    }

    /** Australian Business Number: first digit minus 1, weights 10,1,3,5,...,19; sum mod 89 == 0. */
    public static boolean abn(String d) {
        if (d.length() != 11 || d.charAt(0) == '0') {
            return false;
        }
        int[] w = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
        int sum = (d.charAt(0) - '0' - 1) * w[0];
        for (int i = 1; i < 11; i++) {
            sum += (d.charAt(i) - '0') * w[i];
        }
        return sum % 89 == 0;
    }

    /** DEA registration number: two letters and 7 digits; (d1+d3+d5) + 2(d2+d4+d6) ≡ d7 (mod 10). */
    public static boolean dea(String s) {
        if (s.length() != 9) {
            return false;
        }
        int[] d = new int[7];
        for (int i = 0; i < 7; i++) {
            d[i] = s.charAt(2 + i) - '0';
        }
        int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
        return sum % 10 == d[6];
    }

    private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    /** Spanish DNI/NIF: 8 digits and letter {@code TRWAGMYFPDXBNJZSQVHLCKE[n mod 23]}. */
    public static boolean esNif(String compact) {
        if (compact.length() != 9) {
            return false;
        }
        int n = Integer.parseInt(compact.substring(0, 8));
        return NIF_LETTERS.charAt(n % 23) == compact.charAt(8);
    }

    /** Spanish NIE: X/Y/Z (0/1/2), 7 digits, control letter as for the NIF. */
    public static boolean esNie(String compact) {
        if (compact.length() != 9) {
            return false;
        }
        int lead = "XYZ".indexOf(compact.charAt(0));
        return lead >= 0 && esNif(lead + compact.substring(1));
    }

    private static final int[] IT_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
        10, 22, 25, 24, 23};

    /** Italian codice fiscale (16 characters, upper case): odd/even tables, check letter = sum mod 26. */
    public static boolean itFiscalCode(String s) {
        if (s.length() != 16) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = s.charAt(i);
            int v = c >= '0' && c <= '9' ? c - '0' : c - 'A';
            if (v < 0 || v > 25) {
                return false;
            }
            sum += i % 2 == 0 ? IT_ODD[v] : v;
        }
        return s.charAt(15) == (char) ('A' + sum % 26);
    }

    private static final String FI_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /** Finnish henkilötunnus: DDMMYY C NNN Q with Q = table[DDMMYYNNN mod 31]. */
    public static boolean fiHetu(String s) {
        if (s.length() != 11) {
            return false;
        }
        String num = s.substring(0, 6) + s.substring(7, 10);
        for (int i = 0; i < num.length(); i++) {
            if (!Character.isDigit(num.charAt(i))) {
                return false;
            }
        }
        int day = Integer.parseInt(s.substring(0, 2));
        int month = Integer.parseInt(s.substring(2, 4));
        if (day < 1 || day > 31 || month < 1 || month > 12) {
            return false;
        }
        return FI_CHECK.charAt((int) (Long.parseLong(num) % 31)) == s.charAt(10);
    }

    /** Swedish personnummer / samordningsnummer over the 10-digit form YYMMDDNNNC: date plausible and Luhn. */
    public static boolean sePersonnummer(String ten) {
        if (ten.length() != 10) {
            return false;
        }
        int month = Integer.parseInt(ten.substring(2, 4));
        int day = Integer.parseInt(ten.substring(4, 6));
        if (day > 60) {
            day -= 60; // samordningsnummer
        }
        return month >= 1 && month <= 12 && day >= 1 && day <= 31 && luhn(ten);
    }

    private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** Bitcoin Base58Check: decode, the last 4 bytes are the first 4 of SHA-256(SHA-256(payload)). */
    public static boolean base58Check(String s) {
        BigInteger n = BigInteger.ZERO;
        BigInteger b58 = BigInteger.valueOf(58);
        int leadingOnes = 0;
        boolean leading = true;
        for (int i = 0; i < s.length(); i++) {
            int v = B58.indexOf(s.charAt(i));
            if (v < 0) {
                return false;
            }
            if (leading && v == 0) {
                leadingOnes++;
            } else {
                leading = false;
            }
            n = n.multiply(b58).add(BigInteger.valueOf(v));
        }
        byte[] raw = n.toByteArray();
        int strip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        if (n.signum() == 0) {
            raw = new byte[0];
            strip = 0;
        }
        byte[] bytes = new byte[leadingOnes + raw.length - strip];
        System.arraycopy(raw, strip, bytes, leadingOnes, raw.length - strip);
        if (bytes.length < 5) {
            return false;
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - 4);
        byte[] hash = sha256(sha256(payload));
        for (int i = 0; i < 4; i++) {
            if (hash[i] != bytes[bytes.length - 4 + i]) {
                return false;
            }
        }
        return true;
    }

    /** Encodes {@code payload} with its Base58Check checksum (used to generate test values). */
    public static String base58CheckEncode(byte[] payload) {
        byte[] hash = sha256(sha256(payload));
        byte[] all = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(hash, 0, all, payload.length, 4);
        BigInteger n = new BigInteger(1, all);
        StringBuilder sb = new StringBuilder();
        BigInteger b58 = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(b58);
            sb.append(B58.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < all.length && all[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GEN = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    /** Bech32 (BIP-173) polymod constant. */
    public static final int BECH32_CONST = 1;
    /** Bech32m (BIP-350) polymod constant. */
    public static final int BECH32M_CONST = 0x2bc830a3;

    private static int polymod(int[] values) {
        int chk = 1;
        for (int v : values) {
            int b = chk >>> 25;
            chk = (chk & 0x1ffffff) << 5 ^ v;
            for (int i = 0; i < 5; i++) {
                if ((b >>> i & 1) == 1) {
                    chk ^= GEN[i];
                }
            }
        }
        return chk;
    }

    /**
     * The Bech32 polymod of any Bech32 string (hrp, separator {@code 1}, data and checksum) or -1 when it is not
     * well-formed: {@link #BECH32_CONST} for a valid Bech32 checksum, {@link #BECH32M_CONST} for Bech32m.
     */
    public static int bech32Polymod(String str) {
        if (!str.equals(str.toLowerCase(java.util.Locale.ROOT)) && !str.equals(str.toUpperCase(java.util.Locale.ROOT))) {
            return -1;
        }
        String s = str.toLowerCase(java.util.Locale.ROOT);
        int sep = s.lastIndexOf('1');
        if (sep < 1 || sep + 7 > s.length()) {
            return -1;
        }
        int[] values = new int[sep * 2 + 1 + s.length() - sep - 1];
        for (int i = 0; i < sep; i++) {
            values[i] = s.charAt(i) >> 5;
            values[i + sep + 1] = s.charAt(i) & 31;
        }
        for (int i = sep + 1; i < s.length(); i++) {
            int v = BECH32.indexOf(s.charAt(i));
            if (v < 0) {
                return -1;
            }
            values[sep * 2 + 1 + i - sep - 1] = v;
        }
        return polymod(values);
    }

    /**
     * A Bitcoin segwit address ({@code bc1...}): Bech32 checksum for witness version 0, Bech32m for versions 1-16
     * (BIP-173, BIP-350). Mixed case is invalid.
     */
    public static boolean bech32Address(String addr) {
        if (!addr.equals(addr.toLowerCase(java.util.Locale.ROOT)) && !addr.equals(addr.toUpperCase(java.util.Locale.ROOT))) {
            return false;
        }
        String s = addr.toLowerCase(java.util.Locale.ROOT);
        int sep = s.lastIndexOf('1');
        if (sep < 1 || sep + 7 > s.length() || s.length() > 90) {
            return false;
        }
        String hrp = s.substring(0, sep);
        if (!hrp.equals("bc")) {
            return false;
        }
        int[] data = new int[s.length() - sep - 1];
        for (int i = 0; i < data.length; i++) {
            int v = BECH32.indexOf(s.charAt(sep + 1 + i));
            if (v < 0) {
                return false;
            }
            data[i] = v;
        }
        int[] values = new int[hrp.length() * 2 + 1 + data.length];
        for (int i = 0; i < hrp.length(); i++) {
            values[i] = hrp.charAt(i) >> 5;
            values[i + hrp.length() + 1] = hrp.charAt(i) & 31;
        }
        System.arraycopy(data, 0, values, hrp.length() * 2 + 1, data.length);
        int pm = polymod(values);
        int version = data[0];
        if (version > 16) {
            return false;
        }
        return version == 0 ? pm == BECH32_CONST : pm == BECH32M_CONST;
    }

    /** Appends a Bech32 or Bech32m checksum to data for hrp {@code bc} (used to generate test values). */
    public static String bech32Encode(int[] data, int constant) {
        String hrp = "bc";
        int[] values = new int[hrp.length() * 2 + 1 + data.length + 6];
        for (int i = 0; i < hrp.length(); i++) {
            values[i] = hrp.charAt(i) >> 5;
            values[i + hrp.length() + 1] = hrp.charAt(i) & 31;
        }
        System.arraycopy(data, 0, values, hrp.length() * 2 + 1, data.length);
        int pm = polymod(values) ^ constant;
        StringBuilder sb = new StringBuilder(hrp).append('1');
        for (int d : data) {
            sb.append(BECH32.charAt(d));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(BECH32.charAt(pm >>> 5 * (5 - i) & 31));
        }
        return sb.toString();
    }

    /** UTF-8 bytes. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
