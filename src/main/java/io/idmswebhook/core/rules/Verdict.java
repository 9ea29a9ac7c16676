package io.idmswebhook.core.rules;

/** What a finding does to the request: a denial blocks the write, a warning is shown by kubectl. */
public enum Verdict {
    DENY,
    WARN
}
