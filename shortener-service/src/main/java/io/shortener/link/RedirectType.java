package io.shortener.link;

import java.util.Arrays;
import java.util.Optional;

/** The redirect statuses a link may answer with. Permanent ones may be cached by browsers for longer. */
public enum RedirectType {
    MOVED_PERMANENTLY(301, true),
    FOUND(302, false),
    TEMPORARY_REDIRECT(307, false),
    PERMANENT_REDIRECT(308, true);

    private final int status;
    private final boolean permanent;

    RedirectType(int status, boolean permanent) {
        this.status = status;
        this.permanent = permanent;
    }

    public int status() {
        return status;
    }

    public boolean isPermanent() {
        return permanent;
    }

    public static Optional<RedirectType> ofStatus(int status) {
        return Arrays.stream(values()).filter(type -> type.status == status).findFirst();
    }
}
