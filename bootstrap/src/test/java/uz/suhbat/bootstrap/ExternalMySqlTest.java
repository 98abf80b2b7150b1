package uz.suhbat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With MYSQL_HOST set, Suhbat uses that server: it creates the database if it is missing and every
 * table in it, and an unreachable server stops start-up with a sentence that names host and port.
 * The "external" server here is a separate MariaDB process started by the test.
 */
class ExternalMySqlTest {

    private static SpringApplicationBuilder app(String... properties) {
        return new SpringApplicationBuilder(SuhbatApplication.class).properties(properties)
                .properties("SERVER_PORT=0", "ADMIN_PASSWORD=external-admin-pass", "OPENAI_API_KEY=", "MAIL_HOST=",
                        "management.server.port=");
    }

    @Test
    void createsTheDatabaseAndEveryTableOnAnEmptyServer() throws Exception {
        Path dir = Files.createTempDirectory("suhbat-external");
        try (EmbeddedDatabase external = EmbeddedDatabase.start(dir.resolve("mysql"), 0)) {
            try (ConfigurableApplicationContext context = app("MYSQL_HOST=127.0.0.1", "MYSQL_PORT=" + external.port(),
                    "MYSQL_DATABASE=suhbat_external", "MYSQL_USER=" + external.user(), "MYSQL_PASSWORD=" + external.password(), "FILES_DIR=" + dir.resolve("file")).run()) {
                assertThat(context.isRunning()).isTrue();
            }
            List<String> tables = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + external.port() + "/suhbat_external", external.user(), external.password());
                 ResultSet rows = connection.getMetaData().getTables("suhbat_external", null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("user", "admin", "chat", "chat_history", "model", "model_chunk", "flyway_schema_history");
        }
    }

    @Test
    void anUnreachableServerStopsStartUpWithOneClearSentence() {
        assertThatThrownBy(() -> app("MYSQL_HOST=127.0.0.1", "MYSQL_PORT=1", "MYSQL_USER=suhbat", "MYSQL_PASSWORD=x").run())
                .hasRootCauseInstanceOf(java.net.ConnectException.class)
                .satisfies(e -> {
                    Throwable unavailable = e;
                    while (unavailable != null && !(unavailable instanceof DatabaseUnavailableException)) {
                        unavailable = unavailable.getCause();
                    }
                    assertThat(unavailable).isNotNull();
                    assertThat(unavailable.getMessage()).contains("127.0.0.1:1").contains("MYSQL_USER/MYSQL_PASSWORD");
                });
    }
}
