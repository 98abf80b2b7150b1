package uz.suhbat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema check that lets a start skip Flyway: on the embedded server, the migrations run by Flyway on an empty
 * database, then the check finds every script applied with Flyway's own checksums; anything that differs hands the start
 * back to Flyway.
 */
class SchemaMigrationsTest {

    private static Path folder;
    private static EmbeddedDatabase server;

    @BeforeAll
    static void start() {
        folder = Path.of("target", "schema-migrations-" + UUID.randomUUID()).toAbsolutePath();
        server = EmbeddedDatabase.start(folder.resolve("mysql"), 0);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void anEmptyDatabaseIsMigratedByFlywayAndThenFoundCurrentWithFlywaysChecksums() throws Exception {
        try (HikariDataSource db = database("fresh")) {
            Map<String, Integer> scripts = SchemaMigrations.scripts();
            assertThat(scripts).containsKeys("1", "10", "221").hasSizeGreaterThan(20);
            assertThat(SchemaMigrations.current(db, scripts)).as("no history table yet").isFalse();

            SchemaMigrations.apply(db);

            assertThat(count(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"))
                    .isEqualTo(scripts.size());
            assertThat(SchemaMigrations.current(db, scripts)).as("every checksum as Flyway computed it").isTrue();
            SchemaMigrations.apply(db);
            assertThat(count(db, "SELECT COUNT(*) FROM flyway_schema_history")).as("nothing applied twice")
                    .isEqualTo(count(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1"));
        }
    }

    @Test
    void aScriptChangedAfterItWasAppliedGoesToFlywayWhichRefusesIt() throws Exception {
        try (HikariDataSource db = database("changed")) {
            SchemaMigrations.apply(db);
            execute(db, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");

            assertThat(SchemaMigrations.current(db, SchemaMigrations.scripts())).isFalse();
            assertThatThrownBy(() -> SchemaMigrations.apply(db)).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("checksum");
        }
    }

    @Test
    void aFailedOrMissingMigrationIsNotCurrent() throws Exception {
        try (HikariDataSource db = database("failed")) {
            SchemaMigrations.apply(db);
            Map<String, Integer> scripts = SchemaMigrations.scripts();
            execute(db, "UPDATE flyway_schema_history SET success = 0 WHERE version = '221'");
            assertThat(SchemaMigrations.current(db, scripts)).as("a failed migration").isFalse();

            execute(db, "DELETE FROM flyway_schema_history WHERE version = '221'");
            assertThat(SchemaMigrations.current(db, scripts)).as("a migration not applied").isFalse();

            execute(db, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,"
                    + " execution_time, success) SELECT MAX(installed_rank) + 1, '9999', 'newer', 'SQL', 'V9999__newer.sql', 1, 'x', 0, 1"
                    + " FROM flyway_schema_history");
            scripts.remove("221");
            assertThat(SchemaMigrations.current(db, scripts)).as("a newer node's migration does not count").isTrue();
        }
    }

    private static HikariDataSource database(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(url(""), server.user(), server.password()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url(name));
        pool.setUsername(server.user());
        pool.setPassword(server.password());
        pool.setMaximumPoolSize(2);
        return pool;
    }

    private static String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + server.port() + "/" + database + "?sslMode=DISABLED&connectTimeout=5000";
    }

    private static int count(HikariDataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(HikariDataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
