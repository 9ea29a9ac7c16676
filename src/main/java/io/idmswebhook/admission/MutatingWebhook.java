package io.idmswebhook.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idmswebhook.core.defaulting.Defaulted;
import io.idmswebhook.core.defaulting.Defaulter;
import io.idmswebhook.core.defaulting.Normalisation;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.engine.RequestTarget;
import java.util.List;
import java.util.Map;

/**
 * {@code /mutate}: the defaulting rules as a JSON patch with one warning per change. The rules,
 * and the findings this endpoint denies (D0), are decided by {@link Defaulter} and described in the
 * README's section "Defaulting (/mutate)"; every other finding is left to the validating webhook,
 * which runs after the CRD schema, so none shows twice.
 *
 * <p>A denied request carries no patch and no change warnings: nothing is applied, so saying
 * "normalised" would be untrue. A D0 denial that the configured enforcement lowers is allowed, and
 * still unpatched.
 */
public class MutatingWebhook implements AdmissionWebhook {

    private final Defaulter defaulter;
    private final ObjectMapper mapper;
    private final Enforcement enforcement;

    public MutatingWebhook(Defaulter defaulter, ObjectMapper mapper) {
        this(defaulter, mapper, Enforcement.DEFAULT);
    }

    /** @param enforcement applied to D0: a lowered D0 denial leaves the object unpatched and allowed */
    public MutatingWebhook(Defaulter defaulter, ObjectMapper mapper, Enforcement enforcement) {
        this.defaulter = defaulter;
        this.mapper = mapper;
        this.enforcement = enforcement;
    }

    @Override
    public Webhook webhook() {
        return Webhook.MUTATE;
    }

    @Override
    public ReviewAnswer judge(ReviewRequest request, RequestTarget.Removal target) {
        // nothing to default in an object that is going away
        return ReviewAnswer.of(Decision.allow());
    }

    @Override
    public ReviewAnswer judge(ReviewRequest request, RequestTarget.Evaluate target) {
        Defaulted defaulted = defaulter.apply(target.object(), target.oldObject());
        if (!defaulted.allowed()) {
            // Lowered or not, the repairs are left out with the denial they belong to: a partly
            // repaired object would still fail the schema. A lowered one is answered with its
            // "would deny:" warning, which on a cluster with the CRD is shown next to the schema's error.
            return ReviewAnswer.of(enforcement.apply(new Decision(defaulted.denials(), List.of(), Map.of())));
        }
        if (!defaulted.changed()) {
            return ReviewAnswer.of(Decision.allow());
        }
        JsonNode patch = NormalisationPatch.diff(request.object(), defaulted.changes());
        if (patch.isEmpty()) {
            return ReviewAnswer.of(Decision.allow());
        }
        // The changes as D findings: the same per-warning and total budget as /validate, so the API
        // server drops none silently, and metrics and audit annotations name them.
        Decision changes = new Decision(List.of(),
                defaulted.changes().stream().map(Normalisation::asWarning).toList(), Map.of());
        return ReviewAnswer.patched(changes, write(patch));
    }

    private byte[] write(JsonNode patch) {
        try {
            return mapper.writeValueAsBytes(patch);
        } catch (JsonProcessingException e) {
            // A tree of our own always serialises; failing here means a broken build, not bad input.
            throw new IllegalStateException("cannot write the patch", e);
        }
    }
}
