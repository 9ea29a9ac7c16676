package io.idmswebhook.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON objects of the shared vectors into the core model, for core-level tests. */
public final class VectorObjects {

    private VectorObjects() {
    }

    public static MirrorSet mirrorSet(JsonNode obj) {
        MirrorSetKind kind = MirrorSetKind.ofApiVersion(obj.path("apiVersion").asText(), obj.path("kind").asText())
                .orElseThrow(() -> new IllegalArgumentException("not a mirror set: " + obj));
        JsonNode list = obj.path("spec").path(kind.listField());
        List<MirrorEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            List<String> mirrors = new ArrayList<>();
            e.path("mirrors").forEach(m -> mirrors.add(m.isNull() ? null : m.asText()));
            entries.add(new MirrorEntry(i, e.hasNonNull("source") ? e.get("source").asText() : null, mirrors,
                    e.hasNonNull("mirrorSourcePolicy") ? e.get("mirrorSourcePolicy").asText() : null));
        }
        return new MirrorSet(kind, obj.path("metadata").path("name").asText(), entries);
    }

    public static boolean isImageConfig(JsonNode obj) {
        return "Image".equals(obj.path("kind").asText())
                && "config.openshift.io/v1".equals(obj.path("apiVersion").asText());
    }

    public static ImageConfig imageConfig(JsonNode obj) {
        JsonNode rs = obj.path("spec").path("registrySources");
        return new ImageConfig(strings(rs.path("allowedRegistries")), strings(rs.path("blockedRegistries")),
                strings(rs.path("insecureRegistries")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
