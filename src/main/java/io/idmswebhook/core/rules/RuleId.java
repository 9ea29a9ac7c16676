package io.idmswebhook.core.rules;

/**
 * The index of the rule book (the README's "The rules" lists the ids and what each decides).
 * Every message ends with {@code [ID]}; the class that decides a rule is named in
 * {@link #decidedBy()}, so an id in a message leads to its code in one step. Rules whose verdict depends on the case (S2, S3, S6, P12) carry their usual one.
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
    S10(Verdict.WARN, "SyntaxRules", "Docker Hub source that pulls never name"),

    P1(Verdict.DENY, "EntryPolicyRules", "mirrorSourcePolicy without a real mirror"),
    P2(Verdict.DENY, "EntryPolicyRules", "NeverContactSource with the source among its mirrors"),
    P3(Verdict.DENY, "EntryPolicyRules", "repository source with a host-only mirror"),
    P4(Verdict.DENY, "CrossPolicyRules", "one source with different policies"),
    P5(Verdict.DENY, "CrossPolicyRules", "mirror inside a blocked scope"),
    P6(Verdict.DENY, "CrossPolicyRules", "mirrored wildcard source with a more specific non-mirrored scope inside"),
    P7(Verdict.WARN, "CrossPolicyRules", "NeverContactSource does not carry over to more specific sources"),
    P8(Verdict.WARN, "CrossPolicyRules", "IDMS NeverContactSource also blocks tag pulls"),
    P9(Verdict.WARN, "CrossPolicyRules", "a more specific entry of the other group shadows this one"),
    P10(Verdict.WARN, "EntryPolicyRules", "bare-host source with a mirror that has a path"),
    P11(Verdict.WARN, "EntryPolicyRules", "no-op content"),
    P12(Verdict.WARN, "CrossPolicyRules", "mirror registry not in allowedRegistries (deny when no endpoint remains)"),

    O1(Verdict.WARN, "OrderRules", "mirror order conflict for one source"),
    O2(Verdict.WARN, "OrderRules", "merged order puts the source before a mirror"),
    O3(Verdict.WARN, "OrderRules", "one source split across entries or objects"),

    D1(Verdict.WARN, "Defaulter", "trimmed surrounding whitespace"),
    D2(Verdict.WARN, "Defaulter", "stripped trailing /"),
    D3(Verdict.WARN, "Defaulter", "stripped leading https://"),
    D4(Verdict.WARN, "Defaulter", "removed a repeated mirror"),
    D5(Verdict.WARN, "Defaulter", "made AllowContactingSource explicit"),

    X1(Verdict.WARN, "RequestTarget", "kind or version not handled by this webhook"),
    X2(Verdict.WARN, "MirrorSetValidator", "cross-object checks skipped: cluster view unavailable"),
    X3(Verdict.DENY, "Limits", "object exceeds a stated limit"),
    X4(Verdict.DENY, "MirrorSetTranslator", "object does not have the shape of its kind, or is missing");

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
