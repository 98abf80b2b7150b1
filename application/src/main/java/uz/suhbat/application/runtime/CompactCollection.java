package uz.suhbat.application.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A full collection that leaves the heap at what is in use plus the smallest free share the JVM allows
 * ({@code MinHeapFreeRatio}, 10 % with ./run.sh's options), for the moments a server goes idle after work that grew
 * its heap: start-up, a document read, the embedding runtime released. A plain {@code System.gc()} shrinks the heap
 * only to {@code MaxHeapFreeRatio} (30 %), and the pages between the two were touched before, so they stay resident.
 * {@code MaxHeapFreeRatio} is a manageable flag: it is lowered to {@code MinHeapFreeRatio} for this one collection and
 * set back at once, so the heap's sizing under load (every later collection) is what ./run.sh's options say; the heap
 * grows again as soon as it needs to (docs/benchmarks.md, "Session 8: memory": about 12 MB less at idle).
 */
public final class CompactCollection {

    private static final Logger log = Logger.getLogger(CompactCollection.class.getName());
    private static final String MAX = "MaxHeapFreeRatio";
    private static final String MIN = "MinHeapFreeRatio";

    private CompactCollection() {
    }

    /** Collects the whole heap with the free share at its minimum; a JVM without the flags collects as {@code System.gc()} does. */
    public static synchronized void run() {
        HotSpotDiagnosticMXBean hotspot = null;
        String max = null;
        try {
            hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            VMOption current = hotspot.getVMOption(MAX);
            String min = hotspot.getVMOption(MIN).getValue();
            if (current.isWriteable() && Integer.parseInt(min) < Integer.parseInt(current.getValue())) {
                hotspot.setVMOption(MAX, min);
                max = current.getValue();
            }
        } catch (RuntimeException | LinkageError e) {
            log.log(Level.FINE, "The heap's free share cannot be lowered for a collection here: " + e);
        }
        try {
            System.gc();
        } finally {
            if (max != null) {
                hotspot.setVMOption(MAX, max);
            }
        }
    }
}
