package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.suhbat.adapter.out.persistence.schema.Tables.SETTING;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.chat.NewChatReadPort;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.user.CustomInstructions;

/** The one read of a new chat's author answers as the three separate reads it replaces, in every case they tell apart. */
class JooqNewChatReadTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 8, 0);
    private static final MessageLimit CONFIGURED = new MessageLimit(50);

    private final DSLContext db = TestDatabase.emptied();
    private final JooqChatLimitPolicy limits = new JooqChatLimitPolicy(db, CONFIGURED);
    private final JooqDailyQuotas quotas = new JooqDailyQuotas(db);
    private final JooqPreferenceRepository preferences = new JooqPreferenceRepository(db);
    private final JooqLimitSettingsRepository settings = new JooqLimitSettingsRepository(db);
    private final NewChatReadPort oneRead = new JooqNewChatRead(db, limits);
    private final NewChatReadPort threeReads = NewChatReadPort.separately(limits, quotas, preferences);

    @Test
    void answersAsTheThreeReadsItReplaces() {
        Rows rows = new Rows(db);
        long plain = rows.user("plain", NOW, true, false);
        long own = rows.user("own", NOW, true, false);
        long instructed = rows.user("instructed", NOW, true, false);
        long paused = rows.user("paused", NOW, true, false);
        long blocked = rows.user("blocked", NOW, true, true);
        settings.saveUserChatLimit(own, new MessageLimit(9));
        settings.saveUserDailyQuota(own, new DailyQuota(3));
        preferences.saveInstructions(instructed, new CustomInstructions("I teach maths", "Briefly", true));
        preferences.saveInstructions(paused, new CustomInstructions("I teach maths", "", false));
        preferences.saveUserTheme(plain, uz.suhbat.domain.user.Theme.DEFAULT); // a preference row without instructions
        List<Long> users = List.of(plain, own, instructed, paused, blocked, blocked + 1_000);

        sameAnswers(users);
        assertThat(oneRead.newChatOf(blocked + 1_000)).isEmpty();
        assertThat(oneRead.newChatOf(own).orElseThrow().author().limitForNewChat()).isEqualTo(new MessageLimit(9));
        assertThat(oneRead.newChatOf(own).orElseThrow().dailyQuota()).contains(new DailyQuota(3));
        assertThat(oneRead.newChatOf(plain).orElseThrow().dailyQuota()).isEmpty();
        assertThat(oneRead.newChatOf(instructed).orElseThrow().instructions().systemMessage()).isPresent();
        assertThat(oneRead.newChatOf(paused).orElseThrow().instructions().systemMessage()).isEmpty();
        assertThat(oneRead.newChatOf(blocked).orElseThrow().author().user().blocked()).isTrue();

        // the stored defaults: a limit and a quota for everyone without their own
        settings.saveDefaultChatLimit(new MessageLimit(70));
        settings.saveDefaultDailyQuota(new DailyQuota(20));
        sameAnswers(users);
        assertThat(oneRead.newChatOf(plain).orElseThrow().author().limitForNewChat()).isEqualTo(new MessageLimit(70));
        assertThat(oneRead.newChatOf(plain).orElseThrow().dailyQuota()).contains(new DailyQuota(20));
        assertThat(oneRead.newChatOf(own).orElseThrow().dailyQuota()).contains(new DailyQuota(3));

        // edited by hand into nonsense: unset, as the separate reads take it
        db.update(SETTING).set(SETTING.VALUE, "lots").execute();
        db.update(USER).set(USER.MESSAGE_LIMIT, 0).where(USER.ID.eq(own)).execute();
        sameAnswers(users);
        assertThat(oneRead.newChatOf(own).orElseThrow().author().limitForNewChat()).isEqualTo(CONFIGURED);
    }

    private void sameAnswers(List<Long> users) {
        for (long user : users) {
            assertThat(oneRead.newChatOf(user)).as("user %d", user).isEqualTo(threeReads.newChatOf(user));
        }
    }
}
