package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.bootstrap.SuhbatApplication;

/**
 * Suhbat started like {@code java -jar} would start it, on its own data, for tests that need
 * settings of their own or a real restart: closing it stops the web server and the embedded
 * database; starting it again on the same folder is a restart. (The tests extending
 * {@link EndToEndTest} share one application that lives as long as the test JVM.)
 */
final class StandaloneSuhbat implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneSuhbat(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** A started SMTP server on a free port, for the mail of an app started here. */
    static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    /** A data folder for {@link #start}, under {@code target/}. */
    static Path newDataFolder(String name) {
        try {
            Path base = Path.of("target", "standalone").toAbsolutePath().normalize();
            return Files.createDirectories(base.resolve(name + "-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts on the database and files in {@code data}; {@code settings} are more KEY=VALUE settings. */
    static StandaloneSuhbat start(Path data, FakeOpenAi openAi, GreenMail mail, String... settings) {
        return start(data, openAi, mail, () -> { }, settings);
    }

    /**
     * As {@link #start(Path, FakeOpenAi, GreenMail, String...)}; {@code loggingReady} runs once the application has set up
     * logging (its context is prepared), so that a second node of the same JVM may start then: Spring Boot's logging
     * set-up is JVM-wide and two of them at the same moment collide ("Unable to find Spring Environment in logger context").
     */
    static StandaloneSuhbat start(Path data, FakeOpenAi openAi, GreenMail mail, Runnable loggingReady, String... settings) {
        EndToEndTest.withTitleRoute(openAi);
        org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent> prepared = event -> {
            if (event instanceof org.springframework.boot.context.event.ApplicationPreparedEvent) {
                loggingReady.run();
            }
        };
        return new StandaloneSuhbat(new SpringApplicationBuilder(SuhbatApplication.class).listeners(prepared)
                .run(commandLine(data, openAi, mail, settings)));
    }

    /** The command-line arguments ({@code --KEY=VALUE}) of a node on {@code data}, as {@link #start} passes them. */
    static String[] commandLine(Path data, FakeOpenAi openAi, GreenMail mail, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "SERVER_PORT=0",
                "EMBEDDED_DB_DIR=" + data.resolve("mysql"),
                "EMBEDDED_DB_PORT=0",
                "MYSQL_HOST=",
                "FILES_DIR=" + data.resolve("file"),
                "ADMIN_USERNAME=" + EndToEndTest.ADMIN_USERNAME,
                "ADMIN_PASSWORD=" + EndToEndTest.ADMIN_PASSWORD,
                "ADMIN_EMAIL=boss@example.uz",
                "MAIL_HOST=127.0.0.1",
                "MAIL_PORT=" + mail.getSmtp().getPort(),
                "MAIL_FROM=Suhbat <no-reply@suhbat.test>",
                "APP_BASE_URL=" + EndToEndTest.BASE_URL,
                "OPENAI_API_KEY=" + EndToEndTest.OPENAI_KEY,
                "OPENAI_BASE_URL=" + openAi.baseUrl(),
                "OPENAI_MODELS=gpt-4o-mini,gpt-4o",
                "TITLE_MODEL=" + EndToEndTest.TITLE_MODEL,
                "REGISTRATIONS_PER_ADDRESS=100000"));
        args.addAll(List.of(settings));
        // a later setting of the same key replaces an earlier one (a node on a shared server sets MYSQL_HOST)
        java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (String setting : args) {
            int equals = setting.indexOf('=');
            byKey.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        // as command-line arguments, so that they win over any environment variable of the test JVM
        return byKey.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** The Spring context, for tests that look inside a node. */
    ConfigurableApplicationContext context() {
        return context;
    }

    String url(String path) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path;
    }

    /** The admin, signed in at /admin/login. */
    AccountsDriver admin(GreenMail mail) {
        AccountsDriver admin = new AccountsDriver(url(""), mail);
        admin.submit("/admin/login", "/admin/login", "username", EndToEndTest.ADMIN_USERNAME, "password", EndToEndTest.ADMIN_PASSWORD);
        assertThat(admin.get("/admin").statusCode()).as("the admin is signed in").isEqualTo(200);
        return admin;
    }

    @Override
    public void close() {
        context.close();
    }

    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // leftovers under target/ go with the next clean
        }
    }
}
