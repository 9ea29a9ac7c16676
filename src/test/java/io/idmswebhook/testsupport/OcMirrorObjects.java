package io.idmswebhook.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Mirror sets shaped the way oc-mirror writes them: one repository per entry, each mirrored to
 * the same path under one mirror registry. Made in the test rather than committed, at the sizes
 * oc-mirror really writes (v1 splits objects at about 1,600 entries, v2 does not split).
 */
public final class OcMirrorObjects {

    private OcMirrorObjects() {
    }

    /** An IDMS of {@code entries} entries, repositories spread over namespaces as in a catalog. */
    public static ObjectNode idms(String name, int entries) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("apiVersion", "config.openshift.io/v1").put("kind", "ImageDigestMirrorSet");
        object.putObject("metadata").put("name", name);
        ArrayNode list = object.putObject("spec").putArray("imageDigestMirrors");
        for (int i = 0; i < entries; i++) {
            String repository = "registry.redhat.io/ns-" + (i % 97) + "/operator-" + i + "-rhel9";
            ObjectNode entry = list.addObject();
            entry.putArray("mirrors").add("mirror.corp.example:8443/" + repository.substring("registry.redhat.io/".length()));
            entry.put("source", repository);
        }
        return object;
    }
}
