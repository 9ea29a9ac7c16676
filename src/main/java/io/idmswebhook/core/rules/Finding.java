package io.idmswebhook.core.rules;

import java.util.Objects;

/**
 * One thing the rules found, rendered as {@code <path>: <problem>; <fix> [ID]}.
 *
 * @param rule    the rule that decided
 * @param verdict deny or warn (some rules do either)
 * @param path    field path, e.g. {@code spec.imageDigestMirrors[0].mirrors[1]}
 * @param subject the offending value(s), without list positions: UPDATE ratcheting compares
 *                {@code rule + subject} between the object and its old version
 * @param problem what is wrong, naming the value
 * @param fix     how to fix it
 */
public record Finding(RuleId rule, Verdict verdict, String path, String subject, String problem, String fix) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(path, "path");
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(problem, "problem");
    }

    public static Finding deny(RuleId rule, String path, String subject, String problem, String fix) {
        return new Finding(rule, Verdict.DENY, path, subject, problem, fix);
    }

    public static Finding warn(RuleId rule, String path, String subject, String problem, String fix) {
        return new Finding(rule, Verdict.WARN, path, subject, problem, fix);
    }

    public boolean denies() {
        return verdict == Verdict.DENY;
    }

    /** The same finding as a warning: UPDATE ratcheting of a mistake the old version already had. */
    public Finding asPreexistingWarning() {
        return verdict == Verdict.WARN ? this
                : new Finding(rule, Verdict.WARN, path, subject, problem + " (already so before this update)", fix);
    }

    /** What ratcheting compares: the rule and the offending values, never list positions. */
    public String ratchetKey() {
        return rule.name() + '\u0000' + subject;
    }

    public String message() {
        StringBuilder sb = new StringBuilder(path.length() + problem.length() + 48);
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        sb.append(problem);
        if (fix != null && !fix.isEmpty()) {
            sb.append("; ").append(fix);
        }
        return sb.append(' ').append(rule.tag()).toString();
    }

    @Override
    public String toString() {
        return verdict + " " + message();
    }
}
