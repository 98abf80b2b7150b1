package uz.suhbat.domain.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chat's messages as a tree of branches, and the rules of versions and branches:
 * <ul>
 * <li>Every message follows one earlier message (its parent), or none (a first message). Messages with the same parent
 * are versions of one another, in rank order: answering a question again adds a version of the answer, editing a
 * question adds a version of the question, and the conversation goes on from the new version.</li>
 * <li>Of each set of versions one is chosen; the <em>active branch</em> goes from the chosen first message through the
 * chosen version at each step. It is what the user sees and the only part the model is sent.</li>
 * <li>A question not followed by an answer on the branch (its answer failed) is never sent to the model, except as
 * the question being answered: see {@link #seenByModel}.</li>
 * </ul>
 */
public final class MessageTree {

    private final Map<Integer, MessageNode> byRank = new HashMap<>();
    private final Map<Integer, List<MessageNode>> children = new HashMap<>();

    private MessageTree(List<MessageNode> nodes) {
        for (MessageNode node : nodes) {
            byRank.put(node.rank(), node);
        }
        for (MessageNode node : nodes) {
            children.computeIfAbsent(node.parentRank(), k -> new ArrayList<>()).add(node);
        }
        children.values().forEach(list -> list.sort(Comparator.comparingInt(MessageNode::rank)));
    }

    /** The tree of these nodes (every message of the chat, in any order). */
    public static MessageTree of(List<MessageNode> nodes) {
        return new MessageTree(nodes);
    }

    /**
     * The active branch, first message first: at each step the chosen version (the latest, should none be marked
     * chosen).
     */
    public List<Message> activeBranch() {
        List<Message> branch = new ArrayList<>();
        Optional<MessageNode> next = chosenChild(0);
        while (next.isPresent()) {
            branch.add(next.get().message());
            next = chosenChild(next.get().rank());
        }
        return branch;
    }

    private Optional<MessageNode> chosenChild(int parentRank) {
        List<MessageNode> kids = children.getOrDefault(parentRank, List.of());
        if (kids.isEmpty()) {
            return Optional.empty();
        }
        return kids.stream().filter(MessageNode::chosen).findFirst().or(() -> Optional.of(kids.get(kids.size() - 1)));
    }

    /** The ranks of the versions of this message (itself among them), in rank order; empty for an unknown rank. */
    public List<Integer> versionsOf(int rank) {
        MessageNode node = byRank.get(rank);
        if (node == null) {
            return List.of();
        }
        return children.get(node.parentRank()).stream().map(MessageNode::rank).toList();
    }

    /** The rank of the message this one follows: 0 for a first message, empty for an unknown rank. */
    public Optional<Integer> parentOf(int rank) {
        return Optional.ofNullable(byRank.get(rank)).map(MessageNode::parentRank);
    }

    /** The active branch once {@code rank} is the chosen version among its versions (and each below it keeps its own). */
    public MessageTree choosing(int rank) {
        MessageNode node = byRank.get(rank);
        if (node == null) {
            throw new IllegalArgumentException("no message " + rank);
        }
        List<MessageNode> nodes = new ArrayList<>();
        for (MessageNode other : byRank.values()) {
            boolean sibling = other.parentRank() == node.parentRank();
            nodes.add(sibling ? new MessageNode(other.message(), other.parentRank(), other.rank() == rank) : other);
        }
        return new MessageTree(nodes);
    }

    /**
     * The question that "answer again" (regenerate, Retry) answers: the last message of the active branch when it is
     * a question left unanswered, or the question of the last answer. Empty when the branch is empty.
     */
    public Optional<Message> questionToAnswerAgain() {
        List<Message> branch = activeBranch();
        if (branch.isEmpty()) {
            return Optional.empty();
        }
        Message last = branch.get(branch.size() - 1);
        if (last.role() == Role.USER) {
            return Optional.of(last);
        }
        int parent = byRank.get(last.rank()).parentRank();
        return Optional.ofNullable(byRank.get(parent)).map(MessageNode::message).filter(m -> m.role() == Role.USER);
    }

    /** The active branch up to and with {@code rank}; empty when that message is not on the active branch. */
    public List<Message> branchUpTo(int rank) {
        List<Message> branch = activeBranch();
        for (int i = 0; i < branch.size(); i++) {
            if (branch.get(i).rank() == rank) {
                return List.copyOf(branch.subList(0, i + 1));
            }
        }
        return List.of();
    }

    /** A question may be edited (giving a new version, from which the conversation goes on) when it is on the active branch. */
    public boolean editable(int rank) {
        return !branchUpTo(rank).isEmpty() && byRank.get(rank).message().role() == Role.USER;
    }

    /**
     * A question may be removed when it was left unanswered: it ends the active branch, and nothing (in any branch)
     * follows it.
     */
    public boolean removable(int rank) {
        List<Message> branch = activeBranch();
        return !branch.isEmpty() && branch.get(branch.size() - 1).rank() == rank
                && branch.get(branch.size() - 1).role() == Role.USER && !children.containsKey(rank);
    }

    /**
     * What the model is sent of a branch that ends with the question it answers: the branch without the questions
     * that were left unanswered (a question followed by another question), which reach the model only when the user
     * asks again, edits them or, being the last, is answered.
     */
    public static List<Message> seenByModel(List<Message> branch) {
        List<Message> seen = new ArrayList<>(branch.size());
        for (int i = 0; i < branch.size(); i++) {
            Message message = branch.get(i);
            boolean last = i == branch.size() - 1;
            if (message.role() == Role.USER && !last && branch.get(i + 1).role() == Role.USER) {
                continue;
            }
            seen.add(message);
        }
        return seen;
    }

    /** Whether this question, on a branch, was left unanswered: another question, or nothing, follows it. */
    public static boolean unanswered(List<Message> branch, int index) {
        Message message = branch.get(index);
        return message.role() == Role.USER && (index == branch.size() - 1 || branch.get(index + 1).role() == Role.USER);
    }
}
