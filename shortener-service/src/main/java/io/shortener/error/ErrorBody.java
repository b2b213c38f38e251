package io.shortener.error;

/** The one shape every error answer has: {@code {"code": 404, "message": "..."}}, code being the HTTP status. */
public record ErrorBody(int code, String message) {
}
