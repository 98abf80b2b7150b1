package uz.suhbat.domain.user;

import java.util.Locale;
import uz.suhbat.domain.shared.Problem;
import java.util.regex.Pattern;
import uz.suhbat.domain.shared.InvalidValueException;

/**
 * An e-mail address, kept in lower case so that one mailbox is one account. Only a bare
 * {@code local@domain} is an address here: no display name ({@code name <x@y>}), no comment, no
 * quoted local part, no list, so that the address mail goes to is exactly the address stored.
 */
public record EmailAddress(String value) {

    // local part: RFC 5322 dot-atom (ASCII atext separated by single dots); domain: LDH labels
    // (letters of any script for internationalised names), a dot, a top-level label of 2+ letters.
    // The verification mail is the real test; this only makes sure the address is one mailbox.
    private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
    private static final Pattern SHAPE = Pattern.compile(
            "(?=[^@]{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+\\p{L}{2,63}");

    public EmailAddress {
        if (value == null) {
            throw new InvalidValueException("email", Problem.EMAIL_INVALID);
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("email", Problem.EMAIL_INVALID);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
