package io.idmswebhook.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.rules.Verdict;
import io.idmswebhook.json.Preview;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code --format sarif}: a SARIF 2.1.0 log for code scanning (GitHub's upload-sarif action).
 * Every rule of {@link RuleId} is described in the log, so the scanning UI shows its summary as
 * the rule's help; the inputs that could not be used are results of rules of their own.
 * Locations are relative to where the command runs (the repository root in a CI job), with the
 * line and column of the finding's field.
 */
final class SarifFormat implements LintFormat {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public String name() {
        return "sarif";
    }

    @Override
    public void write(LintReport report, Io io) {
        io.out().print(Preview.pretty(tree(report)));
    }

    static ObjectNode tree(LintReport report) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "idms-lint");
        driver.put("version", Version.number());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleId r : RuleId.values()) {
            ruleIndex.put(r.name(), rules.size());
            rule(rules.addObject(), r.name(), r.summary(), level(r.usualVerdict()),
                    "Rule " + r.name() + " of the idms-webhook rule book: " + r.summary() + ". Usual verdict: "
                            + r.usualVerdict() + ". Every message names the field path, the value and the fix.");
        }
        for (InputProblem.Kind k : InputProblem.Kind.values()) {
            ruleIndex.put(k.id(), rules.size());
            rule(rules.addObject(), k.id(), k.summary(), k.notice() ? "note" : "error",
                    "The input could not be used as a whole (" + k.summary() + "); the message says why and how to"
                            + " fix it. idms-lint exits 2 when any input could not be used.");
        }
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        for (Lint.Result r : report.results()) {
            Workspace.Loaded o = r.object();
            for (LintReport.Shown finding : LintReport.findings(r)) {
                result(results.addObject(), finding.finding().rule().name(), ruleIndex,
                        finding.denies() ? "error" : "warning", o.ref() + ": " + finding.message(), o.origin().file(),
                        o.positions().of(finding.finding().path()));
            }
        }
        for (InputProblem p : report.problems()) {
            result(results.addObject(), p.kind().id(), ruleIndex, p.kind().notice() ? "note" : "error",
                    p.message(), p.file(), p.at());
        }
        return root;
    }

    private static void rule(ObjectNode n, String id, String summary, String level, String help) {
        n.put("id", id);
        n.putObject("shortDescription").put("text", summary);
        n.putObject("fullDescription").put("text", help);
        n.putObject("help").put("text", help);
        n.putObject("defaultConfiguration").put("level", level);
    }

    private static void result(ObjectNode n, String ruleId, Map<String, Integer> ruleIndex, String level,
                               String message, String file, Position at) {
        n.put("ruleId", ruleId);
        n.put("ruleIndex", ruleIndex.get(ruleId));
        n.put("level", level);
        n.putObject("message").put("text", message);
        ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(file));
        ObjectNode region = physical.putObject("region");
        region.put("startLine", at.line());
        region.put("startColumn", at.column());
    }

    private static String level(Verdict v) {
        return v == Verdict.DENY ? "error" : "warning";
    }

    /** A relative URI reference for a relative path (what code scanning maps to the repository), else a file URI. */
    static String uri(String file) {
        if (file.equals(Inputs.STDIN_NAME)) {
            return file;
        }
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            return p.toUri().toString();
        }
        String slashed = p.normalize().toString().replace(p.getFileSystem().getSeparator(), "/");
        try {
            return new URI(null, null, slashed, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a relative path is always a valid URI path: " + slashed, e);
        }
    }
}
