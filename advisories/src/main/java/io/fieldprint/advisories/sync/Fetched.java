package io.fieldprint.advisories.sync;

import java.net.URI;

/** The outcome of one bounded HTTP GET. */
sealed interface Fetched {

  /**
   * A 200 response within the size cap.
   *
   * @param uri where the body finally came from, after redirects
   * @param bytes the body
   */
  record Body(URI uri, byte[] bytes) implements Fetched {}

  /**
   * No usable body.
   *
   * @param reason one line naming the cause (status, size cap, timeout, scheme, redirects)
   * @param notFound whether the server said 404 or 410 (an optional file that is absent)
   */
  record Failed(String reason, boolean notFound) implements Fetched {}
}
