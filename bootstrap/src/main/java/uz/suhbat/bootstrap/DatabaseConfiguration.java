package uz.suhbat.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import uz.suhbat.adapter.out.persistence.TransactionConnections;

/**
 * The connection to MySQL: an external server when MYSQL_HOST is set, otherwise the embedded
 * one. Either way the database is created if missing, then the tables ({@link SchemaMigrations}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Present only in embedded mode; closing the context stops the server after the pool. */
    @Bean(destroyMethod = "close")

    EmbeddedDatabaseHolder embeddedDatabase(SuhbatSettings settings, ObjectProvider<EmbeddedDatabaseEarlyStart.Starting> early) {
        if (settings.mysql().external()) {
            return new EmbeddedDatabaseHolder(null);
        }
        EmbeddedDatabaseEarlyStart.Starting starting = early.getIfAvailable();
        return new EmbeddedDatabaseHolder(starting != null ? starting.await()
                : EmbeddedDatabase.start(Path.of(settings.embedded().dir()), settings.embedded().port()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(SuhbatSettings settings, EmbeddedDatabaseHolder embedded) {
        SuhbatSettings.Mysql mysql = settings.mysql();
        String host = mysql.external() ? mysql.host().strip() : "127.0.0.1";
        int port = mysql.external() ? mysql.port() : embedded.database().port();
        String user = mysql.external() ? mysql.user() : embedded.database().user();
        String password = mysql.external() ? mysql.password() : embedded.database().password();
        String database = mysql.database();
        if (!database.matches("[A-Za-z0-9_]{1,64}")) {
            throw new DatabaseUnavailableException("MYSQL_DATABASE '" + database + "' is not a plain database name (letters, digits, _).", null);
        }

        createDatabaseIfMissing(host, port, user, password, database);

        HikariDataSource dataSource = new HikariDataSource(poolConfig("suhbat", host, port, database, user, password, !mysql.external(),
                mysql.poolSize()));
        try {
            // before any bean can use the pool: the schema is there for everything that gets it
            SchemaMigrations.apply(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /**
     * The chat's write transactions (a message, an answer) on connections of their own whose
     * autocommit stays off, which saves two round trips per transaction; see {@link TransactionConnections}.
     */
    @Bean(destroyMethod = "close")
    TransactionConnections transactionConnections(HikariDataSource dataSource, SuhbatSettings settings) {
        HikariConfig config = new HikariConfig();
        dataSource.copyStateTo(config);
        config.setPoolName("suhbat-transactions");
        // a new chat's transaction sends its statements in one round trip (JooqChatRepository); every value in them is bound,
        // and only these connections, which run the chat repository's own transactions, take several statements at once
        config.setJdbcUrl(config.getJdbcUrl() + "&allowMultiQueries=true");
        config.setMaximumPoolSize(settings.mysql().chatPoolSize());
        config.setAutoCommit(false);
        return new TransactionConnections(new HikariDataSource(config));
    }

    private static HikariConfig poolConfig(String name, String host, int port, String database, String user, String password,
                                           boolean embedded, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url(host, port, database, embedded));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        // a burst of hundreds of chats queues for a connection rather than failing
        config.setConnectionTimeout(30_000);
        return config;
    }

    /**
     * A training run for the JVM's start-up cache ({@code ./run.sh} on JDK 25+, with
     * {@code -Dspring.context.exit=onRefresh}) ends in {@code Runtime.halt}, which runs no shutdown
     * hook and destroys no bean: the embedded server would outlive the JVM and keep its data folder
     * locked. So in that run it stops cleanly once every bean is built, just before the halt.
     */
    /**
     * jOOQ asks the server for its warnings ({@code SHOW WARNINGS}) after every statement that left one, only to log them at
     * debug level; {@code INSERT IGNORE} into the daily active users leaves "Duplicate entry" for every chat after the user's
     * first of the day, so that was one round trip more on the way to a new chat's first token. Nothing reads the warnings.
     */
    @Bean
    org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer jooqWithoutWarningFetches() {
        return configuration -> configuration.settings().setFetchWarnings(false);
    }

    /** What {@code /actuator/health} checks: the database answers (HealthEndpoint in the web adapter). */
    @Bean
    uz.suhbat.adapter.in.web.HealthEndpoint.Probe databaseHealth(HikariDataSource dataSource) {
        return new DatabaseHealth(dataSource);
    }

    @Bean
    SmartInitializingSingleton stopEmbeddedDatabaseBeforeTrainingHalt(Environment environment, EmbeddedDatabaseHolder embedded,
                                                                      ObjectProvider<HikariDataSource> pools) {
        return () -> {
            if ("onRefresh".equals(environment.getProperty("spring.context.exit")) && embedded.database() != null) {
                log.info("Start-up cache training run: stopping the embedded database before the JVM halts");
                pools.orderedStream().forEach(HikariDataSource::close);
                embedded.close();
            }
        };
    }

    /**
     * Every user message waits for a few round trips to the database before the model is called, so
     * each one should be cheap: the driver keeps the session state (autocommit) itself instead of
     * asking the server, and keeps the parsed form of each statement per connection instead of parsing
     * it again (the settings HikariCP recommends for MySQL); the embedded server, which listens on
     * loopback only, is spoken to without TLS. An external
     * server keeps TLS when it offers it.
     */
    static String url(String host, int port, String database, boolean embedded) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database
                + "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&connectTimeout=5000"
                + (embedded ? "&sslMode=DISABLED" : "&sslMode=PREFERRED")
                + "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&useLocalSessionState=true"
                + "&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048&cacheResultSetMetadata=true&maintainTimeStats=false";
    }

    private static void createDatabaseIfMissing(String host, int port, String user, String password, String database) {
        Properties props = new Properties();
        if (user != null && !user.isBlank()) {
            props.setProperty("user", user);
        }
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("connectTimeout", "5000");
        props.setProperty("allowPublicKeyRetrieval", "true");
        props.setProperty("sslMode", "PREFERRED");
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/", props);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            log.info("Database '{}' on {}:{} is ready", database, host, port);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot use the MySQL server at " + host + ":" + port + " as user '" + user
                    + "': " + firstLine(e.getMessage())
                    + ". Check that the server runs and accepts connections from this machine, and that MYSQL_USER/MYSQL_PASSWORD are right"
                    + " and may create the database '" + database + "'.", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no answer";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Wraps the optional embedded server, since a bean cannot be null. */
    record EmbeddedDatabaseHolder(EmbeddedDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }
    }
}
