package io.idmswebhook.admission;

import io.idmswebhook.core.defaulting.Defaulter;
import io.idmswebhook.core.engine.ClusterView;
import io.idmswebhook.core.engine.MirrorSetValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the plain handler into CDI; the cluster view comes from {@code io.idmswebhook.cluster}. */
@ApplicationScoped
public class AdmissionBeans {

    @Produces
    @ApplicationScoped
    AdmissionHandler admissionHandler(ClusterView cluster) {
        return new AdmissionHandler(AdmissionJson.newMapper(), new MirrorSetValidator(), cluster);
    }

    /** D5 is off by default: an explicit default shows up as drift in GitOps tools. */
    @Produces
    @ApplicationScoped
    MutationHandler mutationHandler(AdmissionHandler admission,
                                    @ConfigProperty(name = "idms.defaulting.explicit-policy", defaultValue = "false")
                                    boolean explicitPolicy) {
        return new MutationHandler(admission, new Defaulter(explicitPolicy), AdmissionJson.newMapper());
    }
}
