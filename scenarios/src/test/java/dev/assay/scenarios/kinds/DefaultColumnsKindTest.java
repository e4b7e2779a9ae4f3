package dev.assay.scenarios.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code canary:} and {@code membership-inference:} without their column keys read the default columns
 * ({@code prefix}, {@code secret}, {@code member}); data without them is an error that asks for the column.
 */
class DefaultColumnsKindTest extends KindTestSupport {
    static final String HEAD = """
            model:
              predictions: {column: y_pred}
            data:
              path: rows.csv
            checks:
            """;

    @Test
    void missingDefaultColumnsAreNamedWithWhatTheColumnHolds() {
        write("rows.csv", "text,code,training,loss,y_pred\nhello,K-1,1,0.5,a\nbye,K-2,0,0.9,a\n");
        var e = fail(HEAD + """
                  - name: canary
                    canary: {max-extraction-rate: 0}
                  - name: mi
                    membership-inference: {loss-column: loss, max-auc: 0.6}
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(7, 13) + "checks[0].canary.prefix-column: the data has no column 'prefix' (the default); name the"
                        + " column with the text that preceded each secret",
                at(7, 13) + "checks[0].canary.secret-column: the data has no column 'secret' (the default); name the"
                        + " column with each canary's secret",
                at(9, 27) + "checks[1].membership-inference.member-column: the data has no column 'member' (the"
                        + " default); name the column that marks training rows (1/0 or true/false)");
    }

    @Test
    void namedColumnsReplaceTheDefaults() {
        write("rows.csv", "text,code,training,loss,y_pred\nhello,K-1,1,0.5,a\nbye,K-2,0,0.9,a\n");
        var e = fail(HEAD + """
                  - name: canary
                    canary: {max-extraction-rate: 0, prefix-column: text, secret-column: code}
                  - name: mi
                    membership-inference: {member-column: training, loss-column: loss, max-auc: 0.6}
                  - name: unknown
                    canary: {max-extraction-rate: 0, prefix-column: txt, secret-column: code}
                """);
        // only the unknown column of the third check is a problem: the named columns replace the defaults
        assertThat(e.problems()).extracting(Object::toString).singleElement().asString()
                .startsWith(at(11, 53) + "checks[2].canary.prefix-column: unknown prefix column 'txt'");
    }
}
