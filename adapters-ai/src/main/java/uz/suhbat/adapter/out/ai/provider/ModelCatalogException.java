package uz.suhbat.adapter.out.ai.provider;

import java.util.Objects;
import uz.suhbat.application.port.out.ai.ChatModelPort.FailureKind;

/**
 * Listing a connection's models failed. {@link #kind()} says why, in the chat port's terms
 * (a refused key is {@link FailureKind#AUTHENTICATION}, an unreachable host {@link FailureKind#UNAVAILABLE});
 * the message is short and never contains the key.
 */
public final class ModelCatalogException extends RuntimeException {

    private final FailureKind kind;

    public ModelCatalogException(FailureKind kind, String detail) {
        super(detail, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public FailureKind kind() {
        return kind;
    }
}
