package uz.suhbat.domain.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.knowledge.KnowledgeIndex.Hit;

class KnowledgeIndexTest {

    private static final int DIMENSIONS = 16;

    @Test
    void findsTheNearestVectorFirst() {
        // given
        KnowledgeIndex index = KnowledgeIndex.builder(DIMENSIONS)
                .add(10, 1, "first", axis(0))
                .add(20, 2, "second", axis(1))
                .add(30, 3, "third", mix(axis(1), axis(2)))
                .build();

        // when
        List<Hit> hits = index.search(axis(1), "", 2, -1);

        // then
        assertThat(hits).extracting(Hit::chunkId).containsExactly(20L, 30L);
        assertThat(hits.get(0).page()).isEqualTo(2);
        assertThat(hits.get(0).text()).isEqualTo("second");
        assertThat(hits.get(0).score()).isCloseTo(1 - KnowledgeIndex.DEFAULT_KEYWORD_WEIGHT, within());
    }

    @Test
    void aRareExactKeywordWinsOverAVectorThatIsOnlyVaguelyClose() {
        // given a passage naming the person whose vector is far from the question's, and one close to it
        float[] question = axis(0);
        KnowledgeIndex index = KnowledgeIndex.builder(DIMENSIONS)
                .add(1, 4, "Loyiha rahbari Xudoyberdiyev 1987-yilda tug'ilgan.", mix(axis(3), mix(axis(0), axis(3))))
                .add(2, 9, "The project was led by a team of engineers from the capital.", mix(axis(0), axis(5)))
                .add(3, 5, "Budget figures for the year.", axis(6))
                .build();

        // when
        List<Hit> vectorsOnly = index.search(question, null, 3, -1);
        List<Hit> hybrid = index.search(question, "Xudoyberdiyev qachon tugʻilgan?", 3, -1);

        // then
        assertThat(vectorsOnly.get(0).chunkId()).isEqualTo(2);
        assertThat(hybrid.get(0).chunkId()).isEqualTo(1);
        assertThat(hybrid.get(0).page()).isEqualTo(4);
    }

    @Test
    void keywordsMatchAcrossApostropheVariantsAndSuffixes() {
        // given the document writes oʻ with U+02BB and the question with a backtick and another suffix
        KnowledgeIndex index = KnowledgeIndex.builder(DIMENSIONS)
                .add(1, 1, "Oʻzbekistonning poytaxti Toshkent shahri.", axis(1))
                .add(2, 2, "Samarqand qadimiy shahar.", axis(1))
                .build();

        // when
        List<Hit> hits = index.search(axis(1), "O`zbekistonda poytaxt qaysi?", 1, -1);

        // then
        assertThat(hits).extracting(Hit::chunkId).containsExactly(1L);
        assertThat(hits.get(0).score()).isGreaterThan(0.65 + 0.1);
    }

    @Test
    void numbersAreFoundWhole() {
        KnowledgeIndex index = KnowledgeIndex.builder(DIMENSIONS)
                .add(1, 1, "Revenue reached 48215 in 2019.", axis(1))
                .add(2, 2, "Revenue reached 48216 in 2020.", axis(1))
                .build();

        assertThat(index.search(axis(1), "revenue 48216", 1, -1)).extracting(Hit::chunkId).containsExactly(2L);
    }

    @Test
    void aSinglePassageStillMatchesItsOwnWords() {
        // given the smallest possible document
        KnowledgeIndex index = KnowledgeIndex.builder(DIMENSIONS).add(1, 1, "Nukus is the capital of Karakalpakstan.", axis(1)).build();

        // when
        double withKeywords = index.search(axis(2), "capital of Karakalpakstan", 1, -1).get(0).score();
        double withoutKeywords = index.search(axis(2), "", 1, -1).get(0).score();

        // then
        assertThat(withKeywords).isGreaterThan(withoutKeywords + 0.3);
    }

    @Test
    void aStemMeetsItsLongerAndShorterFormsAndTheCompoundsItEndsAtALowerWeight() {
        // given a stemmer that cuts "-ить" but not "-ать", as Snowball's Russian one cuts verb forms differently
        Terms terms = new Terms((language, word) -> word.endsWith("ить") ? word.substring(0, word.length() - 3) : word);
        KnowledgeIndex index = KnowledgeIndex.builder(DIMENSIONS).terms(terms)
                .add(1, 1, "Никто не может быть принуждаем вступать в ассоциацию.", axis(1))
                .add(2, 2, "Рабство и работорговля запрещаются.", axis(1))
                .add(3, 3, "Торговля на рынке свободна.", axis(1))
                .add(4, 4, "Каждый человек имеет право на отдых.", axis(1))
                .keywordWeight(1)
                .build();

        // when
        List<Hit> join = index.search(axis(1), "вступить", 4, 0.01);
        List<Hit> trade = index.search(axis(1), "торговля", 4, 0.01);

        // then "вступ" meets "вступать"; "торговля" meets itself fully and "работорговля" at the variant weight
        assertThat(join).extracting(Hit::chunkId).containsExactly(1L);
        assertThat(trade).extracting(Hit::chunkId).containsExactly(3L, 2L);
        assertThat(trade.get(1).score() / trade.get(0).score()).isLessThan(KeywordIndex.VARIANT_WEIGHT + 0.15);
    }

    @Test
    void shortStemsAndNumbersHaveNoVariants() {
        KnowledgeIndex index = KnowledgeIndex.builder(DIMENSIONS)
                .add(1, 1, "The cat sat in the catalogue room, item 123456.", axis(1))
                .keywordWeight(1)
                .build();

        assertThat(index.search(axis(1), "cata", 1, 0.01)).isEmpty();
        assertThat(index.search(axis(1), "12345", 1, 0.01)).isEmpty();
    }

    @Test
    void anEmptyIndexFindsNothing() {
        assertThat(KnowledgeIndex.builder(DIMENSIONS).build().search(axis(0), "anything", 3, -1)).isEmpty();
    }

    @Test
    void respectsKAndMinScore() {
        // given 50 random passages
        Random random = new Random(7);
        KnowledgeIndex.Builder builder = KnowledgeIndex.builder(DIMENSIONS);
        for (int i = 0; i < 50; i++) {
            builder.add(i, i + 1, "passage " + i, randomVector(random));
        }
        KnowledgeIndex index = builder.build();
        float[] query = randomVector(random);

        // when
        List<Hit> top5 = index.search(query, "passage", 5, -1);
        List<Hit> aboveThreshold = index.search(query, "passage", 50, 0.2);

        // then
        assertThat(top5).hasSize(5);
        assertThat(top5).extracting(Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(aboveThreshold).isNotEmpty().hasSizeLessThan(50).allSatisfy(hit -> assertThat(hit.score()).isGreaterThanOrEqualTo(0.2));
        assertThat(index.search(query, "passage", 50, 2)).isEmpty();
    }

    @Test
    void theParallelPassFindsWhatTheSequentialOneWould() {
        // given more chunks than one thread searches alone
        Random random = new Random(11);
        int n = KnowledgeIndex.PARALLEL_FROM * 2 + 3;
        KnowledgeIndex.Builder builder = KnowledgeIndex.builder(DIMENSIONS, n);
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            vectors[i] = randomVector(random);
            builder.add(i, 1, "text", vectors[i]);
        }
        KnowledgeIndex index = builder.build();
        float[] query = vectors[n - 1];

        // when
        List<Hit> hits = index.search(query, null, 3, -1);

        // then the exact match, in the second half, comes first
        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).chunkId()).isEqualTo(n - 1);
    }

    @Test
    void refusesVectorsOfTheWrongSize() {
        KnowledgeIndex.Builder builder = KnowledgeIndex.builder(DIMENSIONS);
        assertThatThrownBy(() -> builder.add(1, 1, "x", new float[3])).isInstanceOf(IllegalArgumentException.class);
        KnowledgeIndex index = builder.add(1, 1, "x", axis(0)).build();
        assertThatThrownBy(() -> index.search(new float[3], "x", 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search(axis(0), "x", 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-5);
    }

    private static float[] axis(int i) {
        float[] vector = new float[DIMENSIONS];
        vector[i] = 1;
        return vector;
    }

    /** Not unit length on purpose: the index scales what it is given. */
    private static float[] mix(float[] a, float[] b) {
        float[] sum = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    @Test
    void withAPassageSourceTheIndexKeepsNoTextAndReadsOnlyWhatAQuestionNeedsInOneCallEach() {
        // given the texts live elsewhere (in the application: MySQL), and the index is told where
        java.util.Map<Long, String> store = new java.util.HashMap<>(java.util.Map.of(
                10L, "Toshkent shahri poytaxt.", 11L, "Shahar markazida bog' bor.", 20L, "Samarqand qadimiy shahar.", 30L, "Budget figures."));
        List<java.util.Set<Long>> calls = new java.util.ArrayList<>();
        KnowledgeIndex index = KnowledgeIndex.builder(DIMENSIONS)
                .passages(ids -> {
                    calls.add(java.util.Set.copyOf(ids));
                    java.util.Map<Long, String> found = new java.util.HashMap<>();
                    ids.forEach(id -> { if (store.containsKey(id)) { found.put(id, store.get(id)); } });
                    return found;
                })
                .add(10, 1, store.get(10L), axis(1))
                .add(11, 1, store.get(11L), axis(2))
                .add(20, 2, store.get(20L), axis(3))
                .add(30, 3, store.get(30L), axis(4))
                .build();

        // when
        List<Hit> hits = index.search(axis(1), "Toshkent", 2, 0.01);
        List<Hit> context = index.pageContext(hits, 4, 1000);

        // then the hits come with their texts, and the page sent is read whole: one call for each
        assertThat(index.footprint().texts()).isZero();
        assertThat(hits).extracting(Hit::chunkId).startsWith(10L);
        assertThat(hits.get(0).text()).isEqualTo("Toshkent shahri poytaxt.");
        assertThat(context).extracting(Hit::page).contains(1);
        assertThat(context.get(0).text()).contains("Toshkent shahri poytaxt.").contains("Shahar markazida");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).contains(10L, 11L).doesNotContain(30L);

        // and a passage gone from the source meanwhile (the model was read again) is left out, not sent empty
        store.remove(10L);
        assertThat(index.search(axis(1), "Toshkent", 1, -1)).isEmpty();
        store.remove(11L);
        assertThat(index.pageContext(hits, 4, 1000)).extracting(Hit::page).doesNotContain(1);
    }

    @Test
    void inALargeIndexTermsInMoreThanHalfThePassagesCountForNothingAndRareOnesStillScore() {
        // given 10,000 passages that all say "common" and a few that name a rare word
        KnowledgeIndex.Builder builder = KnowledgeIndex.builder(DIMENSIONS, 10_000);
        for (int i = 0; i < 10_000; i++) {
            builder.add(i, i, i % 2_500 == 7 ? "common words and Xudoyberdiyev" : "common words number " + i, axis(1 + i % (DIMENSIONS - 1)));
        }
        KnowledgeIndex index = builder.build();

        // when
        List<Hit> rare = index.search(axis(0), "Xudoyberdiyev", 10, 0.2);
        List<Hit> common = index.search(axis(0), "common", 10, 0.01);

        // then (no passage's vector is near the question's) the rare word finds its four passages, and the word in
        // every passage counts for nothing
        assertThat(rare).extracting(Hit::chunkId).containsExactly(7L, 2507L, 5007L, 7507L);
        assertThat(common).isEmpty();
    }

    private static float[] randomVector(Random random) {
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }
}
