package io.idmswebhook.admission;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.engine.RequestTarget;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.view.ClusterView;
import java.util.List;
import java.util.Map;

/** {@code /validate}: the rule book against the object, its old version and the cluster view. */
public class ValidatingWebhook implements AdmissionWebhook {

    /**
     * The engine as the webhook sees it: {@link MirrorSetValidator#validate} in the service, a
     * failing one in the tests that prove a bug in it never escapes as an exception. A null
     * {@code object} is a DELETE of {@code oldObjectOrNull}.
     */
    @FunctionalInterface
    public interface Engine {
        Decision validate(MirrorSet object, MirrorSet oldObjectOrNull, ClusterView cluster);
    }

    private final Engine engine;
    private final ClusterView cluster;

    public ValidatingWebhook(Engine engine, ClusterView cluster) {
        this.engine = engine;
        this.cluster = cluster;
    }

    @Override
    public Webhook webhook() {
        return Webhook.VALIDATE;
    }

    @Override
    public ReviewAnswer judge(ReviewRequest request, RequestTarget.Evaluate target) {
        return ReviewAnswer.of(engine.validate(target.object(), target.oldObject(), cluster));
    }

    @Override
    public ReviewAnswer judge(ReviewRequest request, RequestTarget.Removal target) {
        Decision d = engine.validate(null, target.oldObject(), cluster);
        // the rule book never denies a DELETE, whatever an engine says
        return ReviewAnswer.of(d.allowed() ? d : new Decision(List.of(), d.warnings(), Map.of()));
    }
}
