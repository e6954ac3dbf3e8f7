package io.fieldprint.agent.service.capture;

/** Live capture cannot start: no libpcap, no permission, no such interface or a bad filter. */
public final class CaptureUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public CaptureUnavailableException(String message) {
    super(message);
  }
}
