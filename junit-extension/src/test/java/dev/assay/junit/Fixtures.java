package dev.assay.junit;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Models and composed annotations used by the fixtures of the engine tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** Predicts {@code >50K} from age 40: the {@code y_pred} column of credit.csv. */
    static class AgeRule implements Model {
        @Override
        public Predictions predict(Dataset data) {
            Column age = data.column("age");
            String[] out = new String[data.rows()];
            for (int i = 0; i < out.length; i++) {
                out[i] = age.doubleValue(i) >= 40 ? ">50K" : "<=50K";
            }
            return Predictions.ofLabels(out);
        }
    }

    /** A broken model: answers a label the data does not have. */
    static class Maybe implements Model {
        @Override
        public Predictions predict(Dataset data) {
            String[] out = new String[data.rows()];
            java.util.Arrays.fill(out, "maybe");
            return Predictions.ofLabels(out);
        }
    }

    /**
     * Marks a fixture that only the engine tests run: build tools that select classes by a name pattern
     * ({@code -Dtest=*Extension*}) may pick up the nested fixtures, which then show as skipped.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(OnlyInTestKit.class)
    @interface TestKitOnly {
        /** The configuration parameter the engine tests set. */
        String KEY = "dev.assay.junit.testkit";
    }

    static class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(TestKitOnly.KEY).isPresent()
                    ? ConditionEvaluationResult.enabled("run by the engine tests")
                    : ConditionEvaluationResult.disabled("a fixture of the engine tests, run through EngineTestKit");
        }
    }

    /** A composed data annotation, as users would write one. */
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @TestDataset(value = "/dev/assay/junit/credit.csv", label = "income", positive = ">50K", sensitive = "sex")
    @interface CreditHoldout {
    }

    /** A composed model annotation. */
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @TestModel(AgeRule.class)
    @interface CreditModel {
    }

    /** A composed activator. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ModelTest
    @org.junit.jupiter.api.Tag("credit")
    @interface CreditModelTest {
    }
}
