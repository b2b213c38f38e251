package io.shortener.ansible;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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

    private Path copy(Path target, String version, String mainClass) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JarFile jar = new JarFile(built.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Manifest manifest = new Manifest(jar.getManifest());
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            if (mainClass != null) {
                manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
            }
            out.putNextEntry(new ZipEntry(JarFile.MANIFEST_NAME));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            manifest.write(bytes);
            out.write(bytes.toByteArray());
            out.closeEntry();
            for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
