package io.fieldprint.agent.service.outbox;

/** What the collector's answer to one report means for the outbox. */
enum DeliveryOutcome {
  /** 201 applied or 200 already received: remove it. */
  DELIVERED,
  /** 400 or 413: the collector will never accept this body; drop it and go on. */
  REFUSED,
  /** Anything else (no answer, 5xx, 401, 403, 429): keep it and retry after back-off. */
  RETRY;

  static DeliveryOutcome of(int status) {
    if (status == 200 || status == 201) {
      return DELIVERED;
    }
    if (status == 400 || status == 413 || status == 415) {
      return REFUSED;
    }
    return RETRY;
  }
}
