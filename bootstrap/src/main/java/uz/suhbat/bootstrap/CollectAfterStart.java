package uz.suhbat.bootstrap;

import java.time.Duration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import uz.suhbat.application.runtime.CompactCollection;

/**
 * One full collection a few seconds after the application is ready. Start-up leaves the heap full of what only
 * starting needed (bean definitions' parsing, configuration classes, Flyway's and the condition report's objects):
 * with the serial collector of ./run.sh they are promoted and stay committed until the old generation fills, which an
 * idle server never does. Collected once, the heap shrinks to what is in use plus the smallest free ratio of
 * {@code .mvn/jvm-options.sh} ({@link CompactCollection}; about 20 MB resident less, docs/benchmarks.md, "Session 7:
 * memory", and 12 MB more with the smallest ratio, "Session 8: memory"). The pause is a
 * few tens of milliseconds, on a server that has just started, on a thread of its own.
 */
@Component
class CollectAfterStart implements ApplicationListener<ApplicationReadyEvent> {

    static final Duration DELAY = Duration.ofSeconds(5);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread.ofPlatform().daemon().name("collect-after-start").start(() -> {
            try {
                Thread.sleep(DELAY);
                CompactCollection.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
