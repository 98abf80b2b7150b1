package uz.suhbat.adapter.out.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.EvaluationSet.Question;
import uz.suhbat.adapter.out.ai.RetrievalEvaluation.Corpus;
import uz.suhbat.adapter.out.ai.RetrievalEvaluation.Outcome;
import uz.suhbat.adapter.out.ai.RetrievalEvaluation.Scores;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort.Tuning;
import uz.suhbat.domain.knowledge.Language;

/**
 * How the hybrid weights and the threshold were chosen: every keyword weight from 0 to 1 on the
 * evaluation set, per language, with no threshold; then, at the chosen weights, the scores of the
 * pages that answer next to the best scores for questions the documents cannot answer. Run with
 * {@code bench/retrieval.sh calibrate}; writes {@code adapters-ai/target/retrieval-calibration.md}.
 */
@Tag("benchmark")
class RetrievalCalibrationBenchmark {

    /** Questions none of the documents answers, asked of the documents in their language. */
    private static final List<Question> OFF_TOPIC = List.of(
            offTopic("udhr-en", "en", "What is the boiling point of water at sea level?"),
            offTopic("udhr-en", "en", "Who won the football world cup in 1986?"),
            offTopic("ed-manual-en", "en", "How do I bake sourdough bread at home?"),
            offTopic("ed-manual-en", "en", "What is the capital of Australia?"),
            offTopic("ed-manual-en", "en", "Which planet has the most moons?"),
            offTopic("udhr-uz-latn", "uz-latn", "Futbol bo'yicha jahon chempioni kim bo'lgan?"),
            offTopic("udhr-uz-latn", "uz-latn", "Non qanday yopiladi?"),
            offTopic("udhr-uz-latn", "uz-latn", "Avstraliyaning poytaxti qaysi shahar?"),
            offTopic("udhr-uz-cyrl", "uz-cyrl", "Сув неча даражада қайнайди?"),
            offTopic("udhr-uz-cyrl", "uz-latn", "Samarqandda qanday tarixiy obidalar bor?"),
            offTopic("udhr-ru", "ru", "Какая столица Австралии?"),
            offTopic("udhr-ru", "ru", "Как испечь хлеб дома?"));

    private static final double[] WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

    @Test
    void calibrate() throws IOException {
        List<Question> questions = EvaluationSet.questions();
        StringBuilder report = new StringBuilder("Keyword weight sweep, no threshold, top 4 pages (recall@1 / recall@3 / MRR / answer sent):\n\n");
        report.append("| keyword weight | Uzbek | English | Russian |\n| --- | --- | --- | --- |\n");
        try (Corpus corpus = Corpus.ingest()) {
            Map<Language, Double> floors = floors(corpus, questions, report);
            Map<Language, Double> best = new EnumMap<>(Language.class);
            Map<Language, Double> bestValue = new EnumMap<>(Language.class);
            for (double weight : WEIGHTS) {
                Tuning tuning = new Tuning(140, 25, 900, Map.of(Language.UZBEK, weight, Language.ENGLISH, weight, Language.RUSSIAN, weight),
                        floors);
                Map<String, Scores> scores = RetrievalEvaluation.score(RetrievalEvaluation.run(questions, corpus.application(4, 0, tuning)));
                report.append(String.format(Locale.ROOT, "| %.1f | %s | %s | %s |%n", weight, cell(scores.get("Uzbek")),
                        cell(scores.get("English")), cell(scores.get("Russian"))));
                for (Language language : Language.values()) {
                    Scores s = scores.get(group(language));
                    double value = s.recallAt3() + s.mrr() + s.answerSent();
                    if (value > bestValue.getOrDefault(language, -1.0) + 1e-9) {
                        bestValue.put(language, value);
                        best.put(language, weight);
                    }
                }
            }
            report.append("\nBest weight per language (highest recall@3 + MRR + answer sent, the lower weight on a tie): ")
                    .append(best).append("\n\n");

            Tuning chosen = new Tuning(140, 25, 900, best, floors);
            List<Outcome> answered = RetrievalEvaluation.run(questions, corpus.application(4, 0, chosen));
            List<Outcome> unanswerable = RetrievalEvaluation.run(OFF_TOPIC, corpus.application(4, 0, chosen));
            report.append("At those weights, no threshold:\n\n");
            report.append("| questions | lowest score of an answering page (5 lowest) | best score of an off-topic question (all) |\n| --- | --- | --- |\n");
            for (String group : List.of("Uzbek", "English", "Russian")) {
                double[] answers = answered.stream().filter(o -> o.question().group().equals(group) && o.rank() > 0)
                        .mapToDouble(Outcome::answerScore).sorted().limit(5).toArray();
                double[] off = unanswerable.stream().filter(o -> o.question().group().equals(group))
                        .mapToDouble(Outcome::topScore).sorted().toArray();
                report.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", group, list(answers), list(off)));
            }
            RetrievalEvaluation.Scores all = RetrievalEvaluation.score(answered).get("all");
            report.append(String.format(Locale.ROOT, "%nAll questions at those weights, no threshold: %s%n", all));
            for (double threshold : new double[] {0.05, 0.08, 0.1, 0.12, 0.15, 0.18, 0.2, 0.25}) {
                Map<String, Scores> scores = RetrievalEvaluation.score(RetrievalEvaluation.run(questions, corpus.application(4, threshold, chosen)));
                long rejected = RetrievalEvaluation.run(OFF_TOPIC, corpus.application(4, threshold, chosen)).stream()
                        .filter(o -> o.rankedPages().isEmpty()).count();
                report.append(String.format(Locale.ROOT, "threshold %.2f: answer sent Uzbek %.2f, English %.2f, Russian %.2f, all %.2f;"
                                + " off-topic questions with nothing sent: %d of %d%n", threshold, scores.get("Uzbek").answerSent(),
                        scores.get("English").answerSent(), scores.get("Russian").answerSent(), scores.get("all").answerSent(), rejected,
                        OFF_TOPIC.size()));
            }
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "retrieval-calibration.md"), report);
    }

    /**
     * The similarity floor per language: the mean cosine between a question and the passages of its
     * document (most of which do not answer it), rounded down to 0.05.
     */
    private static Map<Language, Double> floors(Corpus corpus, List<Question> questions, StringBuilder report) {
        Map<Language, double[]> sums = new EnumMap<>(Language.class);
        for (Question question : questions) {
            Language language = Language.valueOf(group(question.group()));
            float[] q = corpus.embeddings.embed(uz.suhbat.domain.knowledge.UzbekText.normalize(question.text()));
            for (var chunk : corpus.models.chunks(corpus.byDocument.get(question.document()).id())) {
                double dot = 0;
                for (int i = 0; i < q.length; i++) {
                    dot += q[i] * chunk.vector()[i];
                }
                double[] sum = sums.computeIfAbsent(language, l -> new double[2]);
                sum[0] += dot;
                sum[1]++;
            }
        }
        Map<Language, Double> floors = new EnumMap<>(Language.class);
        report.insert(0, "Mean cosine between a question and the passages of its document (all-MiniLM-L6-v2): ");
        sums.forEach((language, sum) -> {
            floors.put(language, Math.floor(sum[0] / sum[1] * 20) / 20);
            report.insert(0, String.format(Locale.ROOT, "%s %.3f; ", language, sum[0] / sum[1]));
        });
        report.insert(0, "\nSimilarity floors (rounded down to 0.05): " + floors + "\n\n");
        return floors;
    }

    private static String group(String group) {
        return group.toUpperCase(Locale.ROOT).equals("UZBEK") ? "UZBEK" : group.toUpperCase(Locale.ROOT);
    }

    private static Question offTopic(String document, String language, String text) {
        return new Question(document, language, java.util.Set.of(), "", text);
    }

    private static String group(Language language) {
        return switch (language) {
            case UZBEK -> "Uzbek";
            case ENGLISH -> "English";
            case RUSSIAN -> "Russian";
        };
    }

    private static String cell(Scores s) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f", s.recallAt1(), s.recallAt3(), s.mrr(), s.answerSent());
    }

    private static String list(double[] values) {
        List<String> texts = new ArrayList<>();
        Arrays.stream(values).forEach(v -> texts.add(String.format(Locale.ROOT, "%.3f", v)));
        return String.join(", ", texts);
    }
}
