package dev.assay.junit;

import java.lang.reflect.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The extension behind {@link ModelTest @ModelTest}: injects data and models, collects the checks evaluated around
 * each test and each class, and writes the run's evidence when the Jupiter run ends. State lives in the
 * {@link ExtensionContext.Store} under {@link #NAMESPACE}.
 */
final class ModelTestExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        TestInstancePostProcessor, ParameterResolver {

    static final Namespace NAMESPACE = Namespace.create(ModelTestExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        AssayRun run = AssayRun.of(context);
        run.recorder().suggestSuite(context.getDisplayName());
        Injection.injectFields(context.getRequiredTestClass(), null, context);
        CheckCollector.open(context, run);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        CheckCollector.close(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        Injection.injectFields(testInstance.getClass(), testInstance, context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CheckCollector.open(context, AssayRun.of(context));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CheckCollector.close(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.isAnnotated(TestDataset.class) || parameterContext.isAnnotated(TestModel.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter p = parameterContext.getParameter();
        String where = "parameter '" + p.getName() + "' of " + p.getDeclaringExecutable().getDeclaringClass()
                .getSimpleName() + "." + p.getDeclaringExecutable().getName() + "()";
        Optional<TestDataset> dataset = parameterContext.findAnnotation(TestDataset.class);
        Optional<TestModel> model = parameterContext.findAnnotation(TestModel.class);
        Class<?> owner = extensionContext.getTestClass().orElse(p.getDeclaringExecutable().getDeclaringClass());
        return Injection.resolve(dataset.orElse(null), model.orElse(null), p.getType(), where, owner,
                p.getDeclaringExecutable().getDeclaringClass(), extensionContext);
    }
}
