package uz.suhbat.bootstrap;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a database start-up failure into one clear explanation instead of a wall of stack traces. */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set MYSQL_HOST, MYSQL_PORT, MYSQL_USER and MYSQL_PASSWORD for an external server, "
                        + "or leave MYSQL_HOST empty to use the embedded one.",
                cause);
    }
}
