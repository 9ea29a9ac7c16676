package io.idmswebhook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command dispatch, flag parsing, help and version that every command shares. */
class CommandLineTest {

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandsHelpListsEveryFlagItDeclares() {
        for (Command c : Main.commands()) {
            Run help = run(c.name(), "--help");
            assertEquals(Main.OK, help.code(), c.name());
            assertTrue(help.out().startsWith("usage: idms-lint " + c.name() + " [OPTIONS] "), help.out());
            for (Flag f : c.flags()) {
                assertTrue(help.out().contains(f.spelling()), c.name() + " --help misses " + f.spelling());
            }
            assertEquals(help.out(), run("help", c.name()).out(), "help NAME and NAME --help agree");
            assertEquals(help.out(), run(c.name(), "-h", "x.yaml").out(), "-h wins over operands");
        }
    }

    @Test
    void overviewNamesEveryCommand() {
        Run overview = run("--help");
        assertEquals(Main.OK, overview.code());
        for (Command c : Main.commands()) {
            assertTrue(overview.out().contains("\n  " + c.name() + " "), overview.out());
        }
        Run none = run();
        assertEquals(Main.USAGE, none.code());
        assertEquals(overview.out(), none.err(), "no arguments: the overview, on standard error");
    }

    @Test
    void versionNamesTheProgram() {
        Run v = run("--version");
        assertEquals(Main.OK, v.code());
        assertTrue(v.out().startsWith("idms-lint "), v.out());
        assertEquals(1, v.out().lines().count(), v.out());
    }

    @Test
    void parserRefusesWhatNoFlagDeclares() throws UsageException {
        Command probe = new Command() {
            public String name() { return "probe"; }
            public String operands() { return "PATH..."; }
            public String summary() { return "test"; }
            public String description() { return "test"; }
            public List<Flag> flags() {
                return List.of(Flag.toggle("strict", "s"), Flag.negatableToggle("fail-on-empty", "f"),
                        Flag.choice("format", "FORMAT", "f", "text", List.of("text", "json")),
                        Flag.value("rule", "ID=MODE", "r", true));
            }
            public int run(Arguments args, Io io) { return 0; }
        };
        Arguments a = Arguments.parse(probe, List.of("--format=json", "a.yaml", "--rule", "P4=warn",
                "--rule=O1=off", "--no-fail-on-empty", "-", "--", "--strict"));
        assertEquals("json", a.value("format"));
        assertEquals(List.of("P4=warn", "O1=off"), a.values("rule"));
        assertEquals(java.util.Optional.of(false), a.toggle("fail-on-empty"));
        assertEquals(false, a.on("strict"), "--strict after -- is an operand");
        assertEquals(List.of("a.yaml", "-", "--strict"), a.operands());
        assertEquals("text", Arguments.parse(probe, List.of()).value("format"), "the default");

        for (List<String> bad : List.of(List.of("--nope"), List.of("--format"), List.of("--format", "toml"),
                List.of("--format=json", "--format=text"), List.of("--no-strict"), List.of("--strict=yes"),
                List.of("-s"))) {
            try {
                Arguments.parse(probe, bad);
                throw new AssertionError("accepted " + bad);
            } catch (UsageException expected) {
                assertTrue(!expected.getMessage().isEmpty());
            }
        }
    }

    @Test
    void usageErrorsNameTheProblemAndShowTheCommandsHelp() {
        Run r = run("lint", "--format", "toml", "x.yaml");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().startsWith("idms-lint lint: lint --format must be one of text, json"), r.err());
        assertTrue(r.err().contains("usage: idms-lint lint "), r.err());
        Run unknown = run("check");
        assertEquals(Main.USAGE, unknown.code());
        assertTrue(unknown.err().startsWith("idms-lint: unknown command \"check\"; the commands are lint"),
                unknown.err());
    }

    @Test
    void bashCompletionIsValidBashAndOffersEveryFlag() throws Exception {
        Run r = run("completion", "bash");
        assertEquals(Main.OK, r.code(), r.err());
        for (Command c : Main.commands()) {
            for (Flag f : c.flags()) {
                assertTrue(r.out().contains("--" + f.name()), "completion misses " + c.name() + " --" + f.name());
                for (String choice : f.choices()) {
                    assertTrue(r.out().contains(choice), choice);
                }
            }
        }
        java.nio.file.Path script = java.nio.file.Files.createTempFile("idms-lint", ".bash");
        try {
            java.nio.file.Files.writeString(script, r.out());
            Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            String said = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, bash.waitFor(), said);
        } finally {
            java.nio.file.Files.delete(script);
        }
        assertEquals(Main.USAGE, run("completion", "zsh").code());
    }
}
