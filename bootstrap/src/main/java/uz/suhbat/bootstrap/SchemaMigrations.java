package uz.suhbat.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema: Flyway's migrations in {@code db/migration}, run by Flyway when the database lacks one of them, and not
 * even loaded when every migration is already applied with the same checksum, which is every start but the first after
 * an upgrade. Flyway and the Jackson 2 it reads its configuration with are about 900 classes, 10 MB that a running
 * server would carry for nothing (docs/benchmarks.md, "Session 7: memory"). When anything differs (a migration not yet
 * applied, a failed one, a script changed after it was applied) Flyway runs as before and migrates or refuses with its
 * own message; several nodes starting at once still meet in Flyway's lock.
 */
final class SchemaMigrations {

    static final String LOCATION = "db/migration";
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.+\\.sql");

    private SchemaMigrations() {
    }

    /** Brings the schema of {@code dataSource} up to the migrations on the classpath (nothing to do when it is). */
    static void apply(DataSource dataSource) {
        Map<String, Integer> scripts = scripts();
        if (current(dataSource, scripts)) {
            log.debug("Schema current: {} migrations applied, Flyway not needed", scripts.size());
            return;
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:" + LOCATION).load().migrate();
    }

    /** Each versioned migration on the classpath: its version as Flyway writes it, and Flyway's checksum of the script. */
    static Map<String, Integer> scripts() {
        try {
            Map<String, Integer> scripts = new HashMap<>();
            for (Resource script : new PathMatchingResourcePatternResolver(SchemaMigrations.class.getClassLoader())
                    .getResources("classpath*:" + LOCATION + "/*.sql")) {
                Matcher name = VERSIONED.matcher(String.valueOf(script.getFilename()));
                if (name.matches()) {
                    scripts.put(name.group(1).replace('_', '.'), checksum(script));
                }
            }
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException("The migrations in " + LOCATION + " cannot be read", e);
        }
    }

    /**
     * Whether every script is applied, successfully and with its checksum, and nothing failed: what Flyway's validation at
     * migrate would accept with nothing to do. Rows of versions this build does not know (a newer node's) do not count,
     * as in Flyway (its {@code ignoreMigrationPatterns} default {@code *:future}).
     */
    static boolean current(DataSource dataSource, Map<String, Integer> scripts) {
        if (scripts.isEmpty()) {
            log.debug("No migration found in {}; Flyway decides", LOCATION);
            return false;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet table = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = 'flyway_schema_history'")) {
                if (!table.next() || table.getInt(1) == 0) {
                    return false;
                }
            }
            Map<String, Integer> applied = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT version, checksum, success FROM flyway_schema_history")) {
                while (rows.next()) {
                    if (!rows.getBoolean(3)) {
                        return false;
                    }
                    String version = rows.getString(1);
                    int checksum = rows.getInt(2);
                    if (version != null && !rows.wasNull()) {
                        applied.put(version, checksum);
                    }
                }
            }
            for (Map.Entry<String, Integer> script : scripts.entrySet()) {
                if (!script.getValue().equals(applied.get(script.getKey()))) {
                    log.debug("Migration {}: checksum {}, applied {}; Flyway decides", script.getKey(), script.getValue(),
                            applied.get(script.getKey()));
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            // Flyway will say what is wrong
            log.debug("Schema history not readable ({}); Flyway decides", e.getMessage());
            return false;
        }
    }

    /** Flyway's checksum of a script: CRC-32 of each line's UTF-8 bytes without its line break, a byte order mark dropped. */
    static int checksum(Resource script) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8), 4096)) {
            String line = reader.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        }
        return (int) crc.getValue();
    }
}
