package uz.suhbat.domain.provider;

/** The protocol a connection speaks. */
public enum ConnectionKind {
    /** OpenAI's chat-completions API: OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio, ... */
    OPENAI_COMPATIBLE,
    /** Anthropic's Messages API */
    ANTHROPIC,
    /** Google's Gemini API */
    GEMINI;

    /** The address a new connection of this kind starts with. */
    public String defaultBaseUrl() {
        return switch (this) {
            case OPENAI_COMPATIBLE -> "https://api.openai.com/v1";
            case ANTHROPIC -> "https://api.anthropic.com/v1";
            case GEMINI -> "https://generativelanguage.googleapis.com/v1beta";
        };
    }

    /** The kind named {@code raw} (any case), or an {@link uz.suhbat.domain.shared.InvalidValueException}. */
    public static ConnectionKind parse(String raw) {
        for (ConnectionKind kind : values()) {
            if (kind.name().equalsIgnoreCase(raw == null ? "" : raw.strip())) {
                return kind;
            }
        }
        throw new uz.suhbat.domain.shared.InvalidValueException("kind", uz.suhbat.domain.shared.Problem.CONNECTION_KIND);
    }
}
