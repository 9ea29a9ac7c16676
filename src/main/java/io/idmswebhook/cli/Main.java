package io.idmswebhook.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.json.Preview;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline commands over the webhook's rule engine. A plain entry point on purpose: no
 * framework boot, no port, no Kubernetes client, so it starts in a fraction of a second in a CI
 * job and runs beside a live webhook.
 *
 * <pre>
 * lint    [--format text|json] [--strict] PATH...
 * preview [--format toml|json] PATH...
 * </pre>
 *
 * Exit codes: 0 nothing denied; 1 something denied (with {@code --strict}, also any warning);
 * 2 usage error or unreadable input, with the reason on standard error.
 */
public final class Main {

    public static final int OK = 0;
    public static final int DENIED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: idms-lint lint [--format text|json] [--strict] PATH...
                   idms-lint preview [--format toml|json] PATH...
            PATH is a YAML or JSON file (several documents and List kinds allowed), a directory
            (read recursively: *.yaml, *.yml, *.json) or - for standard input.
            lint exits 0 when nothing is denied, 1 when something is (--strict: or warned), 2 on
            a usage error or unreadable input.""";

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, System.in, out, err);
        out.flush();
        System.exit(code);
    }

    /** The whole command, with its streams passed in so tests run it in-process. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String command = args[0];
        if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
            out.println(USAGE_TEXT);
            return OK;
        }
        if (!command.equals("lint") && !command.equals("preview")) {
            err.println("idms-lint: unknown command \"" + command + "\"; use lint or preview");
            err.println(USAGE_TEXT);
            return USAGE;
        }
        boolean lint = command.equals("lint");
        String format = lint ? "text" : "toml";
        boolean strict = false;
        List<String> paths = new ArrayList<>();
        boolean onlyPaths = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (onlyPaths || a.equals("-") || !a.startsWith("-")) {
                paths.add(a);
            } else if (a.equals("--")) {
                onlyPaths = true;
            } else if (a.equals("--strict") && lint) {
                strict = true;
            } else if (a.equals("--format") || a.startsWith("--format=")) {
                String value;
                if (a.startsWith("--format=")) {
                    value = a.substring("--format=".length());
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return usage(err, "--format needs a value");
                }
                List<String> allowed = lint ? List.of("text", "json") : List.of("toml", "json");
                if (!allowed.contains(value)) {
                    return usage(err, command + " --format must be one of " + String.join(", ", allowed)
                            + ", not \"" + value + "\"");
                }
                format = value;
            } else {
                return usage(err, "unknown option \"" + a + "\" for " + command);
            }
        }
        if (paths.isEmpty()) {
            return usage(err, command + " needs at least one PATH (a file, a directory or - for standard input)");
        }
        Workspace workspace;
        try {
            workspace = Workspace.of(new Inputs(stdin).read(paths));
        } catch (InputException e) {
            err.println("idms-lint: " + e.getMessage());
            return USAGE;
        }
        if (!lint) {
            Preview p = Preview.of(workspace.index().objects());
            out.print(format.equals("json") ? json(p.json("files")) : p.toml());
            return OK;
        }
        List<Lint.Result> results = Lint.run(workspace, new MirrorSetValidator());
        if (format.equals("json")) {
            out.print(json(Lint.json(results, workspace)));
        } else {
            out.print(Lint.text(results));
            err.println(Lint.summary(results, workspace));
        }
        if (Lint.anyDenied(results)) {
            return DENIED;
        }
        return strict && Lint.anyWarning(results) ? DENIED : OK;
    }

    private static int usage(PrintStream err, String reason) {
        err.println("idms-lint: " + reason);
        err.println(USAGE_TEXT);
        return USAGE;
    }

    static String json(JsonNode node) {
        return Preview.pretty(node);
    }
}
