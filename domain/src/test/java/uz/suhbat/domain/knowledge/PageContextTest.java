package uz.suhbat.domain.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.knowledge.KnowledgeIndex.Hit;

/** What is sent to the model: hits grouped by page, each page one slot, in page order, within a budget. */
class PageContextTest {

    private static final int DIMENSIONS = 4;

    /** Page 3 is long: five overlapping chunks; page 7 is one short chunk. */
    private final KnowledgeIndex index = KnowledgeIndex.builder(DIMENSIONS)
            .add(1, 3, "alpha one two three four", axis(0))
            .add(2, 3, "three four bravo five six", axis(0))
            .add(3, 3, "five six charlie answer here", axis(1))
            .add(4, 3, "answer here delta seven eight", axis(0))
            .add(5, 3, "seven eight echo nine ten", axis(0))
            .add(6, 7, "A short page about something else.", axis(2))
            .build();

    @Test
    void aPageIsOneSlotHoldingTheHitWithItsNeighboursAndPagesComeInPageOrder() {
        // given the short page ranks first, then two hits on the long page
        List<Hit> ranked = List.of(hit(6, 7), hit(3, 3), hit(5, 3));

        // when the budget is too small for the whole long page but fits the neighbourhood
        List<Hit> context = index.pageContext(ranked, 4, 2 * ContextBudget.tokens("A short page about something else.")
                + ContextBudget.tokens("three four bravo five six charlie answer here delta seven eight echo nine ten"));

        // then
        assertThat(context).extracting(Hit::page).containsExactly(3, 7);
        assertThat(context.get(0).text()).isEqualTo("three four bravo five six charlie answer here delta seven eight echo nine ten");
        assertThat(context.get(0).chunkId()).isEqualTo(3);
        assertThat(context.get(1).text()).isEqualTo("A short page about something else.");
    }

    @Test
    void aShortPageIsSentWhole() {
        // when
        List<Hit> context = index.pageContext(List.of(hit(3, 3)), 4, 1000);

        // then the overlaps between chunks are removed
        assertThat(context).singleElement().extracting(Hit::text)
                .isEqualTo("alpha one two three four bravo five six charlie answer here delta seven eight echo nine ten");
    }

    @Test
    void atMostMaxPagesAndTheBudgetCutsLowerRankedPagesFirst() {
        // when only two pages may be sent
        List<Hit> twoPages = index.pageContext(List.of(hit(6, 7), hit(3, 3)), 1, 1000);
        // and when the budget fits the best page's hit but nothing more
        List<Hit> tight = index.pageContext(List.of(hit(3, 3), hit(6, 7)), 4, ContextBudget.tokens("five six charlie answer here"));

        // then
        assertThat(twoPages).extracting(Hit::page).containsExactly(7);
        assertThat(tight).singleElement().extracting(Hit::text).isEqualTo("five six charlie answer here");
    }

    private Hit hit(long chunkId, int page) {
        return index.search(axis(0), null, 10, -2).stream().filter(h -> h.chunkId() == chunkId).findFirst().orElseThrow();
    }

    private static float[] axis(int i) {
        float[] v = new float[DIMENSIONS];
        v[i] = 1;
        return v;
    }
}
