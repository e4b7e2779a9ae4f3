package dev.assay.reports.allure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.AllureResultsWriteException;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.internal.Allure2ModelJackson;
import io.qameta.allure.internal.shadowed.jackson.databind.ObjectMapper;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assay's Allure results JSON and writer against their oracle, Allure's own mapper and {@link FileSystemResultsWriter}
 * (the path they replace): the same bytes on random test results and containers that set and leave unset every
 * property, nest steps, and hold {@code null} list elements and awkward strings; the same files in the results
 * directory; and a guard that the model this writer knows is the one on the class path.
 */
class AllureResultsJsonTest {
    private static final ObjectMapper ALLURE = Allure2ModelJackson.createMapper();
    private static final String[] STRINGS = {"", "a", "Zoë Ångström", "日本語", "emoji 😀", "nul \u0000 \u0001 \u001f \u007f",
        "tab\tnew\nline\r\n", "quote \" back\\slash /slash", "\u2028\u2029", "</script><b>&amp;", "lone \uD800 high",
        "lone \uDC00 low", "[engine:junit-jupiter]/[class:a.B]/[method:m()]", "  spaced  "};

    @Test
    void random_test_results_are_written_as_allures_mapper_writes_them() throws IOException {
        SplittableRandom random = new SplittableRandom(20261127);
        for (int i = 0; i < 3000; i++) {
            TestResult result = testResult(random);
            assertWrittenAsAllureWrites(result, out -> AllureResultsJson.write(result, out), "test result " + i);
        }
    }

    @Test
    void random_containers_are_written_as_allures_mapper_writes_them() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            TestResultContainer container = container(random);
            assertWrittenAsAllureWrites(container, out -> AllureResultsJson.write(container, out), "container " + i);
        }
    }

    private interface Write {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    private static void assertWrittenAsAllureWrites(Object model, Write ours, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ours.to(out);
        byte[] allure = ALLURE.writeValueAsBytes(model);
        assertThat(out.toString(StandardCharsets.UTF_8)).as(what)
                .isEqualTo(new String(allure, StandardCharsets.UTF_8));
        assertThat(out.toByteArray()).as("the bytes of " + what).isEqualTo(allure);
    }

    @Test
    void an_empty_test_result_and_container_match_too() throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        AllureResultsJson.write(new TestResult(), result);
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        AllureResultsJson.write(new TestResultContainer(), container);

        assertThat(result.toByteArray()).isEqualTo(ALLURE.writeValueAsBytes(new TestResult()));
        assertThat(container.toByteArray()).isEqualTo(ALLURE.writeValueAsBytes(new TestResultContainer()));
    }

    @Test
    void the_writer_leaves_the_same_files_as_allures_writer(@TempDir Path tmp) throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        Path ours = tmp.resolve("ours/nested/allure-results");
        Path theirs = tmp.resolve("theirs/nested/allure-results");
        AssayResultsWriter assay = new AssayResultsWriter(ours);
        FileSystemResultsWriter allure = new FileSystemResultsWriter(theirs);
        for (int i = 0; i < 50; i++) {
            TestResult result = testResult(random).setUuid(i % 10 == 0 ? null : "uuid-" + i);
            TestResultContainer container = container(random).setUuid("container-" + i);
            byte[] attachment = ("attachment " + i + " " + STRINGS[i % STRINGS.length]).getBytes(StandardCharsets.UTF_8);
            if (result.getUuid() != null) { // a null uuid gets a random file name from both writers
                assay.write(result);
                allure.write(result);
            }
            assay.write(container);
            allure.write(container);
            assay.write(i + "-attachment.txt", new ByteArrayInputStream(attachment));
            allure.write(i + "-attachment.txt", new ByteArrayInputStream(attachment));
        }

        Map<String, byte[]> ourFiles = files(ours);
        Map<String, byte[]> theirFiles = files(theirs);
        assertThat(ourFiles.keySet()).hasSize(50 + 45 + 50).isEqualTo(theirFiles.keySet());
        for (String name : ourFiles.keySet()) {
            assertThat(new String(ourFiles.get(name), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(new String(theirFiles.get(name), StandardCharsets.UTF_8));
            assertThat(ourFiles.get(name)).as(name).isEqualTo(theirFiles.get(name));
        }
    }

    @Test
    void a_test_result_without_uuid_gets_a_file_of_its_own(@TempDir Path tmp) throws IOException {
        AssayResultsWriter writer = new AssayResultsWriter(tmp);
        writer.write(new TestResult().setName("a"));
        writer.write(new TestResult().setName("b"));

        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(2)
                    .allMatch(n -> n.matches("[0-9a-f-]{36}-result\\.json"));
        }
    }

    @Test
    void writing_an_attachment_twice_fails_as_with_allures_writer(@TempDir Path tmp) {
        AssayResultsWriter writer = new AssayResultsWriter(tmp);
        writer.write("a-attachment.txt", new ByteArrayInputStream(new byte[] {1}));

        assertThatThrownBy(() -> writer.write("a-attachment.txt", new ByteArrayInputStream(new byte[] {2})))
                .isInstanceOf(AllureResultsWriteException.class).hasMessage("Could not write Allure attachment");
        assertThatThrownBy(() -> new FileSystemResultsWriter(tmp)
                .write("a-attachment.txt", new ByteArrayInputStream(new byte[] {2})))
                .isInstanceOf(AllureResultsWriteException.class).hasMessage("Could not write Allure attachment");
    }

    @Test
    void a_results_directory_that_cannot_be_created_is_an_error_naming_it(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        AssayResultsWriter writer = new AssayResultsWriter(file.resolve("allure-results"));

        assertThatThrownBy(() -> writer.write(new TestResult().setUuid("u")))
                .isInstanceOf(AllureResultsWriteException.class)
                .hasMessage("Could not create Allure results directory")
                .rootCause().hasMessageContaining(file.resolve("allure-results").toString());
    }

    @Test
    void the_known_model_is_the_allure_model_on_the_class_path() {
        for (Map.Entry<Class<?>, List<String>> e : AllureResultsJson.KNOWN_FIELDS.entrySet()) {
            assertThat(AllureResultsJson.instanceFields(e.getKey())).as(e.getKey().getName())
                    .isEqualTo(e.getValue());
        }
        assertThat(AllureResultsJson.modelIsKnown()).isTrue();
    }

    @Test
    void the_guard_sees_a_property_it_does_not_know() {
        class NewerLabel {
            private String name;
            private String value;
            private String color;
        }

        assertThat(AllureResultsJson.instanceFields(NewerLabel.class)).isEqualTo(List.of("name", "value", "color"))
                .isNotEqualTo(AllureResultsJson.KNOWN_FIELDS.get(Label.class));
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static TestResult testResult(SplittableRandom r) {
        TestResult t = new TestResult().setUuid(s(r)).setHistoryId(s(r)).setTestCaseId(s(r)).setTestCaseName(s(r))
                .setFullName(s(r)).setName(s(r)).setStatus(status(r)).setStatusDetails(details(r)).setStage(stage(r))
                .setDescription(s(r)).setDescriptionHtml(s(r)).setStart(l(r)).setStop(l(r));
        t.setTitlePath(r.nextInt(4) == 0 ? null : strings(r));
        t.setLabels(list(r, () -> r.nextInt(8) == 0 ? null : new Label().setName(s(r)).setValue(s(r))));
        t.setLinks(list(r, () -> r.nextInt(8) == 0 ? null : new Link().setName(s(r)).setUrl(s(r)).setType(s(r))));
        t.setSteps(list(r, () -> step(r, 2)));
        t.setAttachments(list(r, () -> attachment(r)));
        t.setParameters(list(r, () -> parameter(r)));
        return t;
    }

    private static TestResultContainer container(SplittableRandom r) {
        TestResultContainer c = new TestResultContainer().setUuid(s(r)).setName(s(r)).setDescription(s(r))
                .setDescriptionHtml(s(r)).setStart(l(r)).setStop(l(r));
        c.setChildren(r.nextInt(4) == 0 ? null : strings(r));
        c.setBefores(list(r, () -> fixture(r)));
        c.setAfters(list(r, () -> fixture(r)));
        c.setLinks(list(r, () -> r.nextInt(8) == 0 ? null : new Link().setName(s(r)).setUrl(s(r)).setType(s(r))));
        return c;
    }

    private static StepResult step(SplittableRandom r, int depth) {
        if (r.nextInt(8) == 0) {
            return null;
        }
        StepResult s = new StepResult().setName(s(r)).setStatus(status(r)).setStatusDetails(details(r))
                .setStage(stage(r)).setDescription(s(r)).setDescriptionHtml(s(r)).setStart(l(r)).setStop(l(r));
        s.setSteps(depth == 0 ? (r.nextBoolean() ? null : new ArrayList<>()) : list(r, () -> step(r, depth - 1)));
        s.setAttachments(list(r, () -> attachment(r)));
        s.setParameters(list(r, () -> parameter(r)));
        return s;
    }

    private static FixtureResult fixture(SplittableRandom r) {
        if (r.nextInt(8) == 0) {
            return null;
        }
        FixtureResult f = new FixtureResult().setName(s(r)).setStatus(status(r)).setStatusDetails(details(r))
                .setStage(stage(r)).setDescription(s(r)).setDescriptionHtml(s(r)).setStart(l(r)).setStop(l(r));
        f.setSteps(list(r, () -> step(r, 1)));
        f.setAttachments(list(r, () -> attachment(r)));
        f.setParameters(list(r, () -> parameter(r)));
        return f;
    }

    private static Attachment attachment(SplittableRandom r) {
        return r.nextInt(8) == 0 ? null
                : new Attachment().setName(s(r)).setSource(s(r)).setType(s(r)).setSize(l(r));
    }

    private static Parameter parameter(SplittableRandom r) {
        if (r.nextInt(8) == 0) {
            return null;
        }
        Parameter.Mode[] modes = Parameter.Mode.values();
        return new Parameter().setName(s(r)).setValue(s(r))
                .setExcluded(r.nextInt(3) == 0 ? null : r.nextBoolean())
                .setMode(r.nextInt(3) == 0 ? null : modes[r.nextInt(modes.length)]);
    }

    private static StatusDetails details(SplittableRandom r) {
        return r.nextInt(3) == 0 ? null : new StatusDetails().setKnown(r.nextBoolean()).setMuted(r.nextBoolean())
                .setFlaky(r.nextBoolean()).setMessage(s(r)).setTrace(s(r)).setActual(s(r)).setExpected(s(r));
    }

    private static Status status(SplittableRandom r) {
        Status[] all = Status.values();
        return r.nextInt(4) == 0 ? null : all[r.nextInt(all.length)];
    }

    private static Stage stage(SplittableRandom r) {
        Stage[] all = Stage.values();
        return r.nextInt(4) == 0 ? null : all[r.nextInt(all.length)];
    }

    private static <T> List<T> list(SplittableRandom r, java.util.function.Supplier<T> element) {
        if (r.nextInt(6) == 0) {
            return null;
        }
        List<T> list = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            list.add(element.get());
        }
        return list;
    }

    private static List<String> strings(SplittableRandom r) {
        List<String> list = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            list.add(r.nextInt(6) == 0 ? null : STRINGS[r.nextInt(STRINGS.length)]);
        }
        return list;
    }

    private static String s(SplittableRandom r) {
        return r.nextInt(3) == 0 ? null : STRINGS[r.nextInt(STRINGS.length)];
    }

    private static Long l(SplittableRandom r) {
        int k = r.nextInt(5);
        return k == 0 ? null : k == 1 ? Long.MIN_VALUE : k == 2 ? Long.MAX_VALUE : r.nextLong();
    }
}
