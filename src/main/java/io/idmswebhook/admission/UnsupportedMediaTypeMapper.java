package io.idmswebhook.admission;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Both admission endpoints say why in the same JSON shape as a 400, instead of an empty 415.
 * Global rather than per resource, so /validate and /mutate cannot drift apart.
 */
public class UnsupportedMediaTypeMapper {

    static final String MESSAGE =
            "the body must be sent as Content-Type: application/json (an admission.k8s.io/v1 AdmissionReview)";

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        String json = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":415,"
                + "\"reason\":\"UnsupportedMediaType\",\"message\":\"" + MESSAGE + "\"}";
        return Response.status(415).entity(json).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
