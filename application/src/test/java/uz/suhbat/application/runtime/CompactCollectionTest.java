package uz.suhbat.application.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CompactCollectionTest {

    @Test
    void collectsAndLeavesTheHeapsFreeShareAsItWas() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String before = hotspot.getVMOption("MaxHeapFreeRatio").getValue();
        long collections = collections();

        CompactCollection.run();

        assertThat(collections()).isGreaterThan(collections);
        assertThat(hotspot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(before);
    }

    /**
     * In a JVM with ./run.sh's collector and heap ratios: after a burst of garbage, a plain {@code System.gc()} leaves up
     * to 30 % of the old generation free and committed, the compact collection only 10 %.
     */
    @Test
    void shrinksTheHeapFurtherThanAPlainCollection() throws Exception {
        List<String> lines = run(Burst.class.getName());
        long plain = Long.parseLong(lines.get(0));
        long compact = Long.parseLong(lines.get(1));
        long used = Long.parseLong(lines.get(2));
        String ratioAfter = lines.get(3);

        assertThat(compact).isLessThan(plain);
        assertThat(compact).isLessThanOrEqualTo((long) (used / 0.9) + 1024 * 1024);
        assertThat(plain).isGreaterThan((long) (used / 0.75));
        assertThat(ratioAfter).isEqualTo("30");
    }

    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    private static List<String> run(String main) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xms16m", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-XX:-ShrinkHeapInSteps", "-cp", System.getProperty("java.class.path"), main)
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    /** Keeps 40 MB, makes 200 MB of garbage beside it, then prints the old generation's committed size after each collection. */
    static final class Burst {

        static volatile Object sink;

        public static void main(String[] args) {
            List<byte[]> kept = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                kept.add(new byte[1024 * 1024]);
            }
            List<byte[]> garbage = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                garbage.add(new byte[1024 * 1024]);
            }
            sink = garbage;
            sink = null;
            garbage = null;
            System.gc();
            long plain = old().getCommitted();
            CompactCollection.run();
            MemoryUsage compact = old();
            System.out.println(plain);
            System.out.println(compact.getCommitted());
            System.out.println(compact.getUsed());
            System.out.println(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("MaxHeapFreeRatio").getValue());
            sink = kept;
        }

        private static MemoryUsage old() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getName().contains("Tenured"))
                    .findFirst().orElseThrow().getUsage();
        }
    }
}
