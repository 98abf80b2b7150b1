package uz.suhbat.application.service.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import uz.suhbat.application.port.in.admin.EnsureMainAdminUseCase;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.domain.user.Admin;

public final class MainAdminService implements EnsureMainAdminUseCase {

    // no look-alike characters, so a password read off a terminal can be typed back
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final AdminRepository admins;
    private final PasswordHashingPort hashing;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MainAdminService(AdminRepository admins, PasswordHashingPort hashing, Clock clock) {
        this.admins = admins;
        this.hashing = hashing;
        this.clock = clock;
    }

    @Override
    public Outcome ensureMainAdmin(Command command) {
        Optional<Admin> existing = admins.findMain();
        if (existing.isEmpty()) {
            Optional<String> generated = command.password().isPresent() ? Optional.empty() : Optional.of(generatePassword());
            String password = command.password().or(() -> generated).orElseThrow();
            admins.save(Admin.newMain(command.username(), command.email(), hashing.hash(password), clock.instant()));
            return new Outcome(Change.CREATED, command.username(), generated);
        }
        Admin admin = existing.get();
        Admin wanted = admin.withIdentity(command.username(), command.email());
        if (command.password().isPresent() && !hashing.matches(command.password().get(), admin.passwordHash())) {
            wanted = wanted.withPasswordHash(hashing.hash(command.password().get()));
        }
        if (wanted.equals(admin)) {
            return new Outcome(Change.UNCHANGED, admin.username(), Optional.empty());
        }
        admins.save(wanted);
        return new Outcome(Change.UPDATED, wanted.username(), Optional.empty());
    }

    private String generatePassword() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
