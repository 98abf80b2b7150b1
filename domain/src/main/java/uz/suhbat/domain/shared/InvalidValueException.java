package uz.suhbat.domain.shared;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value that breaks a rule of the domain. {@code field} names the input it came from and
 * {@code problem} what is wrong with it, so the web layer can show a translated sentence next to the field.
 */
public class InvalidValueException extends RuntimeException {

    private final String field;
    private final Problem problem;

    public InvalidValueException(String field, Problem problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public String field() {
        return field;
    }

    public Problem problem() {
        return problem;
    }

    /** Reads a value; when it is invalid, notes the problem under its field (the first one a field has) and gives null. */
    public static <T> T collect(Map<String, Problem> problems, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException invalid) {
            problems.putIfAbsent(invalid.field(), invalid.problem());
            return null;
        }
    }
}
