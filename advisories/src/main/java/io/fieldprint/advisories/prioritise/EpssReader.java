package io.fieldprint.advisories.prioritise;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a FIRST EPSS score file in its published CSV form, plain or gzip-compressed (recognised by
 * its magic number): an optional first comment line {@code
 * #model_version:v2023.03.01,score_date:2024-01-01T00:00:00+0000}, the header {@code
 * cve,epss,percentile}, then one line per CVE. A malformed line rejects the file, naming the line:
 * the table is replaced whole, so a damaged file must not replace a good one.
 */
public final class EpssReader {
  /** Most score lines accepted (the real file has about 300,000). */
  public static final int MAX_ROWS = 2_000_000;

  /** Longest line accepted. */
  public static final int MAX_LINE = 4096;

  private EpssReader() {}

  /** Reads a score file; never throws on bad content. */
  public static FeedFile<EpssScores> read(InputStream raw) throws IOException {
    BoundedLines lines =
        new BoundedLines(new BufferedReader(new InputStreamReader(decompressed(raw), UTF8)));
    String model = "";
    String date = "";
    String line = lines.readLine();
    int number = 1;
    if (line != null && line.startsWith("#")) {
      for (String part : line.substring(1).split(",")) {
        String[] kv = part.split(":", 2);
        if (kv.length == 2 && kv[0].strip().equals("model_version")) {
          model = kv[1].strip();
        } else if (kv.length == 2 && kv[0].strip().equals("score_date")) {
          date = kv[1].strip();
        }
      }
      line = lines.readLine();
      number++;
    }
    if (line == null || !line.strip().equals("cve,epss,percentile")) {
      return new FeedFile.Rejected<>(
          "line " + number + ": expected the header cve,epss,percentile");
    }
    List<EpssScore> scores = new ArrayList<>();
    for (line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String problem = scores.size() >= MAX_ROWS ? "more than " + MAX_ROWS + " scores" : null;
      EpssScore score = problem == null ? score(line) : null;
      if (score == null) {
        return new FeedFile.Rejected<>(
            "line " + number + ": " + (problem != null ? problem : "not cve,epss,percentile"));
      }
      scores.add(score);
    }
    return new EpssScores(model, date, scores);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static EpssScore score(String line) {
    if (line.length() > MAX_LINE) {
      return null;
    }
    String[] cols = line.strip().split(",");
    if (cols.length != 3 || !KevReader.CVE.matcher(cols[0]).matches()) {
      return null;
    }
    try {
      double epss = Double.parseDouble(cols[1]);
      double percentile = Double.parseDouble(cols[2]);
      boolean valid = epss >= 0 && epss <= 1 && percentile >= 0 && percentile <= 1;
      return valid ? new EpssScore(cols[0], epss, percentile) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Lines of at most {@link #MAX_LINE} characters; a longer line reads as a too-long marker. */
  private static final class BoundedLines {
    private final BufferedReader in;

    BoundedLines(BufferedReader in) {
      this.in = in;
    }

    String readLine() throws IOException {
      StringBuilder sb = new StringBuilder();
      int c = in.read();
      if (c < 0) {
        return null;
      }
      boolean tooLong = false;
      for (; c >= 0 && c != '\n'; c = in.read()) {
        if (sb.length() < MAX_LINE + 1) {
          sb.append((char) c);
        } else {
          tooLong = true;
        }
      }
      String line = sb.toString();
      line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      return tooLong ? "x".repeat(MAX_LINE + 1) : line;
    }
  }

  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
  }
}
