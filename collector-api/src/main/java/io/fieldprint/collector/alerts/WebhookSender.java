package io.fieldprint.collector.alerts;

import io.fieldprint.collector.config.Destination;
import io.fieldprint.collector.storage.CorrelationStore.Alert;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs the alert as JSON with {@code X-Fieldprint-Signature: sha256=<hex HMAC-SHA256 of the
 * body>}; any 2xx answer is a delivery.
 */
public final class WebhookSender implements AlertSender {
  public static final String SIGNATURE_HEADER = "X-Fieldprint-Signature";

  private final Destination.Webhook destination;
  private final HttpClient http;

  public WebhookSender(Destination.Webhook destination) {
    this.destination = destination;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public void send(Alert alert) throws IOException, InterruptedException {
    byte[] body = AlertJson.of(alert).encode().getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(destination.url())
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .header(SIGNATURE_HEADER, "sha256=" + hmac(destination.secret(), body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("webhook answered HTTP " + response.statusCode());
    }
  }

  /** Lower-case hex HMAC-SHA256 of {@code body} under {@code secret} (UTF-8). */
  public static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The webhook body. */
  static final class AlertJson {
    private AlertJson() {}

    static JsonObject of(Alert a) {
      return new JsonObject()
          .put("id", a.id())
          .put("kind", a.kind())
          .put("site", a.siteId())
          .put("asset", a.assetUid())
          .put("advisoryId", a.advisoryId())
          .put("advisoryVersion", a.advisoryVersion())
          .put("title", a.title())
          .put("confidence", a.confidence().wire())
          .put("cvss", a.cvss().orElse(null))
          .put("tlp", a.tlp().orElse(null))
          .put("createdAt", a.createdAt().toString())
          .put("match", new JsonObject(a.matchJson()));
    }
  }
}
