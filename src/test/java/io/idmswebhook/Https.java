package io.idmswebhook;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.net.URL;

/** RestAssured requests to the webhook port over HTTPS (the certificate is made per run). */
public final class Https {

    private Https() {
    }

    public static RequestSpecification to(URL base) {
        return given().baseUri("https://" + base.getHost()).port(base.getPort()).relaxedHTTPSValidation();
    }
}
