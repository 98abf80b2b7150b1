/**
 * Model providers beside OpenAI-compatible endpoints: Anthropic's Messages API and Google's Gemini
 * API, each through langchain4j's own module for it, streamed with the same client, retries and
 * cancellation as the OpenAI adapter ({@link uz.suhbat.adapter.out.ai.UpstreamStreams}). Each
 * provider is constructed from a {@link uz.suhbat.adapter.out.ai.provider.ProviderSettings}, so a
 * connection configured at run time can create one, and lists its models
 * ({@link uz.suhbat.adapter.out.ai.provider.ModelCatalog}).
 */
package uz.suhbat.adapter.out.ai.provider;
