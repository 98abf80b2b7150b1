package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import uz.suhbat.application.port.out.security.PasswordHashingPort;

class FoundationEndToEndTest extends EndToEndTest {

    @Autowired
    DSLContext db;

    @Autowired
    PasswordHashingPort hashing;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void healthIsUp() {
        HttpResponse<String> health = get(newClient(), "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    /**
     * Spring Session's repository reads and writes through a JdbcTemplate with Spring's default exception translation, not
     * the SQLErrorCodeSQLExceptionTranslator that Spring Session gives it (which reads sql-error-codes.xml with the JDK's XML
     * parser at start: SessionRepositoryWithoutXml), and Spring Boot's settings still reach it (spring.session.jdbc.*).
     */
    @Test
    void sessionsAreStoredWithoutTheXmlErrorCodes() {
        JdbcTemplate jdbc = (JdbcTemplate) ReflectionTestUtils.getField(sessions, "jdbcOperations");
        assertThat(jdbc.getExceptionTranslator()).isNotInstanceOf(SQLErrorCodeSQLExceptionTranslator.class);
        assertThat(ReflectionTestUtils.getField(sessions, "cleanupCron")).isEqualTo("-");
        assertThat(ReflectionTestUtils.getField(sessions, "tableName")).isEqualTo("SPRING_SESSION");
    }

    @Test
    void migrationsCreatedEveryTable() {
        List<String> tables = db.fetch("select table_name from information_schema.tables where table_schema = database()")
                .getValues(0, String.class);
        assertThat(tables).contains("user", "admin", "chat", "chat_history", "model", "model_chunk", "flyway_schema_history");
    }

    @Test
    void mainAdminFromConfigurationExistsWithAHashedPassword() {
        String hash = db.fetchOne("select password from admin where username = ? and main", ADMIN_USERNAME).get(0, String.class);
        assertThat(hash).isNotNull().doesNotContain(ADMIN_PASSWORD).startsWith("{argon2");
        assertThat(hashing.matches(ADMIN_PASSWORD, hash)).isTrue();
    }

    @Test
    void anonymousHomeRedirectsToLoginWhichLinksToRegistration() {
        HttpClient client = newClient();
        HttpResponse<String> home = get(client, "/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> login = get(client, "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body())
                .contains("<meta name=\"_csrf\" content=\"")
                .contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"")
                .contains("name=\"_csrf\"")
                .contains("href=\"/register\"");
    }

    @Test
    void pagesSpeakTheBrowsersLanguageAndUzbekLatinByDefault() {
        assertThat(get(newClient(), "/login", "Accept-Language", "uz-UZ,uz;q=0.9").body())
                .contains("<html lang=\"uz\"").contains("Hisobingizga kiring");
        assertThat(get(newClient(), "/login", "Accept-Language", "uz").body())
                .as("plain uz is Uzbek in Latin script").contains("<html lang=\"uz\"").contains("Hisobingizga kiring");
        assertThat(get(newClient(), "/login", "Accept-Language", "uz-Cyrl-UZ,uz;q=0.8,ru;q=0.5").body())
                .contains("<html lang=\"uz-Cyrl\"").contains("Ҳисобингизга киринг");
        assertThat(get(newClient(), "/login", "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").body())
                .contains("<html lang=\"ru\"").contains("Вход в учётную запись");
        assertThat(get(newClient(), "/register", "Accept-Language", "en-US,en;q=0.9").body())
                .contains("<html lang=\"en\"").contains("Create an account");
        assertThat(get(newClient(), "/login", "Accept-Language", "de-DE,fr;q=0.5").body())
                .as("a language we do not speak").contains("<html lang=\"uz\"").contains("Hisobingizga kiring");

        HttpClient client = newClient();
        assertThat(get(client, "/login?lang=uz-Cyrl", "Accept-Language", "en").body()).contains("Ҳисобингизга киринг")
                .contains(">Oʻzbekcha</a>").contains(">Ўзбекча</a>").contains(">Русский</a>").contains(">English</a>");
        assertThat(get(client, "/login", "Accept-Language", "en").body())
                .as("the chosen language is remembered").contains("Ҳисобингизга киринг");
        assertThat(get(client, "/login?lang=en", "Accept-Language", "uz").body()).contains("Log in to your account");
        assertThat(get(client, "/login", "Accept-Language", "uz").body()).contains("Log in to your account");
    }

    @Test
    void anErrorPageSpeaksThePagesLanguageAndLeadsBackHome() {
        HttpResponse<String> russian = get(newClient(), "/css/no-such-file.css", "Accept-Language", "ru-RU,ru;q=0.9", "Accept", "text/html");
        assertThat(russian.statusCode()).isEqualTo(404);
        assertThat(russian.body()).contains("<html lang=\"ru\"").contains("Страница не найдена").contains("href=\"/\"")
                .doesNotContain("Whitelabel");
        assertThat(get(newClient(), "/css/no-such-file.css", "Accept-Language", "uz", "Accept", "text/html").body())
                .contains("Sahifa topilmadi");
        assertThat(get(newClient(), "/css/no-such-file.css", "Accept-Language", "uz-Cyrl", "Accept", "text/html").body())
                .contains("Саҳифа топилмади");
    }

    @Test
    void staticAssetsAreServed() {
        HttpResponse<String> css = get(newClient(), "/css/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }
}
