package io.lanyard.plugin.admin.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.lanyard.core.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Reads and writes the API's JSON strictly: bounded size and nesting, no unknown fields, no duplicate keys, no
 * type coercion, nothing after the document. A refusal names where the document is wrong, never a value from it
 * (which could be a secret).
 */
final class ApiJson {

    /** Far above any real configuration, far below anything that could hurt the host. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Pattern PRINTABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final ObjectMapper mapper;

    ApiJson() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16).maxStringLength(16 * 1024).maxNumberLength(19).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // Jackson makes text of any scalar even without that feature: "clientSecret": 17 would be the secret "17"
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /**
     * The body of a JSON request, bounded.
     *
     * @throws ApiException {@code ADMIN_REQUEST_MALFORMED} (wrong content type, empty) or {@code ADMIN_REQUEST_TOO_LARGE}
     */
    byte[] body(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ErrorCode.ADMIN_REQUEST_MALFORMED,
                    "the body must be JSON sent as Content-Type: application/json");
        }
        byte[] body = readBounded(request);
        if (body.length == 0) {
            throw malformed("the body is empty");
        }
        return body;
    }

    /**
     * Reads a request body taken with {@link #body}. Kept free of servlet types: the Eclipse Transformer that derives
     * the jakarta jars leaves {@code javax.servlet} in generic method signatures (JakartaJarsIT caught it).
     *
     * @throws ApiException {@code ADMIN_REQUEST_MALFORMED} (not JSON, wrong type, unknown field)
     */
    <T> T read(byte[] body, Class<T> type) throws IOException {
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw malformed("the body is null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw malformed("unknown field " + printableName(e.getPropertyName()) + pathOf(e));
        } catch (StreamConstraintsException e) {
            throw malformed("the document is nested too deeply or holds a value that is too long");
        } catch (JsonParseException e) {
            throw malformed("not well-formed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (JsonMappingException e) {
            throw malformed("a value has the wrong type or is missing" + pathOf(e));
        } catch (JsonProcessingException e) {
            throw malformed("not a valid document");
        }
    }

    void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        mapper.writeValue(response.getOutputStream(), body);
    }

    private static byte[] readBounded(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ErrorCode.ADMIN_REQUEST_TOO_LARGE,
                "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static ApiException malformed(String message) {
        return new ApiException(HttpServletResponse.SC_BAD_REQUEST, ErrorCode.ADMIN_REQUEST_MALFORMED, message);
    }

    /** Field names and indexes only: e.g. " at identityProviders[0].enabled". */
    private static String pathOf(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return "";
        }
        return " at " + e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? printableName(ref.getFieldName()) : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String printableName(String name) {
        return name != null && PRINTABLE_NAME.matcher(name).matches() ? name : "(unprintable name)";
    }
}
