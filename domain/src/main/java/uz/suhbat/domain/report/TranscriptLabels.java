package uz.suhbat.domain.report;

/** The words a transcript export prints around the messages, already in the reader's language. */
public record TranscriptLabels(String user, String model, String created, String updated, String used,
                               String userRole, String assistantRole, String systemRole) {

    /** The label of a message's role ("user", "assistant", "system"). */
    public String role(String role) {
        return switch (role) {
            case "user" -> userRole;
            case "assistant" -> assistantRole;
            default -> systemRole;
        };
    }
}
