package io.idmswebhook.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.admission.AdmissionHandler.Judged;
import io.idmswebhook.admission.AdmissionHandler.ParsedReview;
import io.idmswebhook.admission.AdmissionHandler.Target;
import io.idmswebhook.core.defaulting.Defaulted;
import io.idmswebhook.core.defaulting.Defaulter;
import io.idmswebhook.core.defaulting.Normalisation;
import io.idmswebhook.core.engine.Decision;
import java.util.List;
import java.util.Map;

/**
 * {@code /mutate}: the defaulting rules D1-D5 as a JSON patch with one warning per change.
 *
 * <p>Reading the review, the 400 for a body that is not one, the uid echo, DELETE/CONNECT, unknown
 * kinds (X1) and unreadable objects (X4, which the CRD schema would also reject) are shared with
 * /validate through {@link AdmissionHandler}. Beyond X4 this endpoint denies only what
 * {@link Defaulter} documents as D0: S1, S5 and S6 on IDMS/ITMS, the findings for which the CRD
 * schema, running next, would otherwise answer with a bare pattern error. Every other finding,
 * warnings and cross-object rules included, is left to the validating webhook, which runs after
 * the schema; repeating them here would show each one twice.
 *
 * <p>A denied request carries no patch and no change warnings: nothing is applied, so saying
 * "normalised" would be untrue.
 */
public class MutationHandler {

    private final AdmissionHandler admission;
    private final Defaulter defaulter;

    public MutationHandler(AdmissionHandler admission, Defaulter defaulter) {
        this.admission = admission;
        this.defaulter = defaulter;
    }

    public AdmissionAnswer mutate(byte[] body) {
        return admission.answer(Webhook.MUTATE, body, this::decide);
    }

    Judged decide(ParsedReview parsed) {
        Target target = admission.target(parsed);
        String uid = parsed.request().getUid();
        if (target.settled() != null) {
            return Judged.of(uid, target.settled());
        }
        Defaulted defaulted = defaulter.apply(target.object(), target.old());
        if (!defaulted.allowed()) {
            return Judged.of(uid, new Decision(defaulted.denials(), List.of(), Map.of()));
        }
        if (!defaulted.changed()) {
            return Judged.of(uid, Decision.allow());
        }
        JsonNode patch = NormalisationPatch.diff(parsed.object(), defaulted.changes());
        if (patch.isEmpty()) {
            return Judged.of(uid, Decision.allow());
        }
        // The same per-warning and total budget as /validate, so the API server drops none silently.
        // The decision carries the changes as D findings, so metrics and audit annotations name them.
        Decision changes = new Decision(List.of(),
                defaulted.changes().stream().map(Normalisation::asWarning).toList(), Map.of());
        return new Judged(changes, AdmissionResponses.patched(uid, admission.write(patch), changes.warningMessages()));
    }
}
