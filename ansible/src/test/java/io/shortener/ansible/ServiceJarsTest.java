package io.shortener.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {

    @TempDir
    Path dir;

    @Test
    void aNewVersionHasTheBuiltEntriesAndAnotherImplementationVersion() throws IOException {
        ServiceJars jars = new ServiceJars(built());

        Path next = jars.withVersion(dir.resolve("out/next.jar"), "1.2.3+it.2");

        try (JarFile jar = new JarFile(next.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION)).isEqualTo("1.2.3+it.2");
            assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("io.shortener.ShortenerApplication");
            assertThat(new String(jar.getInputStream(jar.getEntry("io/shortener/Some.class")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("class bytes");
        }
        assertThat(jars.builtVersion()).as("the built jar is left as it was").isEqualTo("1.2.3");
    }

    @Test
    void aBrokenBuildNamesAMainClassThatDoesNotExist() throws IOException {
        Path broken = new ServiceJars(built()).broken(dir.resolve("broken.jar"), "1.2.3+it.broken");

        try (JarFile jar = new JarFile(broken.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("io.shortener.NoSuchApplication");
            assertThat(jar.getEntry("io/shortener/Some.class")).isNotNull();
        }
    }

    private Path built() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "1.2.3");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.shortener.ShortenerApplication");
        Path jar = dir.resolve("built.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("io/shortener/Some.class"));
            out.write("class bytes".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
