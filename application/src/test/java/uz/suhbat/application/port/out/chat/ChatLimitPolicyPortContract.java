package uz.suhbat.application.port.out.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uz.suhbat.domain.limit.MessageLimit;

/**
 * What every {@link ChatLimitPolicyPort} must do: a new chat gets the user's own limit, else the default an
 * admin set, else the configured one; an unknown user is no author.
 */
public abstract class ChatLimitPolicyPortContract {

    protected static final MessageLimit CONFIGURED = new MessageLimit(50);

    /** A policy over empty storage whose configured default (CHAT_MESSAGE_LIMIT) is {@link #CONFIGURED}. */
    protected abstract ChatLimitPolicyPort emptyPolicy();

    protected abstract long givenUser(String name);

    protected abstract void adminDefault(MessageLimit limit);

    protected abstract void userLimit(long userId, MessageLimit limit);

    private int limitOf(ChatLimitPolicyPort policy, long userId) {
        return policy.authorOfNewChat(userId).orElseThrow().limitForNewChat().value();
    }

    @Test
    void givenNothingSet_thenTheConfiguredLimitApplies() {
        ChatLimitPolicyPort policy = emptyPolicy();
        long user = givenUser("aziz");

        assertThat(limitOf(policy, user)).isEqualTo(50);
    }

    @Test
    void givenAnAdminDefault_thenItComesBeforeTheConfiguredOne() {
        ChatLimitPolicyPort policy = emptyPolicy();
        long user = givenUser("aziz");

        adminDefault(new MessageLimit(70));

        assertThat(limitOf(policy, user)).isEqualTo(70);
    }

    @Test
    void givenAUsersOwnLimit_thenItComesFirst_andOnlyForThatUser() {
        ChatLimitPolicyPort policy = emptyPolicy();
        long aziz = givenUser("aziz");
        long dilnoza = givenUser("dilnoza");
        adminDefault(new MessageLimit(70));

        userLimit(aziz, new MessageLimit(9));

        assertThat(limitOf(policy, aziz)).isEqualTo(9);
        assertThat(limitOf(policy, dilnoza)).isEqualTo(70);
    }

    @Test
    void theAuthorComesWithTheLimit_andAnUnknownUserIsNoAuthor() {
        ChatLimitPolicyPort policy = emptyPolicy();
        long aziz = givenUser("aziz");

        assertThat(policy.authorOfNewChat(aziz)).hasValueSatisfying(author -> {
            assertThat(author.user().id()).isEqualTo(aziz);
            assertThat(author.user().username().value()).isEqualTo("aziz");
        });
        assertThat(policy.authorOfNewChat(aziz + 1_000)).isEmpty();
    }
}
