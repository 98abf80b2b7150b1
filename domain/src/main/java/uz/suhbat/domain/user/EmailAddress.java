package uz.suhbat.domain.user;

import java.util.Locale;
import java.util.regex.Pattern;
import uz.suhbat.domain.shared.InvalidValueException;

/** An e-mail address, kept in lower case so that one mailbox is one account. */
public record EmailAddress(String value) {

    // deliberately simple: one @, a dot in the domain, no spaces; the verification mail is the real test
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");

    public EmailAddress {
        if (value == null) {
            throw new InvalidValueException("email", "validation.email.invalid");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("email", "validation.email.invalid");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
