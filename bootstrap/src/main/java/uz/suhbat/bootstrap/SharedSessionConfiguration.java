package uz.suhbat.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;
import uz.suhbat.application.port.out.chat.AnswerStopRepository;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.application.service.knowledge.KnowledgeModelService;
import uz.suhbat.domain.user.DeviceLogin;

/**
 * Sessions in MySQL (Spring Session JDBC, set up by Spring Boot from {@code spring.session.jdbc.*}),
 * and the clean-up that one node does for all.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessionConfiguration {

    /** Spring Session's repository without the XML parser it would load at every start ({@link SessionRepositoryWithoutXml}). */
    @Bean
    static BeanFactoryPostProcessor sessionRepositoryWithoutXml() {
        return new SessionRepositoryWithoutXml();
    }

    /**
     * Session attributes written with {@code INSERT … ON DUPLICATE KEY UPDATE}: two requests of one
     * session at once (a page and its API calls, on two nodes) may both add the same attribute.
     */
    @Bean
    MySqlJdbcIndexedSessionRepositoryCustomizer mySqlSessionQueries() {
        return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ClusterHousekeeping clusterHousekeeping(DSLContext db, Clock clock, JdbcIndexedSessionRepository sessions,
                                            ThrottleRepository throttles, AnswerStopRepository stops,
                                            KnowledgeModelService knowledge) {
        return new ClusterHousekeeping(db, clock, Duration.ofMinutes(1))
                .add("expired sessions", () -> {
                    sessions.cleanUpExpiredSessions();
                    return 0;
                })
                .add("spent throttle counters", () -> throttles.deleteForgettable(clock.instant()))
                .add("PDF readings whose node stopped", knowledge::failStaleReadings)
                .add("old stop requests", () -> stops.deleteOlderThan(clock.instant().minus(Duration.ofHours(1))))
                .add("expired devices", () -> db.deleteFrom(DSL.table(DSL.name("device_login")))
                        .where(DSL.field(DSL.name("last_used"), LocalDateTime.class)
                                .lt(utc(clock.instant().minus(DeviceLogin.IDLE_LIMIT))))
                        .execute())
                .add("expired mail tokens", () -> db.deleteFrom(DSL.table(DSL.name("user_token")))
                        .where(DSL.field(DSL.name("expires"), LocalDateTime.class).lt(utc(clock.instant())))
                        .execute());
    }

    private static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
