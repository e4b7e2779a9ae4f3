package dev.assay.scenarios.jupiter.internal;

import dev.assay.scenarios.Scenario;
import dev.assay.scenarios.ScenarioCheck;
import dev.assay.scenarios.internal.ScenarioFiles;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** The engine's descriptors: annotated class, scenario file, check. */
final class Descriptors {
    static final String CLASS = "class";
    static final String SCENARIO = "scenario";
    static final String CHECK = "check";

    private Descriptors() {
    }

    /** What the three descriptors share: Jupiter's tags of the class, and the type. */
    abstract static class TaggedDescriptor extends AbstractTestDescriptor {
        final Set<TestTag> tags;
        private final Type type;

        TaggedDescriptor(UniqueId id, String displayName, TestSource source, Set<TestTag> tags, Type type) {
            super(id, displayName, source);
            this.tags = tags;
            this.type = type;
        }

        @Override
        public Set<TestTag> getTags() {
            return tags;
        }

        @Override
        public Type getType() {
            return type;
        }
    }

    /** A class annotated with {@code @AssayScenarios}. */
    static final class ClassDescriptor extends TaggedDescriptor {
        final Class<?> testClass;
        /** Set when the class cannot run (no scenario files, for example). */
        RuntimeException problem;

        ClassDescriptor(UniqueId id, Class<?> testClass) {
            super(id, testClass.getSimpleName(), ClassSource.from(testClass), tagsOf(testClass), Type.CONTAINER);
            this.testClass = testClass;
        }

        @Override
        public String getLegacyReportingName() {
            return testClass.getName();
        }

        /** Kept (not pruned as an empty container) when it has a problem to report. */
        @Override
        public boolean mayRegisterTests() {
            return problem != null;
        }
    }

    /** One scenario file: loaded, or broken with the loader's error. */
    static final class FileDescriptor extends TaggedDescriptor {
        final ScenarioFiles.Found found;
        final Scenario scenario;
        final RuntimeException problem;

        FileDescriptor(UniqueId id, String displayName, ScenarioFiles.Found found, Scenario scenario,
                       RuntimeException problem, int line, int column, Set<TestTag> tags) {
            super(id, displayName, source(found, line, column), tags, Type.CONTAINER);
            this.found = found;
            this.scenario = scenario;
            this.problem = problem;
        }

        /** A broken file has no tests but must be kept to report its error. */
        @Override
        public boolean mayRegisterTests() {
            return problem != null;
        }
    }

    /** One check of a scenario file. */
    static final class CheckDescriptor extends TaggedDescriptor {
        final Scenario scenario;
        final ScenarioCheck check;

        CheckDescriptor(UniqueId id, ScenarioFiles.Found found, Scenario scenario, ScenarioCheck check,
                        Set<TestTag> tags) {
            super(id, check.name(), source(found, check.line(), check.column()), tags, Type.TEST);
            this.scenario = scenario;
            this.check = check;
        }

        /** {@code file:line:column} of the check. */
        String where() {
            return scenario.file() + ":" + check.line() + ":" + check.column();
        }
    }

    /**
     * Jupiter's {@code @Tag}s on the class (so that tag filters, such as Surefire's {@code groups} and
     * {@code excludedGroups}, apply to scenario tests); none when Jupiter's API is not on the class path.
     */
    static Set<TestTag> tagsOf(Class<?> testClass) {
        Set<TestTag> tags = new LinkedHashSet<>();
        try {
            for (org.junit.jupiter.api.Tag t : AnnotationSupport.findRepeatableAnnotations(testClass,
                    org.junit.jupiter.api.Tag.class)) {
                if (TestTag.isValid(t.value())) {
                    tags.add(TestTag.create(t.value()));
                }
            }
        } catch (LinkageError e) {
            // junit-jupiter-api is optional: no tags without it
        }
        return Set.copyOf(tags);
    }

    static TestSource source(ScenarioFiles.Found found, int line, int column) {
        Path file = found.file();
        FilePosition pos = line > 0 ? (column > 0 ? FilePosition.from(line, column) : FilePosition.from(line)) : null;
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return FileSource.from(file.toFile(), pos);
        }
        return ClasspathResourceSource.from(found.resource(), pos);
    }
}
