package io.idmswebhook.core.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * UPDATE ratcheting (rule book section 5): a denial whose rule and offending values the old
 * version of the object already had is not the update's fault. The validating webhook turns it
 * into a warning, the defaulting webhook drops it; both ask this class which ones they are.
 */
public final class Ratchet {

    private final Set<String> before = new HashSet<>();

    /** @param oldFindings what the old version of the object was found to have */
    public Ratchet(List<Finding> oldFindings) {
        for (Finding f : oldFindings) {
            if (f.denies()) {
                before.add(f.ratchetKey());
            }
        }
    }

    /** A denial the old version already had: same rule, same values, wherever it sits now. */
    public boolean preexisting(Finding f) {
        return f.denies() && before.contains(f.ratchetKey());
    }
}
