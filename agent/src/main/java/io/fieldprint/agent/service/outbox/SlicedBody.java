package io.fieldprint.agent.service.outbox;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;

/**
 * Sends a request body in slices of {@link #SLICE_BYTES}, each written after the previous one left
 * for the socket, with its {@code Content-Length} set up front (no chunked encoding). {@code
 * send(Buffer.buffer(body))} would copy a whole report (4–12 MB in bench/agent) onto the heap and
 * then, inside Netty, into a direct buffer of the same size; slices keep both at one slice.
 */
final class SlicedBody {
  static final int SLICE_BYTES = 64 * 1024;

  private final HttpClientRequest request;
  private final byte[] body;

  private SlicedBody(HttpClientRequest request, byte[] body) {
    this.request = request;
    this.body = body;
  }

  /** Sends {@code body} as the request's body; completes with the response. Event loop only. */
  static Future<HttpClientResponse> send(HttpClientRequest request, byte[] body) {
    request.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
    Future<HttpClientResponse> response = request.response();
    new SlicedBody(request, body).writeFrom(0);
    return response;
  }

  private void writeFrom(int offset) {
    if (offset >= body.length) {
      request.end();
      return;
    }
    int length = Math.min(SLICE_BYTES, body.length - offset);
    request
        .write(Buffer.buffer(length).appendBytes(body, offset, length))
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                writeFrom(offset + length);
              } else {
                request.reset(0, ar.cause());
              }
            });
  }
}
