package uz.suhbat.adapter.out.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the embedding runtime (ONNX Runtime with all-MiniLM-L6-v2) costs the process in resident memory, what
 * releasing it gives back, and what the first question after a release pays to load it again, against a question
 * embedded while it is loaded. Prints, asserts nothing; bench/embedding-memory.sh (docs/benchmarks.md, "Memory").
 */
@Tag("benchmark")
class EmbeddingRuntimeMemoryBenchmark {

    private static final String QUESTION = "Oʻzbekistonning poytaxti qaysi shahar?";

    @Test
    void residentMemoryWithTheRuntimeLoadedReleasedAndLoadedAgain() throws Exception {
        // -Dembedding.session=default: ONNX Runtime's default session options instead of MiniLmEmbeddings.LEAN_SESSION's
        boolean lean = !"default".equals(System.getProperty("embedding.session"));
        try (MiniLmEmbeddings embeddings = new MiniLmEmbeddings(2, Duration.ofMillis(500), lean)) {
            settle();
            long before = rssKb();
            long start = System.nanoTime();
            embeddings.embed(QUESTION);
            double firstLoad = (System.nanoTime() - start) / 1e6;
            double[] warm = new double[21];
            for (int i = 0; i < warm.length; i++) {
                long t = System.nanoTime();
                embeddings.embed(QUESTION + " " + i);
                warm[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(warm);
            settle();
            long loaded = rssKb();
            while (embeddings.loaded()) {
                Thread.sleep(100);
            }
            settle();
            long released = rssKb();
            trimNativeHeap();
            long trimmed = rssKb();
            start = System.nanoTime();
            embeddings.embed(QUESTION);
            double reload = (System.nanoTime() - start) / 1e6;
            settle();
            long again = rssKb();
            System.out.printf("%nEmbedding runtime (all-MiniLM-L6-v2 on ONNX Runtime, %s session options), resident memory of this JVM:%n",
                    lean ? "lean" : "default");
            System.out.printf("  before loading %d MB; loaded %d MB (+%d MB); released %d MB (%d MB given back); loaded again %d MB%n",
                    before / 1024, loaded / 1024, (loaded - before) / 1024, released / 1024, (loaded - released) / 1024, again / 1024);
            System.out.printf("  released, then the C allocator trimmed (malloc_trim, jcmd System.trim_native_heap): %d MB (%d MB given back)%n",
                    trimmed / 1024, (loaded - trimmed) / 1024);
            System.out.printf("  question embedded: first load %.0f ms; loaded, median of %d %.1f ms; first after a release %.0f ms (%.0f times the median)%n",
                    firstLoad, warm.length, warm[warm.length / 2], reload, reload / warm[warm.length / 2]);
        }
    }

    /** A full collection, so that the heap the loading used is given back as it would be on an idle server. */
    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    /** What {@code jcmd <pid> System.trim_native_heap} does: glibc's malloc_trim, free pages of every arena back to the system. */
    private static void trimNativeHeap() throws Exception {
        java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Thread.sleep(200);
    }

    private static long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
    }
}
