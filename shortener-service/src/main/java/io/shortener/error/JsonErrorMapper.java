package io.shortener.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/** Request bodies that are not the JSON we expect: say which field and why, never how Jackson failed. */
public final class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        // Jackson wraps what the body stream threw, such as RequestBodyLimit's 413: answer that instead.
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return ErrorResponses.of(refusal.status(), refusal.getMessage());
            }
        }
        return ErrorResponses.of(400, messageFor(exception));
    }

    public static String messageFor(JsonProcessingException exception) {
        if (exception instanceof JsonParseException) {
            JsonLocation location = exception.getLocation();
            return location == null ? "malformed JSON"
                    : "malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (exception instanceof MismatchedInputException mismatch) {
            String field = fieldPath(mismatch);
            if (field.isEmpty()) {
                return "the request body must be a JSON object";
            }
            Class<?> target = mismatch.getTargetType();
            return "field '" + field + "' must be " + (target == null ? "of another type" : describe(target));
        }
        return "the request body is not valid JSON for this endpoint";
    }

    private static String fieldPath(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }
}
