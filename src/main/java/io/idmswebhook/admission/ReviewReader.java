package io.idmswebhook.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.idmswebhook.core.rules.Quote;
import io.idmswebhook.json.MirrorSetTranslator;
import java.io.IOException;

/**
 * The bytes of a POST body to one {@link ReviewRequest}, or the reason they are not an
 * admission.k8s.io/v1 AdmissionReview (answered with 400). Strict where leniency would let the
 * webhook read a value differently from the API server: UTF-8, JSON limits, duplicate keys,
 * trailing documents, field types.
 */
final class ReviewReader {

    static final String API_VERSION = "admission.k8s.io/v1";
    static final String KIND = "AdmissionReview";

    private final ObjectReader bodyReader;

    ReviewReader(ObjectMapper mapper) {
        // Trailing bytes after the review ("{...}{...}") would be a second document the API
        // server never sent; the check only makes sense on the whole body, not on subtrees.
        this.bodyReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    ReviewRequest read(byte[] body) throws NotAReviewException {
        int bad = Utf8.firstInvalid(body);
        if (bad >= 0) {
            // Jackson decodes some invalid forms (an overlong "/" becomes "/"), where the API server
            // would see a replacement character: the two would judge different strings.
            throw new NotAReviewException("the body is not valid UTF-8 at byte " + bad
                    + "; send the AdmissionReview as UTF-8 JSON");
        }
        JsonNode root;
        try {
            root = bodyReader.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new NotAReviewException("the body exceeds a JSON limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new NotAReviewException("the body is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new NotAReviewException("the body could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new NotAReviewException("the body is empty; send an admission.k8s.io/v1 AdmissionReview");
        }
        if (!root.isObject()) {
            throw new NotAReviewException("the body is " + MirrorSetTranslator.describe(root)
                    + ", not an admission.k8s.io/v1 AdmissionReview object");
        }
        String apiVersion = root.path("apiVersion").asText(null);
        String kind = root.path("kind").asText(null);
        if (!API_VERSION.equals(apiVersion) || !KIND.equals(kind)) {
            throw new NotAReviewException("apiVersion " + quoted(apiVersion) + " kind " + quoted(kind)
                    + " is not an admission.k8s.io/v1 AdmissionReview; set admissionReviewVersions: [v1] in the webhook configuration");
        }
        JsonNode request = root.get("request");
        if (request == null || !request.isObject()) {
            throw new NotAReviewException("the AdmissionReview has no request object");
        }
        // Refuses a field of the wrong type with its path (a uid that is not a string too).
        ReviewRequest r = RequestFields.read(request);
        if (r.uid() == null || r.uid().isEmpty()) {
            throw new NotAReviewException("request.uid is missing; the API server sets it and expects it back");
        }
        if (r.operation() == null || r.operation().isEmpty()) {
            throw new NotAReviewException("request.operation is missing; expected CREATE, UPDATE, DELETE or CONNECT");
        }
        if (r.kind() == null || r.kind().kind() == null || r.kind().version() == null) {
            throw new NotAReviewException("request.kind is missing or has no kind and version");
        }
        return r;
    }

    private static String quoted(String s) {
        return s == null ? "(none)" : Quote.of(s);
    }
}
