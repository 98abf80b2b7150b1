package uz.suhbat.adapter.out.mail;

/** SMTP settings; an empty host means mail goes to the log. */
public record MailSettings(String host, int port, String username, String password, String from) {

    public boolean smtp() {
        return host != null && !host.isBlank();
    }
}
