package io.idmswebhook.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code idms-lint}, the offline commands over the webhook's rule engine. A plain entry point on
 * purpose: no framework boot, no port, no Kubernetes client, so it starts in a fraction of a
 * second in a CI job and runs beside a live webhook.
 *
 * <p>Each command is one {@link Command} class; this class only picks the command, parses its
 * flags and prints help, usage errors and the version.
 *
 * <p>Exit codes: 0 nothing denied; 1 something denied; 2 a usage error or an input that could not
 * be used, with the reason on standard error.
 */
public final class Main {

    public static final int OK = 0;
    public static final int DENIED = 1;
    public static final int USAGE = 2;

    private static final Map<String, Command> COMMANDS = commands(new LintCommand(), new PreviewCommand(),
            new ExplainCommand(), new DiffCommand(), new MigrateCommand(), new CompletionCommand());

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, System.in, out, err);
        out.flush();
        System.exit(code);
    }

    /** The whole program, with its streams passed in so tests run it in-process. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        Io io = new Io(stdin, out, err);
        if (args.length == 0) {
            err.print(Help.overview(COMMANDS.values()));
            return USAGE;
        }
        String word = args[0];
        if (word.equals("--help") || word.equals("-h")) {
            out.print(Help.overview(COMMANDS.values()));
            return OK;
        }
        if (word.equals("--version")) {
            out.println(Version.line());
            return OK;
        }
        if (word.equals("help")) {
            if (args.length == 1) {
                out.print(Help.overview(COMMANDS.values()));
                return OK;
            }
            Command c = COMMANDS.get(args[1]);
            if (c == null) {
                return unknown(err, args[1]);
            }
            out.print(Help.of(c));
            return OK;
        }
        Command command = COMMANDS.get(word);
        if (command == null) {
            return unknown(err, word);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        int end = rest.indexOf("--");
        List<String> flagsPart = end < 0 ? rest : rest.subList(0, end);
        if (flagsPart.contains("--help") || flagsPart.contains("-h")) {
            out.print(Help.of(command));
            return OK;
        }
        try {
            return command.run(Arguments.parse(command, rest), io);
        } catch (UsageException e) {
            err.println("idms-lint " + command.name() + ": " + e.getMessage());
            err.print(Help.of(command));
            return USAGE;
        }
    }

    private static int unknown(PrintStream err, String word) {
        err.println("idms-lint: unknown command \"" + word + "\"; the commands are "
                + String.join(", ", COMMANDS.keySet()));
        err.print(Help.overview(COMMANDS.values()));
        return USAGE;
    }

    private static Map<String, Command> commands(Command... commands) {
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command c : commands) {
            if (byName.put(c.name(), c) != null) {
                throw new IllegalStateException("two commands are named " + c.name());
            }
        }
        return byName;
    }

    /** The commands in the order help lists them, for help and the completion script. */
    static List<Command> commands() {
        return List.copyOf(COMMANDS.values());
    }
}
