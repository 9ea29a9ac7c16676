package io.idmswebhook.admission;

/** The body is not something the API server would send: HTTP 400, with this message as the reason. */
final class NotAReviewException extends Exception {

    NotAReviewException(String reason) {
        super(reason, null, false, false);
    }
}
