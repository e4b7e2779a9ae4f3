package dev.assay.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.reports.allure.internal.FreshJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AllureResultsWriters#install()} in fresh JVMs ({@link WriterProbe}), as a test run starts: when it installs
 * Assay's writer into Allure's default lifecycle, and when it leaves Allure's own.
 */
class AllureResultsWritersTest {
    private static final String SHADED_MAPPER = "io.qameta.allure.internal.shadowed.jackson.databind.ObjectMapper";

    @TempDir
    Path tmp;

    @Test
    void a_fresh_jvm_writes_allures_results_with_assays_writer_and_never_builds_allures_mapper() throws Exception {
        Probe probe = probe("default");

        assertThat(probe.stdout).isEqualTo("installed: true\nwriter: AssayResultsWriter\ndone\n");
        assertThat(probe.stderr.lines().filter(l -> !l.startsWith("SLF4J"))).as("stderr but SLF4J's notice")
                .isEmpty();
        assertThat(probe.classesLoaded).as("classes loaded, the report warm-up included")
                .contains("dev.assay.reports.allure.internal.AllureResultsJson",
                        "dev.assay.reports.internal.ModelCardRenderer")
                .doesNotContain(SHADED_MAPPER, "io.qameta.allure.FileSystemResultsWriter",
                        "io.qameta.allure.internal.Allure2ModelJackson");
        Path results = probe.work.resolve("allure-results"); // Allure's default directory
        assertThat(names(results)).hasSize(2).contains("probe-uuid-result.json")
                .anyMatch(n -> n.endsWith("-attachment.txt"));
        assertThat(Files.readString(results.resolve("probe-uuid-result.json")))
                .startsWith("{\"uuid\":\"probe-uuid\",")
                .contains("\"name\":\"probe\",\"status\":\"passed\",\"stage\":\"finished\"",
                        "\"attachments\":[{\"name\":\"note\",\"source\":\"");
    }

    @Test
    void the_results_directory_is_allures_setting() throws Exception {
        Path elsewhere = tmp.resolve("elsewhere/allure-results");

        Probe probe = probe("default", "-Dallure.results.directory=" + elsewhere);

        assertThat(probe.stdout).startsWith("installed: true\n");
        assertThat(names(elsewhere)).contains("probe-uuid-result.json");
        assertThat(probe.work.resolve("allure-results")).doesNotExist();
    }

    @Test
    void allures_lifecycle_taken_before_is_left_as_it_is() throws Exception {
        Probe probe = probe("late");

        assertThat(probe.stdout).isEqualTo("installed: false\nwriter: FileSystemResultsWriter\ndone\n");
        assertThat(names(probe.work.resolve("allure-results"))).contains("probe-uuid-result.json");
    }

    @Test
    void allures_own_writer_on_request_or_with_options_only_it_has() throws Exception {
        for (String option : List.of("-Dassay.allure.writer=allure", "-Dassay.allure.writer= Allure ",
                "-Dallure.results.indentOutput=true", "-Dallure.results.clean.before.run=true")) {
            Probe probe = probe("default", option);

            assertThat(probe.stdout).as(option).isEqualTo("installed: false\nwriter: FileSystemResultsWriter\ndone\n");
            assertThat(probe.classesLoaded).as(option).contains(SHADED_MAPPER);
        }
    }

    @Test
    void a_bad_writer_setting_is_an_error_that_names_it() throws Exception {
        Probe probe = probe("default", "-Dassay.allure.writer=fast");

        assertThat(probe.stdout).isEqualTo("error: assay.allure.writer must be assay or allure, but was 'fast'\n");
    }

    private record Probe(Path work, String stdout, String stderr, List<String> classesLoaded) {
    }

    private Probe probe(String mode, String... options) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory(tmp, "probe");
        Path work = Files.createDirectories(root.resolve("work"));
        List<String> jvm = new ArrayList<>(List.of(
                "-Djava.io.tmpdir=" + Files.createDirectories(root.resolve("java-tmp")),
                "-Dassay.evidence.dir=" + root.resolve("assay")));
        jvm.addAll(List.of(options));
        FreshJvm.Result run = FreshJvm.run(root, work, jvm, WriterProbe.class, mode);
        return new Probe(work, run.stdout(), run.stderr(), run.classesLoaded());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
