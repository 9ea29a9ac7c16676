package io.idmswebhook.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.core.engine.CarriedObject;
import io.idmswebhook.core.engine.RequestTarget;
import io.idmswebhook.core.engine.RequestedKind;
import io.idmswebhook.json.MirrorSetTranslator;
import io.idmswebhook.json.ShapeException;

/**
 * One admission request as the webhooks, metrics and the decision log need it: the fields of
 * {@code request} that play a part in an answer, and the objects still as JSON. The objects are
 * typed later by the kind the request names; reading them here through a generic model would lose
 * the field path of a shape error, and /mutate patches the JSON exactly as it arrived.
 *
 * @param uid       {@code request.uid}, never empty
 * @param operation {@code request.operation}, never empty
 * @param kind      {@code request.kind}, with kind and version
 * @param name      {@code request.name}; null or empty on a CREATE with generateName
 * @param user      {@code request.userInfo.username}; may be null
 * @param dryRun    {@code request.dryRun}
 * @param object    {@code request.object}; null when absent or JSON null
 * @param oldObject {@code request.oldObject}; null when absent or JSON null
 */
public record ReviewRequest(String uid, String operation, RequestedKind kind, String name, String user,
                            boolean dryRun, JsonNode object, JsonNode oldObject) {

    /** What the request is: settled, or an object to judge. */
    RequestTarget target() {
        return RequestTarget.of(operation, kind, carried(object), carried(oldObject));
    }

    /** {@code request.name}, else the object's {@code metadata.name}: the API server has not named a generateName object yet. */
    public String objectName() {
        if (name != null && !name.isEmpty()) {
            return name;
        }
        return object == null ? null : object.path("metadata").path("name").asText(null);
    }

    private CarriedObject carried(JsonNode node) {
        if (node == null) {
            return null;
        }
        return kind -> {
            try {
                return MirrorSetTranslator.read(kind, node, name);
            } catch (ShapeException e) {
                throw new CarriedObject.Unreadable(e.finding());
            }
        };
    }
}
