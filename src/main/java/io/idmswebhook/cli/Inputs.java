package io.idmswebhook.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the command's PATH arguments into Kubernetes objects with the place each field was
 * written: files (YAML or JSON, several documents each), directories (recursively,
 * {@code *.yaml}, {@code *.yml}, {@code *.json}, in name order so the output is the same on every
 * machine) and {@code -} for standard input; each input's documents are read by
 * {@link DocumentReader}.
 *
 * <p>A file that cannot be used is an {@link InputProblem} and the others are still read, so one
 * binary or template in a folder never hides the findings of the rest. A folder holding a
 * {@code kustomization.yaml} is not read as loose files: its patches are not the objects that
 * kustomize builds from them.
 *
 * <p>One class with the records every command reads ({@link Origin}, {@link Input},
 * {@link Read}) and the plain wording of a library's failure, which both the walk and the
 * document reader report in.
 */
final class Inputs {

    /** Where an object came from: {@code file:0} or, inside a List, {@code file:0.items[3]}. */
    record Origin(String file, int document, int item) {
        String doc() {
            return item < 0 ? Integer.toString(document) : document + ".items[" + item + "]";
        }

        @Override
        public String toString() {
            return file + ":" + doc();
        }
    }

    record Input(Origin origin, JsonNode object, Positions positions) {
    }

    /** What the PATHs held: the objects, the inputs that could not be used, and whether a PATH named a file. */
    record Read(List<Input> inputs, List<InputProblem> problems, boolean fileNamed) {
    }

    static final String STDIN = "-";
    /** How standard input is named in the output. */
    static final String STDIN_NAME = "stdin";

    private static final Set<String> KUSTOMIZATION_FILES = Set.of("kustomization.yaml", "kustomization.yml",
            "Kustomization");

    private final DocumentReader documents = new DocumentReader();
    private final InputStream stdin;

    Inputs(InputStream stdin) {
        this.stdin = stdin;
    }

    Read read(List<String> paths) throws UsageException {
        if (paths.stream().filter(STDIN::equals).count() > 1) {
            throw new UsageException("'-' (standard input) is given twice; give it once");
        }
        List<Input> out = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        boolean fileNamed = false;
        for (String p : paths) {
            if (STDIN.equals(p)) {
                fileNamed = true;
                readStream(STDIN_NAME, stdin, out, problems);
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                if (isKustomization(path)) {
                    problems.add(kustomize(path, InputProblem.Kind.KUSTOMIZE));
                    continue;
                }
                for (Path f : filesUnder(path, problems)) {
                    readFile(f, out, problems);
                }
            } else {
                fileNamed = true;
                readFile(path, out, problems);
            }
        }
        return new Read(out, problems, fileNamed);
    }

    private static InputProblem kustomize(Path dir, InputProblem.Kind kind) {
        String skipped = kind == InputProblem.Kind.KUSTOMIZE_SKIPPED ? "skipped: " : "";
        return new InputProblem(dir.toString(), Position.START, kind, skipped + "a kustomize folder (it holds "
                + kustomizationFile(dir) + "): its files are bases and patches, not the objects kustomize builds "
                + "from them; lint the build instead: kustomize build " + dir + " | idms-lint lint -");
    }

    private static boolean isKustomization(Path dir) {
        return kustomizationFile(dir) != null;
    }

    private static String kustomizationFile(Path dir) {
        for (String name : KUSTOMIZATION_FILES) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return name;
            }
        }
        return null;
    }

    private static List<Path> filesUnder(Path dir, List<InputProblem> problems) {
        List<Path> kustomizations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> {
                if (Files.isDirectory(p) && !p.equals(dir) && isKustomization(p)) {
                    kustomizations.add(p);
                }
                return Files.isRegularFile(p) && isManifest(p);
            }).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(new InputProblem(dir.toString(), Position.START, InputProblem.Kind.UNREADABLE,
                    "cannot list the folder: " + reason(e)));
            return List.of();
        }
        kustomizations.sort(null);
        for (Path k : kustomizations) {
            problems.add(kustomize(k, InputProblem.Kind.KUSTOMIZE_SKIPPED));
        }
        return files.stream().filter(f -> kustomizations.stream().noneMatch(f::startsWith)).toList();
    }

    private static boolean isManifest(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private void readFile(Path f, List<Input> out, List<InputProblem> problems) {
        String name = f.toString();
        if (!Files.exists(f)) {
            problems.add(InputProblem.unreadable(name, Position.START, "no such file or directory"));
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            problems.add(InputProblem.unreadable(name, Position.START, "cannot read the file: " + reason(e)));
            return;
        }
        documents.read(name, bytes, out, problems);
    }

    private void readStream(String name, InputStream in, List<Input> out, List<InputProblem> problems) {
        try {
            documents.read(name, in.readAllBytes(), out, problems);
        } catch (IOException e) {
            problems.add(InputProblem.unreadable(name, Position.START, "cannot read standard input: " + reason(e)));
        }
    }

    /** Why reading failed, in words: the exception's message without its Java names. */
    static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        String m = cause.getMessage();
        return m == null || m.isBlank() ? "an input/output error" : plain(m);
    }

    /** One line, without the Java class names that some library messages carry. */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        String m = message.replaceAll("\\s*\\n\\s*", " ")
                .replace(" (Scalar value in YAML)", "");
        // the YAML parser names the event it met by its class: say what it is in the file instead
        Matcher event = PARSER_EVENT.matcher(m);
        StringBuilder sb = new StringBuilder();
        while (event.find()) {
            event.appendReplacement(sb, Matcher.quoteReplacement(switch (event.group(1)) {
                case "MappingStart" -> "a mapping ({ or an indented key: value)";
                case "SequenceStart" -> "a list ([ or an indented -)";
                case "Scalar" -> "a value";
                case "Alias" -> "an alias (*name)";
                default -> "the end of a mapping or list";
            }));
        }
        event.appendTail(sb);
        return sb.toString()
                .replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*", "")
                .replaceAll("\\s+\\(through reference chain[^)]*\\)", "")
                .strip();
    }

    private static final Pattern PARSER_EVENT = Pattern.compile("<?(?:[a-z]+\\.)+(\\w+?)Event(?:\\([^)]*\\))?>?");
}
