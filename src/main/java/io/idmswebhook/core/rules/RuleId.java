package io.idmswebhook.core.rules;

/**
 * The index of the rule book (the README's "The rules" lists the ids and what each decides).
 * Every message ends with {@code [ID]}; the class that decides a rule is named in
 * {@link #decidedBy()}, so an id in a message leads to its code in one step. Rules whose verdict
 * depends on the case (S2, S3, S6, P3, P5, P9, P12, O2) carry their usual one.
 */
public enum RuleId {
    S1(Verdict.DENY, "SyntaxRules", "location does not match the grammar host[:port][/path] or *.domain"),
    S2(Verdict.DENY, "SyntaxRules", "port outside 1-65535 (warn on a leading zero)"),
    S3(Verdict.DENY, "SyntaxRules", "location longer than 255 characters (warn on a mirror over 253)"),
    S4(Verdict.DENY, "SyntaxRules", "first component is read as a Docker Hub path"),
    S5(Verdict.DENY, "SyntaxRules", "mirrorSourcePolicy is not NeverContactSource or AllowContactingSource"),
    S6(Verdict.DENY, "SyntaxRules", "the same mirror twice in one list (warn for ICSP)"),
    S7(Verdict.WARN, "SyntaxRules", "host never matches pulls as written (case, label or host length, numeric host)"),
    S8(Verdict.WARN, "SyntaxRules", "wildcard covers a whole top-level domain"),
    S9(Verdict.WARN, "SyntaxRules", "mirror on the node itself"),
    S10(Verdict.WARN, "SyntaxRules", "Docker Hub source that pulls never name (index.docker.io, an official image name)"),

    P1(Verdict.DENY, "EntryPolicyRules", "mirrorSourcePolicy without a real mirror"),
    P2(Verdict.DENY, "EntryPolicyRules", "NeverContactSource with the source among its mirrors"),
    P3(Verdict.WARN, "EntryPolicyRules", "source with a path and a host-only mirror (deny for the release payload repositories)"),
    P4(Verdict.DENY, "CrossPolicyRules", "one source with different policies"),
    P5(Verdict.WARN, "CrossPolicyRules", "mirror inside a blocked scope (deny when no endpoint remains)"),
    P6(Verdict.DENY, "CrossPolicyRules", "mirrored wildcard source with a more specific non-mirrored scope inside"),
    P7(Verdict.WARN, "CrossPolicyRules", "NeverContactSource does not carry over to more specific sources"),
    P8(Verdict.WARN, "CrossPolicyRules", "NeverContactSource also blocks the other pull kind"),
    P9(Verdict.WARN, "CrossPolicyRules", "a more specific entry of the other group shadows this one (deny when no endpoint remains)"),
    P10(Verdict.WARN, "EntryPolicyRules", "bare-host source with a mirror that has a path"),
    P11(Verdict.WARN, "EntryPolicyRules", "no-op content"),
    P12(Verdict.WARN, "CrossPolicyRules", "mirror registry not in allowedRegistries (deny when no endpoint remains)"),

    O1(Verdict.WARN, "OrderRules", "mirror order conflict for one source"),
    O2(Verdict.WARN, "OrderRules", "merged order puts the source before a mirror (deny for a wildcard source)"),
    O3(Verdict.WARN, "OrderRules", "one source split across lists that are not all identical"),

    M1(Verdict.WARN, "DeprecationRules", "ImageContentSourcePolicy is deprecated"),

    N1(Verdict.WARN, "NodeImpact", "the registries.conf change drains every node of every pool"),
    N2(Verdict.WARN, "NodeImpact", "a source that had mirrors has none after the write"),

    D1(Verdict.WARN, "Defaulter", "trimmed surrounding whitespace"),
    D2(Verdict.WARN, "Defaulter", "stripped trailing /"),
    D3(Verdict.WARN, "Defaulter", "stripped leading https://"),
    D4(Verdict.WARN, "Defaulter", "removed a repeated mirror"),
    D5(Verdict.WARN, "Defaulter", "made AllowContactingSource explicit"),

    X1(Verdict.WARN, "RequestTarget", "kind or version not handled by this webhook"),
    X2(Verdict.WARN, "MirrorSetValidator", "cross-object checks skipped: cluster view unavailable"),
    X3(Verdict.DENY, "Limits", "object exceeds a stated limit"),
    X4(Verdict.DENY, "MirrorSetTranslator", "object does not have the shape of its kind, or is missing"),
    X5(Verdict.WARN, "SchemaFieldCheck", "field the kind's schema does not have, or a mirror kind under another apiVersion (offline lint only)");

    private final Verdict usualVerdict;
    private final String decidedBy;
    private final String summary;

    RuleId(Verdict usualVerdict, String decidedBy, String summary) {
        this.usualVerdict = usualVerdict;
        this.decidedBy = decidedBy;
        this.summary = summary;
    }

    public Verdict usualVerdict() { return usualVerdict; }

    /** Simple name of the class that decides this rule. */
    public String decidedBy() { return decidedBy; }

    public String summary() { return summary; }

    /** {@code [ID]}, the tag every message ends with. */
    public String tag() { return "[" + name() + "]"; }
}
