package io.shortener.error;

/**
 * A failure the client can act on, with the status to answer. Thrown on hot paths (a flood of unknown
 * codes), so it carries no stack trace: the message says all there is to say.
 */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
