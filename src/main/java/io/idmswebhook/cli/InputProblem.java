package io.idmswebhook.cli;

/**
 * An input that could not be used as a whole: the run reports it with the findings, goes on with
 * the other inputs, and exits 2 at the end (or, for {@link Kind#notice()} kinds, only reports it).
 *
 * @param file    the file as named in the output ({@code stdin} for standard input)
 * @param at      where in the file, {@link Position#START} when the problem is the whole file
 * @param kind    what went wrong, for formats that group by rule (SARIF, JUnit)
 * @param message the reason and the fix in plain words
 */
record InputProblem(String file, Position at, Kind kind, String message) {

    enum Kind {
        UNREADABLE("input-unreadable", "a file is missing, unreadable, not text, or not valid YAML or JSON", false),
        NOT_AN_OBJECT("input-not-an-object", "a document is not a Kubernetes object (a mapping with apiVersion and kind)", false),
        DUPLICATE("input-duplicate", "the same Kind/name (or a second image config) in two places", false),
        KUSTOMIZE("input-kustomize", "a kustomize folder named as a PATH: its files are not the objects it builds", false),
        KUSTOMIZE_SKIPPED("input-kustomize-skipped", "a kustomize folder inside a PATH, skipped: its files are not the objects it builds", true),
        NOTHING_CHECKED("input-nothing-checked", "the inputs hold no mirror set", false);

        private final String id;
        private final String summary;
        private final boolean notice;

        Kind(String id, String summary, boolean notice) {
            this.id = id;
            this.summary = summary;
            this.notice = notice;
        }

        /** The rule id SARIF and JUnit report it under, beside the rule book's ids. */
        String id() {
            return id;
        }

        String summary() {
            return summary;
        }

        /** Reported but does not fail the run. */
        boolean notice() {
            return notice;
        }
    }

    /** A file that is missing, cannot be read, or is not YAML or JSON text. */
    static InputProblem unreadable(String file, Position at, String message) {
        return new InputProblem(file, at, Kind.UNREADABLE, message);
    }

    @Override
    public String toString() {
        return file + ":" + at + ": " + message;
    }
}
