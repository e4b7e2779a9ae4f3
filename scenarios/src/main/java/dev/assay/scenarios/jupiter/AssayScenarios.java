package dev.assay.scenarios.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Runs every scenario file ({@code *.assay.yaml}, {@code *.assay.yml}, {@code *.assay.json}) under the given
 * class-path folders: one container per file (sorted by path), one test per check.
 *
 * <pre>{@code
 * @AssayScenarios("assay/")
 * class ScenariosTest {
 * }
 * }</pre>
 *
 * <p>The class stays empty: the {@code assay-scenarios} test engine (registered through
 * {@code META-INF/services}) finds it when Maven Surefire, Gradle or an IDE selects it, and runs the files. A check
 * with verdict {@code fail} fails its test with an {@link AssertionError}; an {@code error} fails it with an
 * {@link dev.assay.core.AssayException}; a file that cannot be loaded fails its container with
 * {@code file:line:column}. The run's {@code evidence.json} gets every check.
 *
 * <p>Classes nested in other classes run only when selected directly (by class or unique id), not when a package
 * or class-path root is scanned.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Testable
public @interface AssayScenarios {
    /** Class-path folders to search, recursively, for example {@code "assay/"}. */
    String[] value();
}
