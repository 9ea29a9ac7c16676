package io.idmswebhook.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.GroupVersionResource;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.idmswebhook.json.MirrorSetTranslator;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills fabric8's {@link AdmissionRequest} from the request's JSON tree, field by field.
 *
 * <p>Why not {@code ObjectMapper.treeToValue}: Jackson's bean binding of this model calls its
 * constructors and setters through reflection on every review, which was about 5 % of a typical
 * review's CPU (bench/README.md) for a dozen fields. The envelope's shape is fixed by
 * admission.k8s.io/v1, so it is read here directly, with the same strictness: a field of the
 * wrong JSON type is refused with its path, as the binder refused it. {@code object},
 * {@code oldObject} and {@code options} are not read into the model: the objects are typed
 * later by the kind the request names, and the options play no part in a decision.
 */
final class AdmissionRequestReader {

    private AdmissionRequestReader() {
    }

    static AdmissionRequest read(JsonNode request) throws AdmissionHandler.NotAReviewException {
        AdmissionRequest r = new AdmissionRequest();
        r.setUid(text(request, "uid", "request.uid"));
        r.setKind(groupVersionKind(request.get("kind"), "request.kind"));
        r.setRequestKind(groupVersionKind(request.get("requestKind"), "request.requestKind"));
        r.setResource(groupVersionResource(request.get("resource"), "request.resource"));
        r.setRequestResource(groupVersionResource(request.get("requestResource"), "request.requestResource"));
        r.setSubResource(text(request, "subResource", "request.subResource"));
        r.setRequestSubResource(text(request, "requestSubResource", "request.requestSubResource"));
        r.setName(text(request, "name", "request.name"));
        r.setNamespace(text(request, "namespace", "request.namespace"));
        r.setOperation(text(request, "operation", "request.operation"));
        r.setUserInfo(userInfo(request.get("userInfo")));
        r.setDryRun(bool(request.get("dryRun"), "request.dryRun"));
        JsonNode options = request.get("options");
        if (present(options) && !options.isObject()) {
            throw wrongType("request.options", options, "an object");
        }
        return r;
    }

    private static GroupVersionKind groupVersionKind(JsonNode node, String path) throws AdmissionHandler.NotAReviewException {
        if (!present(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(path, node, "an object with group, version and kind");
        }
        return new GroupVersionKind(text(node, "group", path + ".group"), text(node, "kind", path + ".kind"),
                text(node, "version", path + ".version"));
    }

    private static GroupVersionResource groupVersionResource(JsonNode node, String path)
            throws AdmissionHandler.NotAReviewException {
        if (!present(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(path, node, "an object with group, version and resource");
        }
        return new GroupVersionResource(text(node, "group", path + ".group"), text(node, "resource", path + ".resource"),
                text(node, "version", path + ".version"));
    }

    private static UserInfo userInfo(JsonNode node) throws AdmissionHandler.NotAReviewException {
        if (!present(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType("request.userInfo", node, "an object");
        }
        UserInfo user = new UserInfo();
        user.setUsername(text(node, "username", "request.userInfo.username"));
        user.setUid(text(node, "uid", "request.userInfo.uid"));
        JsonNode groups = node.get("groups");
        if (present(groups)) {
            if (!groups.isArray()) {
                throw wrongType("request.userInfo.groups", groups, "a list of strings");
            }
            List<String> names = new ArrayList<>(groups.size());
            for (int i = 0; i < groups.size(); i++) {
                JsonNode g = groups.get(i);
                if (!g.isTextual()) {
                    throw wrongType("request.userInfo.groups[" + i + "]", g, "a string");
                }
                names.add(g.textValue());
            }
            user.setGroups(names);
        }
        JsonNode extra = node.get("extra");
        if (present(extra) && !extra.isObject()) {
            throw wrongType("request.userInfo.extra", extra, "an object");
        }
        return user;
    }

    private static String text(JsonNode parent, String field, String path) throws AdmissionHandler.NotAReviewException {
        JsonNode node = parent.get(field);
        if (!present(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(path, node, "a string");
        }
        return node.textValue();
    }

    private static Boolean bool(JsonNode node, String path) throws AdmissionHandler.NotAReviewException {
        if (!present(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(path, node, "true or false");
        }
        return node.booleanValue();
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static AdmissionHandler.NotAReviewException wrongType(String path, JsonNode node, String expected) {
        return new AdmissionHandler.NotAReviewException(path + " is " + MirrorSetTranslator.describe(node) + ", expected "
                + expected + "; this is not an admission.k8s.io/v1 AdmissionReview");
    }
}
