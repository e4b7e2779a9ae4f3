package dev.assay.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The condition behind {@link EnabledIfModelAvailable @EnabledIfModelAvailable}. */
final class ModelAvailabilityCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Class<?> testClass = context.getTestClass().orElse(null);
        if (testClass == null) {
            return ConditionEvaluationResult.enabled("no test class");
        }
        List<String> checked = new ArrayList<>();
        Method method = context.getTestMethod().orElse(null);
        boolean classAnnotated = AnnotationSupport.isAnnotated(testClass, EnabledIfModelAvailable.class);
        if (method == null || !classAnnotated) {
            for (Field f : AnnotationSupport.findAnnotatedFields(testClass, TestModel.class, x -> true)) {
                TestModel a = AnnotationSupport.findAnnotation(f, TestModel.class).orElseThrow();
                String reason = probe(a, "field '" + f.getName() + "' of " + f.getDeclaringClass().getSimpleName(),
                        testClass, f.getDeclaringClass(), context);
                if (reason != null) {
                    return ConditionEvaluationResult.disabled("model unavailable: " + reason);
                }
                checked.add(f.getName());
            }
        }
        if (method != null) {
            for (Parameter p : method.getParameters()) {
                TestModel a = AnnotationSupport.findAnnotation(p, TestModel.class).orElse(null);
                if (a != null) {
                    String reason = probe(a, "parameter '" + p.getName() + "' of " + testClass.getSimpleName() + "."
                            + method.getName() + "()", testClass, method.getDeclaringClass(), context);
                    if (reason != null) {
                        return ConditionEvaluationResult.disabled("model unavailable: " + reason);
                    }
                    checked.add(p.getName());
                }
            }
        }
        return ConditionEvaluationResult.enabled("models available: " + checked);
    }

    private static String probe(TestModel a, String where, Class<?> testClass, Class<?> declaringClass,
                                ExtensionContext context) {
        if (a.onnx().isBlank() && a.url().isBlank() && a.protocol().isBlank()) {
            return null;
        }
        return ModelArtifacts.unavailable(a, "@TestModel on " + where, testClass, declaringClass, context);
    }
}
