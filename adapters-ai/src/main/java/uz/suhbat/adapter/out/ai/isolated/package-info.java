/**
 * The in-process embedding runtime (ONNX Runtime, langchain4j's ONNX embedding classes, DJL's Hugging Face tokenizer)
 * in a class loader of its own, so that releasing it when idle gives back its classes, their compiled code and its
 * native libraries too: {@link uz.suhbat.adapter.out.ai.isolated.EmbeddingRuntime} is what the rest of the adapter
 * sees (loaded by the application's class loader, only JDK types in its methods);
 * {@link uz.suhbat.adapter.out.ai.isolated.RuntimeClassLoader} loads the runtime's packages and
 * {@link uz.suhbat.adapter.out.ai.isolated.OnnxModelRuntime} itself child-first, everything else from the application.
 * No class outside {@code OnnxModelRuntime} may name a class of those libraries: the application's loader would load
 * it, and with it the native libraries, for good.
 */
package uz.suhbat.adapter.out.ai.isolated;
