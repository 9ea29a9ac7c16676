package io.idmswebhook.json;

import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;

/**
 * The object does not have the shape its kind's schema defines (a list where a string belongs,
 * a null entry): rule X4. It carries the denial, so the handler answers it like any other.
 */
public final class ShapeException extends Exception {

    private final transient Finding finding;

    public ShapeException(String path, String value, String problem, String fix) {
        super(path + ": " + problem, null, false, false);
        this.finding = Finding.deny(RuleId.X4, path, value, problem, fix);
    }

    public Finding finding() {
        return finding;
    }
}
