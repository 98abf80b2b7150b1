package uz.suhbat.bootstrap;

import java.nio.file.Path;

/**
 * A MariaDB server of its own for tests that run several Suhbat nodes on one database: each node
 * then treats it as an external MySQL server (MYSQL_HOST), as nodes behind a load balancer do.
 */
public final class TestDatabaseServer implements AutoCloseable {

    private final EmbeddedDatabase database;

    private TestDatabaseServer(EmbeddedDatabase database) {
        this.database = database;
    }

    public static TestDatabaseServer start(Path dataDir) {
        return new TestDatabaseServer(EmbeddedDatabase.start(dataDir, 0));
    }

    public int port() {
        return database.port();
    }

    /** The server's application account, as an operator would give it to every node (MYSQL_USER). */
    public String user() {
        return database.user();
    }

    /** Its password (MYSQL_PASSWORD). */
    public String password() {
        return database.password();
    }

    @Override
    public void close() {
        database.close();
    }
}
