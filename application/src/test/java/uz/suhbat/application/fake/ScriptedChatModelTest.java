package uz.suhbat.application.fake;

import java.util.Arrays;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.ai.ChatModelPortContract;

class ScriptedChatModelTest extends ChatModelPortContract {

    private final ScriptedChatModel model = new ScriptedChatModel();

    @Override
    protected ChatModelPort model() {
        return model;
    }

    @Override
    protected void nextAnswers(String... pieces) {
        model.answers(pieces);
    }

    @Override
    protected void nextRefusesTheKey() {
        model.failsAfter(ChatModelPort.FailureKind.AUTHENTICATION);
    }

    @Override
    protected Runnable nextWaitsAfterTheFirstPiece(String... pieces) {
        ScriptedChatModel.Held held = model.holds(pieces[0]);
        return () -> {
            held.send(Arrays.copyOfRange(pieces, 1, pieces.length));
            held.complete();
        };
    }
}
