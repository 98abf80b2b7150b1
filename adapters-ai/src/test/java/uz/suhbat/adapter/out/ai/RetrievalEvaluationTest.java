package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.EvaluationSet.Question;
import uz.suhbat.adapter.out.ai.RetrievalEvaluation.Corpus;
import uz.suhbat.adapter.out.ai.RetrievalEvaluation.Outcome;
import uz.suhbat.adapter.out.ai.RetrievalEvaluation.Scores;

/**
 * Keeps a floor under retrieval quality on the evaluation set (real documents, paraphrased
 * questions): a change that loses quality fails here. The full report, with the plain BM25 baseline,
 * is {@link RetrievalEvaluationBenchmark}; the numbers are in docs/benchmarks.md.
 */
class RetrievalEvaluationTest {

    private static final List<Question> QUESTIONS = EvaluationSet.questions();
    private static Corpus corpus;

    @BeforeAll
    static void ingest() {
        corpus = Corpus.ingest();
    }

    @AfterAll
    static void close() {
        corpus.close();
    }

    @Test
    void theSetHasRealQuestionsWhoseAnswersStandOnTheirPages() {
        assertThat(QUESTIONS).hasSizeGreaterThanOrEqualTo(60);
        for (Question question : QUESTIONS) {
            List<String> pages = EvaluationSet.pages(question.document());
            assertThat(question.pages()).as(question.text()).allSatisfy(page ->
                    assertThat(EvaluationSet.contains(pages.get(page - 1), question.answer())).as(question.text() + " on page " + page).isTrue());
        }
        assertThat(QUESTIONS).filteredOn(Question::otherScript).hasSizeGreaterThanOrEqualTo(8);
        for (String apostrophe : List.of("'", "‘", "`", "’")) {
            assertThat(QUESTIONS).as("questions typed with " + apostrophe)
                    .anySatisfy(q -> assertThat(q.language()).isEqualTo("uz-latn").satisfies(l -> assertThat(q.text()).contains(apostrophe)));
        }
    }

    @Test
    void retrievalStaysAboveItsFloorOnEveryLanguage() {
        // given the shipped retrieval
        Function<Question, Outcome> application = corpus.application(RetrievalEvaluationBenchmark.TOP_K, RetrievalEvaluationBenchmark.MIN_SCORE);

        // when every question is asked
        List<Outcome> outcomes = RetrievalEvaluation.run(QUESTIONS, application);
        Map<String, Scores> scores = RetrievalEvaluation.score(outcomes);
        System.out.print(RetrievalEvaluation.misses(outcomes));
        scores.forEach((group, s) -> System.out.printf("%s: %s%n", group, s));

        // then
        assertFloor(scores.get("all"), 0.95, 0.95);
        assertFloor(scores.get("Uzbek"), 0.95, 0.95);
        assertFloor(scores.get("English"), 0.90, 0.92);
        assertFloor(scores.get("Russian"), 0.85, 0.85);
        assertFloor(scores.get("Uzbek, other script"), 0.90, 0.90);
    }

    @Test
    void theHybridBeatsPlainBm25OnEveryLanguage() {
        // when every question is asked of the shipped retrieval and of plain BM25 over the same passages
        Map<String, Scores> hybrid = RetrievalEvaluation.score(RetrievalEvaluation.run(QUESTIONS,
                corpus.application(RetrievalEvaluationBenchmark.TOP_K, RetrievalEvaluationBenchmark.MIN_SCORE)));
        Map<String, Scores> bm25 = RetrievalEvaluation.score(RetrievalEvaluation.run(QUESTIONS, corpus.plainBm25()));

        // then
        for (String language : List.of("Uzbek", "English", "Russian")) {
            assertThat(hybrid.get(language).recallAt3()).as(language + " recall@3").isGreaterThan(bm25.get(language).recallAt3());
            assertThat(hybrid.get(language).mrr()).as(language + " MRR").isGreaterThan(bm25.get(language).mrr());
        }
    }

    private static void assertFloor(Scores scores, double recallAt3, double answerSent) {
        assertThat(scores.recallAt3()).as("recall@3 of " + scores).isGreaterThanOrEqualTo(recallAt3);
        assertThat(scores.answerSent()).as("answer sent of " + scores).isGreaterThanOrEqualTo(answerSent);
    }
}
