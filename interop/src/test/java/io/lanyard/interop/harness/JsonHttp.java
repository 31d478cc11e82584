package io.lanyard.interop.harness;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The harness's own HTTP calls to a provider (readiness, metadata, Keycloak's admin API); bounded in time. */
public final class JsonHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private JsonHttp() {
    }

    /** Whether a GET answers 200 now (for readiness polling); any failure is "not yet". */
    public static boolean answers200(URI uri) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static Map<String, Object> get(URI uri, Optional<String> bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET();
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return json(send(request.build(), uri, 200));
    }

    /** DELETE with a bearer token; expects {@code expectedStatus}. */
    public static void delete(URI uri, String bearer, int expectedStatus) {
        send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", "Bearer " + bearer).DELETE().build(),
                uri, expectedStatus);
    }

    /** POST a form; the answer's JSON object. Values may be secrets: they go only into the request body. */
    public static Map<String, Object> postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return json(send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), uri, 200));
    }

    /** POST JSON with a bearer token; expects {@code expectedStatus}. */
    public static void postJson(URI uri, String bearer, String json, int expectedStatus) {
        send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), uri, expectedStatus);
    }

    /** PUT JSON with a bearer token; expects {@code expectedStatus}. */
    public static void putJson(URI uri, String bearer, String json, int expectedStatus) {
        send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), uri, expectedStatus);
    }

    /** GET a JSON array of objects with a bearer token. */
    public static List<Map<String, Object>> getArray(URI uri, String bearer) {
        String body = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer).GET().build(), uri, 200);
        try {
            List<Map<String, Object>> objects = new java.util.ArrayList<>();
            for (Object item : com.nimbusds.oauth2.sdk.util.JSONArrayUtils.parse(body)) {
                if (item instanceof net.minidev.json.JSONObject object) {
                    objects.add(object);
                }
            }
            return objects;
        } catch (ParseException e) {
            throw new IllegalStateException("not a JSON array: " + e.getMessage(), e);
        }
    }

    private static String send(HttpRequest request, URI uri, int expectedStatus) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                // the status only: a body could echo a secret
                throw new IllegalStateException(request.method() + " " + uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static Map<String, Object> json(String text) {
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException("not a JSON object: " + e.getMessage(), e);
        }
    }
}
