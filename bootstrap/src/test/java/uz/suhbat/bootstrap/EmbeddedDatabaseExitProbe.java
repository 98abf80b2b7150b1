package uz.suhbat.bootstrap;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a JVM of its own by {@link EmbeddedDatabaseTest}: starts the embedded server on the data folder given, writes a note
 * ({@code write}) or prints the note it finds ({@code read}), and ends as a stopped server process does, by leaving
 * {@code main} by {@link System#exit} without closing anything: the JVM's exit hooks stop the server.
 */
public final class EmbeddedDatabaseExitProbe {

    private EmbeddedDatabaseExitProbe() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), 0);
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + database.port() + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                database.user(), database.password());
             Statement s = c.createStatement()) {
            if ("write".equals(args[1])) {
                s.execute("CREATE DATABASE kept");
                s.execute("CREATE TABLE kept.note (text VARCHAR(20))");
                s.execute("INSERT INTO kept.note VALUES ('salom')");
                System.out.println("note: written");
            } else {
                try (ResultSet rows = s.executeQuery("SELECT text FROM kept.note")) {
                    System.out.println("note: " + (rows.next() ? rows.getString(1) : "none"));
                }
            }
        }
        System.out.flush();
        System.exit(0);
    }
}
