package io.shortener.link;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.access.Caller;
import io.shortener.access.Scope;
import com.datastax.oss.driver.api.core.DriverException;
import io.shortener.error.ApiException;
import io.shortener.error.ErrorBody;
import io.shortener.error.JsonErrorMapper;
import io.shortener.limit.BulkAllowance;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/links/bulk}: up to {@link #MAX_ITEMS} creates in one request, each checked and
 * stored on its own exactly as {@code POST /api/v1/links} would (a refused item stores nothing), each with
 * its own answer, in the order sent. Items past the caller's {@link BulkAllowance} are answered 429.
 */
public final class BulkCreates {

    public static final int MAX_ITEMS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(BulkCreates.class);

    private final LinkService links;
    private final ObjectMapper json;
    private final BulkAllowance allowance;
    private final String publicBaseUrl;

    public BulkCreates(LinkService links, ObjectMapper json, BulkAllowance allowance, String publicBaseUrl) {
        this.links = links;
        this.json = json;
        this.allowance = allowance;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** One item's answer: the link for a 201, the error otherwise. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(int status, LinkView link, ErrorBody error) {
    }

    /** The answers, in the order of the items, and how many were created and refused. */
    public record Answer(int created, int failed, List<Result> results) {
    }

    public Answer create(Caller caller, JsonNode body) {
        caller.require(Scope.LINKS_WRITE);
        if (body == null || !body.isArray()) {
            throw ApiException.badRequest("a JSON array of links to create is required, like [{\"url\": \"https://example.com/a\"}]");
        }
        if (body.isEmpty() || body.size() > MAX_ITEMS) {
            throw ApiException.badRequest("a bulk create takes 1 to " + MAX_ITEMS + " links, not " + body.size());
        }
        long granted = allowance.grant(caller, body.size());
        List<Result> results = new ArrayList<>(body.size());
        int created = 0;
        for (int i = 0; i < body.size(); i++) {
            Result result = i < granted ? createOne(caller, body.get(i))
                    : new Result(429, null, new ErrorBody(429, "over the key's bulk allowance (limits.bulkLinksPerKey): send this item again later"));
            results.add(result);
            if (result.status() == 201) {
                created++;
            }
        }
        return new Answer(created, body.size() - created, results);
    }

    private Result createOne(Caller caller, JsonNode item) {
        try {
            CreateLinkRequest request = json.treeToValue(item, CreateLinkRequest.class);
            return new Result(201, LinkView.of(links.create(request, caller), publicBaseUrl), null);
        } catch (JsonProcessingException e) {
            return new Result(400, null, new ErrorBody(400, JsonErrorMapper.messageFor(e)));
        } catch (ApiException e) {
            return new Result(e.status(), null, new ErrorBody(e.status(), e.getMessage()));
        } catch (DriverException e) {
            // Cassandra slow or away for this item (the rest may still go through): retry it, as a 503 invites.
            // Anything else is a bug, and the whole request gets its 500.
            LOG.warn("bulk create of one item failed: {}", e.toString());
            return new Result(503, null, new ErrorBody(503, "the link could not be stored now: send this item again"));
        }
    }
}
