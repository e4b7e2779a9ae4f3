package dev.assay.junit;

import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.models.HttpModel;
import dev.assay.core.models.OnnxModel;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;

/** Creates the {@link Dataset}s and {@link Model}s that {@link TestDataset} and {@link TestModel} ask for. */
final class Injection {
    private Injection() {
    }

    /** Injects the annotated static fields of {@code type} ({@code instance == null}) or the instance fields. */
    static void injectFields(Class<?> type, Object instance, ExtensionContext context) {
        Set<Field> fields = new LinkedHashSet<>();
        fields.addAll(AnnotationSupport.findAnnotatedFields(type, TestDataset.class,
                f -> ModifierSupport.isStatic(f) == (instance == null)));
        fields.addAll(AnnotationSupport.findAnnotatedFields(type, TestModel.class,
                f -> ModifierSupport.isStatic(f) == (instance == null)));
        for (Field field : fields) {
            String where = "field '" + field.getName() + "' of " + field.getDeclaringClass().getSimpleName();
            TestDataset dataset = AnnotationSupport.findAnnotation(field, TestDataset.class).orElse(null);
            TestModel model = AnnotationSupport.findAnnotation(field, TestModel.class).orElse(null);
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException("@" + (dataset != null ? "TestDataset" : "TestModel")
                        + " cannot inject the final " + where + "; remove 'final'");
            }
            Object value = resolve(dataset, model, field.getType(), where, type, field.getDeclaringClass(), context);
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new ExtensionConfigurationException("cannot inject " + where + ": " + e, e);
            }
        }
    }

    /** The value for a field or parameter of type {@code type}, described as {@code where} in errors. */
    static Object resolve(TestDataset dataset, TestModel model, Class<?> type, String where, Class<?> testClass,
                          Class<?> declaringClass, ExtensionContext context) {
        if (dataset != null && model != null) {
            throw new ExtensionConfigurationException("@TestDataset and @TestModel both annotate " + where
                    + "; use one");
        }
        if (dataset != null) {
            if (!type.isAssignableFrom(Dataset.class)) {
                throw new ExtensionConfigurationException("@TestDataset cannot inject " + where + " of type "
                        + type.getSimpleName() + "; declare it as " + Dataset.class.getName());
            }
            return dataset(dataset, where, testClass, declaringClass, context);
        }
        return model(model, type, where, testClass, declaringClass, context);
    }

    private static Dataset dataset(TestDataset a, String where, Class<?> testClass, Class<?> declaringClass,
                                   ExtensionContext context) {
        String at = "@TestDataset on " + where;
        if (a.value().isBlank()) {
            throw new ExtensionConfigurationException(at + ": `value` is empty; name the data file");
        }
        if (!a.header() && a.columns().length == 0) {
            throw new ExtensionConfigurationException(at + ": `header = false` needs `columns`, the names of the"
                    + " columns");
        }
        if (a.header() && a.columns().length > 0) {
            throw new ExtensionConfigurationException(at + ": `columns` names the columns of a file without a"
                    + " header row; set `header = false` too");
        }
        if (a.skipLines() < 0) {
            throw new ExtensionConfigurationException(at + ": `skipLines` is " + a.skipLines()
                    + "; it must be 0 or more");
        }
        DataFiles.Located file = DataFiles.locate(a.value(), testClass, declaringClass,
                "@TestDataset(value = \"" + a.value() + "\") on " + where);
        DataFiles.DatasetKey key = new DataFiles.DatasetKey(file.location(), a.separator(), a.quote(),
                List.of(a.columns()), a.skipLines(), a.trim(), Set.of(a.missing()));
        Dataset base = DataFiles.cached(context, key, () -> file.load(path -> {
            Datasets.FileSource source = Datasets.file(path).name(file.name()).separator(a.separator())
                    .quote(a.quote()).skipLines(a.skipLines()).trim(a.trim()).missing(a.missing());
            if (a.columns().length > 0) {
                source.columns(a.columns());
            }
            return source.load();
        }));
        String label = a.label().isBlank() ? null : a.label();
        String positive = a.positive().isEmpty() ? null : a.positive();
        if (label != null && !base.hasColumn(label)) {
            throw new ExtensionConfigurationException(at + ": `label` column '" + label + "' is not in "
                    + base.source() + "; its columns are " + base.columnNames());
        }
        for (String s : a.sensitive()) {
            if (!base.hasColumn(s)) {
                throw new ExtensionConfigurationException(at + ": `sensitive` column '" + s + "' is not in "
                        + base.source() + "; its columns are " + base.columnNames());
            }
        }
        Dataset data = label != null || positive != null ? base.withLabel(label, positive) : base;
        return a.sensitive().length > 0 ? data.withSensitive(Arrays.asList(a.sensitive())) : data;
    }

    private static Model model(TestModel a, Class<?> type, String where, Class<?> testClass, Class<?> declaringClass,
                               ExtensionContext context) {
        String at = "@TestModel on " + where;
        boolean byClass = a.value() != Model.class;
        boolean byColumn = !a.predictions().isBlank();
        boolean byFile = !a.predictionsFile().isBlank();
        boolean byOnnx = !a.onnx().isBlank();
        boolean byHttp = !a.url().isBlank() || !a.protocol().isBlank();
        int set = (byClass ? 1 : 0) + (byColumn ? 1 : 0) + (byFile ? 1 : 0) + (byOnnx ? 1 : 0) + (byHttp ? 1 : 0);
        if (!byHttp && (!a.modelName().isBlank() || !a.cassette().isBlank())) {
            throw new ExtensionConfigurationException(at + ": `" + (a.modelName().isBlank() ? "cassette"
                    : "modelName") + "` only applies to an HTTP model; set `url` and `protocol` too");
        }
        if (!byFile && !a.column().isBlank()) {
            throw new ExtensionConfigurationException(at + ": `column` only applies to `predictionsFile`; for a"
                    + " column of the data under test use `predictions = \"" + a.column() + "\"`");
        }
        if (set == 0) {
            throw new ExtensionConfigurationException(at + " names no model; set `value` (a class implementing "
                    + Model.class.getName() + "), `predictions` (a column of the data), `predictionsFile` with"
                    + " `column`, `onnx` (a file) or `url` and `protocol` (an endpoint)");
        }
        if (set > 1) {
            List<String> given = new java.util.ArrayList<>();
            if (byClass) {
                given.add("`value`");
            }
            if (byColumn) {
                given.add("`predictions`");
            }
            if (byFile) {
                given.add("`predictionsFile`");
            }
            if (byOnnx) {
                given.add("`onnx`");
            }
            if (byHttp) {
                given.add("`url`/`protocol`");
            }
            throw new ExtensionConfigurationException(at + " sets " + String.join(" and ", given)
                    + "; set exactly one");
        }
        if (byFile && a.column().isBlank()) {
            throw new ExtensionConfigurationException(at + ": `predictionsFile` needs `column`, the column of the"
                    + " file that holds the predictions");
        }
        Class<?> produced = byClass ? a.value() : byOnnx ? OnnxModel.class : byHttp ? HttpModel.class
                : Model.class;
        if (!type.isAssignableFrom(produced)) {
            throw new ExtensionConfigurationException(at + ": cannot assign a " + produced.getSimpleName()
                    + " to type " + type.getSimpleName() + "; declare it as " + produced.getName());
        }
        if (byClass) {
            return instantiate(a.value(), at);
        }
        if (byColumn) {
            return Models.predictions(a.predictions());
        }
        if (byOnnx || byHttp) {
            return ModelArtifacts.model(a, at, testClass, declaringClass, context);
        }
        DataFiles.Located file = DataFiles.locate(a.predictionsFile(), testClass, declaringClass,
                "@TestModel(predictionsFile = \"" + a.predictionsFile() + "\") on " + where);
        return DataFiles.cached(context, new DataFiles.PredictionsKey(file.location(), a.column()),
                () -> file.load(path -> Models.predictionsFile(path, a.column())));
    }

    private static Model instantiate(Class<? extends Model> type, String at) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new ExtensionConfigurationException(at + ": `value` " + type.getName()
                    + " is abstract; name a concrete class");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new ExtensionConfigurationException(at + ": `value` " + type.getName()
                    + " is an inner class; make it static");
        }
        java.lang.reflect.Constructor<? extends Model> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException(at + ": `value` " + type.getName()
                    + " has no no-argument constructor");
        }
        try {
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new dev.assay.core.AssayException("model class " + type.getName() + " failed to construct: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException(at + ": cannot instantiate " + type.getName() + ": " + e, e);
        }
    }
}
