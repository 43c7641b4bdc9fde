package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health (OBS-3), metrics (OBS-2), the OpenAPI document (API-10) and the operator consoles. */
class ObservabilityIT {

    @Test
    void livenessAndReadinessAreUp() {
        Response live = Clients.anonymous().get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.jsonPath().getString("status")).isEqualTo("UP");

        Response ready = Clients.anonymous().get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.jsonPath().getString("checks.find { it.name == 'database' }.status")).isEqualTo("UP");
        assertThat(ready.jsonPath().getBoolean("checks.find { it.name == 'database' }.data.migrated")).isTrue();
    }

    @Test
    void metricsArePrometheusTextWithRouteTemplates() {
        Clients.anonymous().body("{\"first_name\":\"Ama\",\"seats\":1}").post("/api/v1/_probes/validated");
        Response metrics = Clients.anonymous().accept("text/plain").get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        String text = metrics.asString();
        assertThat(text).containsPattern(
                "http_requests_total\\{method=\"POST\",mp_scope=\"application\",route=\"/api/v1/_probes/validated\",status=\"200\",?} [1-9]");
        assertThat(text).contains("http_request_duration_seconds_bucket{");
        assertThat(text).doesNotContain("route=\"/definitely");
        assertThat(text).as("Liberty's own request timers are filtered out; its server metrics stay")
                .doesNotContain("http_server_request_duration_seconds").doesNotContain("REST_request")
                .contains("threadpool_activeThreads").contains("servlet_request_total");
    }

    @Test
    void openApiDocumentIsJsonWhenAskedFor() {
        Response document = Clients.anonymous().accept("application/json").get("/api/docs");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.contentType()).startsWith("application/json");
        JsonPath json = document.jsonPath();
        assertThat(json.getString("openapi")).startsWith("3.1");
        assertThat(json.getString("info.title")).isEqualTo("AlloCar API");
        Map<String, Object> bearer = json.getMap("components.securitySchemes.bearer");
        assertThat(bearer).containsEntry("scheme", "bearer").containsEntry("bearerFormat", "JWT");
        assertThat(document.asString()).doesNotContain("_probes");
    }

    @Test
    void openApiUiIsServed() {
        Response ui = Clients.anonymous().accept("text/html").get("/api/docs/ui/");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.asString()).containsIgnoringCase("<html");
    }

    @Test
    void batchRestApiNeedsTheConsoleAccount() {
        String url = ItServer.httpsBaseUrl() + "/ibm/api/batch/jobinstances";
        assertThat(RestAssured.given().relaxedHTTPSValidation().get(url).statusCode()).isEqualTo(401);
        assertThat(RestAssured.given().relaxedHTTPSValidation()
                .auth().preemptive().basic(ItServer.env("ALLOCAR_CONSOLE_USER", "console"), "wrong-password")
                .get(url).statusCode()).isEqualTo(401);
        // the application's own callers may submit jobs (batchSubmitter for everyone); the REST API still may not
        assertThat(RestAssured.given().relaxedHTTPSValidation().contentType("application/json")
                .body("{\"applicationName\":\"allocar\",\"moduleName\":\"allocar.war\",\"jobXMLName\":\"cleanup\"}")
                .post(url).statusCode()).isEqualTo(401);
        assertThat(RestAssured.given().relaxedHTTPSValidation()
                .auth().preemptive().basic(ItServer.env("ALLOCAR_CONSOLE_USER", "console"),
                        ItServer.env("ALLOCAR_CONSOLE_PASSWORD", ""))
                .get(url).statusCode()).isEqualTo(200);
    }

    @Test
    void adminCenterAsksForTheConsoleLogin() {
        Response center = RestAssured.given().relaxedHTTPSValidation().redirects().follow(false)
                .get(ItServer.httpsBaseUrl() + "/adminCenter/");
        assertThat(center.statusCode()).isIn(302, 303);
        assertThat(center.header("Location")).contains("login");
    }
}
