package dev.assay.core.pii;

import dev.assay.core.pii.internal.Registry;
import java.util.List;

/**
 * The built-in entity names, spelled as in Microsoft Presidio so its users can reuse what they know.
 *
 * <p>{@link #defaults()} mirrors Presidio's enabled-by-default recognizers that Assay implements; the country
 * recognizers Presidio leaves off ({@link #optional()}) and the secret detectors ({@link #secrets()}) are enabled by
 * name. Not implemented from Presidio's default set: the model-based NER entities PERSON, LOCATION, NRP,
 * ORGANIZATION.
 */
public final class PiiEntity {
    private PiiEntity() {
    }

    public static final String CREDIT_CARD = "CREDIT_CARD";
    public static final String CRYPTO = "CRYPTO";
    public static final String DATE_TIME = "DATE_TIME";
    public static final String EMAIL_ADDRESS = "EMAIL_ADDRESS";
    public static final String IBAN_CODE = "IBAN_CODE";
    public static final String IP_ADDRESS = "IP_ADDRESS";
    public static final String MAC_ADDRESS = "MAC_ADDRESS";
    public static final String MEDICAL_LICENSE = "MEDICAL_LICENSE";
    public static final String PHONE_NUMBER = "PHONE_NUMBER";
    public static final String URL = "URL";
    public static final String US_BANK_NUMBER = "US_BANK_NUMBER";
    public static final String US_DRIVER_LICENSE = "US_DRIVER_LICENSE";
    public static final String US_ITIN = "US_ITIN";
    public static final String US_PASSPORT = "US_PASSPORT";
    public static final String US_SSN = "US_SSN";
    public static final String UK_NHS = "UK_NHS";
    public static final String UK_NINO = "UK_NINO";
    public static final String ES_NIF = "ES_NIF";
    public static final String ES_NIE = "ES_NIE";
    public static final String IT_FISCAL_CODE = "IT_FISCAL_CODE";
    public static final String PL_PESEL = "PL_PESEL";
    /** Italian VAT number (partita IVA): 11 digits, Luhn check digit and tax office code validated. */
    public static final String IT_VAT_CODE = "IT_VAT_CODE";
    /** Italian driving licence ({@code AA1234567B}, {@code U1...}); base score 0.2, needs a context word. */
    public static final String IT_DRIVER_LICENSE = "IT_DRIVER_LICENSE";
    /** Italian passport ({@code AA1234567}); base score 0.01, needs a context word. */
    public static final String IT_PASSPORT = "IT_PASSPORT";
    /** Italian identity card (paper {@code AA 1234567}, CIE {@code 1234567AA}, {@code AA12345AA}); needs context. */
    public static final String IT_IDENTITY_CARD = "IT_IDENTITY_CARD";
    public static final String FI_PERSONAL_IDENTITY_CODE = "FI_PERSONAL_IDENTITY_CODE";
    public static final String SE_PERSONNUMMER = "SE_PERSONNUMMER";
    public static final String IN_AADHAAR = "IN_AADHAAR";
    public static final String IN_PAN = "IN_PAN";
    public static final String CA_SIN = "CA_SIN";
    public static final String AU_TFN = "AU_TFN";
    /** Australian Business Number (11 digits, mod 89). */
    public static final String AU_ABN = "AU_ABN";
    /** AWS access key ids ({@code AKIA...}, {@code ASIA...}). */
    public static final String AWS_ACCESS_KEY = "AWS_ACCESS_KEY";
    /** GitHub tokens ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_}, {@code github_pat_}). */
    public static final String GITHUB_TOKEN = "GITHUB_TOKEN";
    /** Slack tokens ({@code xoxb-}, {@code xoxp-}, ...). */
    public static final String SLACK_TOKEN = "SLACK_TOKEN";
    /** JSON Web Tokens whose header decodes to JSON with {@code alg}. */
    public static final String JWT = "JWT";
    /** PEM private-key blocks. */
    public static final String PRIVATE_KEY = "PRIVATE_KEY";
    /** Generic high-entropy API keys (needs a context word to pass the default min-score). */
    public static final String API_KEY = "API_KEY";

    /** The default set (Presidio's defaults that Assay implements). */
    public static List<String> defaults() {
        return Registry.DEFAULTS;
    }

    /** Country recognizers that are off by default. */
    public static List<String> optional() {
        return Registry.OPTIONAL;
    }

    /** Secret detectors (off by default). */
    public static List<String> secrets() {
        return Registry.SECRETS;
    }

    /** Every built-in entity. */
    public static List<String> all() {
        return Registry.all();
    }
}
