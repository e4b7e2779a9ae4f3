package dev.assay.junit;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssayException;
import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Verdict;
import dev.assay.core.fairness.Fairness;
import dev.assay.junit.internal.CheckMessages;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;

/** Runs the {@link FairnessGate @FairnessGate} of a test method after its body. */
final class FairnessGates {
    private FairnessGates() {
    }

    static void afterBody(ReflectiveInvocationContext<Method> invocation, ExtensionContext context) {
        Method method = invocation.getExecutable();
        FairnessGate gate = AnnotationSupport.findAnnotation(method, FairnessGate.class).orElse(null);
        if (gate == null) {
            return;
        }
        String at = "@FairnessGate on " + method.getName() + "()";
        Object target = invocation.getTarget().orElse(null);
        Model model = (Model) pick(TestModel.class, Model.class, gate.model(), "model", method,
                invocation.getArguments().toArray(), target, at);
        Dataset data = (Dataset) pick(TestDataset.class, Dataset.class, gate.data(), "data", method,
                invocation.getArguments().toArray(), target, at);
        if (Double.isNaN(gate.min()) && Double.isNaN(gate.max())) {
            throw new ExtensionConfigurationException(at + " sets neither `min` nor `max`; a gate needs a bound");
        }
        Fairness.Builder b;
        try {
            b = Fairness.of(model).on(data).metric(gate.metric()).decision(gate.decision())
                    .named(gate.name().isBlank() ? context.getDisplayName() : gate.name());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(at + ": " + e.getMessage(), e);
        }
        if (gate.by().length > 0) {
            b.by(gate.by());
        }
        if (!Double.isNaN(gate.min())) {
            b.min(gate.min());
        }
        if (!Double.isNaN(gate.max())) {
            b.max(gate.max());
        }
        b.minGroupSize(gate.minGroupSize() >= 0 ? gate.minGroupSize() : AssayConstants.DEFAULT_MIN_GROUP_SIZE);
        CheckResult r = b.evaluate();
        if (r.verdict() == Verdict.ERROR) {
            throw new AssayException(CheckMessages.checksErrored(List.of(r)));
        }
        if (r.verdict() == Verdict.FAIL) {
            throw new AssertionError(CheckMessages.shouldPass(r).create());
        }
    }

    /** The method's annotated argument, else the class's annotated field, named {@code name} when given. */
    private static Object pick(Class<? extends Annotation> annotation, Class<?> type, String name, String attribute,
                               Method method, Object[] arguments, Object target, String at) {
        Map<String, Object> found = new LinkedHashMap<>();
        Parameter[] params = method.getParameters();
        for (int i = 0; i < params.length; i++) {
            if (AnnotationSupport.isAnnotated(params[i], annotation)) {
                found.put("parameter " + params[i].getName(), arguments[i]);
            }
        }
        if (found.isEmpty() || !name.isBlank()) {
            Class<?> c = method.getDeclaringClass();
            for (Field f : AnnotationSupport.findAnnotatedFields(target != null ? target.getClass() : c, annotation,
                    f -> true)) {
                if (!ModifierSupport.isStatic(f) && target == null) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    found.put("field " + f.getName(), f.get(ModifierSupport.isStatic(f) ? null : target));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new ExtensionConfigurationException(at + ": cannot read field " + f.getName() + ": " + e, e);
                }
            }
        }
        List<String> candidates = new ArrayList<>(found.keySet());
        if (!name.isBlank()) {
            for (Map.Entry<String, Object> e : found.entrySet()) {
                if (e.getKey().endsWith(" " + name)) {
                    return check(e.getValue(), type, e.getKey(), annotation, at);
                }
            }
            throw new ExtensionConfigurationException(at + ": `" + attribute + "` names '" + name + "', but the @"
                    + annotation.getSimpleName() + " fields and parameters are " + candidates);
        }
        if (found.size() != 1) {
            throw new ExtensionConfigurationException(at + (found.isEmpty()
                    ? " finds no @" + annotation.getSimpleName() + " parameter or field; add one to the test class"
                    : " finds several @" + annotation.getSimpleName() + " fields and parameters " + candidates
                    + "; name one with `" + attribute + "`"));
        }
        Map.Entry<String, Object> only = found.entrySet().iterator().next();
        return check(only.getValue(), type, only.getKey(), annotation, at);
    }

    private static Object check(Object value, Class<?> type, String where, Class<? extends Annotation> annotation,
                                String at) {
        if (!type.isInstance(value)) {
            throw new ExtensionConfigurationException(at + ": the @" + annotation.getSimpleName() + " " + where
                    + " holds " + (value == null ? "null (not injected: is the class a @ModelTest?)"
                    : "a " + value.getClass().getSimpleName()));
        }
        return value;
    }
}
