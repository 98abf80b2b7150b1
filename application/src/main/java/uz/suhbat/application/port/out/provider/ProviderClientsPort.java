package uz.suhbat.application.port.out.provider;

import java.util.List;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.domain.provider.ConnectionKind;

/**
 * Makes the client of a connection, per kind: the factory through which providers plug in. The AI adapter implements
 * it (an OpenAI-compatible connection reuses the OpenAI client with its own address and key; Anthropic and Gemini
 * have their own clients).
 */
public interface ProviderClientsPort {

    /**
     * A client that answers through the connection; the caller closes it ({@link Client#close}) when the connection
     * changes or is deleted.
     */
    Client open(Endpoint endpoint);

    /**
     * The ids of the models the connection offers, as it lists them now (OpenAI-compatible: {@code GET {base}/models}).
     *
     * @throws ModelListException when the provider cannot be reached or refuses; its message is credential-free
     */
    List<String> listModels(Endpoint endpoint);

    /** Where and how to reach a connection; {@code apiKey} is the key in clear (blank: none). */
    record Endpoint(ConnectionKind kind, String baseUrl, String apiKey) {
        @Override
        public String toString() {
            return "Endpoint[kind=" + kind + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "(none)" : "(set)") + "]";
        }
    }

    /** A connection's chat model, with its threads and HTTP client to release. */
    interface Client extends ChatModelPort, AutoCloseable {
        @Override
        void close();
    }

    /** Listing the models failed; {@code status} is the HTTP status, 0 when none came. */
    final class ModelListException extends RuntimeException {
        private final int status;

        public ModelListException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
