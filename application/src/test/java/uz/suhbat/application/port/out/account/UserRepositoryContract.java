package uz.suhbat.application.port.out.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/** What every {@link UserRepository} must do; run against the fake and the jOOQ adapter. */
public abstract class UserRepositoryContract {

    protected static final Instant NOW = Instant.parse("2026-11-26T08:00:00.250Z");

    protected abstract UserRepository emptyRepository();

    private static User newUser(String name) {
        return User.register(new Username(name), new EmailAddress(name + "@example.uz"), "hash-" + name, NOW, "uz");
    }

    @Test
    void savesFindsAndUpdates() {
        UserRepository users = emptyRepository();
        User saved = users.save(newUser("Alisher"));

        assertThat(saved.id()).isNotNull();
        assertThat(users.findById(saved.id())).contains(saved);
        assertThat(users.findByUsername(new Username("alisher"))).contains(saved);
        assertThat(users.findByEmail(new EmailAddress("ALISHER@example.uz"))).contains(saved);

        User changed = users.save(saved.requestEmail(new EmailAddress("new@example.uz")).block("reason").unblock().endAllSessions());
        assertThat(users.findById(saved.id())).contains(changed);
        assertThat(changed.pendingEmail()).isEqualTo(new EmailAddress("new@example.uz"));
        assertThat(changed.sessionEpoch()).isEqualTo(saved.sessionEpoch() + 2);
    }

    @Test
    void findsSeveralByIdInOneRead() {
        UserRepository users = emptyRepository();
        User one = users.save(newUser("Bobur"));
        User two = users.save(newUser("Dilnoza"));
        users.save(newUser("Gulnora"));

        assertThat(users.findAllById(java.util.List.of(one.id(), two.id(), two.id(), 987_654L))).containsExactlyInAnyOrder(one, two);
        assertThat(users.findAllById(java.util.List.of())).isEmpty();
    }

    @Test
    void endsAllSessionsOfOneUserByRaisingTheEpoch() {
        UserRepository users = emptyRepository();
        User one = users.save(newUser("epoch1"));
        User other = users.save(newUser("epoch2"));

        assertThat(users.endAllSessions(one.id())).isEqualTo(one.sessionEpoch() + 1);
        assertThat(users.endAllSessions(one.id())).isEqualTo(one.sessionEpoch() + 2);
        assertThat(users.findById(one.id()).orElseThrow().sessionEpoch()).isEqualTo(one.sessionEpoch() + 2);
        assertThat(users.findById(other.id()).orElseThrow().sessionEpoch()).isEqualTo(other.sessionEpoch());
        assertThat(users.endAllSessions(-42)).isEqualTo(-1);
    }

    @Test
    void keepsTheChosenLanguageAloneWithoutTouchingTheRest() {
        UserRepository users = emptyRepository();
        User saved = users.save(newUser("Zarina"));
        User blocked = users.save(saved.block("spam"));

        assertThat(users.saveLanguage(saved.id(), "uz-Cyrl")).isTrue();

        User found = users.findById(saved.id()).orElseThrow();
        assertThat(found.language()).isEqualTo("uz-Cyrl");
        assertThat(found.blocked()).isTrue();
        assertThat(found.sessionEpoch()).isEqualTo(blocked.sessionEpoch());
        assertThat(users.saveLanguage(saved.id() + 1000, "ru")).isFalse();
    }

    @Test
    void refusesDuplicatesWithoutRegardToCase() {
        UserRepository users = emptyRepository();
        users.save(newUser("bobur"));

        assertThatThrownBy(() -> users.save(User.register(new Username("BOBUR"), new EmailAddress("x@example.uz"), "h", NOW, "uz")))
                .isInstanceOfSatisfying(UserRepository.DuplicateException.class, e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> users.save(User.register(new Username("other"), new EmailAddress("Bobur@Example.uz"), "h", NOW, "uz")))
                .isInstanceOfSatisfying(UserRepository.DuplicateException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void knowsWhichAddressesAreInUseIncludingPendingOnes() {
        UserRepository users = emptyRepository();
        User first = users.save(newUser("first"));
        users.save(first.requestEmail(new EmailAddress("wanted@example.uz")));

        assertThat(users.emailInUse(new EmailAddress("first@example.uz"), null)).isTrue();
        assertThat(users.emailInUse(new EmailAddress("wanted@example.uz"), null)).isTrue();
        assertThat(users.emailInUse(new EmailAddress("wanted@example.uz"), first.id())).isFalse();
        assertThat(users.emailInUse(new EmailAddress("free@example.uz"), null)).isFalse();
    }

    @Test
    void deletes() {
        UserRepository users = emptyRepository();
        User saved = users.save(newUser("gone"));

        users.delete(saved.id());

        assertThat(users.findById(saved.id())).isEmpty();
    }
}
