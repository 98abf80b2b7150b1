package uz.suhbat.application.port.in.admin;

import uz.suhbat.domain.shared.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The main admin adds and removes other admins; the main admin itself cannot be removed.
 * {@code actingAdminId} is the signed-in admin: only the main admin may change the list.
 */
public interface ManageAdminsUseCase {

    List<AdminView> admins();

    /** Empty when added; otherwise field name to message key ("username", "email", "password", "admin"). */
    Map<String, Problem> add(long actingAdminId, String username, String email, String password);

    /** Empty when removed; otherwise "admin" to the message key of the refusal. */
    Map<String, Problem> remove(long actingAdminId, long adminId);

    record AdminView(long id, String username, String email, Instant createdAt, boolean main) {
    }
}
