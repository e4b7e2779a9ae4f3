package dev.assay.scenarios.jupiter.internal;

import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.Verdict;
import dev.assay.reports.RunRecorder;
import dev.assay.reports.allure.AllureResultsWriters;
import dev.assay.scenarios.Scenario;
import dev.assay.scenarios.ScenarioCheck;
import dev.assay.scenarios.ScenarioException;
import dev.assay.scenarios.ScenarioLoader;
import dev.assay.scenarios.internal.Execution;
import dev.assay.scenarios.internal.Messages;
import dev.assay.scenarios.internal.ScenarioFiles;
import dev.assay.scenarios.jupiter.AssayScenarios;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.opentest4j.AssertionFailedError;

/**
 * The {@code assay-scenarios} test engine: finds classes annotated with {@link AssayScenarios} (selected by class,
 * package, class-path root or unique id) and runs their scenario files, one container per file and one test per
 * check. Classes nested in other classes are found only when selected directly. After the run it writes the
 * shared {@code evidence.json}. Configuration: engine configuration parameters, then system properties, then the
 * environment.
 */
public final class ScenarioTestEngine implements TestEngine {
    /** The engine id: {@value}. */
    public static final String ID = "assay-scenarios";

    /**
     * Gives Allure's default lifecycle Assay's results writer ({@link AllureResultsWriters#install()}): the launcher
     * loads its engines before its test execution listeners, so this runs before Allure's listener, if present,
     * takes that lifecycle.
     */
    public ScenarioTestEngine() {
        AllureResultsWriters.install();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.assay");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("assay-scenarios");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Assay scenarios");
        Predicate<String> classNames = Filter.composeFilters(request.getFiltersByType(ClassNameFilter.class))
                .toPredicate();
        Predicate<String> packages = Filter.composeFilters(request.getFiltersByType(PackageNameFilter.class))
                .toPredicate();
        Predicate<String> names = n -> classNames.test(n) && packages.test(n);
        Predicate<Class<?>> scanned = c -> c.getEnclosingClass() == null && !Modifier.isAbstract(c.getModifiers())
                && AnnotationSupport.isAnnotated(c, AssayScenarios.class);
        // class -> null (everything) or the unique ids selected under it
        Map<Class<?>, Set<UniqueId>> selected = new LinkedHashMap<>();
        for (ClassSelector s : request.getSelectorsByType(ClassSelector.class)) {
            Class<?> c;
            try {
                c = s.getJavaClass();
            } catch (RuntimeException e) {
                continue;
            }
            if (AnnotationSupport.isAnnotated(c, AssayScenarios.class) && names.test(c.getName())) {
                selected.put(c, null);
            }
        }
        for (PackageSelector s : request.getSelectorsByType(PackageSelector.class)) {
            for (Class<?> c : ReflectionSupport.findAllClassesInPackage(s.getPackageName(), scanned, names)) {
                selected.put(c, null);
            }
        }
        for (ClasspathRootSelector s : request.getSelectorsByType(ClasspathRootSelector.class)) {
            for (Class<?> c : ReflectionSupport.findAllClassesInClasspathRoot(s.getClasspathRoot(), scanned, names)) {
                selected.put(c, null);
            }
        }
        for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
            UniqueId id = s.getUniqueId();
            List<UniqueId.Segment> segs = id.getSegments();
            if (!id.getEngineId().equals(Optional.of(ID)) || segs.size() < 2
                    || !segs.get(1).getType().equals(Descriptors.CLASS)) {
                continue;
            }
            Optional<Class<?>> c = ReflectionSupport.tryToLoadClass(segs.get(1).getValue()).toOptional();
            if (c.isEmpty() || !AnnotationSupport.isAnnotated(c.get(), AssayScenarios.class)) {
                continue;
            }
            if (segs.size() == 2) {
                selected.put(c.get(), null);
            } else if (!selected.containsKey(c.get()) || selected.get(c.get()) != null) {
                selected.computeIfAbsent(c.get(), k -> new HashSet<>()).add(id);
            }
        }
        ScenarioLoader loader = ScenarioLoader.standard();
        selected.forEach((c, ids) -> engine.addChild(classDescriptor(engine.getUniqueId(), c, ids, loader)));
        return engine;
    }

    private static Descriptors.ClassDescriptor classDescriptor(UniqueId parent, Class<?> c, Set<UniqueId> ids,
                                                               ScenarioLoader loader) {
        Descriptors.ClassDescriptor cd = new Descriptors.ClassDescriptor(
                parent.append(Descriptors.CLASS, c.getName()), c);
        AssayScenarios ann = AnnotationSupport.findAnnotation(c, AssayScenarios.class).orElseThrow();
        ClassLoader cl = c.getClassLoader() != null ? c.getClassLoader() : ClassLoader.getSystemClassLoader();
        List<ScenarioFiles.Found> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            for (String folder : ann.value()) {
                for (ScenarioFiles.Found f : ScenarioFiles.find(cl, folder)) {
                    if (seen.add(f.resource())) {
                        files.add(f);
                    }
                }
            }
        } catch (RuntimeException e) {
            cd.problem = e;
            return cd;
        }
        if (files.isEmpty()) {
            cd.problem = new AssayException("@AssayScenarios on " + c.getName() + ": no scenario files (*.assay.yaml,"
                    + " *.assay.yml, *.assay.json) under class-path folder(s) " + String.join(", ", ann.value()));
            return cd;
        }
        for (ScenarioFiles.Found f : files) {
            UniqueId fileId = cd.getUniqueId().append(Descriptors.SCENARIO, f.resource());
            if (ids != null && ids.stream().noneMatch(id -> id.hasPrefix(fileId) || fileId.hasPrefix(id))) {
                continue;
            }
            cd.addChild(fileDescriptor(fileId, f, ids, loader, cl, cd.tags));
        }
        return cd;
    }

    private static Descriptors.FileDescriptor fileDescriptor(UniqueId fileId, ScenarioFiles.Found f,
                                                             Set<UniqueId> ids, ScenarioLoader loader,
                                                             ClassLoader cl, Set<TestTag> tags) {
        String fileName = f.file().getFileName().toString();
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        Scenario scenario;
        try {
            t.setContextClassLoader(cl);
            scenario = loader.load(f.file());
        } catch (ScenarioException e) {
            ScenarioException.Problem p = e.problems().get(0);
            return new Descriptors.FileDescriptor(fileId, fileName, f, null, e, p.line(), p.column(), tags);
        } catch (RuntimeException e) {
            return new Descriptors.FileDescriptor(fileId, fileName, f, null,
                    new AssayException(f.file() + ": cannot be loaded: " + e, e), 0, 0, tags);
        } finally {
            t.setContextClassLoader(previous);
        }
        Descriptors.FileDescriptor fd = new Descriptors.FileDescriptor(fileId,
                scenario.name() + " (" + fileName + ")", f, scenario, null, 0, 0, tags);
        for (ScenarioCheck check : scenario.checks()) {
            UniqueId checkId = fileId.append(Descriptors.CHECK, check.name());
            if (ids != null && ids.stream().noneMatch(id -> checkId.hasPrefix(id) || id.equals(checkId))) {
                continue;
            }
            fd.addChild(new Descriptors.CheckDescriptor(checkId, f, scenario, check, tags));
        }
        return fd;
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor root = request.getRootTestDescriptor();
        AssaySettings settings = AssaySettings.of(request.getConfigurationParameters()::get);
        listener.executionStarted(root);
        boolean ran = false;
        for (TestDescriptor child : root.getChildren()) {
            ran |= executeClass((Descriptors.ClassDescriptor) child, listener, settings);
        }
        TestExecutionResult result = TestExecutionResult.successful();
        if (ran) {
            try {
                RunRecorder.shared(settings).flush();
            } catch (RuntimeException e) {
                result = TestExecutionResult.failed(new AssayException("cannot write evidence: " + e, e));
            }
        }
        listener.executionFinished(root, result);
    }

    private static boolean executeClass(Descriptors.ClassDescriptor cd, EngineExecutionListener listener,
                                        AssaySettings settings) {
        listener.executionStarted(cd);
        if (cd.problem != null) {
            listener.executionFinished(cd, TestExecutionResult.failed(cd.problem));
            return false;
        }
        boolean ran = false;
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        try {
            if (cd.testClass.getClassLoader() != null) {
                t.setContextClassLoader(cd.testClass.getClassLoader());
            }
            for (TestDescriptor child : cd.getChildren()) {
                Descriptors.FileDescriptor fd = (Descriptors.FileDescriptor) child;
                listener.executionStarted(fd);
                if (fd.problem != null) {
                    listener.executionFinished(fd, TestExecutionResult.failed(fd.problem));
                    continue;
                }
                for (TestDescriptor test : fd.getChildren()) {
                    Descriptors.CheckDescriptor check = (Descriptors.CheckDescriptor) test;
                    listener.executionStarted(check);
                    listener.executionFinished(check, runCheck(check, settings));
                    ran = true;
                }
                listener.executionFinished(fd, TestExecutionResult.successful());
            }
        } finally {
            t.setContextClassLoader(previous);
        }
        listener.executionFinished(cd, TestExecutionResult.successful());
        return ran;
    }

    private static TestExecutionResult runCheck(Descriptors.CheckDescriptor d, AssaySettings settings) {
        Execution.Outcome o;
        try {
            o = Execution.run(settings, d.scenario, d.check);
        } catch (RuntimeException e) {
            return TestExecutionResult.failed(new AssayException("check \"" + d.check.name() + "\" ("
                    + d.where() + ") could not run: " + e, e));
        }
        // the Allure listener (allure-junit-platform), when present, has started this test: add the check to it
        dev.assay.reports.allure.AllureCheckWriter.write(o.result(), dev.assay.reports.allure.AllureCheckWriter.Options
                .defaults().withScenario(d.scenario.file(), d.check.line())
                .withLinkBase(settings.get(dev.assay.core.AssayConstants.REPORT_LINK_BASE).orElse("")));
        if (o.result().verdict() == Verdict.PASS) {
            return TestExecutionResult.successful();
        }
        if (o.result().verdict() == Verdict.FAIL) {
            return TestExecutionResult.failed(new AssertionFailedError(Messages.failure(o.result(), d.where())));
        }
        return TestExecutionResult.failed(new AssayException(Messages.error(o.result(), d.where()), o.cause()));
    }
}
