package io.shortener.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shortener.access.Caller;
import io.shortener.access.Scope;
import com.datastax.oss.driver.api.core.DriverException;
import io.shortener.error.ApiException;
import io.shortener.error.ErrorBody;
import io.shortener.idgen.Base62;
import io.shortener.idgen.ShortCodes;
import io.shortener.link.CreateLinkRequest;
import io.shortener.link.Link;
import io.shortener.link.LinkService;
import io.shortener.limit.BulkAllowance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/links/import}: links from a CSV file (see {@link CsvColumns} for the columns it
 * knows), each row created as a link of the caller's account with the code it had (see {@link #codeOf}),
 * its title, tags and created date. Idempotent: a row whose code
 * this account already holds for the same URL is answered {@code 200 unchanged} and not written again,
 * so an import cut short (or refused in part by the bulk allowance) is simply sent again.
 */
public final class LinkImport {

    public static final int MAX_ROWS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(LinkImport.class);
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]");
    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    private final LinkService links;
    private final BulkAllowance allowance;

    public LinkImport(LinkService links, BulkAllowance allowance) {
        this.links = links;
        this.allowance = allowance;
    }

    /**
     * One row's answer: its line in the file, its status, the code it has here (and the one it had, when it
     * could not keep it) or why it has none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(long line, int status, String code, String from, ErrorBody error) {
    }

    public record Answer(int created, int unchanged, int failed, List<Result> results) {
    }

    public Answer importCsv(Caller caller, InputStream body) {
        caller.require(Scope.LINKS_WRITE);
        if (body == null) {
            throw ApiException.badRequest("a CSV file with a header row is required");
        }
        List<CSVRecord> records;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            reader.mark(64 * 1024);
            String firstLine = Objects.requireNonNullElse(reader.readLine(), "");
            reader.reset();
            // A spreadsheet set to a European locale writes semicolons.
            char delimiter = firstLine.indexOf(',') < 0 && firstLine.indexOf(';') >= 0 ? ';' : ',';
            CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get().parse(reader);
            records = parser.getRecords();
        } catch (UncheckedIOException e) {
            throw ApiException.badRequest("the CSV could not be read: " + e.getCause().getMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the CSV could not be read: " + e.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ApiException.badRequest("the CSV is malformed: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw ApiException.badRequest("the CSV is empty: a header row naming at least the long URL's column is required");
        }
        CsvColumns columns = CsvColumns.of(records.get(0).toList()).orElseThrow(() -> ApiException.badRequest(
                "the header row names no long URL column (long_url, Long URL, url, original_url, destination)"));
        List<CSVRecord> rows = records.subList(1, records.size());
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw ApiException.badRequest("an import takes 1 to " + MAX_ROWS + " rows after the header, not " + rows.size());
        }
        long granted = allowance.grant(caller, rows.size());
        List<Result> results = new ArrayList<>(rows.size());
        int created = 0;
        int unchanged = 0;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Result result = i < granted ? importRow(caller, columns, row)
                    : new Result(row.getRecordNumber(), 429, null, null,
                            new ErrorBody(429, "over the key's bulk allowance (limits.bulkLinksPerKey): import the file again later"));
            results.add(result);
            if (result.status() == 201) {
                created++;
            } else if (result.status() == 200) {
                unchanged++;
            }
        }
        return new Answer(created, unchanged, rows.size() - created - unchanged, results);
    }

    private Result importRow(Caller caller, CsvColumns columns, CSVRecord record) {
        List<String> row = record.toList();
        long line = record.getRecordNumber();
        String url = CsvColumns.cell(row, columns.url());
        try {
            if (url == null) {
                throw ApiException.badRequest("the row has no long URL");
            }
            String original = originalCode(CsvColumns.cell(row, columns.code()));
            String code = codeOf(original, caller, url);
            String from = original != null && !original.equals(code) ? original : null;
            CreateLinkRequest request = new CreateLinkRequest(url, code, CsvColumns.cell(row, columns.expiresAt()),
                    redirectType(CsvColumns.cell(row, columns.redirectType())), CsvColumns.cell(row, columns.title()),
                    tags(CsvColumns.cell(row, columns.tags())), null);
            Instant createdAt = createdAt(CsvColumns.cell(row, columns.createdAt()));
            try {
                return new Result(line, 201, links.importLink(request, createdAt, caller).code(), from, null);
            } catch (ApiException e) {
                if (e.status() == 409 && alreadyImported(code, url, caller)) {
                    return new Result(line, 200, code, from, null);
                }
                throw e;
            }
        } catch (ApiException e) {
            return new Result(line, e.status(), null, null, new ErrorBody(e.status(), e.getMessage()));
        } catch (DriverException e) {
            // Cassandra slow or away for this row (the rest may still go through); anything else is a bug, a 500.
            LOG.warn("import of line {} failed: {}", line, e.toString());
            return new Result(line, 503, null, null, new ErrorBody(503, "the link could not be stored now: import the file again"));
        }
    }

    /** Whether the code is this account's link to this very URL: a row imported before. */
    private boolean alreadyImported(String code, String url, Caller caller) {
        Optional<Link> existing = links.find(code);
        // Compared as stored: the URL policy may have normalised it (an IDN host in punycode, say).
        return existing.isPresent() && caller.sees(existing.get()) && existing.get().url().equals(links.targetOf(url));
    }

    /** The code a row names: a full short URL ({@code bit.ly/abc}) gives its last path segment. */
    static String originalCode(String cell) {
        if (cell == null) {
            return null;
        }
        String code = cell.endsWith("/") ? cell.substring(0, cell.length() - 1) : cell;
        return code.substring(code.lastIndexOf('/') + 1);
    }

    /**
     * The code a row's link gets: the one it had; for a row without one, a code derived from the account and
     * the URL; for one of the form this service generates (11 letters and digits, as its own export has), a
     * code derived from the account and that code, since this deployment's generator may issue that very
     * code one day. Derived codes are the same at every import of the row, which keeps a re-import idempotent.
     */
    static String codeOf(String original, Caller caller, String url) {
        if (original != null && !ShortCodes.isGeneratedForm(original)) {
            return original;
        }
        return derived(caller.account() + "\n" + (original != null ? "code " + original : url));
    }

    private static String derived(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            String text = Base62.encode(new BigInteger(1, Arrays.copyOf(digest, 8)).longValue() & Long.MAX_VALUE);
            return "imp-" + text;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Integer redirectType(String cell) {
        if (cell == null) {
            return null;
        }
        try {
            return Integer.valueOf(cell);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("the redirect type '" + cell + "' is not 301, 302, 307 or 308");
        }
    }

    static List<String> tags(String cell) {
        if (cell == null) {
            return null;
        }
        return Arrays.stream(cell.split("[|,;]")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    /** ISO-8601 with an offset (also +0000, as Bitly writes it), or without one, or a plain date: UTC then. */
    static Instant createdAt(String cell) {
        if (cell == null) {
            return null;
        }
        List<java.util.function.Supplier<Instant>> readings = List.of(
                () -> OffsetDateTime.parse(cell).toInstant(),
                () -> OffsetDateTime.parse(cell, COMPACT_OFFSET).toInstant(),
                () -> LocalDateTime.parse(cell).toInstant(ZoneOffset.UTC),
                () -> LocalDateTime.parse(cell, SPACED).toInstant(ZoneOffset.UTC),
                () -> LocalDate.parse(cell).atStartOfDay(ZoneOffset.UTC).toInstant());
        for (java.util.function.Supplier<Instant> reading : readings) {
            try {
                return reading.get();
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        throw ApiException.badRequest("the created date '" + cell + "' is not ISO-8601 (2026-12-01T08:00:00Z) or 2026-12-01 08:00:00");
    }
}
