package io.shortener.ansible;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * New builds of the service for a rollout, made from the one the reactor built: the same classes with another
 * Implementation-Version in the manifest (which the admin port's /version reports), or a broken build whose
 * manifest names a main class that does not exist (it exits at once, as a bad build would).
 */
final class ServiceJars {

    private final Path built;

    ServiceJars(Path built) {
        this.built = built;
    }

    String builtVersion() {
        try (JarFile jar = new JarFile(built.toFile())) {
            return jar.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path withVersion(Path target, String version) {
        return copy(target, version, null);
    }

    Path broken(Path target, String version) {
        return copy(target, version, "io.shortener.NoSuchApplication");
    }

    /**
     * A copy of the built jar whose manifest alone is rewritten: the zip file system moves every other entry over
     * as it is, still compressed (inflating and deflating 37,000 entries again took 17 s a jar on two busy cores).
     */
    private Path copy(Path target, String version, String mainClass) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(built, target, StandardCopyOption.REPLACE_EXISTING);
            try (FileSystem jar = FileSystems.newFileSystem(target)) {
                Path manifestPath = jar.getPath(JarFile.MANIFEST_NAME);
                Manifest manifest;
                try (InputStream in = Files.newInputStream(manifestPath)) {
                    manifest = new Manifest(in);
                }
                manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
                if (mainClass != null) {
                    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
                }
                try (OutputStream out = Files.newOutputStream(manifestPath)) {
                    manifest.write(out);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
