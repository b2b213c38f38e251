package io.shortener.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system (for a checkpoint on a local disk), setting a file's permissions through Java.
 * Without Hadoop's native library, its own runs a {@code chmod} process for every file it creates: the
 * offset and commit logs, the state store's change logs and each one's checksum file, about six processes
 * spawned from the job's JVM per micro-batch (BENCHMARKS.md). A checkpoint on HDFS or S3 never comes here.
 */
public final class LocalCheckpointFileSystem extends LocalFileSystem {

    public LocalCheckpointFileSystem() {
        super(new WithJavaPermissions());
    }

    /** The POSIX permissions of a Hadoop mode's nine lowest bits (owner, group, others; read, write, execute). */
    static Set<PosixFilePermission> permissions(short mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values();
        for (int i = 0; i < all.length; i++) {
            // The enum lists OWNER_READ first: the mode's bit 8.
            if ((mode & (1 << (all.length - 1 - i))) != 0) {
                permissions.add(all[i]);
            }
        }
        return permissions;
    }

    private static final class WithJavaPermissions extends RawLocalFileSystem {

        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            Files.setPosixFilePermissions(pathToFile(path).toPath(), permissions(permission.toShort()));
        }
    }
}
