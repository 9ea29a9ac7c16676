package io.idmswebhook.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The bodies of the robustness suite: a fixed list of hostile cases, a systematic walk that puts
 * every other JSON type at every node of valid reviews, and seeded random ones to fill up the
 * requested count. Same seed, same bodies.
 */
final class HostileBodies {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String[] PATHS = {"/validate", "/mutate"};
    /** The golden reviews that are allowed as they are: the starting points of the walk. */
    static final String[] BASES = {"idms-allowed", "itms-allowed", "icsp-allowed", "update-allowed"};

    /**
     * Fields of the object whose JSON type the reader insists on: another type there (null aside)
     * is rule X4. The list field is spec.imageDigestMirrors, spec.imageTagMirrors or
     * spec.repositoryDigestMirrors.
     */
    private static final Map<Pattern, JsonNodeType> SHAPED = Map.of(
            Pattern.compile("/request/object"), JsonNodeType.OBJECT,
            Pattern.compile("/request/object/metadata"), JsonNodeType.OBJECT,
            Pattern.compile("/request/object/metadata/name"), JsonNodeType.STRING,
            Pattern.compile("/request/object/spec"), JsonNodeType.OBJECT,
            Pattern.compile("/request/object/spec/[a-zA-Z]+Mirrors"), JsonNodeType.ARRAY,
            Pattern.compile("/request/object/spec/[a-zA-Z]+Mirrors/\\d+"), JsonNodeType.OBJECT,
            Pattern.compile("/request/object/spec/[a-zA-Z]+Mirrors/\\d+/(source|mirrorSourcePolicy)"), JsonNodeType.STRING,
            Pattern.compile("/request/object/spec/[a-zA-Z]+Mirrors/\\d+/mirrors"), JsonNodeType.ARRAY,
            Pattern.compile("/request/object/spec/[a-zA-Z]+Mirrors/\\d+/mirrors/\\d+"), JsonNodeType.STRING);
    /** Where null is also X4: a null entry or mirror (the object itself null: "no object to check"). */
    private static final Pattern NULL_IS_SHAPE_ERROR =
            Pattern.compile("/request/object(/spec/[a-zA-Z]+Mirrors/\\d+(/mirrors/\\d+)?)?");

    private final Random random;
    private final long maxBody;
    private int uids;

    HostileBodies(long seed, long maxBody) {
        this.random = new Random(seed);
        this.maxBody = maxBody;
    }

    static ObjectNode base(String name) {
        try {
            return (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("src/test/resources/golden", name + ".request.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String uid() {
        return "robust-" + uids++;
    }

    /** A copy of a base review with a fresh uid. */
    private ObjectNode review(String base, String uid) {
        ObjectNode r = base(base);
        ((ObjectNode) r.get("request")).put("uid", uid);
        return r;
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Both endpoints get the case; /mutate may expect otherwise (over-limit objects are left to /validate). */
    private static void both(Consumer<HostileCase> out, String category, byte[] body, Expect expect, String uid, String rule,
                             Expect onMutate) {
        out.accept(new HostileCase(category, "/validate", body, expect, uid, rule));
        out.accept(new HostileCase(category, "/mutate", body, onMutate, uid, onMutate == Expect.DENIED ? rule : null));
    }

    private static void both(Consumer<HostileCase> out, String category, byte[] body, Expect expect, String uid, String rule) {
        both(out, category, body, expect, uid, rule, expect);
    }

    // ------------------------------------------------------------------------------------------
    // Fixed cases
    // ------------------------------------------------------------------------------------------

    void fixed(Consumer<HostileCase> out) {
        invalidUtf8(out);
        duplicateKeys(out);
        deepNesting(out);
        hugeValues(out);
        limits(out);
        sizeCap(out);
        reviewEnvelope(out);
        unknownKinds(out);
        injection(out);
    }

    private void invalidUtf8(Consumer<HostileCase> out) {
        byte[][] broken = {
                {(byte) 0xC3, 0x28},                       // a lead byte followed by ASCII
                {(byte) 0xFF},                             // never valid in UTF-8
                {(byte) 0xC0, (byte) 0xAF},                // overlong "/"
                {(byte) 0xE2, (byte) 0x82},                // a three-byte sequence cut short
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // five-byte form
                {(byte) 0x80},                             // a lone continuation byte
        };
        for (byte[] b : broken) {
            String uid = uid();
            byte[] body = bytes(review("idms-allowed", uid));
            byte[] marker = utf8("quay.io/ocp\"");
            both(out, "invalid-utf8", splice(body, marker, b), Expect.BAD_REQUEST, uid, null);
        }
        // A lone surrogate written as a JSON escape is valid JSON: it must be judged, never allowed.
        String uid = uid();
        ObjectNode r = review("idms-allowed", uid);
        entry(r, 0).put("source", "quay.io/oc\ud800p");
        both(out, "invalid-utf8", bytes(r), Expect.NOT_ALLOWED, uid, null);
    }

    /** {@code body} with {@code insert} placed just before the first occurrence of {@code marker}'s last byte. */
    private static byte[] splice(byte[] body, byte[] marker, byte[] insert) {
        int at = indexOf(body, marker) + marker.length - 1;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(body, 0, at);
        b.write(insert, 0, insert.length);
        b.write(body, at, body.length - at);
        return b.toByteArray();
    }

    private static int indexOf(byte[] body, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= body.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (body[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("marker not in body");
    }

    private void duplicateKeys(Consumer<HostileCase> out) {
        String[][] dupes = {
                {"{\"apiVersion\":", "{\"apiVersion\":\"x\",\"apiVersion\":"},
                {"\"uid\":", "\"uid\":\"other\",\"uid\":"},
                {"\"operation\":", "\"operation\":\"DELETE\",\"operation\":"},
                {"\"spec\":", "\"spec\":{},\"spec\":"},
                {"\"source\":", "\"source\":\"quay.io\",\"source\":"},
                {"\"mirrors\":", "\"mirrors\":[],\"mirrors\":"},
                {"\"mirrorSourcePolicy\":", "\"mirrorSourcePolicy\":\"AllowContactingSource\",\"mirrorSourcePolicy\":"},
        };
        for (String[] d : dupes) {
            String uid = uid();
            String body = new String(bytes(review("idms-allowed", uid)), StandardCharsets.UTF_8);
            if (!body.contains(d[0])) {
                throw new IllegalStateException("no " + d[0] + " in the base review");
            }
            both(out, "duplicate-keys", utf8(body.replaceFirst(Pattern.quote(d[0]), d[1])), Expect.BAD_REQUEST, uid, null);
        }
    }

    private void deepNesting(Consumer<HostileCase> out) {
        int depth = 10_000;
        both(out, "deep-nesting", utf8("[".repeat(depth) + "]".repeat(depth)), Expect.BAD_REQUEST, null, null);
        both(out, "deep-nesting", utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)), Expect.BAD_REQUEST, null, null);
        // Deep inside an otherwise valid review: annotations, and in place of a mirror.
        for (String where : new String[] {"\"metadata\":{", "\"mirrors\":["}) {
            String uid = uid();
            String body = new String(bytes(review("idms-allowed", uid)), StandardCharsets.UTF_8);
            String nest = "[".repeat(depth) + "]".repeat(depth) + (where.endsWith("[") ? "," : "");
            String inserted = where.endsWith("{") ? where + "\"annotations\":{\"x\":" + nest + "}," : where + nest;
            both(out, "deep-nesting", utf8(body.replaceFirst(Pattern.quote(where), inserted)), Expect.BAD_REQUEST, uid, null);
        }
        // Within the nesting limit, deep unknown content is ignored and the object is judged.
        String uid = uid();
        ObjectNode r = review("idms-allowed", uid);
        ObjectNode deep = ((ObjectNode) r.at("/request/object/metadata")).putObject("annotations");
        for (int i = 0; i < 100; i++) {
            deep = deep.putObject("a");
        }
        both(out, "deep-nesting", bytes(r), Expect.ALLOWED, uid, null);
    }

    private void hugeValues(Consumer<HostileCase> out) {
        // Past the JSON string limit (1 MiB): refused while parsing.
        String uid = uid();
        ObjectNode r = review("idms-allowed", uid);
        entry(r, 0).put("source", "q".repeat((1 << 20) + 1));
        both(out, "huge-string", bytes(r), Expect.BAD_REQUEST, uid, null);
        // Just under it, and just past the location limit: parsed, then denied by X3 on /validate.
        for (int length : new int[] {(1 << 20) - 16, 1025, 100_000}) {
            uid = uid();
            r = review("idms-allowed", uid);
            entry(r, 0).put("source", "quay.io/" + "q".repeat(length - 8));
            both(out, "huge-string", bytes(r), Expect.DENIED, uid, "X3", Expect.ALLOWED_UNCHANGED);
            uid = uid();
            r = review("idms-allowed", uid);
            ((ArrayNode) entry(r, 0).get("mirrors")).add("mirror.example/" + "m".repeat(length - 15));
            both(out, "huge-string", bytes(r), Expect.DENIED, uid, "X3", Expect.ALLOWED_UNCHANGED);
        }
        // A big annotation is none of the webhook's business: judged on the mirrors alone.
        uid = uid();
        r = review("idms-allowed", uid);
        ((ObjectNode) r.at("/request/object/metadata")).putObject("annotations").put("big", "a".repeat(1_000_000));
        both(out, "huge-string", bytes(r), Expect.ALLOWED, uid, null);
        // A field name past Jackson's name limit (50,000).
        uid = uid();
        r = review("idms-allowed", uid);
        ((ObjectNode) r.at("/request/object/metadata")).putObject("labels").put("k".repeat(60_000), "v");
        both(out, "huge-string", bytes(r), Expect.BAD_REQUEST, uid, null);
        // Numbers: past the digit limit, and a float that overflows a double.
        uid = uid();
        String body = new String(bytes(review("idms-allowed", uid)), StandardCharsets.UTF_8);
        both(out, "huge-number", utf8(body.replaceFirst("\"dryRun\":false", "\"dryRun\":false,\"n\":" + "9".repeat(1000))),
                Expect.BAD_REQUEST, uid, null);
        uid = uid();
        r = review("idms-allowed", uid);
        body = new String(bytes(r), StandardCharsets.UTF_8).replaceFirst("\"metadata\":\\{", "\"metadata\":{\"generation\":1e999999,");
        both(out, "huge-number", utf8(body), Expect.ANSWERED, uid, null);
        uid = uid();
        r = review("idms-allowed", uid);
        body = new String(bytes(r), StandardCharsets.UTF_8).replaceFirst("\"source\":\"quay.io/ocp\"", "\"source\":1e999999");
        both(out, "huge-number", utf8(body), Expect.DENIED, uid, "X4");
    }

    private void limits(Consumer<HostileCase> out) {
        // 100,000 mirrors in one list (about 1.3 MB, inside the 3 MiB cap).
        String uid = uid();
        ObjectNode r = withMirrors(review("idms-allowed", uid), 100_000);
        both(out, "limits", bytes(r), Expect.DENIED, uid, "X3", Expect.ALLOWED_UNCHANGED);
        // As many mirrors as fit under the cap.
        uid = uid();
        r = withMirrors(review("idms-allowed", uid), largestFitting(uid));
        byte[] largest = bytes(r);
        if (largest.length > maxBody) {
            throw new IllegalStateException("largest list does not fit: " + largest.length);
        }
        both(out, "limits", largest, Expect.DENIED, uid, "X3", Expect.ALLOWED_UNCHANGED);
        // One past each limit, and the heaviest object within all of them.
        uid = uid();
        both(out, "limits", bytes(withEntries(review("idms-allowed", uid), 10_001, 1, false)), Expect.DENIED, uid, "X3",
                Expect.ALLOWED_UNCHANGED);
        uid = uid();
        both(out, "limits", bytes(withMirrors(review("idms-allowed", uid), 101)), Expect.DENIED, uid, "X3",
                Expect.ALLOWED_UNCHANGED);
        uid = uid();
        both(out, "limits", bytes(withEntries(review("idms-allowed", uid), 201, 100, false)), Expect.DENIED, uid, "X3",
                Expect.ALLOWED_UNCHANGED);
        uid = uid();
        both(out, "limits", bytes(withEntries(review("idms-allowed", uid), 10_000, 2, false)), Expect.ANSWERED, uid, null);
        // 4,000 entries on one source: the merge and the order rules see 4,000 lists at once.
        uid = uid();
        both(out, "limits", bytes(withEntries(review("icsp-allowed", uid), 4_000, 5, true)), Expect.ANSWERED, uid, null);
        uid = uid();
        both(out, "limits", bytes(withEntries(review("idms-allowed", uid), 50, 100, true)), Expect.ANSWERED, uid, null);
    }

    /** The biggest mirror count whose review still fits under the body cap. */
    private int largestFitting(String uid) {
        int low = 100_000;
        int high = 400_000;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (bytes(withMirrors(review("idms-allowed", uid), mid)).length <= maxBody) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static ObjectNode withMirrors(ObjectNode review, int count) {
        ArrayNode mirrors = entry(review, 0).putArray("mirrors");
        for (int i = 0; i < count; i++) {
            mirrors.add("m" + i + ".example/ocp");
        }
        return review;
    }

    /** {@code count} entries of {@code mirrors} mirrors each, on distinct sources or all on one. */
    private static ObjectNode withEntries(ObjectNode review, int count, int mirrors, boolean oneSource) {
        ArrayNode list = (ArrayNode) review.at("/request/object/spec").elements().next();
        list.removeAll();
        for (int i = 0; i < count; i++) {
            ObjectNode e = list.addObject().put("source", oneSource ? "quay.io/ocp" : "quay.io/ns" + i + "/repo");
            ArrayNode m = e.putArray("mirrors");
            for (int j = 0; j < mirrors; j++) {
                // Overlapping lists in rotating order, so the merge meets cycles.
                m.add("mirror" + ((i + j) % (mirrors + 1)) + ".example/ocp");
            }
        }
        return review;
    }

    private void sizeCap(Consumer<HostileCase> out) {
        // A valid review padded with whitespace to exactly the cap, then one byte more.
        for (long size : new long[] {maxBody, maxBody + 1, maxBody + 1024}) {
            String uid = uid();
            byte[] body = bytes(review("idms-allowed", uid));
            byte[] padded = new byte[(int) size];
            System.arraycopy(body, 0, padded, 0, body.length);
            java.util.Arrays.fill(padded, body.length, padded.length, (byte) ' ');
            both(out, "size-cap", padded, size <= maxBody ? Expect.ALLOWED : Expect.TOO_LARGE, uid, null);
        }
        // 100,000 long mirrors: the list that does not fit.
        String uid = uid();
        ObjectNode r = review("idms-allowed", uid);
        ArrayNode mirrors = entry(r, 0).putArray("mirrors");
        for (int i = 0; i < 100_000; i++) {
            mirrors.add("mirror" + i + ".registry.example.com/openshift/release");
        }
        both(out, "size-cap", bytes(r), Expect.TOO_LARGE, uid, null);
    }

    private void reviewEnvelope(Consumer<HostileCase> out) {
        String[] edits = {"/request/uid", "", "/request/uid", "", "/request/uid", "null", "/request/uid", "42",
                "/request", "null", "/request", "[]", "/apiVersion", "\"admission.k8s.io/v1beta1\"", "/kind", "\"Pod\"",
                "/request/kind", "null", "/request/operation", "null", "/request/kind/kind", "null"};
        for (int i = 0; i < edits.length; i += 2) {
            String uid = uid();
            ObjectNode r = review("idms-allowed", uid);
            if (i == 0) {
                ((ObjectNode) r.get("request")).remove("uid");
            } else {
                set(r, edits[i], parse(edits[i + 1].isEmpty() ? "\"\"" : edits[i + 1]));
            }
            both(out, "envelope", bytes(r), Expect.BAD_REQUEST, uid, null);
        }
        String uid = uid();
        byte[] one = bytes(review("idms-allowed", uid));
        byte[] two = new byte[one.length * 2];
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, 0, two, one.length, one.length);
        both(out, "envelope", two, Expect.BAD_REQUEST, uid, null);
        both(out, "envelope", new byte[0], Expect.BAD_REQUEST, null, null);
        for (String op : new String[] {"DELETE", "CONNECT"}) {
            uid = uid();
            ObjectNode r = review("idms-allowed", uid);
            ((ObjectNode) r.get("request")).put("operation", op);
            both(out, "envelope", bytes(r), Expect.ALLOWED, uid, null);
        }
        uid = uid();
        ObjectNode r = review("idms-allowed", uid);
        ((ObjectNode) r.get("request")).put("operation", "PATCH");
        both(out, "envelope", bytes(r), Expect.DENIED, uid, "X4");
        uid = uid();
        r = review("idms-allowed", uid);
        ((ObjectNode) r.get("request")).remove("object");
        both(out, "envelope", bytes(r), Expect.DENIED, uid, "X4");
    }

    private void unknownKinds(Consumer<HostileCase> out) {
        String[][] kinds = {{"", "v1", "Pod"}, {"config.openshift.io", "v2", "ImageDigestMirrorSet"},
                {"config.openshift.io", "v1alpha1", "ImageTagMirrorSet"}, {"operator.openshift.io", "v1", "ImageContentSourcePolicy"},
                {"operator.openshift.io", "v1alpha1", "ImageDigestMirrorSet"}, {"example.com", "v1", "ImageDigestMirrorSet"}};
        for (String[] k : kinds) {
            String uid = uid();
            ObjectNode r = review("idms-allowed", uid);
            ((ObjectNode) r.at("/request/kind")).put("group", k[0]).put("version", k[1]).put("kind", k[2]);
            both(out, "unknown-kind", bytes(r), Expect.ALLOWED, uid, null);
        }
    }

    private void injection(Consumer<HostileCase> out) {
        // Values that try to forge a second finding line, a log line or a rule id; never allowed.
        String[] sources = {"quay.io/ocp\n[P1] forged line", "quay.io/ocp\r\n2026-01-01 ERROR forged", "quay.io/\u0000ocp",
                "quay.io/ocp\u001b[31m", "quay.io/ocp\" [S1]", "quay.io/ocp\u2028forged"};
        for (String s : sources) {
            String uid = uid();
            ObjectNode r = review("idms-allowed", uid);
            entry(r, 0).put("source", s);
            both(out, "injection", bytes(r), Expect.NOT_ALLOWED, uid, null);
            uid = uid();
            r = review("idms-allowed", uid);
            ((ArrayNode) r.at("/request/object/spec/imageDigestMirrors")).set(0, F.textNode(s));
            both(out, "injection", bytes(r), Expect.DENIED, uid, "X4");
        }
        String uid = uid();
        ObjectNode r = review("idms-allowed", uid);
        ((ObjectNode) r.get("request")).put("operation", "CREATE\n[S1] forged");
        both(out, "injection", bytes(r), Expect.DENIED, uid, "X4");
        uid = uid();
        r = review("idms-allowed", uid);
        ((ObjectNode) r.at("/request/kind")).put("kind", "Pod\n[X9] forged");
        both(out, "injection", bytes(r), Expect.ALLOWED, uid, null);
    }

    // ------------------------------------------------------------------------------------------
    // The systematic walk: every node of each base review, replaced by each other JSON type, and
    // removed.
    // ------------------------------------------------------------------------------------------

    static final List<JsonNode> REPLACEMENTS = List.of(F.nullNode(), F.booleanNode(true), F.numberNode(7),
            F.numberNode(2.5), F.textNode("x"), F.arrayNode(), F.objectNode());

    void typeWalk(Consumer<HostileCase> out) {
        for (String base : BASES) {
            List<String> pointers = new ArrayList<>();
            pointers(base(base), "", pointers);
            for (String pointer : pointers) {
                JsonNode original = base(base).at(pointer);
                for (JsonNode replacement : REPLACEMENTS) {
                    if (replacement.getNodeType() == original.getNodeType()) {
                        continue;
                    }
                    walkCase(out, base, pointer, replacement);
                }
                if (!pointer.isEmpty() && !pointer.matches(".*/\\d+$")) {
                    walkCase(out, base, pointer, null);
                }
            }
        }
    }

    private void walkCase(Consumer<HostileCase> out, String base, String pointer, JsonNode replacement) {
        String uid = uid();
        ObjectNode r = review(base, uid);
        JsonNode root = r;
        if (pointer.isEmpty()) {
            root = replacement == null ? F.missingNode() : replacement;
        } else if (replacement == null) {
            remove(r, pointer);
        } else {
            set(r, pointer, replacement.deepCopy());
        }
        String category = "type-walk";
        Expect expect;
        String rule = null;
        String sentUid = uid;
        if (pointer.isEmpty() || pointer.equals("/request") || pointer.equals("/apiVersion") || pointer.equals("/kind")) {
            expect = Expect.BAD_REQUEST;
        } else if (pointer.equals("/request/uid")) {
            boolean usable = replacement != null && replacement.isTextual() && !replacement.textValue().isEmpty();
            expect = usable ? Expect.ANSWERED : Expect.BAD_REQUEST;
            sentUid = usable ? replacement.textValue() : null;
        } else if (pointer.startsWith("/request/object")) {
            category = "type-walk-object";
            JsonNodeType shaped = shapedType(pointer);
            boolean x4 = replacement != null && shaped != null
                    && (replacement.isNull() ? NULL_IS_SHAPE_ERROR.matcher(pointer).matches() : replacement.getNodeType() != shaped);
            if (pointer.equals("/request/object") && (replacement == null || replacement.isNull())) {
                x4 = true;   // a CREATE without an object
            }
            expect = x4 ? Expect.DENIED : Expect.ANSWERED;
            rule = x4 ? "X4" : null;
        } else if (pointer.startsWith("/request/oldObject")) {
            // An unreadable old object excuses nothing and blocks nothing: the valid new object passes.
            category = "type-walk-object";
            expect = Expect.ALLOWED;
        } else {
            expect = Expect.ANSWERED;
        }
        both(out, category, bytes(root), expect, sentUid, rule);
    }

    private static JsonNodeType shapedType(String pointer) {
        for (Map.Entry<Pattern, JsonNodeType> e : SHAPED.entrySet()) {
            if (e.getKey().matcher(pointer).matches()) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void pointers(JsonNode node, String at, List<String> out) {
        out.add(at);
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                pointers(node.get(f), at + "/" + f, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers(node.get(i), at + "/" + i, out);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Seeded random cases, to fill up the requested count.
    // ------------------------------------------------------------------------------------------

    HostileCase randomCase() {
        String path = PATHS[random.nextInt(2)];
        String base = BASES[random.nextInt(BASES.length)];
        int kind = random.nextInt(4);
        if (kind == 0) {
            byte[] b = new byte[random.nextInt(2048)];
            random.nextBytes(b);
            // Random bytes that happen to be valid JSON are still not a review: 400 either way.
            return new HostileCase("random-bytes", path, b, Expect.BAD_REQUEST, null, null);
        }
        String uid = uid();
        byte[] valid = bytes(review(base, uid));
        if (kind == 1) {
            byte[] cut = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            return new HostileCase("truncated", path, cut, Expect.BAD_REQUEST, uid, null);
        }
        if (kind == 2) {
            byte[] b = valid.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            return new HostileCase("byte-flips", path, b, Expect.ANSWERED, null, null);
        }
        ObjectNode r = review(base, uid);
        List<String> pointers = new ArrayList<>();
        pointers(r, "", pointers);
        String pointer = pointers.get(1 + random.nextInt(pointers.size() - 1));
        set(r, pointer, randomValue(3));
        return new HostileCase("random-values", path, bytes(r), Expect.ANSWERED, null, null);
    }

    private JsonNode randomValue(int depth) {
        int k = random.nextInt(depth > 0 ? 8 : 6);
        return switch (k) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(random.nextBoolean());
            case 2 -> F.numberNode(random.nextLong());
            case 3 -> F.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
            case 4, 5 -> F.textNode(randomString());
            case 6 -> {
                ArrayNode a = F.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(randomValue(depth - 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = F.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    o.set(randomString(), randomValue(depth - 1));
                }
                yield o;
            }
        };
    }

    private String randomString() {
        String[] pieces = {"quay.io", "/", ":", "5000", "*.", "https://", "http://", "@sha256:", "ns", "-", "_", ".", " ",
                "\n", "\u0000", "é", "\ud83d\ude00", "\ud800", "NeverContactSource", "AllowContactingSource", "localhost", "\"", "\\"};
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------

    private static ObjectNode entry(ObjectNode review, int i) {
        return (ObjectNode) review.at("/request/object/spec").elements().next().get(i);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(ObjectNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static void remove(ObjectNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) root.at(pointer.substring(0, slash))).remove(pointer.substring(slash + 1));
    }
}
