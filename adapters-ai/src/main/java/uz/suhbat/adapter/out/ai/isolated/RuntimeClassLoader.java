package uz.suhbat.adapter.out.ai.isolated;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The class loader of the embedding runtime: ONNX Runtime ({@code ai.onnxruntime}), DJL and its Hugging Face tokenizer
 * ({@code ai.djl}, with Gson), langchain4j's ONNX embedding classes ({@code dev.langchain4j.model.embedding.onnx}) and
 * {@link OnnxModelRuntime} are loaded here first, from the same jars (or class folders) the application's class loader
 * has them in; everything else (the JDK, langchain4j's core types, SLF4J) comes from the application's loader. The jars
 * are found from where the application's loader finds one class file of each (a plain class path, an extracted
 * Spring Boot jar, or its nested {@code BOOT-INF/lib} jars alike), without loading those classes there.
 *
 * <p>One loader is shared by every runtime open at the same time (a native library can be loaded by one live loader
 * only); when the last one is closed the loader is dropped, and once a collection finds it unreachable the JDK unloads
 * its classes, their compiled code and its native libraries (ONNX Runtime's, extracted to a new temporary folder at
 * each load, and the tokenizer's, from DJL's cache folder). A runtime opened before that collection came uses the old
 * loader again rather than load the tokenizer's library a second time; one opened after the collection but before the
 * JDK's cleaner unloaded the old library waits for it.
 */
public final class RuntimeClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
        // DJL asks AWS's instance metadata address and its telemetry host once a day per loaded copy of its classes
        // (Ec2Utils.callHome, at the tokenizer's first load): never from here, unless the operator asked for it
        if (System.getProperty("OPT_OUT_TRACKING") == null && System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private static final String IMPLEMENTATION = "uz.suhbat.adapter.out.ai.isolated.OnnxModelRuntime";
    /** Loaded here, not by the application's loader (a class name or a package's prefix). */
    private static final List<String> OWN = List.of("ai.onnxruntime.", "ai.djl.", "com.google.gson.",
            "dev.langchain4j.model.embedding.onnx.", IMPLEMENTATION);
    /**
     * Not given to the runtime at all: JNA, which DJL uses only to look for CUDA's library (absent, it takes the CPU, as
     * without JNA). Loaded by the application's loader, JNA would keep DJL's interface class in a static map for good
     * (and so this loader); loaded here, its cleaner thread would keep this loader for half a minute after each use.
     */
    private static final List<String> HIDDEN = List.of("com.sun.jna.");
    /** One class file of each jar (or class folder) the runtime is loaded from. */
    private static final List<String> JARS = List.of("ai/onnxruntime/OrtEnvironment.class", "ai/djl/util/Utils.class",
            "ai/djl/huggingface/tokenizers/HuggingFaceTokenizer.class", "com/google/gson/Gson.class",
            "dev/langchain4j/model/embedding/onnx/OnnxBertBiEncoder.class",
            "dev/langchain4j/model/embedding/onnx/allminilml6v2/AllMiniLmL6V2EmbeddingModel.class",
            IMPLEMENTATION.replace('.', '/') + ".class");
    /** Its environment registers a shutdown hook, which would keep this loader for good: defined without it. */
    private static final String WITHOUT_HOOK = "ai.onnxruntime.OrtEnvironment";
    /** How long a load waits for the JDK to unload the previous loader's native library before it gives up. */
    private static final long UNLOAD_WAIT_MILLIS = 10_000;

    private static final Object LOCK = new Object();
    private static RuntimeClassLoader live;
    private static int users;
    private static WeakReference<RuntimeClassLoader> previous = new WeakReference<>(null);
    private static int created;

    private RuntimeClassLoader(ClassLoader parent) {
        super("embedding-runtime", jars(parent), parent);
    }

    /**
     * Loads a model ({@link OnnxModelRuntime}'s {@code spec}) whose texts of one call are embedded on {@code executor};
     * closing what is returned frees the model, and the last one closed drops the loader.
     */
    public static Opened open(Map<String, String> spec, ExecutorService executor) {
        synchronized (LOCK) {
            long deadline = System.nanoTime() + UNLOAD_WAIT_MILLIS * 1_000_000;
            while (true) {
                RuntimeClassLoader loader = live != null ? live : previous.get();
                boolean fresh = loader == null;
                if (fresh) {
                    OnnxRuntimeLibraries.extractOnce();
                    loader = new RuntimeClassLoader(RuntimeClassLoader.class.getClassLoader());
                    created++;
                }
                try {
                    EmbeddingRuntime runtime = loader.instantiate(spec, executor);
                    live = loader;
                    users++;
                    previous = new WeakReference<>(loader);
                    return new Opened(runtime, loader);
                } catch (LinkageError | RuntimeException e) {
                    if (!fresh || !alreadyLoadedElsewhere(e) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    // the previous loader was collected, but the JDK's cleaner has not unloaded its library yet
                    sleep();
                }
            }
        }
    }

    /** How many loaders were made since the process started (a test's and the benchmark's figure). */
    public static int created() {
        synchronized (LOCK) {
            return created;
        }
    }

    /**
     * Made through reflection; the thread's context class loader stays the application's, so that no thread started
     * meanwhile (the JNA cleaner DJL's CUDA probe starts, the JDK's process reaper) keeps this loader as its own.
     */
    private EmbeddingRuntime instantiate(Map<String, String> spec, ExecutorService executor) {
        try {
            return (EmbeddingRuntime) Class.forName(IMPLEMENTATION, true, this)
                    .getConstructor(Map.class, ExecutorService.class).newInstance(Map.copyOf(spec), executor);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the embedding runtime could not be loaded", e);
        }
    }

    private static void release(RuntimeClassLoader loader) {
        synchronized (LOCK) {
            if (loader == live && --users == 0) {
                live = null;
            }
        }
    }

    private static boolean alreadyLoadedElsewhere(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("already loaded in another classloader")) {
                return true;
            }
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the embedding runtime's previous native library was unloaded", e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : HIDDEN) {
            if (name.startsWith(prefix)) {
                throw new ClassNotFoundException(name + " is not given to the embedding runtime");
            }
        }
        if (!own(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!name.equals(WITHOUT_HOOK)) {
            return super.findClass(name);
        }
        String path = name.replace('.', '/') + ".class";
        URL url = findResource(path);
        if (url == null) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = WithoutShutdownHooks.patch(in.readAllBytes());
            CodeSource source = new CodeSource(jar(url, path), (CodeSigner[]) null);
            return defineClass(name, bytes, 0, bytes.length, new ProtectionDomain(source, null, this, null));
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private static boolean own(String name) {
        for (String prefix : OWN) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static URL[] jars(ClassLoader parent) {
        Set<URL> urls = new LinkedHashSet<>();
        for (String path : JARS) {
            URL url = parent.getResource(path);
            if (url == null) {
                throw new IllegalStateException(path + " is missing from the class path: the embedding runtime cannot be loaded");
            }
            urls.add(jar(url, path));
        }
        return new ArrayList<>(urls).toArray(URL[]::new);
    }

    /** The jar or folder a class file's URL is in: {@code jar:…!/} for a jar (nested ones too), the folder for a class folder. */
    private static URL jar(URL resource, String path) {
        String text = resource.toString();
        if (!text.endsWith(path)) {
            throw new IllegalStateException("unexpected location of " + path + ": " + text);
        }
        String root = text.substring(0, text.length() - path.length());
        try {
            if (root.startsWith("jar:") && root.endsWith("!/") && !root.substring(4, root.length() - 2).contains("!/")
                    && root.startsWith("jar:file:")) {
                // a plain jar file: URLClassLoader opens it directly, faster than through jar: URLs
                return URI.create(root.substring(4, root.length() - 2)).toURL();
            }
            return URI.create(root).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("unexpected location of " + path + ": " + text, e);
        }
    }

    /** An open runtime; closing it frees the model and, if it is the last one open, lets the loader go. */
    public static final class Opened implements EmbeddingRuntime {

        private EmbeddingRuntime runtime;
        private RuntimeClassLoader loader;

        private Opened(EmbeddingRuntime runtime, RuntimeClassLoader loader) {
            this.runtime = runtime;
            this.loader = loader;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return runtime.embedAll(texts);
        }

        /** The loader it was loaded by (a test's way to see it collected, through a weak reference). */
        public ClassLoader loader() {
            return loader;
        }

        @Override
        public synchronized void close() {
            if (runtime == null) {
                return;
            }
            try {
                runtime.close();
            } finally {
                release(loader);
                runtime = null;
                loader = null;
            }
        }
    }

}
