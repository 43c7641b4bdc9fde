package com.allocar.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Liberty's batch REST API ({@code /ibm/api/batch}) as an operator uses it, with the console account: submit a job of
 * the application, follow an execution, stop it, restart its instance.
 */
public final class BatchConsole {
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private BatchConsole() {
    }

    public static RequestSpecification console() {
        return RestAssured.given().relaxedHTTPSValidation().baseUri(ItServer.httpsBaseUrl())
                .auth().preemptive().basic(ItServer.env("ALLOCAR_CONSOLE_USER", "console"),
                        ItServer.env("ALLOCAR_CONSOLE_PASSWORD", ""))
                .accept(ContentType.JSON);
    }

    /** Submits {@code jobXmlName} and answers the id of its first execution. */
    public static long submit(String jobXmlName, Map<String, String> parameters) {
        Response submitted = console().contentType(ContentType.JSON)
                .body(Clients.json(Map.of("applicationName", "allocar", "moduleName", "allocar.war", "jobXMLName",
                        jobXmlName, "jobParameters", parameters)))
                .post("/ibm/api/batch/jobinstances");
        if (submitted.statusCode() != 201 && submitted.statusCode() != 200) {
            throw new IllegalStateException("submit " + jobXmlName + ": " + submitted.statusCode() + " "
                    + submitted.asString());
        }
        long instanceId = submitted.jsonPath().getLong("instanceId");
        return latestExecution(instanceId);
    }

    /** The newest execution of a job instance (the first one right after a submit). */
    public static long latestExecution(long instanceId) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            List<Long> ids = console().get("/ibm/api/batch/jobinstances/" + instanceId + "/jobexecutions")
                    .jsonPath().getList("executionId", Long.class);
            if (ids != null && !ids.isEmpty()) {
                return ids.stream().mapToLong(Long::longValue).max().orElseThrow();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no execution of instance " + instanceId);
            }
            pause();
        }
    }

    public static JsonPath execution(long executionId) {
        return console().get("/ibm/api/batch/jobexecutions/" + executionId).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the execution ended and answers its batch status (COMPLETED, FAILED, STOPPED…). */
    public static String awaitEnd(long executionId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String status = execution(executionId).getString("batchStatus");
            if (ENDED.contains(status)) {
                return status;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("execution " + executionId + " still " + status + " after " + timeout);
            }
            pause();
        }
    }

    /** The step executions of an execution: step name to exit status. */
    public static List<Map<String, Object>> steps(long executionId) {
        return console().get("/ibm/api/batch/jobexecutions/" + executionId + "/stepexecutions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static void stop(long executionId) {
        int status = console().put("/ibm/api/batch/jobexecutions/" + executionId + "?action=stop").statusCode();
        if (status != 200) {
            throw new IllegalStateException("stop " + executionId + ": " + status);
        }
    }

    /** Restarts the instance of {@code executionId} and answers the new execution's id. */
    public static long restart(long executionId) {
        long instanceId = execution(executionId).getLong("instanceId");
        Response restarted = console().contentType(ContentType.JSON).body("{}")
                .put("/ibm/api/batch/jobinstances/" + instanceId + "?action=restart");
        if (restarted.statusCode() != 200) {
            throw new IllegalStateException("restart " + instanceId + ": " + restarted.statusCode() + " "
                    + restarted.asString());
        }
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            long latest = latestExecution(instanceId);
            if (latest != executionId) {
                return latest;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no new execution of instance " + instanceId);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
