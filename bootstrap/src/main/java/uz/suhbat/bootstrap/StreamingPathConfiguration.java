package uz.suhbat.bootstrap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
}
