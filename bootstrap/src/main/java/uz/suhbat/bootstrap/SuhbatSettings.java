package uz.suhbat.bootstrap;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every operator setting of the README, bound from application.properties, where each one is
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
        int chatMessageLimit,
        Knowledge knowledge,
        int registrationsPerAddress,
        String titleModel,
        boolean apiStoreContent) {

    /**
     * The public address put into links sent by mail: APP_BASE_URL, or, when it is not set, this
     * machine on the port the app listens on (SERVER_PORT), so links work out of the box on any port.
     */
    public String linkBase(int serverPort) {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return baseUrl.strip().replaceAll("/+$", "");
        }
        return "http://localhost:" + serverPort;
    }

    /** {@code poolSize}, {@code chatPoolSize}: connections per node (main pool, chat-write pool); see docs/deployment.md. */
    public record Mysql(String host, int port, String database, String user, String password, int poolSize, int chatPoolSize) {
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

    /**
     * PDF models: upload limit, how many pages, found by passages of at least which score, ground an
     * answer and how many tokens of their text are sent, the most pages a document may have and how
     * long reading it in the background may take.
     */
    public record Knowledge(int maxUploadMb, int topK, double minScore, int contextTokens, int maxPages, Duration ingestTimeout) {
    }

    /** An empty host means: write mail to the log instead of sending it. */
    public record Mail(String host, int port, String username, String password, String from) {
    }
}
