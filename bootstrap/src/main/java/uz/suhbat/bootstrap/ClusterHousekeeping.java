package uz.suhbat.bootstrap;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clean-up that one node of several does, once per period: expired sessions, throttle counters
 * and remembered devices. Every node wakes up about once a period; the node whose conditional
 * {@code UPDATE cluster_job SET next_run = … WHERE next_run <= now} changes the row runs the tasks,
 * the others see zero rows changed and go back to sleep. No lock is held while the tasks run, and a
 * node that dies mid-way only delays the next run by one period.
 */
final class ClusterHousekeeping implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterHousekeeping.class);
    static final String JOB = "housekeeping";

    private final DSLContext db;
    private final Clock clock;
    private final Duration period;
    private final List<Task> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final String node;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "suhbat-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    /** One clean-up step; a failure of one does not keep the others from running. */
    interface Task {
        String name();

        int run();
    }

    ClusterHousekeeping(DSLContext db, Clock clock, Duration period) {
        this.db = db;
        this.clock = clock;
        this.period = period;
        this.node = ManagementFactory.getRuntimeMXBean().getName();
    }

    ClusterHousekeeping add(String name, java.util.function.IntSupplier task) {
        tasks.add(new Task() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int run() {
                return task.getAsInt();
            }
        });
        return this;
    }

    void start() {
        long periodMillis = period.toMillis();
        // a random first delay spreads the nodes' wake-ups
        timer.scheduleWithFixedDelay(this::tick, ThreadLocalRandom.current().nextLong(periodMillis / 4, periodMillis),
                periodMillis, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            if (claim()) {
                runTasks();
            }
        } catch (RuntimeException e) {
            log.warn("Housekeeping failed: {}", e.getMessage());
        }
    }

    /** True when this node won the period's run. */
    boolean claim() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return db.update(DSL.table(DSL.name("cluster_job")))
                .set(DSL.field(DSL.name("next_run"), LocalDateTime.class), now.plus(period).minusSeconds(1))
                .set(DSL.field(DSL.name("ran_by"), String.class), node)
                .where(DSL.field(DSL.name("name"), String.class).eq(JOB))
                .and(DSL.field(DSL.name("next_run"), LocalDateTime.class).le(now))
                .execute() == 1;
    }

    void runTasks() {
        for (Task task : tasks) {
            try {
                int removed = task.run();
                if (removed > 0) {
                    log.debug("Housekeeping {}: {} removed", task.name(), removed);
                }
            } catch (RuntimeException e) {
                log.warn("Housekeeping {} failed: {}", task.name(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
