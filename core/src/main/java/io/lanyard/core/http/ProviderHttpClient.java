package io.lanyard.core.http;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends Nimbus-built requests to an identity provider with the JDK's HTTP client, within {@link HttpLimits}.
 * Redirects are never followed: a provider's endpoints are taken from its metadata, not from where it points.
 * The messages of failures name the URL (never its query) and the cause, and never a body.
 */
public final class ProviderHttpClient {

    private final HttpClient client;
    private final HttpLimits limits;

    public ProviderHttpClient(HttpLimits limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpLimits limits() {
        return limits;
    }

    /**
     * @param unreachable the code to fail with when the provider cannot be reached or times out
     * @throws LoginFailedException {@code unreachable}, or {@code HTTP_RESPONSE_TOO_LARGE}
     */
    public HTTPResponse send(HTTPRequest request, ErrorCode unreachable) {
        HttpRequest jdkRequest = toJdkRequest(request);
        String where = request.getMethod() + " " + withoutQuery(request.getURI());
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(jdkRequest, info -> new BoundedBodySubscriber(limits.maxBodyBytes()));
        try {
            return toNimbusResponse(future.get(limits.responseTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new LoginFailedException(unreachable, where + " did not answer within "
                    + limits.responseTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new LoginFailedException(unreachable, where + " was interrupted");
        } catch (ExecutionException e) {
            throw failure(unreachable, where, e.getCause());
        }
    }

    private LoginFailedException failure(ErrorCode unreachable, String where, Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            // The JDK's own request timeout and our deadline are the same length; whichever fires first, one message.
            return new LoginFailedException(unreachable, where + " did not answer within "
                    + limits.responseTimeout().toMillis() + " ms");
        }
        if (cause instanceof BoundedBodySubscriber.BodyTooLargeException) {
            return new LoginFailedException(ErrorCode.HTTP_RESPONSE_TOO_LARGE,
                    where + " answered with more than " + limits.maxBodyBytes() + " bytes");
        }
        String reason = cause instanceof IOException || cause instanceof IllegalArgumentException
                ? cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                : String.valueOf(cause);
        return new LoginFailedException(unreachable, where + " failed: " + reason, cause);
    }

    private HttpRequest toJdkRequest(HTTPRequest request) {
        // Nimbus 11 keeps a GET request's parameters in its URI and a POST request's form in its body.
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(limits.responseTimeout());
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        String body = request.getMethod() == HTTPRequest.Method.GET ? null : request.getBody();
        builder.method(request.getMethod().name(), body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return builder.build();
    }

    private static HTTPResponse toNimbusResponse(HttpResponse<byte[]> response) {
        HTTPResponse result = new HTTPResponse(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                result.setHeader(name, values.toArray(String[]::new));
            }
        });
        result.setBody(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        return result;
    }

    /** For messages: a URL's query may carry a code or a token, so it is never logged. */
    public static String withoutQuery(URI uri) {
        String text = uri.toString();
        int cut = text.indexOf('?');
        return cut < 0 ? text : text.substring(0, cut);
    }
}
