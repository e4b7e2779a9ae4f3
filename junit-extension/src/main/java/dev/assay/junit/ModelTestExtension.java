package dev.assay.junit;

import dev.assay.core.pii.PiiMasker;
import dev.assay.core.pii.PiiScanner;
import dev.assay.core.privacy.PrivacyLedger;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The extension behind {@link ModelTest @ModelTest}: injects data, models, PII scanners and privacy ledgers,
 * collects the checks evaluated around each test and each class, judges {@link PrivacyBudget @PrivacyBudget}s and
 * {@link FairnessGate @FairnessGate}s, and writes the run's evidence when the Jupiter run ends. State lives in the
 * {@link ExtensionContext.Store} under {@link #NAMESPACE}.
 */
final class ModelTestExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        TestInstancePostProcessor, ParameterResolver, InvocationInterceptor {

    static final Namespace NAMESPACE = Namespace.create(ModelTestExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        AssayRun run = AssayRun.of(context);
        run.recorder().suggestSuite(context.getDisplayName());
        Injection.injectFields(context.getRequiredTestClass(), null, context);
        CheckCollector.open(context, run);
        PrivacyBudgets.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        judgeBudgetsAndClose(context, PrivacyBudgets::afterAll);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        Injection.injectFields(testInstance.getClass(), testInstance, context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CheckCollector.open(context, AssayRun.of(context));
        PrivacyBudgets.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        judgeBudgetsAndClose(context, PrivacyBudgets::afterEach);
    }

    /** Judges the scope's privacy budgets, closes its check collection whatever happens, then fails on a budget. */
    private static void judgeBudgetsAndClose(ExtensionContext context,
                                             Function<ExtensionContext, AssertionError> budgets) {
        AssertionError budget;
        try {
            budget = budgets.apply(context);
        } finally {
            CheckCollector.close(context);
        }
        if (budget != null) {
            throw budget;
        }
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        invocation.proceed();
        FairnessGates.afterBody(invocationContext, extensionContext);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return parameterContext.isAnnotated(TestDataset.class) || parameterContext.isAnnotated(TestModel.class)
                || type == PiiScanner.class || type == PrivacyLedger.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter p = parameterContext.getParameter();
        String where = "parameter '" + p.getName() + "' of " + p.getDeclaringExecutable().getDeclaringClass()
                .getSimpleName() + "." + p.getDeclaringExecutable().getName() + "()";
        Optional<TestDataset> dataset = parameterContext.findAnnotation(TestDataset.class);
        Optional<TestModel> model = parameterContext.findAnnotation(TestModel.class);
        if (dataset.isEmpty() && model.isEmpty()) {
            if (p.getType() == PrivacyLedger.class) {
                return PrivacyBudgets.resolve(extensionContext, where);
            }
            return DataFiles.cached(extensionContext, PiiScanner.class, () -> PiiScanner.builder()
                    .masker(PiiMasker.fromSettings(AssayRun.of(extensionContext).settings())).build());
        }
        Class<?> owner = extensionContext.getTestClass().orElse(p.getDeclaringExecutable().getDeclaringClass());
        return Injection.resolve(dataset.orElse(null), model.orElse(null), p.getType(), where, owner,
                p.getDeclaringExecutable().getDeclaringClass(), extensionContext);
    }
}
