package io.fieldprint.protocols.cleartext;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Follows one direction of an HTTP/1.x connection from message head to message head: collects each
 * head (up to {@value #MAX_HEAD} bytes), hands it over, then skips the body by its Content-Length.
 * It stops for good when it cannot tell where the next message starts (chunked or close-delimited
 * bodies, heads that are too long or not HTTP, a gap), or after {@value #MAX_MESSAGES} messages.
 */
final class HttpMessageScanner {
  static final int MAX_HEAD = 8 * 1024;
  static final int MAX_MESSAGES = 32;

  private byte[] head = new byte[256];
  private int headLength;
  private long bodyLeft;
  private int messages;
  private boolean stopped;

  boolean stopped() {
    return stopped;
  }

  void stop() {
    stopped = true;
  }

  /** Consumes a chunk, calling {@code onHead} for each complete message head in it. */
  void feed(ByteBuffer chunk, Consumer<HttpHead> onHead) {
    int p = chunk.position();
    int end = chunk.limit();
    while (p < end && !stopped) {
      if (bodyLeft > 0) {
        int skip = (int) Math.min(bodyLeft, end - p);
        bodyLeft -= skip;
        p += skip;
        continue;
      }
      p = collectHead(chunk, p, end, onHead);
    }
  }

  private int collectHead(ByteBuffer chunk, int p, int end, Consumer<HttpHead> onHead) {
    while (p < end) {
      if (headLength == head.length) {
        if (headLength == MAX_HEAD) {
          stopped = true;
          return end;
        }
        head = java.util.Arrays.copyOf(head, Math.min(MAX_HEAD, head.length * 4));
      }
      head[headLength++] = chunk.get(p++);
      if (endsWithBlankLine()) {
        HttpHead parsed = HttpHead.parse(head, headLength - 2);
        headLength = 0;
        if (parsed == null || ++messages > MAX_MESSAGES) {
          stopped = true;
          return end;
        }
        onHead.accept(parsed);
        long body = parsed.bodyLength();
        if (body < 0) {
          stopped = true;
          return end;
        }
        bodyLeft = body;
        return p;
      }
    }
    return p;
  }

  private boolean endsWithBlankLine() {
    int n = headLength;
    return n >= 2
        && head[n - 1] == '\n'
        && (head[n - 2] == '\n' || n >= 4 && head[n - 2] == '\r' && head[n - 3] == '\n');
  }
}
