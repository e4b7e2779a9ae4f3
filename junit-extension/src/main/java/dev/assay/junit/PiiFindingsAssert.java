package dev.assay.junit;

import dev.assay.core.pii.PiiFinding;
import dev.assay.junit.internal.ReportMessages;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the findings of a {@link dev.assay.core.pii.PiiScanner}; get one with
 * {@link AssayAssertions#assertThat(List)}.
 *
 * <pre>{@code
 * assertThat(scanner.scan(answer)).hasNoFindingsOf(CREDIT_CARD, EMAIL_ADDRESS);
 * assertThat(scanner.scan(answer)).hasNoFindings();
 * }</pre>
 *
 * <p>Failure messages list each finding with its entity, code point span, masked value, score and salted hash:
 * never the raw value. For the findings of a {@code pii-leak} check (with the row of each), assert on its
 * {@link dev.assay.core.CheckResult} with {@link CheckResultAssert#hasNoFindingsOf(String...)}.
 *
 * @since 0.1
 */
public class PiiFindingsAssert extends AbstractAssert<PiiFindingsAssert, List<PiiFinding>> {

    /** Prefer {@link AssayAssertions#assertThat(List)}. */
    public PiiFindingsAssert(List<PiiFinding> actual) {
        super(actual, PiiFindingsAssert.class);
    }

    /** Verifies that nothing was found. */
    public PiiFindingsAssert hasNoFindings() {
        isNotNull();
        if (!actual.isEmpty()) {
            throwAssertionError(ReportMessages.shouldHaveNoFindings("the scanned text", List.of(), lines(actual),
                    actual.size()));
        }
        return myself;
    }

    /** Verifies that nothing of the given entities ({@code CREDIT_CARD}, {@code EMAIL_ADDRESS}, ...) was found. */
    public PiiFindingsAssert hasNoFindingsOf(String... entities) {
        isNotNull();
        Set<String> wanted = Set.copyOf(Arrays.asList(entities));
        List<PiiFinding> found = actual.stream().filter(f -> wanted.contains(f.entity())).toList();
        if (!found.isEmpty()) {
            throwAssertionError(ReportMessages.shouldHaveNoFindings("the scanned text", Arrays.asList(entities),
                    lines(found), found.size()));
        }
        return myself;
    }

    /** Verifies that at least one finding is of {@code entity}. */
    public PiiFindingsAssert hasFindingsOf(String entity) {
        Objects.requireNonNull(entity, "entity");
        isNotNull();
        if (actual.stream().noneMatch(f -> f.entity().equals(entity))) {
            throwAssertionError(ReportMessages.shouldHaveFindingsOf("the scanned text", entity, lines(actual)));
        }
        return myself;
    }

    private static List<String> lines(List<PiiFinding> findings) {
        return findings.stream().map(ReportMessages::finding).toList();
    }
}
