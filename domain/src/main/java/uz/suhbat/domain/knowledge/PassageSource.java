package uz.suhbat.domain.knowledge;

import java.util.Collection;
import java.util.Map;

/**
 * Where a {@link KnowledgeIndex} reads the texts of the few passages a question needs (the hits, and the
 * pages sent), so that the index need not hold every passage's text in memory: in the application the
 * model's passages in MySQL, the truth every node shares.
 */
@FunctionalInterface
public interface PassageSource {

    /**
     * The texts of the passages with these ids (the ids given to {@link KnowledgeIndex.Builder#add}); an id
     * it no longer knows (the model was deleted or read again meanwhile) is left out of the answer.
     */
    Map<Long, String> texts(Collection<Long> chunkIds);
}
