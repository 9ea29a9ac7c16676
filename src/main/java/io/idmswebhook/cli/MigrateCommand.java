package io.idmswebhook.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.idmswebhook.core.merge.MirrorMerge;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.json.MirrorSetTranslator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code idms-lint migrate}: the ImageDigestMirrorSet that replaces each ImageContentSourcePolicy,
 * as {@code oc adm migrate icsp} writes it: one object per ICSP, the same name, labels and
 * annotations, the same entries in the same order with the same mirrors, and no
 * {@code mirrorSourcePolicy} (an ICSP always allows contacting the source, as an unset policy
 * does).
 *
 * <p>Two things differ from oc, both so that the result can be applied and lints clean where the
 * ICSP did: fields the API server sets (uid, resourceVersion, creationTimestamp, managedFields,
 * ...) and the ICSP's {@code last-applied-configuration} annotation are not copied, because a
 * create carrying them is refused or confuses {@code kubectl apply}; and a mirror repeated in
 * one entry, legal in an ICSP, is written once, the entry's mirrors in the order the nodes use
 * for them, since the IDMS schema refuses repeats.
 *
 * <p>One class, as every {@code idms-lint} command is: the conversion belongs to this command
 * alone, and every input is read and converted before anything is written, so an input that
 * cannot be migrated writes nothing.
 */
final class MigrateCommand implements Command {

    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final List<String> KEPT_METADATA = List.of("name", "generateName", "labels", "annotations");

    @Override
    public String name() {
        return "migrate";
    }

    @Override
    public String operands() {
        return "PATH...";
    }

    @Override
    public String summary() {
        return "write the ImageDigestMirrorSet that replaces each ImageContentSourcePolicy";
    }

    @Override
    public String description() {
        return """
                Writes, for each ImageContentSourcePolicy of the inputs, the ImageDigestMirrorSet
                that replaces it, as oc adm migrate icsp does: the same name, labels, annotations
                and entries. Server-set metadata and the last-applied-configuration annotation are
                not copied, and an entry that repeats a mirror lists each mirror once, in the
                order the nodes use. Other kinds are
                skipped. PATH is read as for lint; YAML comments are not carried over.

                Without --dest-dir the objects go to standard output as one multi-document YAML
                stream; with it, each goes to imagedigestmirrorset_<name>.yaml in that folder.
                Exit codes: 0 written; 2 a usage error or an input that could not be used.""";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.value("dest-dir", "DIR", "write one file per object into DIR (created if missing)",
                false));
    }

    @Override
    public int run(Arguments args, Io io) throws UsageException {
        List<String> paths = args.operands();
        if (paths.isEmpty()) {
            throw new UsageException("needs at least one PATH (a file, a directory or - for standard input)");
        }
        String destDir = args.value("dest-dir");
        Inputs.Read read = new Inputs(io.in()).read(paths);
        boolean failed = false;
        for (InputProblem p : read.problems()) {
            io.err().println("idms-lint migrate: " + p);
            failed |= !p.kind().notice();
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES));
        List<ObjectNode> migrated = new ArrayList<>();
        int skipped = 0;
        for (Inputs.Input in : read.inputs()) {
            Optional<MirrorSetKind> kind = MirrorSetTranslator.kindOf(in.object());
            if (kind.isEmpty() || kind.get() != MirrorSetKind.ICSP) {
                skipped++;
                continue;
            }
            try {
                MirrorSetTranslator.read(MirrorSetKind.ICSP, in.object(), "");
            } catch (io.idmswebhook.json.ShapeException e) {
                io.err().println("idms-lint migrate: " + in.origin().file() + ":"
                        + in.positions().of(e.finding().path()) + ": not migrated: " + e.finding().message());
                failed = true;
                continue;
            }
            migrated.add(idms(in, io));
        }
        if (failed) {
            return Main.USAGE;
        }
        try {
            if (destDir == null) {
                StringBuilder sb = new StringBuilder();
                for (ObjectNode o : migrated) {
                    sb.append(yaml.writeValueAsString(o));
                }
                io.out().print(sb);
            } else {
                write(Path.of(destDir), migrated, yaml, io);
            }
        } catch (IOException e) {
            io.err().println("idms-lint migrate: cannot write " + destDir + ": " + Inputs.plain(e.getMessage()));
            return Main.USAGE;
        }
        io.err().println("migrate: " + migrated.size() + " ImageContentSourcePolicy object(s) migrated, " + skipped
                + " other object(s) skipped");
        return Main.OK;
    }

    /** The IDMS for one ICSP, fields in the order kubectl and oc print them. */
    static ObjectNode idms(Inputs.Input in, Io io) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode icsp = in.object();
        ObjectNode out = f.objectNode();
        out.put("apiVersion", MirrorSetKind.IDMS.apiVersion());
        out.put("kind", MirrorSetKind.IDMS.kind());
        ObjectNode metadata = out.putObject("metadata");
        JsonNode oldMetadata = icsp.path("metadata");
        for (String field : KEPT_METADATA) {
            JsonNode v = oldMetadata.get(field);
            if (v != null && !v.isNull()) {
                metadata.set(field, v.deepCopy());
            }
        }
        if (metadata.get("annotations") instanceof ObjectNode annotations) {
            annotations.remove(LAST_APPLIED);
            if (annotations.isEmpty()) {
                metadata.remove("annotations");
            }
        }
        ArrayNode entries = out.putObject("spec").putArray(MirrorSetKind.IDMS.listField());
        JsonNode oldEntries = icsp.path("spec").path(MirrorSetKind.ICSP.listField());
        for (int i = 0; i < oldEntries.size(); i++) {
            JsonNode e = oldEntries.get(i);
            ObjectNode entry = entries.addObject();
            entry.set("source", e.path("source").deepCopy());
            List<String> written = new ArrayList<>();
            e.path("mirrors").forEach(m -> written.add(m.textValue()));
            String source = e.path("source").asText("");
            List<String> mirrors = written;
            if (new LinkedHashSet<>(written).size() < written.size()) {
                // A repeat makes the ICSP's list a cycle, which the nodes' merge breaks in byte
                // order; the list that order spells out merges to the same order, without repeats.
                mirrors = MirrorMerge.merge(source, List.of(written)).order();
                io.err().println("idms-lint migrate: " + in.origin().file() + ":"
                        + in.positions().of("spec." + MirrorSetKind.ICSP.listField() + "[" + i + "].mirrors")
                        + ": ImageContentSourcePolicy/" + metadata.path("name").asText("") + ": " + source
                        + " lists a mirror more than once (" + String.join(", ", written)
                        + "); the ImageDigestMirrorSet lists each once, in the order the nodes use: "
                        + String.join(", ", mirrors));
            }
            if (!mirrors.isEmpty()) {
                ArrayNode a = entry.putArray("mirrors");
                mirrors.forEach(a::add);
            }
        }
        return out;
    }

    private static void write(Path dir, List<ObjectNode> migrated, ObjectMapper yaml, Io io) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a folder");
        }
        Files.createDirectories(dir);
        for (ObjectNode o : migrated) {
            String name = o.path("metadata").path("name").asText("");
            if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
                name = "unnamed-" + migrated.indexOf(o);
            }
            Path file = dir.resolve("imagedigestmirrorset_" + name + ".yaml");
            try {
                Files.writeString(file, yaml.writeValueAsString(o), StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new IOException("cannot render " + name + ": " + e.getOriginalMessage(), e);
            }
            io.err().println("wrote ImageDigestMirrorSet to " + file);
        }
    }
}
