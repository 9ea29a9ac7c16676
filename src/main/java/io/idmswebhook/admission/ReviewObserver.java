package io.idmswebhook.admission;

/**
 * Told about every answered request, on the event loop right after the answer is written: so an
 * observer must only do in-memory work (count, enqueue a log record), never wait.
 */
@FunctionalInterface
public interface ReviewObserver {

    void answered(ReviewOutcome outcome);

    /** For the handler in unit tests and for the start-up warm-up, which must not show in metrics. */
    ReviewObserver NONE = outcome -> {
    };
}
