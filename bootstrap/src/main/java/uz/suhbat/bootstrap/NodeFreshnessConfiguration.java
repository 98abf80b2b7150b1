package uz.suhbat.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.service.chat.AnswerStarter;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;

/**
 * What every node does on its own, often, so that the others see it within seconds (several nodes on one database):
 * it keeps the claims of the answers it streams alive (a node that dies stops doing so, and its chats take a new answer
 * on another node a few seconds later), and it drops the PDF model indexes it holds whose model another node deleted or
 * read again (within a second).
 */
@Configuration(proxyBeanMethods = false)
class NodeFreshnessConfiguration {

    /** How often a node compares its loaded PDF model indexes with the database's index versions. */
    static final Duration INDEX_CHECK = Duration.ofMillis(500);

    @Bean(initMethod = "start", destroyMethod = "close")
    NodeTimers nodeTimers(AnswerStarter answers, KnowledgeLibrary library) {
        return new NodeTimers(answers, library);
    }

    static final class NodeTimers implements AutoCloseable {

        private static final Logger log = LoggerFactory.getLogger(NodeTimers.class);

        private final AnswerStarter answers;
        private final KnowledgeLibrary library;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "suhbat-node-freshness");
            thread.setDaemon(true);
            return thread;
        });

        NodeTimers(AnswerStarter answers, KnowledgeLibrary library) {
            this.answers = answers;
            this.library = library;
        }

        void start() {
            long claims = AnswerStarter.keepAliveEvery().toMillis();
            timer.scheduleWithFixedDelay(() -> quietly("keeping answer claims alive", answers::keepClaimsAlive), claims, claims,
                    TimeUnit.MILLISECONDS);
            timer.scheduleWithFixedDelay(() -> quietly("checking PDF model indexes", library::dropChanged), INDEX_CHECK.toMillis(),
                    INDEX_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        }

        private static void quietly(String what, java.util.function.IntSupplier task) {
            try {
                task.getAsInt();
            } catch (RuntimeException e) {
                // the database is away for a moment: the next round tries again
                log.debug("{} failed: {}", what, e.getMessage());
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
