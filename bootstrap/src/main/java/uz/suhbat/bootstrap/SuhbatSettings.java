package uz.suhbat.bootstrap;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every operator setting of contract.md, bound from application.properties, where each one is
 * mapped from its environment key (MYSQL_HOST, ...). Secrets have no defaults.
 */
@ConfigurationProperties("suhbat")
public record SuhbatSettings(
        String baseUrl,
        Mysql mysql,
        Embedded embedded,
        String filesDir,
        OpenAi openai,
        Admin admin,
        Mail mail,
        int chatMessageLimit) {

    public record Mysql(String host, int port, String database, String user, String password) {
        public boolean external() {
            return host != null && !host.isBlank();
        }
    }

    public record Embedded(String dir, int port) {
    }

    public record OpenAi(String apiKey, String baseUrl, List<String> models) {
    }

    public record Admin(String username, String password, String email) {
    }

    /** An empty host means: write mail to the log instead of sending it. */
    public record Mail(String host, int port, String username, String password, String from) {
    }
}
