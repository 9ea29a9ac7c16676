package io.idmswebhook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.rules.RuleId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linter's --enforcement, --rule and settings file: the same effect as the service's settings. */
class EnforcementOptionsTest {

    /** P1 (denied) in one entry, S9 (warned) in another. */
    static final String DENIED = """
            apiVersion: config.openshift.io/v1
            kind: ImageDigestMirrorSet
            metadata:
              name: mixed
            spec:
              imageDigestMirrors:
              - source: quay.io/app
                mirrorSourcePolicy: NeverContactSource
              - source: quay.io/ns
                mirrors:
                - localhost:5000/ns
            """;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String manifest() throws IOException {
        Path f = dir.resolve("idms.yaml");
        Files.writeString(f, DENIED);
        return f.toString();
    }

    private Path settings(String yaml) throws IOException {
        Path f = dir.resolve(EnforcementOptions.CONFIG_FILE);
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void warnModeReportsTheDenialAsAWouldBeDenialAndExitsZero() throws IOException {
        String m = manifest();
        assertEquals(Main.DENIED, run("lint", m).code());
        Run warn = run("lint", "--enforcement", "warn", m);
        assertEquals(Main.OK, warn.code(), warn.err());
        assertTrue(warn.out().contains("ImageDigestMirrorSet/mixed: would deny: spec.imageDigestMirrors[0]"), warn.out());
        assertTrue(warn.err().contains("0 denied (0 denial(s)), 1 would-be denial(s) lowered by enforcement"), warn.err());
        assertEquals(Main.DENIED, run("lint", "--strict", "--enforcement=warn", m).code(), "a would-be denial is a warning");
    }

    @Test
    void ruleOverridesLowerRaiseAndDrop() throws IOException {
        String m = manifest();
        assertEquals(Main.OK, run("lint", "--rule", "P1=warn", m).code());
        Run raised = run("lint", "--rule", "P1=off", "--rule=S9=deny", m);
        assertEquals(Main.DENIED, raised.code());
        assertTrue(raised.out().contains("[S9]") && !raised.out().contains("[P1]"), raised.out());
        Run json = run("lint", "--format", "json", "--rule", "p1=warn", m);
        JsonNode o = new ObjectMapper().readTree(json.out()).path("objects").get(0);
        assertTrue(o.path("allowed").asBoolean());
        JsonNode first = o.path("warnings").get(0);
        assertEquals("P1", first.path("rule").asText());
        assertEquals("WARN", first.path("verdict").asText());
        assertTrue(first.path("wouldDeny").asBoolean());
        assertTrue(first.path("message").asText().startsWith("would deny: "), first.toString());
    }

    /**
     * X5 is the linter's own finding, made beside the engine's, and takes the settings as every
     * other rule does: off drops it, deny and --strict make it a denial, warn and warn mode lower
     * that denial, for a misspelt field and for a kind under another apiVersion alike.
     */
    @Test
    void schemaFindingsTakeTheSettingsToo() throws IOException {
        Path f = dir.resolve("x5.yaml");
        Files.writeString(f, """
                apiVersion: config.openshift.io/v1
                kind: ImageDigestMirrorSet
                metadata:
                  name: misspelt
                spec:
                  imageDigestMirrors:
                  - source: quay.io/ns
                    mirrors:
                    - mirror.example.net/ns
                    mirrorSourcePolicey: NeverContactSource
                ---
                apiVersion: operator.openshift.io/v1alpha1
                kind: ImageDigestMirrorSet
                metadata:
                  name: wrong-group
                spec:
                  imageDigestMirrors:
                  - source: quay.io/other
                    mirrors:
                    - mirror.example.net/other
                """);
        String m = f.toString();
        Run plain = run("lint", m);
        assertEquals(Main.OK, plain.code(), plain.out());
        assertEquals(2, count(plain.out(), "[X5]"), plain.out());

        Run off = run("lint", "--rule", "X5=off", m);
        assertEquals(Main.OK, off.code(), off.out());
        assertEquals(0, count(off.out(), "[X5]"), off.out());
        Run strictOff = run("lint", "--strict", "--rule", "X5=off", m);
        assertEquals(Main.OK, strictOff.code(), "nothing left to fail on: " + strictOff.out());

        Run raised = run("lint", "--rule", "X5=deny", m);
        assertEquals(Main.DENIED, raised.code(), raised.out());
        assertTrue(raised.err().contains("2 denied (2 denial(s))"), raised.err());

        Run lowered = run("lint", "--strict", "--rule", "X5=warn", "--format", "json", m);
        JsonNode report = new ObjectMapper().readTree(lowered.out());
        assertEquals(0, report.path("summary").path("denials").asInt(), lowered.out());
        assertEquals(2, report.path("summary").path("wouldDeny").asInt(), lowered.out());

        Run warnMode = run("lint", "--strict", "--enforcement", "warn", m);
        assertEquals(2, count(warnMode.out(), ": would deny: "), warnMode.out());
        assertTrue(warnMode.out().contains("[X5]"), warnMode.out());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static Enforcement resolve(Path workingDir, String... args) throws UsageException, InputException {
        return EnforcementOptions.resolve(Arguments.parse(new LintCommand(), List.of(args)), workingDir);
    }

    @Test
    void theSettingsFileIsFoundInTheWorkingDirectoryAndFlagsWinOverIt() throws Exception {
        settings("""
                enforcement: warn
                rules:
                  P1: deny
                  S9: off
                """);
        assertEquals(new Enforcement(Enforcement.Mode.WARN, Map.of(RuleId.P1, Enforcement.Action.DENY,
                RuleId.S9, Enforcement.Action.OFF)), resolve(dir));
        assertEquals(new Enforcement(Enforcement.Mode.DENY, Map.of(RuleId.P1, Enforcement.Action.DENY,
                RuleId.S9, Enforcement.Action.WARN)), resolve(dir, "--enforcement", "deny", "--rule", "S9=warn"));
        assertEquals(Enforcement.DEFAULT, resolve(dir.resolve("elsewhere")));
    }

    @Test
    void aGivenSettingsFileIsUsedFromAnyDirectory() throws IOException {
        Path f = settings("enforcement: warn\n");
        String m = manifest();
        assertEquals(Main.OK, run("lint", "--config", f.toString(), m).code());
        Run missing = run("lint", "--config", dir.resolve("none.yaml").toString(), m);
        assertEquals(Main.USAGE, missing.code());
        assertTrue(missing.err().contains("none.yaml: no such settings file"), missing.err());
    }

    @Test
    void badSettingsExitTwoNamingTheKeyAndTheValidValues() throws IOException {
        String m = manifest();
        Run mode = run("lint", "--enforcement", "dryrun", m);
        assertEquals(Main.USAGE, mode.code());
        assertTrue(mode.err().contains("--enforcement must be one of deny, warn, not \"dryrun\""), mode.err());
        Run rule = run("lint", "--rule", "P99=warn", m);
        assertEquals(Main.USAGE, rule.code());
        assertTrue(rule.err().contains("--rule P99=\"warn\": \"P99\" is not a rule id of the rule book; use one of S1,"),
                rule.err());
        Run shape = run("lint", "--rule", "P3", m);
        assertTrue(shape.err().contains("write ID=deny, ID=warn or ID=off"), shape.err());

        Path f = settings("rules:\n  P3: block\n");
        Run file = run("lint", "--config", f.toString(), m);
        assertEquals(Main.USAGE, file.code());
        assertTrue(file.err().contains(f + ": rules.P3=\"block\" is not a rule setting; use deny, warn or off"), file.err());
        Path typo = settings("enforcment: warn\n");
        Run unknown = run("lint", "--config", typo.toString(), m);
        assertTrue(unknown.err().contains("unknown key \"enforcment\"; the settings file has enforcement and rules"),
                unknown.err());
    }
}
