package io.idmswebhook.admission;

/**
 * What goes back on the wire: 200 with an AdmissionReview, or 400 with a JSON reason for a body
 * that is not a review at all. Kept free of JAX-RS types so the handler runs without a server.
 */
public record AdmissionAnswer(int httpStatus, byte[] body) {
}
