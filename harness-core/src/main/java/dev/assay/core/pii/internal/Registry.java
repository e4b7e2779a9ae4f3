package dev.assay.core.pii.internal;

import static dev.assay.core.pii.internal.RegexDetector.INVALID;
import static dev.assay.core.pii.internal.RegexDetector.UNKNOWN;
import static dev.assay.core.pii.internal.RegexDetector.VALID;

import dev.assay.core.pii.internal.RegexDetector.Pat;
import dev.assay.core.pii.internal.RegexDetector.Validator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in detectors by entity name. Patterns follow Presidio's recognizers (names, base scores, context words),
 * with three deliberate differences: patterns are case-sensitive unless letters are part of a month name (Presidio
 * matches every pattern case-insensitively, a known source of false positives such as "INTRODUCTORY" as a
 * driver's licence); context words match whole words, not substrings; and checksums are checked wherever the
 * format has one.
 */
public final class Registry {
    private Registry() {
    }

    /** Presidio's enabled-by-default entities that Assay implements, in order of precedence for ties. */
    public static final List<String> DEFAULTS = List.of("CREDIT_CARD", "CRYPTO", "DATE_TIME", "EMAIL_ADDRESS",
            "IBAN_CODE", "IP_ADDRESS", "MAC_ADDRESS", "MEDICAL_LICENSE", "PHONE_NUMBER", "URL", "US_BANK_NUMBER",
            "US_DRIVER_LICENSE", "US_ITIN", "US_PASSPORT", "US_SSN", "UK_NHS", "ES_NIF", "ES_NIE", "IT_FISCAL_CODE",
            "PL_PESEL", "IT_VAT_CODE", "IT_DRIVER_LICENSE", "IT_PASSPORT", "IT_IDENTITY_CARD");
    /** Off by default; enabled by name. */
    public static final List<String> OPTIONAL = List.of("UK_NINO", "FI_PERSONAL_IDENTITY_CODE", "SE_PERSONNUMMER",
            "IN_AADHAAR", "IN_PAN", "CA_SIN", "AU_TFN", "AU_ABN");
    /** Secrets, off by default (Presidio has none); enabled by name. */
    public static final List<String> SECRETS = List.of("AWS_ACCESS_KEY", "GITHUB_TOKEN", "SLACK_TOKEN", "JWT",
            "PRIVATE_KEY", "API_KEY");
    /** Presidio's default phone regions ("UK" is spelled GB in libphonenumber). */
    public static final List<String> DEFAULT_REGIONS = List.of("US", "GB", "DE", "FR", "IL", "IN", "CA", "BR");

    private static final Map<String, Function<List<String>, Detector>> FACTORIES = new LinkedHashMap<>();

    private static final String MONTHS = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    /**
     * Not preceded by a digit group or a hyphenated token (the match would be part of a longer number). Every
     * pattern using it starts with a digit: the cheap {@code (?=\\d)} first keeps the look-behind off the other
     * positions (zero-width assertions commute, so the matches are the same).
     */
    private static final String NB = "(?=\\d)(?<!\\d[ -]|\\w-|\\d\\.)";
    /** Not followed by another digit group or a hyphenated part. */
    private static final String NA = "(?![ -]\\d|-\\w|\\.\\d)";

    private static final java.util.function.Predicate<WindowStats> NUM = w -> w.sepsBetweenDigits >= 2;
    private static final java.util.function.Predicate<WindowStats> SLASH = w -> w.slashBetweenDigits;
    private static final java.util.function.Predicate<WindowStats> MON = w -> w.month;

    private static void add(String entity, Function<List<String>, Detector> f) {
        FACTORIES.put(entity, f);
    }

    private static Validator checked(java.util.function.Predicate<String> check) {
        return v -> check.test(v) ? VALID : INVALID;
    }

    static {
        add("CREDIT_CARD", r -> new RegexDetector("CREDIT_CARD", List.of("credit", "card", "visa", "mastercard", "cc",
                "amex", "discover", "jcb", "diners", "maestro", "tarjeta", "carte", "karte", "kreditkarte", "carta"),
                checked(Registry::creditCard),
                Pat.of("(?<!\\d[ -])\\b(?:\\d[ -]?+){12,18}\\d\\b(?![ -]\\d)", 0.3)));
        add("CRYPTO", r -> new RegexDetector("CRYPTO", List.of("wallet", "btc", "bitcoin", "crypto"),
                checked(v -> v.startsWith("bc1") || v.startsWith("BC1") ? Checksums.bech32Address(v)
                        : Checksums.base58Check(v)),
                Pat.of("\\b(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}+|(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}+)\\b",
                        0.5)));
        add("DATE_TIME", r -> new RegexDetector("DATE_TIME", List.of("date", "birthday", "born", "dob", "birth",
                "fecha", "datum", "nacimiento", "geboren", "né", "née", "data"), Registry::date,
                Pat.of("\\b\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])[T ](?:[01]\\d|2[0-3]):[0-5]\\d"
                        + "(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)?(?!\\w)", 0.8, NUM),
                Pat.of(NB + "\\b\\d{1,2}([/.-])\\d{1,2}\\1(?:\\d{4}|\\d{2})\\b(?![./-]\\d)", 0.6, NUM),
                Pat.of(NB + "\\b\\d{4}([/.-])\\d{1,2}\\1\\d{1,2}\\b(?![./-]\\d)", 0.6, NUM),
                Pat.of("(?i)\\b\\d{1,2}(?:st|nd|rd|th)?[ -]" + MONTHS + "\\.?[ ,-]{1,2}\\d{4}\\b", 0.6, MON),
                Pat.of("(?i)\\b" + MONTHS + "\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b", 0.6, MON),
                Pat.of("(?i)\\b\\d{1,2}-" + MONTHS + "\\b", 0.6, MON),
                Pat.of("(?i)\\b" + MONTHS + "[ -]\\d{4}\\b", 0.6, MON),
                Pat.of("(?<![\\d/])\\b(?:0?[1-9]|1[0-2])/\\d{4}\\b(?![/.-]\\d)", 0.2, SLASH),
                Pat.of("(?<![\\d/])\\b(?:0?[1-9]|1[0-2])/\\d{2}\\b(?![/.-]\\d)", 0.1, SLASH)));
        add("EMAIL_ADDRESS", r -> new EmailDetector());
        add("IBAN_CODE", r -> new IbanDetector());
        add("IP_ADDRESS", r -> new IpDetector());
        add("MAC_ADDRESS", r -> new RegexDetector("MAC_ADDRESS", List.of("mac", "mac address", "hardware address",
                "physical address", "ethernet", "wifi"), Registry::mac,
                Pat.of("\\b[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\\1){4}[0-9A-Fa-f]{2}\\b(?![:-]\\w)", 0.6),
                Pat.of("\\b[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\b(?!\\.\\w)", 0.6)));
        add("MEDICAL_LICENSE", r -> new RegexDetector("MEDICAL_LICENSE", List.of("medical", "certificate", "dea",
                "license", "licence", "prescriber"), checked(v -> Checksums.dea(v)),
                Pat.of("\\b[ABCDEFGHJKLMPRSTUX][A-Z9]\\d{7}\\b", 0.4)));
        add("PHONE_NUMBER", PhoneDetector::new);
        add("URL", r -> new UrlDetector());
        add("US_BANK_NUMBER", r -> new RegexDetector("US_BANK_NUMBER", List.of("check", "account", "account#",
                "acct", "bank", "save", "savings", "checking", "debit", "routing"), null,
                Pat.of(NB + "\\b\\d{8,17}\\b" + NA, 0.05)));
        add("US_DRIVER_LICENSE", r -> new RegexDetector("US_DRIVER_LICENSE", List.of("driver", "drivers",
                "driver's", "license", "licence", "permit", "lic", "identification", "dl", "dls", "cdl", "cdls",
                "dmv"), null,
                Pat.of("\\b(?:[A-Z]\\d{3,14}|[A-Z]\\d{18}|[A-Z]{2}\\d{2,7}|\\d{2}[A-Z]{3}\\d{5,6}|[A-Z]\\d{6}[A-Z]"
                        + "|\\d{7,9}[A-Z]|\\d{3}[A-Z]{2}\\d{4}|[A-Z]\\d{3}-\\d{3}-\\d{3}-\\d{3})\\b", 0.3),
                Pat.of(NB + "\\b\\d{6,14}\\b" + NA, 0.01)));
        add("US_ITIN", r -> new RegexDetector("US_ITIN", List.of("individual", "taxpayer", "itin", "tax", "payer",
                "taxid", "tin"), null,
                Pat.of(NB + "\\b9\\d{2}([- ])(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-2]|9[4-9])\\1\\d{4}\\b" + NA, 0.5),
                Pat.of(NB + "\\b9\\d{2}(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-2]|9[4-9])\\d{4}\\b" + NA, 0.3)));
        add("US_PASSPORT", r -> new RegexDetector("US_PASSPORT", List.of("passport", "passport#", "travel",
                "document", "united states"), null,
                Pat.of(NB + "\\b\\d{9}\\b" + NA, 0.05), Pat.of("\\b[A-Z]\\d{8}\\b", 0.1)));
        add("US_SSN", r -> new RegexDetector("US_SSN", List.of("social", "security", "ssn", "ssns", "ssid",
                "social security number", "seguro social"), Registry::ssn,
                Pat.of(NB + "\\b\\d{3}([- .])\\d{2}\\1\\d{4}\\b" + NA, 0.5),
                Pat.of(NB + "\\b\\d{9}\\b" + NA, 0.05)));
        add("UK_NHS", r -> new RegexDetector("UK_NHS", List.of("national health service", "nhs",
                "health services authority", "health authority"), checked(v -> Checksums.nhs(Checksums.digits(v))),
                Pat.of(NB + "\\b\\d{3}([- ]?)\\d{3}\\1\\d{4}\\b" + NA, 0.5)));
        add("ES_NIF", r -> new RegexDetector("ES_NIF", List.of("documento nacional de identidad", "dni", "nif",
                "identificación"), checked(v -> {
                    String c = Checksums.alnumUpper(v);
                    return Checksums.esNif(c.length() == 8 ? "0" + c : c);
                }), Pat.of("\\b\\d{7,8}-?[A-Z]\\b", 0.5)));
        add("ES_NIE", r -> new RegexDetector("ES_NIE", List.of("número de identificación de extranjero", "nie"),
                checked(v -> Checksums.esNie(Checksums.alnumUpper(v))), Pat.of("\\b[XYZ]-?\\d{7}-?[A-Z]\\b", 0.5)));
        add("IT_FISCAL_CODE", r -> new RegexDetector("IT_FISCAL_CODE", List.of("codice fiscale", "cf"),
                checked(Checksums::itFiscalCode),
                Pat.of("\\b[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]\\b", 0.3)));
        add("PL_PESEL", r -> new RegexDetector("PL_PESEL", List.of("pesel"), checked(Checksums::pesel),
                Pat.of(NB + "\\b\\d{2}(?:[02468][1-9]|[13579][012])(?:0[1-9]|[12]\\d|3[01])\\d{5}\\b" + NA, 0.4)));
        // Italy: Presidio's ItVatCodeRecognizer, ItDriverLicenseRecognizer, ItPassportRecognizer and
        // ItIdentityCardRecognizer (case-sensitive here; the VAT number as 11 contiguous digits, optionally after "IT",
        // with the tax office code checked besides the check digit)
        add("IT_VAT_CODE", r -> new RegexDetector("IT_VAT_CODE", List.of("piva", "partita iva", "pi", "iva",
                "vat"), checked(v -> Checksums.itVat(Checksums.digits(v))),
                Pat.of(NB + "(?:\\b|(?<=\\bIT))\\d{11}\\b" + NA, 0.1)));
        add("IT_DRIVER_LICENSE", r -> new RegexDetector("IT_DRIVER_LICENSE", List.of("patente", "patente di guida",
                "licenza", "licenza di guida"), null,
                Pat.of("\\b(?:[A-Z]{2}\\d{7}[A-Z]|U1[BCDEFGHLJKMNPRSTUWYXZ0-9]{7}[A-Z])\\b", 0.2)));
        add("IT_PASSPORT", r -> new RegexDetector("IT_PASSPORT", List.of("passaporto", "elettronico", "italiano",
                "viaggio", "viaggiare", "estero", "documento", "dogana"), null,
                Pat.of("\\b[A-Z]{2}\\d{7}\\b", 0.01)));
        add("IT_IDENTITY_CARD", r -> new RegexDetector("IT_IDENTITY_CARD", List.of("carta", "identità",
                "carta d'identità", "elettronica", "cie", "documento", "riconoscimento", "espatrio"), null,
                Pat.of("\\b[A-Z]{2} ?\\d{7}\\b", 0.01), Pat.of("\\b\\d{7}[A-Z]{2}\\b", 0.01),
                Pat.of("\\b[A-Z]{2}\\d{5}[A-Z]{2}\\b", 0.01)));
        add("UK_NINO", r -> new RegexDetector("UK_NINO", List.of("national insurance", "ni number", "nino"), null,
                Pat.of("\\b(?!BG|GB|NK|KN|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?"
                        + "[A-D]\\b", 0.5)));
        add("FI_PERSONAL_IDENTITY_CODE", r -> new RegexDetector("FI_PERSONAL_IDENTITY_CODE", List.of("hetu",
                "henkilötunnus", "personbeteckningen", "personal identity code"), checked(Checksums::fiHetu),
                Pat.of("\\b\\d{6}[-+ABCDEFUVWXY]\\d{3}[0-9A-Y]\\b", 0.5)));
        add("SE_PERSONNUMMER", r -> new RegexDetector("SE_PERSONNUMMER", List.of("personnummer",
                "svenskt personnummer", "svensk id", "ssn", "personal identity number", "samordningsnummer"),
                checked(Registry::sePersonnummer),
                Pat.of(NB + "\\b(?:19|20)?\\d{6}[-+]\\d{4}\\b" + NA, 0.5), Pat.of(NB + "\\b(?:19|20)?\\d{10}\\b" + NA, 0.1)));
        add("IN_AADHAAR", r -> new RegexDetector("IN_AADHAAR", List.of("aadhaar", "aadhar", "uidai"),
                checked(v -> {
                    String d = Checksums.digits(v);
                    return Checksums.verhoeff(d) && !new StringBuilder(d).reverse().toString().equals(d);
                }), Pat.of(NB + "\\b[2-9]\\d{3}([ -]?)\\d{4}\\1\\d{4}\\b" + NA, 0.01)));
        add("IN_PAN", r -> new RegexDetector("IN_PAN", List.of("permanent account number", "pan"), null,
                Pat.of("\\b[A-Z]{3}[ABCFGHLJPTK][A-Z]\\d{4}[A-Z]\\b", 0.5)));
        add("CA_SIN", r -> new RegexDetector("CA_SIN", List.of("sin", "sin number", "social insurance",
                "social insurance number", "nas", "numéro d'assurance sociale"),
                checked(v -> Checksums.luhn(Checksums.digits(v))),
                Pat.of(NB + "\\b[1-79]\\d{2}([- ])\\d{3}\\1\\d{3}\\b" + NA, 0.5), Pat.of(NB + "\\b[1-79]\\d{8}\\b" + NA, 0.05)));
        add("AU_TFN", r -> new RegexDetector("AU_TFN", List.of("tax file number", "tfn"),
                checked(v -> Checksums.tfn(Checksums.digits(v))),
                Pat.of(NB + "\\b\\d{3} \\d{3} \\d{3}\\b" + NA, 0.1), Pat.of(NB + "\\b\\d{9}\\b" + NA, 0.01)));
        add("AU_ABN", r -> new RegexDetector("AU_ABN", List.of("australian business number", "abn"),
                checked(v -> Checksums.abn(Checksums.digits(v))),
                Pat.of(NB + "\\b\\d{2} \\d{3} \\d{3} \\d{3}\\b" + NA, 0.1), Pat.of(NB + "\\b\\d{11}\\b" + NA, 0.01)));
        add("AWS_ACCESS_KEY", r -> new PrefixDetector("AWS_ACCESS_KEY", List.of("aws", "access", "key"),
                List.of("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA"),
                "A[A-Z]{3}[A-Z2-7]{16}", 0.9, null));
        add("GITHUB_TOKEN", r -> new PrefixDetector("GITHUB_TOKEN", List.of("github", "token"),
                List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                "(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,255})", 0.9, null));
        add("SLACK_TOKEN", r -> new PrefixDetector("SLACK_TOKEN", List.of("slack", "token"),
                List.of("xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-"), "xox[abeprs]-[0-9A-Za-z-]{10,250}",
                0.9, null));
        add("JWT", r -> new PrefixDetector("JWT", List.of("jwt", "token", "bearer", "authorization"),
                List.of("eyJ"), "eyJ[A-Za-z0-9_-]{5,4096}+\\.eyJ[A-Za-z0-9_-]{2,65536}+\\.[A-Za-z0-9_-]{0,4096}+",
                0.5, Registry::jwt));
        add("PRIVATE_KEY", r -> new PemDetector());
        add("API_KEY", r -> new ApiKeyDetector());
    }

    /**
     * Per-entity window gates: a match is impossible in a window that fails its gate. (Digit-group patterns such as
     * {@code ddd-dd-dddd} need either one long digit run or two separators between digits.)
     */
    private static final Map<String, java.util.function.Predicate<WindowStats>> GATES = Map.ofEntries(
            Map.entry("CREDIT_CARD", w -> w.digits >= 13),
            Map.entry("CRYPTO", w -> w.longestToken >= 14),
            // the union of DATE_TIME's pattern gates (NUM, MON, SLASH)
            Map.entry("DATE_TIME", w -> w.digits >= 3 && (w.sepsBetweenDigits >= 2 || w.month
                    || w.slashBetweenDigits)),
            Map.entry("EMAIL_ADDRESS", w -> w.at),
            Map.entry("IBAN_CODE", w -> w.digits >= 2 && w.upper >= 2 && w.longestToken >= 4),
            // IPv4 has three dots between digits, IPv6 a colon
            Map.entry("IP_ADDRESS", w -> w.colon || w.dotsBetweenDigits >= 3),
            Map.entry("MAC_ADDRESS", w -> (w.colon || w.dash || w.dot) && w.longestToken >= 14),
            Map.entry("MEDICAL_LICENSE", w -> w.maxDigitRun >= 7 && w.upperDigit),
            Map.entry("PHONE_NUMBER", w -> w.digits >= 7),
            // a scheme URL has "://"; a scheme-less host ends in ".tld" (letters) after a letter or digit
            Map.entry("URL", w -> w.colon || w.dotLetter),
            Map.entry("US_BANK_NUMBER", w -> w.maxDigitRun >= 8),
            Map.entry("US_DRIVER_LICENSE", w -> w.maxDigitRun >= 6 || w.upperDigit && w.digits >= 2),
            Map.entry("US_ITIN", w -> w.maxDigitRun >= 9 || w.digits >= 9 && w.groupSeps >= 2),
            Map.entry("US_PASSPORT", w -> w.maxDigitRun >= 8),
            Map.entry("US_SSN", w -> w.maxDigitRun >= 9 || w.digits >= 9 && w.groupSeps >= 2),
            Map.entry("UK_NHS", w -> w.maxDigitRun >= 10 || w.digits >= 10 && w.groupSeps >= 2),
            Map.entry("ES_NIF", w -> w.maxDigitRun >= 7 && w.upperDigit),
            Map.entry("ES_NIE", w -> w.maxDigitRun >= 7 && w.upperDigit),
            Map.entry("IT_FISCAL_CODE", w -> w.upper >= 9 && w.longestToken >= 16 && w.upperDigit),
            Map.entry("PL_PESEL", w -> w.maxDigitRun >= 11),
            Map.entry("IT_VAT_CODE", w -> w.maxDigitRun >= 11),
            Map.entry("IT_DRIVER_LICENSE", w -> w.upperDigit && w.upper >= 2 && w.digits >= 1),
            Map.entry("IT_PASSPORT", w -> w.upperDigit && w.maxDigitRun >= 7),
            Map.entry("IT_IDENTITY_CARD", w -> w.upper >= 2 && w.maxDigitRun >= 5),
            Map.entry("UK_NINO", w -> w.digits >= 6 && w.upper >= 3),
            Map.entry("FI_PERSONAL_IDENTITY_CODE", w -> w.digits >= 9),
            Map.entry("SE_PERSONNUMMER", w -> w.digits >= 10),
            Map.entry("IN_AADHAAR", w -> w.maxDigitRun >= 12 || w.digits >= 12 && w.groupSeps >= 2),
            Map.entry("IN_PAN", w -> w.maxDigitRun >= 4 && w.upperDigit && w.upper >= 6),
            Map.entry("CA_SIN", w -> w.maxDigitRun >= 9 || w.digits >= 9 && w.groupSeps >= 2),
            Map.entry("AU_ABN", w -> w.maxDigitRun >= 11 || w.digits >= 11 && w.groupSeps >= 3),
            Map.entry("AU_TFN", w -> w.maxDigitRun >= 9 || w.digits >= 9 && w.groupSeps >= 2));

    /** All built-in entity names. */
    public static List<String> all() {
        return List.copyOf(FACTORIES.keySet());
    }

    public static boolean known(String entity) {
        return FACTORIES.containsKey(entity);
    }

    /** A new detector for a built-in entity. */
    public static Detector create(String entity, List<String> regions) {
        Function<List<String>, Detector> f = FACTORIES.get(entity);
        if (f == null) {
            throw new IllegalArgumentException("unknown PII entity '" + entity + "'; expected one of " + all());
        }
        Detector d = f.apply(regions);
        java.util.function.Predicate<WindowStats> gate = GATES.get(entity);
        return gate == null ? d : d.when(gate);
    }

    // ---- validators -----------------------------------------------------------------------------------------

    static boolean creditCard(String v) {
        String d = Checksums.digits(v);
        int n = d.length();
        if (n < 13 || n > 19 || !Checksums.luhn(d)) {
            return false;
        }
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p4 = Integer.parseInt(d.substring(0, 4));
        int p3 = p4 / 10;
        if (d.charAt(0) == '4') {
            return n == 13 || n == 16 || n == 19;                         // Visa
        }
        if (p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) {
            return n == 16;                                               // Mastercard
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15;                                               // Amex
        }
        if (p4 == 6011 || p2 == 65 || p3 >= 644 && p3 <= 649 || p2 == 62) {
            return n >= 16;                                               // Discover, UnionPay
        }
        if (p2 == 35) {
            return n >= 16;                                               // JCB
        }
        if (p2 == 36 || p2 == 38 || p3 >= 300 && p3 <= 305) {
            return n >= 14 && n <= 16;                                    // Diners
        }
        return (p2 == 50 || p2 >= 56 && p2 <= 69) && n >= 12;             // Maestro
    }

    private static final java.util.regex.Pattern DATE_SPLIT = java.util.regex.Pattern.compile("[/.\\-T :]");
    private static final java.util.regex.Pattern DMY = java.util.regex.Pattern.compile(
            "\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}");
    private static final java.util.regex.Pattern YMD = java.util.regex.Pattern.compile("\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}");

    static int date(String v) {
        String[] parts = DATE_SPLIT.split(v);
        if (parts.length >= 3 && DMY.matcher(v).matches()) {
            int a = Integer.parseInt(parts[0]);
            int b = Integer.parseInt(parts[1]);
            if (v.indexOf('.') >= 0 && (parts[0].length() != 2 || parts[1].length() != 2)) {
                return INVALID;
            }
            boolean mdy = a >= 1 && a <= 12 && b >= 1 && b <= 31;
            boolean dmy = b >= 1 && b <= 12 && a >= 1 && a <= 31;
            return mdy || dmy ? UNKNOWN : INVALID;
        }
        if (YMD.matcher(v).matches()) {
            int y = Integer.parseInt(parts[0]);
            int m = Integer.parseInt(parts[1]);
            int d = Integer.parseInt(parts[2]);
            return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= 31 ? UNKNOWN : INVALID;
        }
        return UNKNOWN;
    }

    static int mac(String v) {
        String hex = Checksums.alnumUpper(v);
        return hex.equals("FFFFFFFFFFFF") || hex.equals("000000000000") ? INVALID : UNKNOWN;
    }

    static int ssn(String v) {
        String d = Checksums.digits(v);
        if (d.length() != 9) {
            return INVALID;
        }
        int area = Integer.parseInt(d.substring(0, 3));
        if (area == 0 || area == 666 || area >= 900 || d.startsWith("00", 3) || d.startsWith("0000", 5)
                || d.chars().distinct().count() == 1 || d.startsWith("123456789") || d.startsWith("98765432")
                || d.startsWith("078051120")) {
            return INVALID;
        }
        return UNKNOWN;
    }

    static boolean sePersonnummer(String v) {
        String d = Checksums.digits(v);
        if (d.length() == 12) {
            if (!d.startsWith("19") && !d.startsWith("20")) {
                return false;
            }
            d = d.substring(2);
        }
        return Checksums.sePersonnummer(d);
    }

    static int jwt(String v) {
        int dot = v.indexOf('.');
        try {
            String header = new String(Base64.getUrlDecoder().decode(v.substring(0, dot).replace("=", "")),
                    java.nio.charset.StandardCharsets.UTF_8);
            return header.startsWith("{") && header.contains("\"alg\"") ? VALID : INVALID;
        } catch (IllegalArgumentException e) {
            return INVALID;
        }
    }

    /** Built-in detectors for the given entities. */
    public static List<Detector> create(List<String> entities, List<String> regions) {
        List<Detector> out = new ArrayList<>();
        for (String e : entities) {
            out.add(create(e, regions));
        }
        return out;
    }
}
