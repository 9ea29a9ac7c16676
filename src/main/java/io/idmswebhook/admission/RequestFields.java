package io.idmswebhook.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.core.engine.RequestedKind;
import io.idmswebhook.json.MirrorSetTranslator;

/**
 * Reads the fields of {@code request} from its JSON tree, one by one, into a {@link ReviewRequest}.
 *
 * <p>Why not Jackson's bean binding of fabric8's {@code AdmissionRequest}: it calls the model's
 * constructors and setters through reflection on every review, a measurable share of a typical
 * review's CPU (bench/README.md) for a dozen fields. The envelope's shape is fixed by
 * admission.k8s.io/v1, so it is read here directly, with the same strictness: a field of the wrong
 * JSON type is refused with its path, including fields no answer uses ({@code requestKind},
 * {@code resource}, {@code userInfo.groups}...), so what counts as a review did not change.
 * {@code object} and {@code oldObject} are kept as JSON, and {@code options} plays no part in a
 * decision.
 */
final class RequestFields {

    private RequestFields() {
    }

    static ReviewRequest read(JsonNode request) throws NotAReviewException {
        String uid = text(request, "uid", "request.uid");
        RequestedKind kind = groupVersionKind(request.get("kind"), "request.kind");
        groupVersionKind(request.get("requestKind"), "request.requestKind");
        groupVersionResource(request.get("resource"), "request.resource");
        groupVersionResource(request.get("requestResource"), "request.requestResource");
        text(request, "subResource", "request.subResource");
        text(request, "requestSubResource", "request.requestSubResource");
        String name = text(request, "name", "request.name");
        text(request, "namespace", "request.namespace");
        String operation = text(request, "operation", "request.operation");
        String user = userName(request.get("userInfo"));
        Boolean dryRun = bool(request.get("dryRun"), "request.dryRun");
        JsonNode options = request.get("options");
        if (present(options) && !options.isObject()) {
            throw wrongType("request.options", options, "an object");
        }
        return new ReviewRequest(uid, operation, kind, name, user, Boolean.TRUE.equals(dryRun),
                object(request.get("object")), object(request.get("oldObject")));
    }

    private static RequestedKind groupVersionKind(JsonNode node, String path) throws NotAReviewException {
        if (!present(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(path, node, "an object with group, version and kind");
        }
        // Group, kind, version: the order they were always read in, so two bad fields are refused for the same one.
        String group = text(node, "group", path + ".group");
        String kind = text(node, "kind", path + ".kind");
        String version = text(node, "version", path + ".version");
        return new RequestedKind(group, version, kind);
    }

    private static void groupVersionResource(JsonNode node, String path) throws NotAReviewException {
        if (!present(node)) {
            return;
        }
        if (!node.isObject()) {
            throw wrongType(path, node, "an object with group, version and resource");
        }
        text(node, "group", path + ".group");
        text(node, "resource", path + ".resource");
        text(node, "version", path + ".version");
    }

    private static String userName(JsonNode node) throws NotAReviewException {
        if (!present(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType("request.userInfo", node, "an object");
        }
        String name = text(node, "username", "request.userInfo.username");
        text(node, "uid", "request.userInfo.uid");
        JsonNode groups = node.get("groups");
        if (present(groups)) {
            if (!groups.isArray()) {
                throw wrongType("request.userInfo.groups", groups, "a list of strings");
            }
            for (int i = 0; i < groups.size(); i++) {
                JsonNode g = groups.get(i);
                if (!g.isTextual()) {
                    throw wrongType("request.userInfo.groups[" + i + "]", g, "a string");
                }
            }
        }
        JsonNode extra = node.get("extra");
        if (present(extra) && !extra.isObject()) {
            throw wrongType("request.userInfo.extra", extra, "an object");
        }
        return name;
    }

    private static String text(JsonNode parent, String field, String path) throws NotAReviewException {
        JsonNode node = parent.get(field);
        if (!present(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(path, node, "a string");
        }
        return node.textValue();
    }

    private static Boolean bool(JsonNode node, String path) throws NotAReviewException {
        if (!present(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(path, node, "true or false");
        }
        return node.booleanValue();
    }

    private static JsonNode object(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static NotAReviewException wrongType(String path, JsonNode node, String expected) {
        return new NotAReviewException(path + " is " + MirrorSetTranslator.describe(node) + ", expected "
                + expected + "; this is not an admission.k8s.io/v1 AdmissionReview");
    }
}
