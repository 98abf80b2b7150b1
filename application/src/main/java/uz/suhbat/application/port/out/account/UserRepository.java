package uz.suhbat.application.port.out.account;

import java.util.Optional;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/** Where user accounts are kept. Usernames and e-mail addresses are unique without regard to case. */
public interface UserRepository {

    Optional<User> findById(long id);

    /** The users of these ids that exist, in one read (a node's check of all the sessions it streams answers to). */
    default java.util.List<User> findAllById(java.util.Collection<Long> ids) {
        return ids.stream().distinct().map(this::findById).flatMap(Optional::stream).toList();
    }

    Optional<User> findByUsername(Username username);

    Optional<User> findByEmail(EmailAddress email);

    /** True when another account (not {@code exceptId}) has this address as its address or its pending one. */
    boolean emailInUse(EmailAddress email, Long exceptId);

    /**
     * Inserts a user without id or updates one with id, returning it with its id.
     * Throws {@link DuplicateException} when the username or e-mail belongs to another account.
     */
    User save(User user);

    /**
     * Ends every session of the user at once, on every node: raises the session epoch that each
     * request compares (one atomic update). Returns the new epoch, or -1 when there is no such user.
     */
    int endAllSessions(long id);

    /**
     * Stores the language a user chose (a tag of {@link uz.suhbat.domain.user.Language}) and nothing else, so that a
     * choice made at the same time as another change to the account (a block, say) cannot undo it. False for no such user.
     */
    boolean saveLanguage(long id, String language);

    /** Deletes the user with everything that belongs to them (chats, messages, devices, tokens). */
    void delete(long id);

    final class DuplicateException extends RuntimeException {
        private final String field;

        public DuplicateException(String field) {
            super(field + " already in use");
            this.field = field;
        }

        /** "username" or "email" */
        public String field() {
            return field;
        }
    }
}
