package uz.suhbat.application.port.out.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.ai.ChatModelPort.AnswerSink;
import uz.suhbat.application.port.out.ai.ChatModelPort.Failure;
import uz.suhbat.application.port.out.ai.ChatModelPort.FailureKind;
import uz.suhbat.application.port.out.ai.ChatModelPort.Prompt;
import uz.suhbat.application.port.out.ai.ChatModelPort.TokenUsage;
import uz.suhbat.application.port.out.ai.ChatModelPort.Turn;
import uz.suhbat.domain.chat.Role;

/**
 * The threading and ordering contract of every {@link ChatModelPort}: pieces arrive in order, one call at a
 * time, then exactly one of completed or failed; after cancel, nothing more reaches the sink.
 */
public abstract class ChatModelPortContract {

    protected static final Prompt PROMPT = new Prompt("gpt-4o-mini", List.of(new Turn(Role.USER, "Salom!")));

    protected abstract ChatModelPort model();

    /** The next stream sends these pieces and completes. */
    protected abstract void nextAnswers(String... pieces);

    /** The next stream is refused: the key is wrong. */
    protected abstract void nextRefusesTheKey();

    /** The next stream sends its first piece, then waits; running the result lets the other pieces go and completes it. */
    protected abstract Runnable nextWaitsAfterTheFirstPiece(String... pieces);

    @Test
    void piecesArriveInOrderOneCallAtATime_thenExactlyOneCompletion() throws Exception {
        nextAnswers("Va ", "alaykum ", "assalom!");
        ContractSink sink = new ContractSink();

        model().stream(PROMPT, sink);

        assertThat(sink.ended.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // nothing may follow the end
        assertThat(sink.events).containsExactly("delta:Va ", "delta:alaykum ", "delta:assalom!", "completed");
        assertThat(sink.overlapping.get()).as("calls that overlapped another").isZero();
    }

    @Test
    void aRefusedKeyEndsInExactlyOneFailure_andNoPiece() throws Exception {
        nextRefusesTheKey();
        ContractSink sink = new ContractSink();

        model().stream(PROMPT, sink);

        assertThat(sink.ended.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(sink.events).containsExactly("failed:" + FailureKind.AUTHENTICATION);
    }

    @Test
    void afterCancel_nothingMoreReachesTheSink() throws Exception {
        Runnable rest = nextWaitsAfterTheFirstPiece("Bir", "Ikki", "Uch");
        ContractSink sink = new ContractSink();

        ChatModelPort.Streaming streaming = model().stream(PROMPT, sink);
        assertThat(sink.firstPiece.await(10, TimeUnit.SECONDS)).isTrue();
        streaming.cancel();
        rest.run();
        Thread.sleep(300);

        assertThat(sink.events).containsExactly("delta:Bir");
    }

    /** Records calls; counts any call that starts while another is still running. */
    protected static final class ContractSink implements AnswerSink {

        public ContractSink() {
        }

        public final List<String> events = new CopyOnWriteArrayList<>();
        public final CountDownLatch ended = new CountDownLatch(1);
        final CountDownLatch firstPiece = new CountDownLatch(1);
        final AtomicInteger overlapping = new AtomicInteger();
        private final AtomicInteger inside = new AtomicInteger();

        private void call(String event) {
            if (inside.incrementAndGet() > 1) {
                overlapping.incrementAndGet();
            }
            try {
                Thread.onSpinWait();
                events.add(event);
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public void delta(String text) {
            call("delta:" + text);
            firstPiece.countDown();
        }

        @Override
        public void completed(TokenUsage usage) {
            call("completed");
            ended.countDown();
        }

        @Override
        public void failed(Failure failure) {
            call("failed:" + failure.kind());
            ended.countDown();
        }
    }
}
