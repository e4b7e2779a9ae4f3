package dev.assay.core.pii.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBAN_CODE: a country code, two check digits and the BBAN, compact or in groups separated by spaces or hyphens.
 * The match is cut to the country's IBAN length (so trailing words are not swallowed), then the BBAN must have the
 * country's registered structure and the ISO 7064 mod 97-10 check must give 1: score 1.0, otherwise dropped.
 * Base score (never reported, every match is validated) 0.5 as in Presidio.
 */
public final class IbanDetector extends Detector {
    private static final Pattern CANDIDATE = Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ -]?+[A-Z0-9]){11,30}+");
    /** Country -> BBAN structure in SWIFT notation ({@code n} digits, {@code a} upper-case letters, {@code c} both). */
    private static final Map<String, String> BBAN = new HashMap<>();

    static {
        String table = "AD 4n4n12c|AE 3n16n|AL 8n16c|AT 5n11n|AZ 4a20c|BA 3n3n8n2n|BE 3n7n2n|BG 4a4n2n8c|BH 4a14c|"
                + "BR 8n5n10n1a1c|BY 4c4n16c|CH 5n12c|CR 4n14n|CY 3n5n16c|CZ 4n6n10n|DE 8n10n|DK 4n9n1n|DO 4c20n|"
                + "EE 2n2n11n1n|EG 4n4n17n|ES 4n4n1n1n10n|FI 3n11n|FO 4n9n1n|FR 5n5n11c2n|GB 4a6n8n|GE 2a16n|GI 4a15c|"
                + "GL 4n9n1n|GR 3n4n16c|GT 4c20c|HR 7n10n|HU 3n4n1n15n1n|IE 4a6n8n|IL 3n3n13n|IQ 4a3n12n|"
                + "IS 4n2n6n10n|IT 1a5n5n12c|JO 4a4n18c|KW 4a22c|KZ 3n13c|LB 4n20c|LC 4a24c|LI 5n12c|LT 5n11n|"
                + "LU 3n13c|LV 4a13c|MC 5n5n11c2n|MD 2c18c|ME 3n13n2n|MK 3n10c2n|MR 5n5n11n2n|MT 4a5n18c|"
                + "MU 4a2n2n12n3n3a|NL 4a10n|NO 4n6n1n|PK 4a16c|PL 8n16n|PS 4a21c|PT 4n4n11n2n|QA 4a21c|RO 4a16c|"
                + "RS 3n13n2n|SA 2n18c|SC 4a2n2n16n3a|SE 3n16n1n|SI 5n8n2n|SK 4n6n10n|SM 1a5n5n12c|ST 8n11n2n|"
                + "SV 4a20n|TL 3n14n2n|TN 2n3n13n2n|TR 5n1n16c|UA 6n19c|VA 3n15n|VG 4a16n|XK 4n10n2n";
        for (String e : table.split("\\|")) {
            BBAN.put(e.substring(0, 2), e.substring(3));
        }
    }

    public IbanDetector() {
        super("IBAN_CODE", List.of("iban", "bank", "account", "transaction", "transfer", "konto", "cuenta", "compte",
                "conto", "rekening"));
    }

    /** The IBAN length of a country, or -1 when it has none in the table. */
    static int length(String country) {
        String f = BBAN.get(country);
        if (f == null) {
            return -1;
        }
        int len = 4;
        int num = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (Character.isDigit(c)) {
                num = num * 10 + (c - '0');
            } else {
                len += num;
                num = 0;
            }
        }
        return len;
    }

    /** Whether the BBAN of a compact IBAN has its country's structure. */
    static boolean structure(String compact) {
        String f = BBAN.get(compact.substring(0, 2));
        int pos = 4;
        int num = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (Character.isDigit(c)) {
                num = num * 10 + (c - '0');
                continue;
            }
            for (int k = 0; k < num; k++, pos++) {
                char x = compact.charAt(pos);
                boolean digit = x >= '0' && x <= '9';
                if (c == 'n' && !digit || c == 'a' && digit) {
                    return false;
                }
            }
            num = 0;
        }
        return pos == compact.length();
    }

    /** Full validation of a compact upper-case IBAN: known country, length, structure, mod 97. */
    public static boolean valid(String compact) {
        return compact.length() > 4 && length(compact.substring(0, 2)) == compact.length() && structure(compact)
                && Checksums.iban(compact);
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out) {
        Matcher m = CANDIDATE.matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        m.region(from, to);
        while (m.find()) {
            int len = length(text.substring(m.start(), m.start() + 2));
            if (len < 0) {
                continue;
            }
            StringBuilder compact = new StringBuilder(len);
            int e = m.start();
            while (e < m.end() && compact.length() < len) {
                char c = text.charAt(e++);
                if (c != ' ' && c != '-') {
                    compact.append(c);
                }
            }
            if (compact.length() < len || e < text.length() && Character.isLetterOrDigit(text.charAt(e))) {
                continue;
            }
            if (valid(compact.toString())) {
                out.add(new Candidate(this, entity(), m.start(), e, 1.0, true));
            }
        }
    }
}
