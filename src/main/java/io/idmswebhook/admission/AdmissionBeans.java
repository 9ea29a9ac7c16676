package io.idmswebhook.admission;

import io.idmswebhook.core.engine.ClusterView;
import io.idmswebhook.core.engine.MirrorSetValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the plain handler into CDI; the cluster view comes from {@code io.idmswebhook.cluster}. */
@ApplicationScoped
public class AdmissionBeans {

    @Produces
    @ApplicationScoped
    AdmissionHandler admissionHandler(ClusterView cluster) {
        return new AdmissionHandler(AdmissionJson.newMapper(), new MirrorSetValidator(), cluster);
    }
}
