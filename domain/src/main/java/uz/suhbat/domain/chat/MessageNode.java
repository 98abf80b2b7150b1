package uz.suhbat.domain.chat;

import java.util.Objects;

/**
 * A message's place in its chat's tree of branches. {@code parentRank} is the rank of the message it follows (0 for
 * a first message); messages with the same parent are versions of one another (an answer regenerated, a question
 * edited), and {@code chosen} marks the version shown, the one the active branch goes through.
 */
public record MessageNode(Message message, int parentRank, boolean chosen) {

    public MessageNode {
        Objects.requireNonNull(message, "message");
        if (parentRank < 0 || parentRank >= message.rank()) {
            throw new IllegalArgumentException("a message follows an earlier one: parent " + parentRank + ", rank " + message.rank());
        }
    }

    public int rank() {
        return message.rank();
    }
}
