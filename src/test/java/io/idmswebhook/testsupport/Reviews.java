package io.idmswebhook.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.UUID;

/**
 * AdmissionReview requests shaped as the API server sends them (and as the
 * black-box checks send them): kind and resource with their request* twins, the
 * object's name, userInfo, dryRun and options. One builder, so every test that talks to the
 * endpoints sends the same shape and a change in the shape is made once.
 *
 * <p>Tests about odd or broken shapes build their bodies by hand on purpose and do not use this.
 */
public final class Reviews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Reviews() {
    }

    /** {@link #review(String, String, JsonNode, JsonNode)} with a fresh random uid. */
    public static ObjectNode review(String operation, JsonNode object, JsonNode oldObject) {
        return review(UUID.randomUUID().toString(), operation, object, oldObject);
    }

    /**
     * The review of {@code operation} on {@code object}: for DELETE the API server sends the object
     * as {@code oldObject} and {@code object} as null; {@code oldObject} is sent only with UPDATE.
     * The kind is read from the object's apiVersion and kind, which must be one of the three
     * mirror kinds.
     *
     * @param oldObject the stored object for UPDATE; null, JSON null or missing for none
     */
    public static ObjectNode review(String uid, String operation, JsonNode object, JsonNode oldObject) {
        String apiVersion = object.path("apiVersion").asText();
        String kindName = object.path("kind").asText();
        MirrorSetKind kind = MirrorSetKind.ofApiVersion(apiVersion, kindName).orElseThrow(() ->
                new IllegalArgumentException("not a mirror kind: apiVersion " + apiVersion + ", kind " + kindName));
        ObjectNode review = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request").put("uid", uid);
        for (String field : new String[] {"kind", "requestKind"}) {
            request.putObject(field).put("group", kind.group()).put("version", kind.version()).put("kind", kind.kind());
        }
        for (String field : new String[] {"resource", "requestResource"}) {
            request.putObject(field).put("group", kind.group()).put("version", kind.version())
                    .put("resource", kind.resource());
        }
        request.put("name", object.path("metadata").path("name").asText());
        request.put("operation", operation);
        request.putObject("userInfo").put("username", "webhook-check").putArray("groups").add("system:authenticated");
        if (operation.equals("DELETE")) {
            request.putNull("object");
            request.set("oldObject", object);
        } else {
            request.set("object", object);
            boolean hasOld = operation.equals("UPDATE") && oldObject != null && !oldObject.isMissingNode();
            request.set("oldObject", hasOld ? oldObject : JSON.nullNode());
        }
        request.put("dryRun", false);
        request.putNull("options");
        return review;
    }

    /** The review as the bytes of a request body. */
    public static byte[] bytes(JsonNode review) {
        try {
            return JSON.writeValueAsBytes(review);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
