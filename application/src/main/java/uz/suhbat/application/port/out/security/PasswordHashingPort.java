package uz.suhbat.application.port.out.security;

/** One-way, salted, slow hashing of passwords. */
public interface PasswordHashingPort {

    String hash(CharSequence rawPassword);

    boolean matches(CharSequence rawPassword, String hash);
}
