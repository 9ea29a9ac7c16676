package io.idmswebhook.core.engine;

import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;

/**
 * {@code request.object} or {@code request.oldObject} still in the form it arrived in. It can only
 * be read once the request's kind is known, which {@link RequestTarget} decides; the adapter says
 * how to read it (the service reads a JSON tree), so the core needs no JSON library.
 */
@FunctionalInterface
public interface CarriedObject {

    /** The object as a mirror set of {@code kind}. */
    MirrorSet readAs(MirrorSetKind kind) throws Unreadable;

    /** The object does not have the shape of its kind's schema: the X4 denial that says where. */
    final class Unreadable extends Exception {

        private final transient Finding finding;

        public Unreadable(Finding finding) {
            super(finding.message(), null, false, false);
            this.finding = finding;
        }

        public Finding finding() {
            return finding;
        }
    }
}
