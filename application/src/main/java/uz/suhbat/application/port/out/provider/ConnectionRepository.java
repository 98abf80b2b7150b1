package uz.suhbat.application.port.out.provider;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.provider.Connection;
import uz.suhbat.domain.provider.ConnectionKind;
import uz.suhbat.domain.provider.ConnectionModel;

/** The connections to model providers and their chosen models, shared by every node. */
public interface ConnectionRepository {

    /** Every connection with its chosen models, in the order they were added. */
    List<Connection> all();

    Optional<Connection> find(long id);

    /** @return the new connection's id */
    long create(String name, ConnectionKind kind, String baseUrl, String sealedKey, String keyHint, Instant now);

    /**
     * Changes name and address, and the key when {@code key} is given (a {@link KeyChange}); raises the version.
     *
     * @return false when there is no such connection
     */
    boolean update(long id, String name, String baseUrl, Optional<KeyChange> key);

    /** Turns the connection on or off; raises the version. */
    boolean setEnabled(long id, boolean enabled);

    /** Deletes the connection and its chosen models. */
    boolean delete(long id);

    /** Replaces the chosen models of the connection with {@code models}, in one transaction; raises the version. */
    boolean replaceModels(long id, List<ConnectionModel> models);

    /** A new sealed key (both null: the key is removed). */
    record KeyChange(String sealedKey, String keyHint) {
    }
}
