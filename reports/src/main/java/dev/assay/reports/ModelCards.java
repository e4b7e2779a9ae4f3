package dev.assay.reports;

import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.Evidence;
import dev.assay.reports.internal.ModelCardRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Model cards (after Mitchell et al., "Model Cards for Model Reporting") written from a run's {@link Evidence}
 * only: {@value #MARKDOWN_FILE} and a self-contained {@value #HTML_FILE} (inline CSS, no scripts, no external
 * assets) next to {@code evidence.json}. The card shows the model(s) and data set(s) with their fingerprints, the
 * metrics with their decision rules, every check's value, interval, threshold and verdict grouped by family
 * (Performance, Fairness, Privacy, Safety, PII, Data) with its per-group table, and the sections that the team
 * writes (intended use, factors, training data, ethical considerations, limitations, caveats and
 * recommendations), taken from the Markdown file that {@value #SECTIONS_KEY} names (default
 * {@value #DEFAULT_SECTIONS}, next to the scenario files): one {@code ## Heading} per section.
 */
public final class ModelCards {
    /** File names inside the evidence directory. */
    public static final String MARKDOWN_FILE = "model-card.md";
    public static final String HTML_FILE = "model-card.html";

    /** Configuration key: path of the team's Markdown sections file. */
    public static final String SECTIONS_KEY = "assay.modelcard.sections";
    /** Used when {@value #SECTIONS_KEY} is not set; a missing default file just leaves the sections empty. */
    public static final String DEFAULT_SECTIONS = "src/test/resources/assay/model-card.md";

    private ModelCards() {
    }

    /** The card as Markdown; {@code sections} is the team's Markdown or {@code null}. */
    public static String markdown(Evidence evidence, String sections) {
        return ModelCardRenderer.markdown(evidence, sections);
    }

    /** The card as a self-contained HTML page; {@code sections} is the team's Markdown or {@code null}. */
    public static String html(Evidence evidence, String sections) {
        return ModelCardRenderer.html(evidence, sections);
    }

    /**
     * The team's sections file that {@code settings} name: the file of {@value #SECTIONS_KEY}, which must exist
     * when set, else {@value #DEFAULT_SECTIONS} when it exists.
     *
     * @throws AssayException when {@value #SECTIONS_KEY} names a file that does not exist
     */
    public static Optional<Path> sectionsFile(AssaySettings settings) {
        Optional<String> configured = settings.get(SECTIONS_KEY);
        if (configured.isPresent() && !configured.get().isBlank()) {
            Path p = Path.of(configured.get().strip());
            if (!Files.isRegularFile(p)) {
                throw new AssayException("configuration " + SECTIONS_KEY + " = " + configured.get().strip()
                        + ": no such file (" + p.toAbsolutePath() + ")");
            }
            return Optional.of(p);
        }
        Path def = Path.of(DEFAULT_SECTIONS);
        return Files.isRegularFile(def) ? Optional.of(def) : Optional.empty();
    }

    /**
     * Writes {@value #MARKDOWN_FILE} and {@value #HTML_FILE} into {@code dir} (atomically, each) and returns their
     * paths.
     *
     * @param sectionsFile the team's Markdown, or {@code null} for none
     * @throws AssayException when a file cannot be read or written (naming it)
     */
    public static List<Path> write(Evidence evidence, Path dir, Path sectionsFile) {
        return write(evidence, null, dir, sectionsFile);
    }

    /** As {@link #write(Evidence, Path, Path)}, with the evidence's JSON text when the caller has it already. */
    static List<Path> write(Evidence evidence, String evidenceJson, Path dir, Path sectionsFile) {
        String sections = null;
        if (sectionsFile != null) {
            try {
                sections = Files.readString(sectionsFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssayException("cannot read the model card sections " + sectionsFile + ": " + e, e);
            }
        }
        var card = ModelCardRenderer.both(evidence, evidenceJson, sections);
        return List.of(writeAtomically(dir, MARKDOWN_FILE, card.getKey()),
                writeAtomically(dir, HTML_FILE, card.getValue()));
    }

    static Path writeAtomically(Path dir, String name, String content) {
        Path target = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new AssayException("cannot write " + target + ": " + e, e);
        }
    }
}
