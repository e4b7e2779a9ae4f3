package dev.assay.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {
    @TempDir
    Path dir;

    @Test
    void aResourceInsideAJarIsReadThroughATemporaryCopyThatIsDeleted() throws IOException {
        Path jar = dir.resolve("data.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("data/small.csv"));
            j.write("x,y\n1,a\n2,b\n3,\n".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        URL url = new URL("jar:" + jar.toUri() + "!/data/small.csv");
        DataFiles.Located located = new DataFiles.Located(url, null, url.toExternalForm(), "classpath:data/small.csv");
        Path[] seen = new Path[1];
        Dataset data = located.load(path -> {
            seen[0] = path;
            assertThat(path.getFileName().toString()).isEqualTo("small.csv");
            return Datasets.file(path).name(located.name()).load();
        });
        assertThat(data.rows()).isEqualTo(3);
        assertThat(data.source()).isEqualTo("classpath:data/small.csv");
        assertThat(data.column("y").missingCount()).isEqualTo(1);
        assertThat(seen[0]).doesNotExist();
        assertThat(seen[0].getParent()).doesNotExist();
    }

    @Test
    void lookupOrderIsNextToTheClassThenClassPathThenFile() throws IOException {
        assertThat(DataFiles.locate("credit.csv", DataFilesTest.class, DataFilesTest.class, "x").name())
                .isEqualTo("classpath:dev/assay/junit/credit.csv");
        assertThat(DataFiles.locate("data/credit-headerless.txt", DataFilesTest.class, DataFilesTest.class, "x")
                .name()).isEqualTo("classpath:data/credit-headerless.txt");
        Path file = Files.writeString(dir.resolve("local.csv"), "a\n1\n");
        DataFiles.Located local = DataFiles.locate(file.toString(), DataFilesTest.class, DataFilesTest.class, "x");
        assertThat(local.path()).isEqualTo(file);
        assertThatThrownBy(() -> DataFiles.locate("/nope.csv", DataFilesTest.class, DataFilesTest.class, "@X"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@X: file not found; looked for class path resource nope.csv, file "
                        + Path.of("/nope.csv").toAbsolutePath());
    }
}
