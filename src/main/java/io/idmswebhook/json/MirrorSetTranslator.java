package io.idmswebhook.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place where IDMS, ITMS and ICSP objects, as JSON trees, become the kind-neutral
 * {@link MirrorSet} the rules read; the admission endpoint and the offline CLI both use it.
 *
 * <p>It walks the Jackson tree directly instead of binding the fabric8 model classes: binding
 * loads about 330 more classes and four model jars (10 MB), which costs the CLI a quarter of a
 * second per run and gives the webhook nothing it needs. Values are kept as written, odd ones
 * included, so that the rules can name them; only what the core model cannot hold (a value of the
 * wrong JSON type, a null entry or mirror) is refused, as rule X4 with its field path. Fields the
 * model does not know are ignored, as the API server's pruning would.
 */
public final class MirrorSetTranslator {

    /** The cluster image config: {@code images.config.openshift.io/cluster}. */
    public static final String IMAGE_CONFIG_API_VERSION = "config.openshift.io/v1";
    public static final String IMAGE_CONFIG_KIND = "Image";
    public static final String IMAGE_CONFIG_NAME = "cluster";

    private MirrorSetTranslator() {
    }

    /** The mirror kind an object declares by {@code apiVersion} and {@code kind}, if it is one. */
    public static Optional<MirrorSetKind> kindOf(JsonNode object) {
        return MirrorSetKind.ofApiVersion(text(object.get("apiVersion")), text(object.get("kind")));
    }

    /** True for the one image config object whose registry sources the nodes read. */
    public static boolean isImageConfig(JsonNode object) {
        return IMAGE_CONFIG_API_VERSION.equals(text(object.get("apiVersion")))
                && IMAGE_CONFIG_KIND.equals(text(object.get("kind")))
                && IMAGE_CONFIG_NAME.equals(text(object.path("metadata").get("name")));
    }

    /**
     * @param kind         the kind the object is read as (the API server's, or the one it declares)
     * @param object       the object
     * @param fallbackName the name to use when the object has none of its own yet (generateName)
     */
    public static MirrorSet read(MirrorSetKind kind, JsonNode object, String fallbackName) throws ShapeException {
        if (object == null || !object.isObject()) {
            throw new ShapeException("", describe(object), "the object is " + describe(object) + ", not a "
                    + kind.kind(), "send the " + kind.kind() + " as a JSON object");
        }
        JsonNode metadata = optional(object, "metadata", "metadata", kind, true);
        JsonNode nameNode = metadata == null ? null : optional(metadata, "name", "metadata.name", kind, false);
        String name = nameNode == null || nameNode.textValue().isEmpty() ? fallbackName : nameNode.textValue();
        JsonNode spec = optional(object, "spec", "spec", kind, true);
        String listPath = "spec." + kind.listField();
        JsonNode list = spec == null ? null : spec.get(kind.listField());
        List<MirrorEntry> entries = new ArrayList<>();
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw wrongType(listPath, list, "a list", kind);
            }
            for (int i = 0; i < list.size(); i++) {
                entries.add(entry(kind, list.get(i), listPath + "[" + i + "]", i));
            }
        }
        return new MirrorSet(kind, name, entries);
    }

    private static MirrorEntry entry(MirrorSetKind kind, JsonNode e, String path, int index) throws ShapeException {
        if (e.isNull()) {
            throw new ShapeException(path, "null", "an entry is null", "remove the null entry or give it a source");
        }
        if (!e.isObject()) {
            throw wrongType(path, e, "an object", kind);
        }
        JsonNode source = optional(e, "source", path + ".source", kind, false);
        JsonNode mirrorsNode = e.get("mirrors");
        List<String> mirrors = new ArrayList<>();
        if (mirrorsNode != null && !mirrorsNode.isNull()) {
            if (!mirrorsNode.isArray()) {
                throw wrongType(path + ".mirrors", mirrorsNode, "a list", kind);
            }
            for (int j = 0; j < mirrorsNode.size(); j++) {
                JsonNode m = mirrorsNode.get(j);
                String mPath = path + ".mirrors[" + j + "]";
                if (m.isNull()) {
                    throw new ShapeException(mPath, "null", "a mirror is null",
                            "remove the null mirror or write the mirror's location");
                }
                if (!m.isTextual()) {
                    throw wrongType(mPath, m, "a string", kind);
                }
                mirrors.add(m.textValue());
            }
        }
        // ICSP has no policy field: its entries always allow contacting the source, whatever extra
        // field a client sends (the API server prunes it).
        JsonNode policy = kind.hasPolicyAndSchema()
                ? optional(e, "mirrorSourcePolicy", path + ".mirrorSourcePolicy", kind, false) : null;
        return new MirrorEntry(index, source == null ? null : source.textValue(), mirrors,
                policy == null ? null : policy.textValue());
    }

    /**
     * {@code spec.registrySources} of the image config. Unreadable parts count as unset: the config
     * is context for the mirror rules, not the object under review.
     */
    public static ImageConfig imageConfig(JsonNode object) {
        JsonNode rs = object.path("spec").path("registrySources");
        return new ImageConfig(strings(rs.get("allowedRegistries")), strings(rs.get("blockedRegistries")),
                strings(rs.get("insecureRegistries")), strings(rs.get("containerRuntimeSearchRegistries")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode n : array) {
                if (n.isTextual()) {
                    out.add(n.textValue());
                }
            }
        }
        return out;
    }

    /** The field, or null when absent or null; an object or a string as asked, else X4. */
    private static JsonNode optional(JsonNode parent, String field, String path, MirrorSetKind kind, boolean object)
            throws ShapeException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (object ? !v.isObject() : !v.isTextual()) {
            throw wrongType(path, v, object ? "an object" : "a string", kind);
        }
        return v;
    }

    private static ShapeException wrongType(String path, JsonNode found, String expected, MirrorSetKind kind) {
        return new ShapeException(path, describe(found), "expected " + expected + ", found " + describe(found),
                "write this field as the " + kind.kind() + " schema defines it");
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    /** A value as messages name it: its type, and a short rendering of a scalar. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "a list";
            case STRING -> "the string " + clip(node.textValue());
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> "the boolean " + node.asText();
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** Quoted with control characters escaped, so a hostile value cannot forge a message line. */
    private static String clip(String s) {
        return Quote.of(s);
    }
}
