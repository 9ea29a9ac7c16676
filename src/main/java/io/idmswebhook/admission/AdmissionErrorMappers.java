package io.idmswebhook.admission;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals that happen before the handler runs, answered in the same JSON shape as its 400s
 * (a Kubernetes Status), so that whoever misconfigured a caller reads why instead of a bare code.
 */
public class AdmissionErrorMappers {

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        String json = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":415,"
                + "\"reason\":\"UnsupportedMediaType\",\"message\":\"send the AdmissionReview with "
                + "Content-Type: application/json\"}";
        return Response.status(415).entity(json).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
