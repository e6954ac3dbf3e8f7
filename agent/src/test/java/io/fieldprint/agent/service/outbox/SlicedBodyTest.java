package io.fieldprint.agent.service.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Vert.x server on loopback receives what the sliced writer sends. */
class SlicedBodyTest {
  private Vertx vertx;
  private HttpServer server;
  private final AtomicReference<byte[]> received = new AtomicReference<>();
  private final AtomicReference<String> contentLength = new AtomicReference<>();
  private final AtomicReference<String> transferEncoding = new AtomicReference<>();

  @BeforeEach
  void startServer() throws Exception {
    vertx = Vertx.vertx();
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  contentLength.set(req.getHeader("Content-Length"));
                  transferEncoding.set(req.getHeader("Transfer-Encoding"));
                  req.body()
                      .onSuccess(
                          body -> {
                            received.set(body.getBytes());
                            req.response().setStatusCode(201).end("ok");
                          });
                })
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private int post(byte[] body) throws Exception {
    HttpClientAgent client = vertx.createHttpClient();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI("http://127.0.0.1:" + server.actualPort() + "/api/v1/reports");
    return client
        .request(options)
        .compose(req -> SlicedBody.send(req, body))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .await(20, TimeUnit.SECONDS);
  }

  @Test
  void aBodyOfManySlicesArrivesWholeWithItsContentLengthAndNoChunking() throws Exception {
    byte[] body = new byte[SlicedBody.SLICE_BYTES * 16 + 3];
    new Random(42).nextBytes(body);
    assertEquals(201, post(body));
    assertArrayEquals(body, received.get());
    assertEquals(Integer.toString(body.length), contentLength.get());
    assertEquals(null, transferEncoding.get());
  }

  @Test
  void bodiesOfOneSliceAndOfNothingArriveAsSent() throws Exception {
    byte[] small = "{\"reportId\":\"a\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(201, post(small));
    assertArrayEquals(small, received.get());
    assertEquals(201, post(new byte[0]));
    assertArrayEquals(Buffer.buffer().getBytes(), received.get());
    assertEquals("0", contentLength.get());
  }
}
