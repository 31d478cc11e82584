package io.lanyard.core.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON objects of a token (JOSE header, claims) into the plain maps Nimbus' {@code JWSHeader.parse} and
 * {@code JWTClaimsSet.parse} take, with Jackson's streaming parser: several times faster than the JSON code inside
 * Nimbus (BENCHMARKS.md), and as strict. RFC 7515 §4 and RFC 7519 §4: a duplicate member name is refused, not
 * resolved one way or the other; so are trailing content and deep nesting.
 */
final class TokenJson {

    private static final int MAX_NESTING_DEPTH = 32;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private TokenJson() {
    }

    /**
     * @return the members of the object: strings, numbers (Integer, Long, BigInteger or Double), booleans, null,
     *         lists and maps
     * @throws IOException when it is not exactly one well-formed JSON object without duplicate members
     */
    static Map<String, Object> object(byte[] json, int offset, int length) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            Map<String, Object> result = readObject(parser);
            if (parser.nextToken() != null) {
                throw new IOException("content after the JSON object");
            }
            return result;
        } catch (StreamConstraintsException e) {
            throw new IOException("nested deeper than " + MAX_NESTING_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the token's text; the log gets only what and where.
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "a member name appears twice" : "not well-formed JSON";
            throw new IOException(what + (e.getLocation() == null ? "" : " at offset " + e.getLocation().getByteOffset()));
        }
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            members.put(name, readValue(parser));
        }
        return members;
    }

    private static List<Object> readArray(JsonParser parser) throws IOException {
        List<Object> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(readValue(parser));
        }
        return elements;
    }

    private static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("unexpected end of the JSON text");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + token);
        };
    }
}
