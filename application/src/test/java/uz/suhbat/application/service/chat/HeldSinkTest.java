package uz.suhbat.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.ai.ChatModelPort;

/** The sink a new chat's early answer goes to until its chat is stored: order kept across the release, nothing after a drop. */
class HeldSinkTest {

    /** Records what passes, and on which thread the end came. */
    private static final class Recording implements ChatModelPort.AnswerSink {
        final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile Thread endedOn;

        @Override
        public void delta(String text) {
            events.add(text);
        }

        @Override
        public void completed(ChatModelPort.TokenUsage usage) {
            endedOn = Thread.currentThread();
            events.add("completed");
        }

        @Override
        public void failed(ChatModelPort.Failure failure) {
            endedOn = Thread.currentThread();
            events.add("failed:" + failure.kind());
        }
    }

    @RepeatedTest(20)
    void piecesArrivingWhileTheyAreReleasedPassOnceEachAndInOrder() throws Exception {
        HeldSink held = new HeldSink();
        Recording answer = new Recording();
        int pieces = 5_000;
        CountDownLatch halfway = new CountDownLatch(1);
        Thread model = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < pieces; i++) {
                held.delta("p" + i);
                if (i == pieces / 2) {
                    halfway.countDown();
                }
            }
            held.completed(new ChatModelPort.TokenUsage(1, pieces));
        });
        halfway.await();
        held.release(answer, () -> answer.events.add("chat"), Runnable::run);
        model.join();

        List<String> expected = new ArrayList<>();
        expected.add("chat");
        IntStream.range(0, pieces).forEach(i -> expected.add("p" + i));
        expected.add("completed");
        assertThat(answer.events).containsExactlyElementsOf(expected);
    }

    @Test
    void anEndHeldUntilTheReleaseRunsOnTheGivenExecutorAfterThePieces() throws Exception {
        HeldSink held = new HeldSink();
        Recording answer = new Recording();
        held.delta("Sa");
        held.delta("lom");
        held.failed(new ChatModelPort.Failure(ChatModelPort.FailureKind.UNAVAILABLE, "x"));
        List<Runnable> later = new ArrayList<>();

        held.release(answer, () -> answer.events.add("chat"), later::add);

        assertThat(answer.events).containsExactly("chat", "Sa", "lom");
        Thread other = Thread.ofVirtual().start(later.getFirst());
        other.join();
        assertThat(answer.events).containsExactly("chat", "Sa", "lom", "failed:UNAVAILABLE");
        assertThat(answer.endedOn).isSameAs(other);
    }

    @Test
    void afterADropNothingHeldOrLaterPasses() {
        HeldSink held = new HeldSink();
        Recording answer = new Recording();
        held.delta("Sa");
        held.drop();
        held.delta("lom");
        held.completed(ChatModelPort.TokenUsage.UNKNOWN);
        held.release(answer, () -> answer.events.add("chat"), Runnable::run);
        held.delta("more");

        assertThat(answer.events).isEmpty();
    }
}
