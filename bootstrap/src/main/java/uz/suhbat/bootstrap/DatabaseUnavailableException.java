package uz.suhbat.bootstrap;

/** The database cannot be reached or started; the message tells the operator what to check. */
class DatabaseUnavailableException extends RuntimeException {

    DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
