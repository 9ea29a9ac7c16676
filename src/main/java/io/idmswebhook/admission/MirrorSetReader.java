package io.idmswebhook.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrorSet;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrors;
import io.fabric8.openshift.api.model.config.v1.ImageTagMirrorSet;
import io.fabric8.openshift.api.model.config.v1.ImageTagMirrors;
import io.fabric8.openshift.api.model.operator.v1alpha1.ImageContentSourcePolicy;
import io.fabric8.openshift.api.model.operator.v1alpha1.RepositoryDigestMirrors;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one place where the fabric8 models of IDMS, ITMS and ICSP become the kind-neutral
 * {@link MirrorSet} the rules read. Values are kept as written, odd ones included, so that the
 * rules can name them; only what the core model cannot hold (a value of the wrong JSON type, a
 * null entry or mirror) is refused here, as rule X4 with its field path.
 */
public final class MirrorSetReader {

    private final ObjectMapper mapper;

    public MirrorSetReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param kind   the kind the API server says the object is
     * @param object the object as sent in the review
     * @param fallbackName the request's name, for an object that has none of its own yet
     */
    public MirrorSet read(MirrorSetKind kind, JsonNode object, String fallbackName) throws ShapeException {
        if (!object.isObject()) {
            throw new ShapeException("", describe(object), "the object is " + describe(object) + ", not a "
                    + kind.kind(), "send the " + kind.kind() + " as a JSON object");
        }
        return switch (kind) {
            case IDMS -> read(convert(object, ImageDigestMirrorSet.class, kind), fallbackName);
            case ITMS -> read(convert(object, ImageTagMirrorSet.class, kind), fallbackName);
            case ICSP -> read(convert(object, ImageContentSourcePolicy.class, kind), fallbackName);
        };
    }

    /** An IDMS already typed (from the review, or from the cluster cache's informer). */
    public static MirrorSet read(ImageDigestMirrorSet idms, String fallbackName) throws ShapeException {
        MirrorSetKind kind = MirrorSetKind.IDMS;
        List<ImageDigestMirrors> list = idms.getSpec() == null ? null : idms.getSpec().getImageDigestMirrors();
        List<MirrorEntry> entries = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            ImageDigestMirrors e = entry(list, i, kind);
            entries.add(new MirrorEntry(i, e.getSource(), mirrors(e.getMirrors(), kind, i), e.getMirrorSourcePolicy()));
        }
        return new MirrorSet(kind, name(idms.getMetadata(), fallbackName), entries);
    }

    /** An ITMS already typed. */
    public static MirrorSet read(ImageTagMirrorSet itms, String fallbackName) throws ShapeException {
        MirrorSetKind kind = MirrorSetKind.ITMS;
        List<ImageTagMirrors> list = itms.getSpec() == null ? null : itms.getSpec().getImageTagMirrors();
        List<MirrorEntry> entries = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            ImageTagMirrors e = entry(list, i, kind);
            entries.add(new MirrorEntry(i, e.getSource(), mirrors(e.getMirrors(), kind, i), e.getMirrorSourcePolicy()));
        }
        return new MirrorSet(kind, name(itms.getMetadata(), fallbackName), entries);
    }

    /** An ICSP already typed. */
    public static MirrorSet read(ImageContentSourcePolicy icsp, String fallbackName) throws ShapeException {
        MirrorSetKind kind = MirrorSetKind.ICSP;
        List<RepositoryDigestMirrors> list = icsp.getSpec() == null ? null : icsp.getSpec().getRepositoryDigestMirrors();
        List<MirrorEntry> entries = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            RepositoryDigestMirrors e = entry(list, i, kind);
            // ICSP has no policy field: its entries always allow contacting the source.
            entries.add(new MirrorEntry(i, e.getSource(), mirrors(e.getMirrors(), kind, i), null));
        }
        return new MirrorSet(kind, name(icsp.getMetadata(), fallbackName), entries);
    }

    private <T> T convert(JsonNode object, Class<T> type, MirrorSetKind kind) throws ShapeException {
        try {
            return mapper.treeToValue(object, type);
        } catch (JsonMappingException e) {
            String path = path(e.getPath());
            JsonNode found = at(object, e.getPath());
            String expected = e instanceof MismatchedInputException mi ? expected(mi.getTargetType()) : "another value";
            throw new ShapeException(path, describe(found),
                    "expected " + expected + ", found " + describe(found),
                    "write this field as the " + kind.kind() + " schema defines it");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ShapeException("", "", "the object cannot be read as a " + kind.kind() + " (" + e.getMessage() + ")",
                    "write the object as the " + kind.kind() + " schema defines it");
        }
    }

    private static <E> E entry(List<E> list, int i, MirrorSetKind kind) throws ShapeException {
        E e = list.get(i);
        if (e == null) {
            throw new ShapeException("spec." + kind.listField() + "[" + i + "]", "null",
                    "an entry is null", "remove the null entry or give it a source");
        }
        return e;
    }

    private static List<String> mirrors(List<String> mirrors, MirrorSetKind kind, int entry) throws ShapeException {
        if (mirrors == null) {
            return List.of();
        }
        for (int j = 0; j < mirrors.size(); j++) {
            if (mirrors.get(j) == null) {
                throw new ShapeException("spec." + kind.listField() + "[" + entry + "].mirrors[" + j + "]", "null",
                        "a mirror is null", "remove the null mirror or write the mirror's location");
            }
        }
        return mirrors;
    }

    private static String name(ObjectMeta metadata, String fallback) {
        String name = metadata == null ? null : metadata.getName();
        return name == null || name.isEmpty() ? fallback : name;
    }

    /** {@code spec.imageDigestMirrors[0].mirrors}, from Jackson's reference chain. */
    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static JsonNode at(JsonNode root, List<JsonMappingException.Reference> refs) {
        JsonNode node = root;
        for (JsonMappingException.Reference r : refs) {
            if (node == null) {
                return null;
            }
            node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
        }
        return node;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive() && !Number.class.isAssignableFrom(type)
                && type != Boolean.class) {
            return "an object";
        }
        return type == Boolean.class || type == boolean.class ? "a boolean" : "a number";
    }

    static String describe(JsonNode node) {
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
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String clip(String s) {
        String quoted = '"' + s + '"';
        return quoted.length() <= 66 ? quoted : quoted.substring(0, 62) + "...\"";
    }
}
