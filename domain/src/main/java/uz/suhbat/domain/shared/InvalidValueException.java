package uz.suhbat.domain.shared;

/**
 * A value that breaks a rule of the domain. {@code field} names the input it came from and
 * {@code code} is a message key, so the web layer can show a translated sentence next to the field.
 */
public class InvalidValueException extends RuntimeException {

    private final String field;
    private final String code;

    public InvalidValueException(String field, String code) {
        super(field + ": " + code);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
