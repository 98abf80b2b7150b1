package uz.suhbat.adapter.out.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.EvaluationSet.Question;
import uz.suhbat.adapter.out.ai.RetrievalEvaluation.Corpus;
import uz.suhbat.adapter.out.ai.RetrievalEvaluation.Outcome;
import uz.suhbat.adapter.out.ai.RetrievalEvaluation.Scores;

/**
 * The retrieval report: recall@1, recall@3, MRR and "answer sent" per language, the shipped retrieval
 * next to plain BM25. Run with {@code bench/retrieval.sh}; prints the table and writes it to
 * {@code adapters-ai/target/retrieval-evaluation.md}.
 */
@Tag("benchmark")
class RetrievalEvaluationBenchmark {

    /** The shipped defaults of KNOWLEDGE_TOP_K and KNOWLEDGE_MIN_SCORE. */
    static final int TOP_K = 4;
    static final double MIN_SCORE = 0.1;

    @Test
    void report() throws IOException {
        List<Question> questions = EvaluationSet.questions();
        try (Corpus corpus = Corpus.ingest()) {
            List<Outcome> hybrid = RetrievalEvaluation.run(questions, corpus.application(TOP_K, MIN_SCORE));
            List<Outcome> bm25 = RetrievalEvaluation.run(questions, corpus.plainBm25());
            Map<String, Scores> hybridScores = RetrievalEvaluation.score(hybrid);
            String table = RetrievalEvaluation.table(hybridScores, RetrievalEvaluation.score(bm25));
            String report = "Retrieval on the evaluation set (" + questions.size() + " questions), shipped settings:\n\n" + table
                    + "\nMissed by the shipped retrieval (not in the top 3 pages, or the answer not sent):\n" + RetrievalEvaluation.misses(hybrid)
                    + "\nMissed by plain BM25:\n" + RetrievalEvaluation.misses(bm25);
            System.out.println(report);
            Files.writeString(Path.of("target", "retrieval-evaluation.md"), report);
        }
    }
}
