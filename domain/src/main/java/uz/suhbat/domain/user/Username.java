package uz.suhbat.domain.user;

import java.util.regex.Pattern;
import uz.suhbat.domain.shared.Problem;
import uz.suhbat.domain.shared.InvalidValueException;

/** A login name: 3 to 32 letters, digits, dots, dashes or underscores; compared without case. */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}._-]{3,32}");

    public Username {
        if (value == null || !ALLOWED.matcher(value.strip()).matches()) {
            throw new InvalidValueException("username", Problem.USERNAME_INVALID);
        }
        value = value.strip();
    }

    public boolean sameAs(Username other) {
        return other != null && value.equalsIgnoreCase(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
