package io.idmswebhook.admission;

/**
 * What goes back on the wire: 200 with an AdmissionReview, or a 4xx with a JSON reason for a
 * request that is not a review at all. Free of HTTP server types so the pipeline runs without one.
 */
public record HttpReply(int httpStatus, byte[] body) {
}
