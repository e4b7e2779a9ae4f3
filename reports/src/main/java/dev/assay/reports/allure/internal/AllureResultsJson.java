package dev.assay.reports.allure.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Allure's result files ({@code *-result.json}, {@code *-container.json}) written by hand with Jackson's streaming
 * generator, without Allure's own shaded Jackson mapper ({@code Allure2ModelJackson}), which takes ~125 ms of CPU and
 * ~390 classes to build in a fresh JVM, that is once per CI run.
 *
 * <p>The output is byte for byte what Allure's mapper writes (without {@code allure.results.indentOutput}): the
 * properties in the model classes' field order, {@code null} properties left out ({@code NON_NULL}), {@code null}
 * elements of a list written as {@code null}, the three enums in lower case (Allure's serialisers).
 * {@code AllureResultsJsonTest} holds the two equal on random results. {@link #KNOWN_FIELDS} is the model this class
 * writes; {@link #modelIsKnown()} is false when the Allure model on the class path has another one (a newer Allure),
 * and the writer is then not used, so that no property is dropped.
 */
public final class AllureResultsJson {
    /** Jackson's factory, made on the first write: {@link #modelIsKnown()} runs when a test run starts. */
    private static final class Factory {
        static final JsonFactory JSON = new JsonFactory();
    }

    /** The instance fields of each Allure model class this class writes, in their (serialisation) order. */
    static final Map<Class<?>, List<String>> KNOWN_FIELDS = Map.of(
            TestResult.class, List.of("uuid", "historyId", "testCaseId", "testCaseName", "fullName", "titlePath",
                    "labels", "links", "name", "status", "statusDetails", "stage", "description", "descriptionHtml",
                    "steps", "attachments", "parameters", "start", "stop"),
            TestResultContainer.class, List.of("uuid", "name", "children", "description", "descriptionHtml",
                    "befores", "afters", "links", "start", "stop"),
            StepResult.class, executable(),
            FixtureResult.class, executable(),
            Attachment.class, List.of("name", "source", "type", "size"),
            Label.class, List.of("name", "value"),
            Link.class, List.of("name", "url", "type"),
            Parameter.class, List.of("name", "value", "excluded", "mode"),
            StatusDetails.class, List.of("known", "muted", "flaky", "message", "trace", "actual", "expected"));

    private AllureResultsJson() {
    }

    private static List<String> executable() {
        return List.of("name", "status", "statusDetails", "stage", "description", "descriptionHtml", "steps",
                "attachments", "parameters", "start", "stop");
    }

    /** Whether the Allure model on the class path has exactly the fields this class writes. */
    public static boolean modelIsKnown() {
        for (Map.Entry<Class<?>, List<String>> e : KNOWN_FIELDS.entrySet()) {
            if (!instanceFields(e.getKey()).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    static List<String> instanceFields(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    names.add(f.getName());
                }
            }
        }
        return names;
    }

    /** Writes {@code result} as Allure's mapper does; does not close {@code out}. */
    public static void write(TestResult result, OutputStream out) throws IOException {
        try (JsonGenerator g = Factory.JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            testResult(g, result);
        }
    }

    /** Writes {@code container} as Allure's mapper does; does not close {@code out}. */
    public static void write(TestResultContainer container, OutputStream out) throws IOException {
        try (JsonGenerator g = Factory.JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            container(g, container);
        }
    }

    private static void testResult(JsonGenerator g, TestResult r) throws IOException {
        g.writeStartObject();
        string(g, "uuid", r.getUuid());
        string(g, "historyId", r.getHistoryId());
        string(g, "testCaseId", r.getTestCaseId());
        string(g, "testCaseName", r.getTestCaseName());
        string(g, "fullName", r.getFullName());
        if (r.getTitlePath() != null) {
            g.writeFieldName("titlePath");
            g.writeStartArray();
            for (String s : r.getTitlePath()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        labels(g, r.getLabels());
        links(g, r.getLinks());
        string(g, "name", r.getName());
        enumValue(g, "status", r.getStatus());
        statusDetails(g, r.getStatusDetails());
        enumValue(g, "stage", r.getStage());
        string(g, "description", r.getDescription());
        string(g, "descriptionHtml", r.getDescriptionHtml());
        steps(g, "steps", r.getSteps());
        attachments(g, r.getAttachments());
        parameters(g, r.getParameters());
        number(g, "start", r.getStart());
        number(g, "stop", r.getStop());
        g.writeEndObject();
    }

    private static void container(JsonGenerator g, TestResultContainer c) throws IOException {
        g.writeStartObject();
        string(g, "uuid", c.getUuid());
        string(g, "name", c.getName());
        if (c.getChildren() != null) {
            g.writeFieldName("children");
            g.writeStartArray();
            for (String s : c.getChildren()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        string(g, "description", c.getDescription());
        string(g, "descriptionHtml", c.getDescriptionHtml());
        fixtures(g, "befores", c.getBefores());
        fixtures(g, "afters", c.getAfters());
        links(g, c.getLinks());
        number(g, "start", c.getStart());
        number(g, "stop", c.getStop());
        g.writeEndObject();
    }

    private static void fixtures(JsonGenerator g, String name, List<FixtureResult> fixtures) throws IOException {
        if (fixtures == null) {
            return;
        }
        g.writeFieldName(name);
        g.writeStartArray();
        for (FixtureResult f : fixtures) {
            if (f == null) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            executable(g, f.getName(), f.getStatus(), f.getStatusDetails(), f.getStage(), f.getDescription(),
                    f.getDescriptionHtml(), f.getSteps(), f.getAttachments(), f.getParameters(), f.getStart(),
                    f.getStop());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void steps(JsonGenerator g, String name, List<StepResult> steps) throws IOException {
        if (steps == null) {
            return;
        }
        g.writeFieldName(name);
        g.writeStartArray();
        for (StepResult s : steps) {
            if (s == null) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            executable(g, s.getName(), s.getStatus(), s.getStatusDetails(), s.getStage(), s.getDescription(),
                    s.getDescriptionHtml(), s.getSteps(), s.getAttachments(), s.getParameters(), s.getStart(),
                    s.getStop());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The eleven properties that StepResult and FixtureResult share, in their order. */
    private static void executable(JsonGenerator g, String name, Enum<?> status, StatusDetails details, Enum<?> stage,
            String description, String descriptionHtml, List<StepResult> steps, List<Attachment> attachments,
            List<Parameter> parameters, Long start, Long stop) throws IOException {
        string(g, "name", name);
        enumValue(g, "status", status);
        statusDetails(g, details);
        enumValue(g, "stage", stage);
        string(g, "description", description);
        string(g, "descriptionHtml", descriptionHtml);
        steps(g, "steps", steps);
        attachments(g, attachments);
        parameters(g, parameters);
        number(g, "start", start);
        number(g, "stop", stop);
    }

    private static void statusDetails(JsonGenerator g, StatusDetails d) throws IOException {
        if (d == null) {
            return;
        }
        g.writeFieldName("statusDetails");
        g.writeStartObject();
        g.writeBooleanField("known", d.isKnown());
        g.writeBooleanField("muted", d.isMuted());
        g.writeBooleanField("flaky", d.isFlaky());
        string(g, "message", d.getMessage());
        string(g, "trace", d.getTrace());
        string(g, "actual", d.getActual());
        string(g, "expected", d.getExpected());
        g.writeEndObject();
    }

    private static void labels(JsonGenerator g, List<Label> labels) throws IOException {
        if (labels == null) {
            return;
        }
        g.writeFieldName("labels");
        g.writeStartArray();
        for (Label l : labels) {
            if (l == null) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            string(g, "name", l.getName());
            string(g, "value", l.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void links(JsonGenerator g, List<Link> links) throws IOException {
        if (links == null) {
            return;
        }
        g.writeFieldName("links");
        g.writeStartArray();
        for (Link l : links) {
            if (l == null) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            string(g, "name", l.getName());
            string(g, "url", l.getUrl());
            string(g, "type", l.getType());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void attachments(JsonGenerator g, List<Attachment> attachments) throws IOException {
        if (attachments == null) {
            return;
        }
        g.writeFieldName("attachments");
        g.writeStartArray();
        for (Attachment a : attachments) {
            if (a == null) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            string(g, "name", a.getName());
            string(g, "source", a.getSource());
            string(g, "type", a.getType());
            number(g, "size", a.getSize());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void parameters(JsonGenerator g, List<Parameter> parameters) throws IOException {
        if (parameters == null) {
            return;
        }
        g.writeFieldName("parameters");
        g.writeStartArray();
        for (Parameter p : parameters) {
            if (p == null) {
                g.writeNull();
                continue;
            }
            g.writeStartObject();
            string(g, "name", p.getName());
            string(g, "value", p.getValue());
            if (p.getExcluded() != null) {
                g.writeBooleanField("excluded", p.getExcluded());
            }
            enumValue(g, "mode", p.getMode());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void number(JsonGenerator g, String name, Long value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value.longValue());
        }
    }

    /** Status, Stage and Parameter.Mode: Allure's serialisers write {@code name().toLowerCase(Locale.ENGLISH)}. */
    private static void enumValue(JsonGenerator g, String name, Enum<?> value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.name().toLowerCase(Locale.ENGLISH));
        }
    }
}
