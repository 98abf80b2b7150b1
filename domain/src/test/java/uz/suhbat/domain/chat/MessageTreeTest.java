package uz.suhbat.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Versions and branches: what the active branch is, what may be edited, answered again or removed, what the model sees. */
class MessageTreeTest {

    private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    private final List<MessageNode> nodes = new ArrayList<>();

    private MessageTreeTest add(int rank, int parent, Role role, String content, boolean chosen) {
        nodes.add(new MessageNode(new Message(rank, role, content, T.plusSeconds(rank), MessageStatus.COMPLETE, "m", 0, 0, List.of()),
                parent, chosen));
        return this;
    }

    private MessageTreeTest q(int rank, int parent, String content, boolean chosen) {
        return add(rank, parent, Role.USER, content, chosen);
    }

    private MessageTreeTest a(int rank, int parent, String content, boolean chosen) {
        return add(rank, parent, Role.ASSISTANT, content, chosen);
    }

    private MessageTree tree() {
        return MessageTree.of(nodes);
    }

    private static List<String> contents(List<Message> messages) {
        return messages.stream().map(Message::content).toList();
    }

    @Test
    void givenALinearChat_thenTheActiveBranchIsEveryMessageInOrder_andEachIsItsOnlyVersion() {
        q(1, 0, "Q1", true).a(2, 1, "A1", true).q(3, 2, "Q2", true).a(4, 3, "A2", true);

        MessageTree tree = tree();

        assertThat(contents(tree.activeBranch())).containsExactly("Q1", "A1", "Q2", "A2");
        assertThat(tree.versionsOf(4)).containsExactly(4);
        assertThat(tree.versionsOf(99)).isEmpty();
    }

    @Test
    void givenARegeneratedAnswer_thenBothAreVersions_andTheChosenOneIsOnTheBranch() {
        q(1, 0, "Q1", true).a(2, 1, "A1 first", false).a(3, 1, "A1 second", true);

        MessageTree tree = tree();

        assertThat(contents(tree.activeBranch())).containsExactly("Q1", "A1 second");
        assertThat(tree.versionsOf(2)).containsExactly(2, 3);
        assertThat(contents(tree.choosing(2).activeBranch())).containsExactly("Q1", "A1 first");
    }

    @Test
    void givenAnEditedQuestion_thenTheConversationGoesOnFromTheNewVersion_andSwitchingBackShowsTheOldBranchWhole() {
        q(1, 0, "Q1", true).a(2, 1, "A1", true)
                .q(3, 2, "Q2 old", false).a(4, 3, "A2 old", true).q(5, 4, "Q3 old", true).a(6, 5, "A3 old", true)
                .q(7, 2, "Q2 new", true).a(8, 7, "A2 new", true);

        MessageTree tree = tree();

        assertThat(contents(tree.activeBranch())).containsExactly("Q1", "A1", "Q2 new", "A2 new");
        assertThat(tree.versionsOf(7)).containsExactly(3, 7);
        assertThat(contents(tree.choosing(3).activeBranch())).containsExactly("Q1", "A1", "Q2 old", "A2 old", "Q3 old", "A3 old");
        assertThat(contents(tree.choosing(3).choosing(7).activeBranch())).containsExactly("Q1", "A1", "Q2 new", "A2 new");
    }

    @Test
    void givenAnEditedFirstQuestion_thenBothFirstQuestionsAreVersions() {
        q(1, 0, "Q1 old", false).a(2, 1, "A1 old", true).q(3, 0, "Q1 new", true);

        MessageTree tree = tree();

        assertThat(contents(tree.activeBranch())).containsExactly("Q1 new");
        assertThat(tree.versionsOf(3)).containsExactly(1, 3);
        assertThat(tree.parentOf(3)).contains(0);
    }

    @Test
    void givenNoVersionMarkedChosen_thenTheLatestIsShown() {
        q(1, 0, "Q1", true).a(2, 1, "A1 first", false).a(3, 1, "A1 second", false);

        assertThat(contents(tree().activeBranch())).containsExactly("Q1", "A1 second");
    }

    @Test
    void choosingAnUnknownMessage_isRefused() {
        q(1, 0, "Q1", true);

        assertThatThrownBy(() -> tree().choosing(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageCannotFollowItselfOrALaterMessage() {
        assertThatThrownBy(() -> q(3, 3, "Q", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q(3, 4, "Q", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answeringAgain_answersTheQuestionOfTheLastAnswer_orTheUnansweredLastQuestion() {
        q(1, 0, "Q1", true).a(2, 1, "A1", true);
        assertThat(tree().questionToAnswerAgain()).map(Message::content).contains("Q1");

        q(3, 2, "Q2 (failed)", true);
        assertThat(tree().questionToAnswerAgain()).map(Message::content).contains("Q2 (failed)");

        assertThat(MessageTree.of(List.of()).questionToAnswerAgain()).isEmpty();
    }

    @Test
    void onlyQuestionsOnTheActiveBranchMayBeEdited() {
        q(1, 0, "Q1", true).a(2, 1, "A1", true).q(3, 2, "Q2 old", false).q(4, 2, "Q2 new", true);

        MessageTree tree = tree();

        assertThat(tree.editable(1)).isTrue();
        assertThat(tree.editable(4)).isTrue();
        assertThat(tree.editable(2)).as("an answer").isFalse();
        assertThat(tree.editable(3)).as("off the active branch").isFalse();
        assertThat(tree.editable(9)).as("unknown").isFalse();
    }

    @Test
    void onlyAnUnansweredLastQuestionMayBeRemoved() {
        q(1, 0, "Q1", true).a(2, 1, "A1", true).q(3, 2, "Q2", true);

        MessageTree tree = tree();

        assertThat(tree.removable(3)).isTrue();
        assertThat(tree.removable(1)).as("answered").isFalse();
        assertThat(tree.removable(2)).as("an answer").isFalse();

        a(4, 3, "A2", true);
        assertThat(tree().removable(3)).as("answered now").isFalse();
    }

    @Test
    void theModelIsNotSentQuestionsLeftUnanswered_butIsSentTheQuestionItAnswers() {
        q(1, 0, "Q1", true).a(2, 1, "A1", true).q(3, 2, "failed once", true).q(4, 3, "failed twice", true).q(5, 4, "Q now", true);

        List<Message> branch = tree().activeBranch();

        assertThat(contents(MessageTree.seenByModel(branch))).containsExactly("Q1", "A1", "Q now");
        assertThat(MessageTree.unanswered(branch, 2)).isTrue();
        assertThat(MessageTree.unanswered(branch, 4)).isTrue();
        assertThat(MessageTree.unanswered(branch, 0)).isFalse();
    }

    @Test
    void branchUpToAMessageOffTheActiveBranchIsEmpty() {
        q(1, 0, "Q1", true).a(2, 1, "A1 old", false).a(3, 1, "A1 new", true);

        assertThat(contents(tree().branchUpTo(3))).containsExactly("Q1", "A1 new");
        assertThat(tree().branchUpTo(2)).isEmpty();
    }
}
