package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.account.SignedInReadPort;
import uz.suhbat.application.port.out.account.SignedInReadPort.SignedIn;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.user.DeviceLogin;

/**
 * The session check's one read of a remembered device's request answers as the user's read and the device's read one after the
 * other, for the user's own device, another user's, an unknown one, none, and no user.
 */
class JooqSignedInReadTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 8, 0);
    private static final MessageLimit CONFIGURED = new MessageLimit(50);

    private final DSLContext db = TestDatabase.emptied();
    private final JooqNewChatRead newChats = new JooqNewChatRead(db, new JooqChatLimitPolicy(db, CONFIGURED));
    private final JooqDeviceLoginRepository devices = new JooqDeviceLoginRepository(db);
    private final SignedInReadPort oneRead = new JooqSignedInRead(db, newChats);
    private final JooqUserRepository users = new JooqUserRepository(db);

    @Test
    void answersAsTheUsersReadAndTheDevicesReadItReplaces() {
        Rows rows = new Rows(db);
        long dilnoza = rows.user("dilnoza", NOW, true, false);
        long blocked = rows.user("blockeddev", NOW, true, true);
        long missing = blocked + 1_000;
        String own = device(dilnoza, "seriesOwn_1");
        String others = device(blocked, "seriesOther2");
        List<String> series = java.util.Arrays.asList(null, own, others, "never-issued");

        for (long user : List.of(dilnoza, blocked, missing)) {
            for (String asked : series) {
                // the two reads it replaces: the user's (or the new chat's), then the device's by its series
                boolean deviceRead = asked == null || devices.findBySeries(asked).filter(d -> d.userId() == user).isPresent();
                assertThat(oneRead.user(user, asked)).as("user %d, series %s", user, asked)
                        .isEqualTo(users.findById(user).map(found -> new SignedIn<>(found, deviceRead)));
                assertThat(oneRead.newChat(user, asked)).as("new chat of %d, series %s", user, asked)
                        .isEqualTo(newChats.newChatOf(user).map(facts -> new SignedIn<>(facts, deviceRead)));
            }
        }
        assertThat(oneRead.user(dilnoza, own)).get().extracting(SignedIn::deviceSignedIn).isEqualTo(true);
        assertThat(oneRead.user(dilnoza, null)).get().extracting(SignedIn::deviceSignedIn).isEqualTo(true);
        assertThat(oneRead.user(dilnoza, others)).as("another user's device").get().extracting(SignedIn::deviceSignedIn).isEqualTo(false);
        assertThat(oneRead.newChat(dilnoza, "never-issued")).get().extracting(SignedIn::deviceSignedIn).isEqualTo(false);
        assertThat(oneRead.newChat(dilnoza, own).orElseThrow().read()).isEqualTo(newChats.newChatOf(dilnoza).orElseThrow());
        assertThat(oneRead.user(blocked, others).orElseThrow().read().blocked()).isTrue();
        assertThat(oneRead.user(missing, own)).isEmpty();
        assertThat(oneRead.newChat(missing, null)).isEmpty();

        // signed out: the device's row is gone
        devices.deleteBySeries(own);
        assertThat(oneRead.user(dilnoza, own)).get().extracting(SignedIn::deviceSignedIn).isEqualTo(false);
        assertThat(oneRead.newChat(dilnoza, own)).get().extracting(SignedIn::deviceSignedIn).isEqualTo(false);
    }

    private String device(long userId, String series) {
        devices.save(DeviceLogin.start(series, userId, "hash-" + series, Instant.parse("2026-11-30T08:00:00Z"), "Firefox"));
        return series;
    }
}
