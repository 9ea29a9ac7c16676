package io.idmswebhook.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.idmswebhook.core.defaulting.Defaulter;
import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.rules.Limits;
import io.idmswebhook.core.view.ClusterView;
import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Wires the plain pipeline and webhooks into CDI; the cluster view comes from {@code io.idmswebhook.cluster}. */
@ApplicationScoped
public class AdmissionBeans {

    private static final Logger LOG = Logger.getLogger(AdmissionBeans.class);

    /** One mapper for reading reviews, writing answers and patches: one notion of well-formed JSON. */
    private final ObjectMapper mapper = AdmissionJson.newMapper();

    /** Every {@link ReviewObserver} bean (metrics, the decision log) hears of every answer. */
    @Produces
    @ApplicationScoped
    ReviewPipeline reviewPipeline(Enforcement enforcement, @All List<ReviewObserver> observers) {
        ReviewObserver[] all = observers.toArray(ReviewObserver[]::new);
        ReviewObserver each = all.length == 1 ? all[0] : outcome -> {
            for (ReviewObserver o : all) {
                o.answered(outcome);
            }
        };
        return new ReviewPipeline(new ReviewReader(mapper), new AnswerWriter(mapper.getFactory()), each, enforcement);
    }

    @Produces
    @ApplicationScoped
    ValidatingWebhook validatingWebhook(ClusterView cluster, Enforcement enforcement) {
        return new ValidatingWebhook(new MirrorSetValidator(Limits.DEFAULT, enforcement)::validate, cluster);
    }

    /** D5 and why it is off by default: the README's section "Defaulting (/mutate)". */
    @Produces
    @ApplicationScoped
    MutatingWebhook mutatingWebhook(@ConfigProperty(name = "idms.defaulting.explicit-policy", defaultValue = "false")
                                    boolean explicitPolicy, Enforcement enforcement) {
        return new MutatingWebhook(new Defaulter(explicitPolicy), mapper, enforcement);
    }

    /** Runs on the main thread before the HTTPS port opens, so no request pays for it. */
    void warmUp(@Observes StartupEvent start, ReviewPipeline pipeline, ValidatingWebhook validating) {
        int failed = WarmUp.run(pipeline, validating);
        if (failed > 0) {
            LOG.warnf("%d of the start-up reviews were not answered; the first real requests may be slow", failed);
        }
    }
}
