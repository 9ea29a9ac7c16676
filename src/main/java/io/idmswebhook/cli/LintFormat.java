package io.idmswebhook.cli;

import java.util.List;

/** One way to print a {@link LintReport}: the values of {@code lint --format}. */
interface LintFormat {

    /** The value of {@code --format}. */
    String name();

    void write(LintReport report, Io io);

    /** Every format, the first one the default. */
    static List<LintFormat> all() {
        return List.of(new TextFormat(), new JsonFormat(), new SarifFormat(), new JunitFormat(), new GithubFormat());
    }

    static LintFormat named(String name) {
        return all().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lint format " + name));
    }

    static List<String> names() {
        return all().stream().map(LintFormat::name).toList();
    }
}
