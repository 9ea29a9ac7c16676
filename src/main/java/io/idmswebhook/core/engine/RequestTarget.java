package io.idmswebhook.core.engine;

import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.Quote;
import io.idmswebhook.core.rules.RuleId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an admission request is, decided from its operation, kind and objects alone: either a
 * decision already settled without judging anything, or an object to judge. Both webhooks start
 * from the same answer, so they cannot disagree on what a request is.
 *
 * <ul>
 *   <li>an operation other than CREATE, UPDATE, DELETE, CONNECT: denied, X4;</li>
 *   <li>CONNECT: allowed;</li>
 *   <li>DELETE of a handled kind whose stored object can be read: {@link Removal}, judged for
 *       what it does to the nodes and never denied; any other DELETE: allowed;</li>
 *   <li>a kind this webhook does not handle: allowed with warning X1;</li>
 *   <li>no object, or one that does not have its kind's shape: denied, X4;</li>
 *   <li>otherwise {@link Evaluate}, with the old object on UPDATE when it can be read.</li>
 * </ul>
 *
 * <p>Each webhook says what it does with a {@link Removal}: the validating one reports the N rules,
 * the mutating one has nothing to change.
 */
public sealed interface RequestTarget {

    /** Nothing to judge: the decision is already known. */
    record Settled(Decision decision) implements RequestTarget {
    }

    /**
     * An object of a handled kind to judge.
     *
     * @param oldObject the stored version on UPDATE, else null; also null when it cannot be read,
     *                  so none of its mistakes can excuse the new object
     */
    record Evaluate(MirrorSetKind kind, MirrorSet object, MirrorSet oldObject) implements RequestTarget {
    }

    /**
     * A DELETE of an object of a handled kind.
     *
     * @param oldObject the object being deleted, as stored
     */
    record Removal(MirrorSetKind kind, MirrorSet oldObject) implements RequestTarget {
    }

    /**
     * @param operation {@code request.operation}, never null
     * @param object    {@code request.object}; null when the request carries none
     * @param oldObject {@code request.oldObject}; null when the request carries none
     */
    static RequestTarget of(String operation, RequestedKind kind, CarriedObject object, CarriedObject oldObject) {
        switch (operation) {
            case "CREATE", "UPDATE" -> {
                // judged below
            }
            case "DELETE" -> {
                return removal(kind, oldObject);
            }
            case "CONNECT" -> {
                return new Settled(Decision.allow());
            }
            default -> {
                return new Settled(Decision.deny(Finding.deny(RuleId.X4, "request.operation", operation,
                        "operation " + Quote.of(operation) + " is not CREATE, UPDATE, DELETE or CONNECT",
                        "send a review the API server would send")));
            }
        }
        Optional<MirrorSetKind> known = kind.known();
        if (known.isEmpty()) {
            String named = kind.described();
            return new Settled(new Decision(List.of(), List.of(Finding.warn(RuleId.X1, "request.kind", named,
                    named + " is not a kind this webhook checks; allowed unchecked",
                    "match only config.openshift.io/v1 IDMS/ITMS and operator.openshift.io/v1alpha1 ICSP in the webhook configuration")),
                    Map.of()));
        }
        MirrorSetKind handled = known.get();
        if (object == null) {
            return new Settled(Decision.deny(Finding.deny(RuleId.X4, "request.object", "",
                    "the " + operation + " review carries no object to check",
                    "send the " + handled.kind() + " in request.object as the API server does")));
        }
        MirrorSet read;
        try {
            read = object.readAs(handled);
        } catch (CarriedObject.Unreadable e) {
            return new Settled(Decision.deny(e.finding()));
        }
        MirrorSet old = null;
        if ("UPDATE".equals(operation) && oldObject != null) {
            try {
                old = oldObject.readAs(handled);
            } catch (CarriedObject.Unreadable e) {
                // The stored object cannot be read: judge the update as if it were a create.
                old = null;
            }
        }
        return new Evaluate(handled, read, old);
    }

    private static RequestTarget removal(RequestedKind kind, CarriedObject oldObject) {
        Optional<MirrorSetKind> known = kind.known();
        if (known.isEmpty() || oldObject == null) {
            return new Settled(Decision.allow());
        }
        try {
            return new Removal(known.get(), oldObject.readAs(known.get()));
        } catch (CarriedObject.Unreadable e) {
            // nothing to judge the nodes by, and a DELETE is never denied
            return new Settled(Decision.allow());
        }
    }
}
