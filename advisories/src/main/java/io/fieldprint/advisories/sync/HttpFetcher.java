package io.fieldprint.advisories.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounded GET over the JDK {@link HttpClient}: HTTPS only (plain HTTP to loopback, or everywhere
 * when {@link SyncLimits#allowPlainHttp()}), a size cap per response, one timeout for the whole
 * exchange, redirects followed by hand up to a limit, and a polite gap between requests to a host.
 */
final class HttpFetcher {
  static final String USER_AGENT = "fieldprint-csaf-sync/0.1";

  private final HttpClient client;
  private final SyncLimits limits;
  private final PoliteRate rate;

  HttpFetcher(SyncLimits limits) {
    this.limits = limits;
    this.rate = new PoliteRate(limits.minRequestInterval());
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(limits.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** GETs a URL, following at most {@link SyncLimits#maxRedirects()} redirects. */
  Fetched get(URI uri, long maxBytes) {
    URI current = uri;
    for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
      Optional<String> refused = refusedScheme(current);
      if (refused.isPresent()) {
        return new Fetched.Failed(refused.get(), false);
      }
      HttpResponse<byte[]> response;
      try {
        response = exchange(current, maxBytes);
      } catch (Failure f) {
        return new Fetched.Failed(f.getMessage(), false);
      }
      int status = response.statusCode();
      if (status == 200) {
        return new Fetched.Body(current, response.body());
      }
      if (status >= 300 && status < 400) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
          return new Fetched.Failed("HTTP " + status + " without Location from " + current, false);
        }
        try {
          current = current.resolve(new URI(location.get().trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
          return new Fetched.Failed(
              "HTTP " + status + " with unusable Location from " + current, false);
        }
        continue;
      }
      return new Fetched.Failed(
          "HTTP " + status + " from " + current, status == 404 || status == 410);
    }
    return new Fetched.Failed(
        "more than " + limits.maxRedirects() + " redirects starting at " + uri, false);
  }

  private HttpResponse<byte[]> exchange(URI uri, long maxBytes) throws Failure {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(uri)
              .timeout(limits.requestTimeout())
              .header("User-Agent", USER_AGENT)
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      throw new Failure("unusable URL " + uri + ": " + e.getMessage());
    }
    CompletableFuture<HttpResponse<byte[]>> future = null;
    try {
      rate.await(uri.getHost());
      future = client.sendAsync(request, info -> new CappedBody(maxBytes));
      return future.get(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted while fetching " + uri);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new Failure(noResponse(uri));
    } catch (ExecutionException e) {
      throw new Failure(describe(e.getCause(), uri));
    }
  }

  private String noResponse(URI uri) {
    return "no complete response within " + limits.requestTimeout() + " from " + uri;
  }

  private String describe(Throwable cause, URI uri) {
    Throwable t = cause;
    while (t != null) {
      if (t instanceof CappedBody.TooLarge) {
        return t.getMessage() + " (" + uri + ")";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection within " + limits.connectTimeout() + " to " + uri;
      }
      if (t instanceof HttpTimeoutException) {
        return noResponse(uri);
      }
      t = t.getCause();
    }
    if (cause instanceof IOException) {
      return "transfer failed: "
          + cause.getClass().getSimpleName()
          + " "
          + cause.getMessage()
          + " ("
          + uri
          + ")";
    }
    return "transfer failed: " + cause + " (" + uri + ")";
  }

  private Optional<String> refusedScheme(URI uri) {
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (scheme.equals("https")) {
      return Optional.empty();
    }
    if (scheme.equals("http") && (limits.allowPlainHttp() || isLoopback(uri.getHost()))) {
      return Optional.empty();
    }
    return Optional.of("refused scheme '" + scheme + "' for " + uri + " (HTTPS required)");
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }
}
