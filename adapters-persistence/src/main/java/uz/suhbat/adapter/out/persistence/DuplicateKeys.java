package uz.suhbat.adapter.out.persistence;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Recognises a unique key refusing a row, whatever wrapped the driver's error on the way up: jOOQ's
 * {@code IntegrityConstraintViolationException}, or Spring's {@code DuplicateKeyException} when Spring Boot's
 * exception translator is installed on the {@code DSLContext} (it is, in the running application).
 */
final class DuplicateKeys {

    /** MySQL and MariaDB: ER_DUP_ENTRY. */
    private static final int DUPLICATE_ENTRY = 1062;

    private DuplicateKeys() {
    }

    /** The driver's message (which names the key) when {@code failure} is a duplicate key, empty otherwise. */
    static Optional<String> message(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == DUPLICATE_ENTRY
                    || (sql.getSQLState() != null && sql.getSQLState().startsWith("23") && String.valueOf(sql.getMessage()).contains("Duplicate")))) {
                return Optional.of(String.valueOf(sql.getMessage()));
            }
        }
        return Optional.empty();
    }
}
