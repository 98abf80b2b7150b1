package uz.suhbat.bootstrap;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What every request pays before its answer starts (docs/benchmarks.md, "Chat streaming from outside").
 * <p>
 * Spring Session JDBC runs each of its reads and writes in a transaction of its own by default: around the one
 * {@code SELECT} of the session and its attributes that every signed-in request makes, and around the one
 * {@code UPDATE} of its last access time, that is {@code SET autocommit=0}, {@code COMMIT} and {@code SET autocommit=1},
 * three round trips more each. Here they run as single autocommitted statements. A session saved for the first time
 * (at sign-in) is one insert of the session and one of its attributes: should the second fail, the session has no
 * signed-in user and the sign-in answers with an error, as it would with the transaction rolled back.
 * <p>
 * The session's last access time is written at most once a minute ({@link SparseLastAccess}), not on every request.
 */
@Configuration(proxyBeanMethods = false)
class StreamingPathConfiguration {

    /**
     * Picked up by name by Spring Session's {@code JdbcHttpSessionConfiguration}; no default candidate, so that nothing
     * else that asks for a {@code TransactionOperations} gets one without transactions.
     */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations() {
        return TransactionOperations.withoutTransaction();
    }

    /** How seldom a session's last access time is written; sessions expire after 30 minutes without a request by default. */
    static final Duration LAST_ACCESS_WRITTEN_EVERY = Duration.ofMinutes(1);

    /**
     * Spring Session's filter on {@link SparseLastAccess} instead of the JDBC repository itself. Not a repository bean of its
     * own: Spring Boot sets the JDBC repository up only while there is none. The filter is made as Spring Session's
     * configuration makes it: the session id from the cookie that Spring Boot's serializer writes
     * ({@code server.servlet.session.cookie.*}).
     */
    @Bean
    static BeanPostProcessor sparseLastAccessSessions(ObjectProvider<JdbcIndexedSessionRepository> sessions,
                                                      ObjectProvider<CookieSerializer> cookies) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepositoryFilter<?>) || !"springSessionRepositoryFilter".equals(name)) {
                    return bean;
                }
                SessionRepositoryFilter<SparseLastAccess.Sparse> filter =
                        new SessionRepositoryFilter<>(new SparseLastAccess(sessions.getObject(), LAST_ACCESS_WRITTEN_EVERY));
                CookieHttpSessionIdResolver ids = new CookieHttpSessionIdResolver();
                ids.setCookieSerializer(cookies.getIfAvailable(DefaultCookieSerializer::new));
                filter.setHttpSessionIdResolver(ids);
                return filter;
            }
        };
    }
}
