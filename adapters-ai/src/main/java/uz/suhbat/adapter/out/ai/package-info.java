/**
 * The AI adapter: the model behind a chat (langchain4j's OpenAI client; Anthropic and Gemini in
 * {@code .provider}), PDF text extraction and single cited pages (PDFBox), chat transcripts as PDF,
 * and in-process embeddings. Implements application out-ports only; may depend on application,
 * langchain4j, PDFBox and Spring's context. {@link uz.suhbat.adapter.out.ai.AiConfiguration} is its
 * entry point for Spring; the providers of {@code .provider} are public so that a connection
 * configured at run time can create one, and {@link uz.suhbat.adapter.out.ai.UpstreamStreams} and
 * {@link uz.suhbat.adapter.out.ai.UpstreamFailure} are public for them.
 */
package uz.suhbat.adapter.out.ai;
