package io.idmswebhook.cli;

import java.util.List;

/**
 * {@code --format junit}: a JUnit XML report for CI test-report views (GitLab's
 * {@code artifacts:reports:junit}): one test case per mirror set, named {@code Kind/name}, with the
 * file as its class name. An object fails when it is denied, or when it has warnings under
 * {@code --strict}; warnings otherwise go to the case's output. An input that could not be used
 * is a case with an error; a skipped kustomize folder is a skipped case.
 */
final class JunitFormat implements LintFormat {

    @Override
    public String name() {
        return "junit";
    }

    @Override
    public void write(LintReport report, Io io) {
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        StringBuilder cases = new StringBuilder();
        for (Lint.Result r : report.results()) {
            Workspace.Loaded o = r.object();
            boolean fails = !r.decision().allowed() || (report.strict()
                    && (!r.decision().warnings().isEmpty() || r.decision().loweredByEnforcement()));
            failures += fails ? 1 : 0;
            cases.append("    <testcase classname=\"").append(attr(o.origin().file())).append("\" name=\"")
                    .append(attr(o.ref())).append("\" file=\"").append(attr(o.origin().file())).append("\" line=\"")
                    .append(o.positions().of("").line()).append("\">\n");
            List<LintReport.Shown> all = LintReport.findings(r);
            if (fails) {
                LintReport.Shown first = all.get(0);
                cases.append("      <failure type=\"").append(first.finding().rule().name()).append("\" message=\"")
                        .append(attr(first.message())).append("\">").append(text(lines(o, all)))
                        .append("</failure>\n");
            } else if (!all.isEmpty()) {
                cases.append("      <system-out>").append(text(lines(o, all))).append("</system-out>\n");
            }
            cases.append("    </testcase>\n");
        }
        for (InputProblem p : report.problems()) {
            String line = p.file() + ":" + p.at() + ": " + p.message();
            cases.append("    <testcase classname=\"").append(attr(p.file())).append("\" name=\"")
                    .append(attr(p.kind().id())).append("\" file=\"").append(attr(p.file())).append("\" line=\"")
                    .append(p.at().line()).append("\">\n");
            if (p.kind().notice()) {
                skipped++;
                cases.append("      <skipped message=\"").append(attr(p.message())).append("\"/>\n");
            } else {
                errors++;
                cases.append("      <error type=\"").append(p.kind().id()).append("\" message=\"")
                        .append(attr(p.message())).append("\">").append(text(line)).append("</error>\n");
            }
            cases.append("    </testcase>\n");
        }
        int tests = report.results().size() + report.problems().size();
        String counts = " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\""
                + skipped + "\"";
        io.out().print("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"idms-lint\"" + counts + ">\n"
                + "  <testsuite name=\"idms-lint\"" + counts + ">\n"
                + cases
                + "  </testsuite>\n"
                + "</testsuites>\n");
    }

    private static String lines(Workspace.Loaded o, List<LintReport.Shown> findings) {
        StringBuilder sb = new StringBuilder();
        for (LintReport.Shown f : findings) {
            sb.append(o.origin().file()).append(':').append(o.positions().of(f.finding().path())).append(": ")
                    .append(f.message()).append('\n');
        }
        return sb.toString();
    }

    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    /** XML character data; characters XML 1.0 cannot hold at all become U+FFFD. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                        ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
