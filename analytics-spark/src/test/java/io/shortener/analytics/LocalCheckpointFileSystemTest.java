package io.shortener.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCheckpointFileSystemTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void readsAHadoopModeAsPosixPermissions() {
        assertThat(PosixFilePermissions.toString(LocalCheckpointFileSystem.permissions((short) 0644))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(LocalCheckpointFileSystem.permissions((short) 0755))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(LocalCheckpointFileSystem.permissions((short) 01700))).isEqualTo("rwx------");
        assertThat(LocalCheckpointFileSystem.permissions((short) 0)).isEmpty();
    }

    @Test
    void createsFilesWithTheirChecksumsAndSetsPermissions() throws Exception {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", LocalCheckpointFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        FileSystem fs = FileSystem.get(dir.toUri(), conf);
        assertThat(fs).isInstanceOf(LocalCheckpointFileSystem.class);

        Path file = new Path(dir.resolve("offsets-0").toUri());
        try (FSDataOutputStream out = fs.create(file, true)) {
            out.writeBytes("v1\n");
        }
        fs.setPermission(file, new FsPermission((short) 0600));

        assertThat(Files.readString(dir.resolve("offsets-0"))).isEqualTo("v1\n");
        assertThat(Files.exists(dir.resolve(".offsets-0.crc"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("offsets-0")))).isEqualTo("rw-------");
        assertThat(fs.getFileStatus(file).getLen()).isEqualTo(3);
    }
}
